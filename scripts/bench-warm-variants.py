#!/usr/bin/env python3
"""Warm-worker variants for the interpreted languages, measured side by side in one run (no sandbox: the sandbox's
own cost is the same for all three, since each happens inside an already-warm sandbox):

  exec      the runtime starts per request (what a warm sandbox without a warm interpreter does);
  prespawn  a single-use interpreter started beforehand, waiting for EOF on fd 3, then running ./main.* (what
            Forewarm does: scripts' Loader.swift, the same loaders);
  fork      a zygote in the language itself that forks a child per request, the child loading ./main.* (Ruby, Perl,
            PHP with pcntl; node and Lua cannot fork without extra modules).

For each: latency from "the request is there" to the run's exit (p50, p90 over N runs), and CPU per request of
every process involved, start-up included (what bounds throughput).
    scripts/bench-warm-variants.py [N]
"""
import os, resource, statistics, subprocess, sys, tempfile, time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 40
HELLO = {"javascript": ("main.js", "console.log('hello')"), "ruby": ("main.rb", "puts 'hello'"),
         "perl": ("main.pl", 'print "hello\\n";'), "php": ("main.php", '<?php echo "hello\\n";'),
         "lua": ("main.lua", "print('hello')")}
EXEC = {"javascript": ["/usr/bin/node", "main.js"], "ruby": ["/usr/bin/ruby", "main.rb"],
        "perl": ["/usr/bin/perl", "main.pl"], "php": ["/usr/bin/php", "-n", "main.php"],
        "lua": ["/usr/bin/lua5.4", "main.lua"]}
# The loaders of Sources/ForewarmSandbox/Loader.swift, with the run directory made relative.
PRESPAWN = {
    "javascript": ["/usr/bin/node", "-e", "const fs = require('fs'); fs.readFileSync(3); fs.closeSync(3); "
                   "process.argv = [process.argv[0], require('path').resolve('main.js')]; require('module').runMain();"],
    "ruby": ["/usr/bin/ruby", "-e", "IO.new(3).tap(&:read).close; $0 = 'main.rb'; load './main.rb'"],
    "perl": ["/usr/bin/perl", "-e", "open(my $go, '<&=', 3) or die; { local $/; my $all = <$go>; } close($go); "
             "$0 = 'main.pl'; do './main.pl'; if ($@) { print STDERR $@; exit 255 } exit 0;"],
    "php": ["/usr/bin/php", "-n", "-r", "file_get_contents('php://fd/3'); $argv = ['main.php']; include './main.php';"],
    "lua": ["/usr/bin/lua5.4", "-e", "local go = io.open('/proc/self/fd/3'); go:read('a'); go:close(); "
            "arg = {[0] = 'main.lua'}; dofile('main.lua')"],
}
# Zygotes in the language: read a line on stdin, fork, the child runs ./main.* with stdout on /dev/null... here
# inherited (a pipe we drain), the parent reaps it and answers "done".
FORK = {
    "ruby": ["/usr/bin/ruby", "-e", "STDOUT.sync = true; while STDIN.gets; pid = fork { $0 = 'main.rb'; "
             "load './main.rb' }; Process.wait(pid); STDERR.write(\"done\\n\"); end"],
    "perl": ["/usr/bin/perl", "-e", "$| = 1; while (<STDIN>) { my $pid = fork(); if ($pid == 0) { $0 = 'main.pl'; "
             "do './main.pl'; exit 0 } waitpid($pid, 0); print STDERR \"done\\n\"; }"],
    "php": ["/usr/bin/php", "-r", "while (fgets(STDIN) !== false) { $pid = pcntl_fork(); if ($pid == 0) { "
            "include './main.php'; exit(0); } pcntl_waitpid($pid, $status); fwrite(STDERR, \"done\\n\"); }"],
}
ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def wait_blocked_on_pipe(pid, limit=10.0):
    # Ready = the interpreter's main thread sleeps in a pipe read (its loader waiting for fd 3).
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with open("/proc/%d/wchan" % pid) as f:
                if f.read().strip() in ("pipe_read", "anon_pipe_read"):
                    return
        except OSError:
            return
        time.sleep(0.005)


def spawn(argv, cwd, go_r=None):
    # posix_spawn for both variants, so neither pays for forking this (Python) process.
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1)]
    if go_r is not None:
        actions.append((os.POSIX_SPAWN_DUP2, go_r, 3))
    here = os.getcwd()
    os.chdir(cwd)
    try:
        return os.posix_spawn(argv[0], argv, ENV, file_actions=actions)
    finally:
        os.chdir(here)
        os.close(devnull)


def run_exec(lang, cwd):
    lat = []
    cpu0 = children_cpu()
    for _ in range(N):
        t = time.monotonic()
        os.waitpid(spawn(EXEC[lang], cwd), 0)
        lat.append(time.monotonic() - t)
    return lat, (children_cpu() - cpu0) / N


def run_prespawn(lang, cwd):
    lat = []
    cpu0 = children_cpu()
    for _ in range(N):
        go_r, go_w = os.pipe()
        pid = spawn(PRESPAWN[lang], cwd, go_r)
        os.close(go_r)
        wait_blocked_on_pipe(pid)  # idle: the interpreter gets ready
        t = time.monotonic()
        os.close(go_w)
        os.waitpid(pid, 0)
        lat.append(time.monotonic() - t)
    return lat, (children_cpu() - cpu0) / N


def run_fork(lang, cwd):
    if lang not in FORK:
        return None, None
    cpu0 = children_cpu()
    p = subprocess.Popen(FORK[lang], cwd=cwd, env=ENV, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    wait_blocked_on_pipe(p.pid)
    time.sleep(0.05)
    lat = []
    for _ in range(N):
        t = time.monotonic()
        p.stdin.write(b"go\n")
        p.stdin.flush()
        assert p.stderr.readline() == b"done\n"
        lat.append(time.monotonic() - t)
    p.stdin.close()
    p.wait()
    return lat, (children_cpu() - cpu0) / N


def fmt(lat, cpu):
    if lat is None:
        return "—"
    q = statistics.quantiles([x * 1000 for x in lat], n=10)
    return "%.2f / %.2f ms, CPU %.1f ms" % (statistics.median(lat) * 1000, q[8], cpu * 1000)


print("# warm variants, %d runs each, load average %s" % (N, " ".join(open("/proc/loadavg").read().split()[:3])))
print("| language | exec per request | pre-spawned interpreter | fork from a zygote in the language |")
print("|---|---|---|---|")
for lang, (name, code) in HELLO.items():
    with tempfile.TemporaryDirectory() as cwd:
        with open(os.path.join(cwd, name), "w") as f:
            f.write(code)
        cells = [fmt(*run_exec(lang, cwd)), fmt(*run_prespawn(lang, cwd)), fmt(*run_fork(lang, cwd))]
    print("| %s | %s |" % (lang, " | ".join(cells)))
print("# cells: latency p50 / p90 from the request to the run's exit; CPU per request of all processes involved")
