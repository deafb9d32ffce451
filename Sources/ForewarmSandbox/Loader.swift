/// The loaders of the pre-spawned interpreters: each starts its runtime (the slow part, paid while the instance is
/// idle), blocks until the zygote closes fd 3 (the request's files are then in the working directory and its stdin
/// is coming through fd 0), and runs the source file as the interpreter would run it from the command line: same
/// `$0`/`argv`, uncaught errors printed the same way with a non-zero exit status.
enum Loader {
    static let node = [
        "/usr/bin/node", "-e",
        """
        const fs = require('fs'); fs.readFileSync(3); fs.closeSync(3);
        process.argv = [process.argv[0], '/tmp/run/main.js']; require('module').runMain();
        """,
    ]
    static let ruby = ["/usr/bin/ruby", "-e", "IO.new(3).tap(&:read).close; $0 = 'main.rb'; load './main.rb'"]
    static let perl = [
        "/usr/bin/perl", "-e",
        """
        open(my $go, '<&=', 3) or die "fd 3: $!"; { local $/; my $all = <$go>; } close($go);
        $0 = 'main.pl'; do './main.pl'; if ($@) { print STDERR $@; exit 255 } exit 0;
        """,
    ]
    static let php = [
        "/usr/bin/php", "-n", "-r",
        "file_get_contents('php://fd/3'); $argv = ['main.php']; $argc = 1; include './main.php';",
    ]
    static let lua = [
        "/usr/bin/lua5.4", "-e",
        "local go = io.open('/proc/self/fd/3'); go:read('a'); go:close(); arg = {[0] = 'main.lua'}; dofile('main.lua')",
    ]
}
