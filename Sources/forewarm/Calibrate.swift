import ArgumentParser
import ForewarmAnalysis
import ForewarmGateway
import ForewarmSandbox
import ForewarmStore
import Foundation

/// `forewarm calibrate DIR`: measures a corpus in the local sandbox and stores the labels in the history store.
struct Calibrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every program of a corpus in the local sandbox and store the measurements as labeled runs.",
        discussion: """
            Each file of a known language under DIR runs as a standalone program (empty stdin) in a warm sandbox of
            one pool — the gateway's own sandbox, limits and cgroup metering. Clean runs (status ok, CPU and memory
            metered) and runs stopped at the CPU limit are stored in the history store as observed runs, labeled
            with their task (the file's folder, else its name). `forewarm train --from-history` and the gateway's
            retraining then learn from them: calibrate on your own hardware and workload to bootstrap the model.
            """)

    @Argument(help: "Folder of programs (searched recursively).")
    var directory: String

    @Option(name: .customLong("data-dir"), help: "Directory of the history database (default ./.forewarm).")
    var dataDirectory: String?

    @Option(help: "Path of the database (overrides --data-dir).")
    var database: String?

    @Option(help: "JSON configuration file (pools, data directory), as for `forewarm serve`.")
    var config: String?

    @Option(
        name: .long, parsing: .upToNextOption,
        help: "Only these languages (names or aliases, space- or comma-separated).")
    var languages: [String] = []

    @Option(help: "Measure at most this many programs (after sorting by path).")
    var limit: Int?

    @Option(help: "Pool whose limits and instance type the runs use (default: the one with the highest scores).")
    var pool: String?

    @Option(name: .customLong("repeat"), help: "Runs per program; the median CPU and memory are stored.")
    var repeats = 1

    @Option(help: "Wall-time limit per run in ms (default: the pool's).")
    var timeoutMs: Int?

    @Option(name: .shortAndLong, help: "Output format: table or jsonl.")
    var format: CalibrationFormat = .table

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(directory) is not a folder")
        }
        for name in wantedLanguages where LanguageRuntime.named(name) == nil {
            throw ValidationError(
                "unknown language '\(name)'; the sandbox runs: \(LanguageRuntime.all.keys.sorted().joined(separator: ", "))"
            )
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        guard (1...20).contains(repeats) else { throw ValidationError("--repeat must be between 1 and 20") }
        if let timeoutMs, timeoutMs < 10 { throw ValidationError("--timeout-ms must be at least 10") }
    }

    var wantedLanguages: [String] {
        languages.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
    }

    func run() async throws {
        var configuration = try GatewayConfiguration.loadForCommand(file: config)
        if let dataDirectory { configuration.dataDirectory = dataDirectory }
        if let database { configuration.databasePath = database }
        let ordered = configuration.pools.sorted { $0.minScore < $1.minScore }
        guard let chosen = pool.map({ name in ordered.first { $0.name == name } }) ?? ordered.last else {
            throw ValidationError(
                "no pool named '\(pool ?? "")'; pools: \(ordered.map(\.name).joined(separator: ", "))")
        }
        if let timeoutMs, timeoutMs > chosen.limits.wallMs {
            throw ValidationError(
                "--timeout-ms is above the \(chosen.name) pool's wall time (\(chosen.limits.wallMs) ms)")
        }
        let sandbox = Sandbox(
            configuration: SandboxConfiguration(cgroupPrefix: "\(configuration.cgroupPrefix)cal\(getpid())"))
        let problems = sandbox.preflight()
        guard problems.isEmpty else {
            throw CLIError.tool("the sandbox cannot run here: " + problems.joined(separator: "; "))
        }

        let programs = try discover(sandbox: sandbox, maxBytes: configuration.maxCodeBytes)
        guard !programs.isEmpty else {
            throw CLIError.input(
                "no runnable programs in \(directory)"
                    + (wantedLanguages.isEmpty ? "" : " for \(wantedLanguages.joined(separator: ", "))"))
        }
        let store = try HistoryStore(path: configuration.resolvedDatabasePath)
        var calibrator = Calibrator(pool: chosen, sandbox: sandbox, store: store)
        calibrator.repeats = repeats
        calibrator.timeoutMs = timeoutMs
        calibrator.machine = configuration.model.machine
        var printer = CalibrationPrinter(format: format)
        printer.header(pool: chosen.name, programs: programs.count)
        try await calibrator.run(programs) { printer.add($0) }
        printer.summary(database: store.path)
        if printer.recorded == 0 {
            throw CLIError.tool("no program ran cleanly, so nothing was recorded")
        }
    }

    /// The corpus's programs in a language the sandbox runs (and the filter allows), sorted, up to --limit.
    private func discover(sandbox: Sandbox, maxBytes: Int) throws -> [Calibrator.Program] {
        let wanted = Set(wantedLanguages.compactMap { LanguageRuntime.named($0)?.name })
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        var programs: [Calibrator.Program] = []
        var missing: Set<String> = []
        for input in try SourceFiles.expand([directory], language: nil) {
            let ext = (input.path as NSString).pathExtension
            guard let language = Language(fileExtension: ext), let runtime = LanguageRuntime.named(language.rawValue)
            else { continue }
            if !wanted.isEmpty && !wanted.contains(runtime.name) { continue }
            guard sandbox.isInstalled(runtime) else {
                missing.insert(runtime.name)
                continue
            }
            let bytes = try SourceFiles.read(input)
            guard !bytes.isEmpty, bytes.count <= maxBytes, let code = String(validating: bytes, as: UTF8.self) else {
                continue
            }
            let full = URL(fileURLWithPath: input.path).standardizedFileURL.path
            let relative = full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : full
            let folder = (relative as NSString).deletingLastPathComponent
            let group =
                folder.isEmpty ? ((relative as NSString).lastPathComponent as NSString).deletingPathExtension : folder
            programs.append(Calibrator.Program(id: relative, group: group, runtime: runtime, code: code))
            if let limit, programs.count >= limit { break }
        }
        for name in missing.sorted() {
            FileHandle.standardError.write(
                Data("forewarm: skipping \(name) programs: its toolchain is not installed\n".utf8))
        }
        return programs
    }
}

