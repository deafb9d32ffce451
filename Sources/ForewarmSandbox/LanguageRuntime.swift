/// How one language is compiled and run inside the sandbox: file names, commands, extra read-only binds.
public struct LanguageRuntime: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        public var argv: [String]
        public var env: [String: String]
    }

    /// The API's name for the language (`python`, `javascript`, `cpp`…).
    public var name: String
    /// The main source file, in the run's working directory.
    public var sourceFile: String
    public var compile: Step?
    public var run: Step
    /// Python runs inside a fork of the warm zygote without exec'ing a new interpreter.
    public var inProcess: Bool
    /// A loader for a pre-spawned, single-use interpreter: started while the instance is idle, it waits for EOF on
    /// fd 3 and then runs the source file in its working directory (nil: the runtime is exec'd per request).
    public var prespawn: [String]?
    /// Host paths outside /usr the toolchain needs, bound read-only at the same place (skipped if missing).
    public var binds: [String]
    /// Memory the compile step may use (the instance's cgroup is raised to this while compiling).
    public var compileMemoryBytes: Int
    /// Wall time for compiling, milliseconds.
    public var compileWallMs: Int

    static let baseEnv = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"]

    init(
        _ name: String, file: String, compile: [String]? = nil, run: [String], inProcess: Bool = false,
        prespawn: [String]? = nil, env: [String: String] = [:], binds: [String] = [], compileMemoryMB: Int = 512,
        compileWallMs: Int = 20_000
    ) {
        let environment = Self.baseEnv.merging(env) { _, new in new }
        self.name = name
        self.sourceFile = file
        self.compile = compile.map { Step(argv: $0, env: environment) }
        self.run = Step(argv: run, env: environment)
        self.inProcess = inProcess
        self.prespawn = prespawn
        self.binds = binds
        self.compileMemoryBytes = compileMemoryMB << 20
        self.compileWallMs = compileWallMs
    }

    /// The languages this backend runs, by API name.
    public static let all: [String: LanguageRuntime] = {
        let list: [LanguageRuntime] = [
            .init("python", file: "main.py", run: ["/usr/bin/python3", "main.py"], inProcess: true),
            .init("javascript", file: "main.js", run: ["/usr/bin/node", "main.js"], prespawn: Loader.node),
            .init("ruby", file: "main.rb", run: ["/usr/bin/ruby", "main.rb"], prespawn: Loader.ruby),
            .init("perl", file: "main.pl", run: ["/usr/bin/perl", "main.pl"], prespawn: Loader.perl),
            .init("php", file: "main.php", run: ["/usr/bin/php", "-n", "main.php"], prespawn: Loader.php),
            .init("lua", file: "main.lua", run: ["/usr/bin/lua5.4", "main.lua"], prespawn: Loader.lua),
            .init(
                "c", file: "main.c", compile: ["/usr/bin/gcc", "-O2", "-o", "main", "main.c", "-lm"], run: ["./main"]),
            .init(
                "cpp", file: "main.cpp", compile: ["/usr/bin/g++", "-O2", "-o", "main", "main.cpp"], run: ["./main"]),
            .init(
                "go", file: "main.go", compile: ["/usr/bin/go", "build", "-o", "main", "main.go"], run: ["./main"],
                env: [
                    "GOCACHE": "/tmp/.gocache", "GOPATH": "/tmp/.gopath", "GO111MODULE": "off", "GOTOOLCHAIN": "local",
                ],
                compileMemoryMB: 1024, compileWallMs: 60_000),
            .init(
                "rust", file: "main.rs", compile: ["/usr/bin/rustc", "-O", "-o", "main", "main.rs"], run: ["./main"],
                compileMemoryMB: 1024, compileWallMs: 60_000),
            .init(
                "java", file: "Main.java", compile: ["/usr/bin/javac", "-J-Xmx256m", "Main.java"],
                run: ["/usr/bin/java", "-Xmx128m", "-XX:+UseSerialGC", "-Xshare:auto", "Main"],
                binds: ["/etc/java-17-openjdk"], compileMemoryMB: 1024, compileWallMs: 60_000),
            .init(
                "swift", file: "main.swift",
                compile: ["/opt/swift/usr/bin/swiftc", "-O", "-o", "main", "main.swift"], run: ["./main"],
                env: ["PATH": "/opt/swift/usr/bin:/usr/bin:/bin"], binds: ["/opt/swift"], compileMemoryMB: 1536,
                compileWallMs: 90_000),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }()

    /// Accepts the usual aliases (`py`, `js`, `node`, `c++`, `golang`…).
    public static func named(_ raw: String) -> LanguageRuntime? {
        let key = raw.lowercased()
        let aliases = [
            "py": "python", "python3": "python", "js": "javascript", "node": "javascript", "rb": "ruby",
            "pl": "perl", "c++": "cpp", "cxx": "cpp", "golang": "go", "rs": "rust", "lua5.4": "lua",
        ]
        return all[aliases[key] ?? key]
    }
}