enum CalibrationFormat: String, ExpressibleByArgument, CaseIterable {
    case table, jsonl
}

/// Prints each calibrated program and the summary.
struct CalibrationPrinter {
    var format: CalibrationFormat
    var recorded = 0
    var statuses: [String: Int] = [:]

    func header(pool: String, programs: Int) {
        guard format == .table else { return }
        print("calibrating \(programs) programs in the \(pool) pool")
        print(
            "program".padding(toLength: 44, withPad: " ", startingAt: 0)
                + " language   status         cpu s   peak MB  stored")
    }

    mutating func add(_ outcome: Calibrator.Outcome) {
        if outcome.recorded { recorded += 1 }
        statuses[outcome.status, default: 0] += 1
        switch format {
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            if let data = try? encoder.encode(outcome) { print(String(decoding: data, as: UTF8.self)) }
        case .table:
            let name = outcome.id.count > 44 ? "…" + outcome.id.suffix(43) : outcome.id
            print(
                name.padding(toLength: 44, withPad: " ", startingAt: 0) + " "
                    + outcome.language.padding(toLength: 10, withPad: " ", startingAt: 0) + " "
                    + outcome.status.padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(format: " %7.3f %9.1f  ", outcome.cpuSeconds, outcome.memoryMB)
                    + (outcome.recorded ? "yes" : "no: \(outcome.note ?? "")"))
        }
    }

    func summary(database: String) {
        let counts = statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let line =
            "calibrated \(statuses.values.reduce(0, +)) programs (\(counts)); stored \(recorded) labeled runs in \(database)"
        if format == .table {
            print(line)
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
