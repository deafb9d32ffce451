import ArgumentParser
import ForewarmDatasets
import ForewarmTraces
import Foundation

/// `forewarm trace`: replay traces for `forewarm simulate`.
struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build replay traces from the real arrival logs and the measured programs.",
        subcommands: [TraceBuild.self])
}

/// `forewarm trace build`: real arrivals joined with real, measured programs, as JSON lines.
struct TraceBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Join a real arrival log with measured programs into a replay trace (JSON lines).",
        discussion: """
            recodex: the ReCodEx job logs (every *.csv under DATA/recodex_simdex with spawn_ts, duration and
            worker_group_id); azure-code: the Azure LLM code-service trace. Each arrival gets a program of the labeled
            corpus (--labels, Rosetta labels) at the same quantile of measured CPU time as the arrival's duration
            (ReCodEx) or prompt size (Azure) within its group. The busiest window of --hours / --time-scale source
            hours is kept (a shorter source is replayed back to back). docs/evaluation.md describes the join.
            """)

    @Option(help: "The arrival log: recodex or azure-code.")
    var source: TraceSource

    @Option(help: "The real-data folder.")
    var data = "../shared/data"

    @Option(help: "Folder of rosetta_labels.jsonl (default: DATA/labels; programs from its ../rosettacode).")
    var labels: String?

    @Option(help: "Hours of replay time the trace covers.")
    var hours = 4.0

    @Option(help: "Seed of the join (language map, program picks).")
    var seed: UInt64 = 1

    @Option(help: "Multiplies the gaps between arrivals: 0.5 replays twice as fast, 2 half as fast.")
    var timeScale = 1.0

    @Option(help: "The trace file to write.")
    var out: String

    func validate() throws {
        guard hours > 0, hours.isFinite else { throw ValidationError("--hours must be a positive number") }
        guard timeScale > 0, timeScale.isFinite else { throw ValidationError("--time-scale must be a positive number") }
    }

    func run() throws {
        let labelsDirectory = labels ?? (data as NSString).appendingPathComponent("labels")
        guard RosettaLabels.recognizes(labelsDirectory) else {
            throw CLIError.input("\(labelsDirectory): no \(RosettaLabels.fileName) there")
        }
        let programsRoot = ((labelsDirectory as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("rosettacode")
        let programs = try RosettaLabels.load(labelsDirectory, programs: programsRoot).map {
            TraceProgram(
                id: $0.id, codePath: (programsRoot as NSString).appendingPathComponent($0.id),
                language: $0.language.rawValue, cpuSeconds: $0.cpuSeconds, memoryMB: $0.memoryMB)
        }
        let (arrivals, skipped) = try readArrivals()
        let builder = TraceBuilder(source: source.rawValue, hours: hours, timeScale: timeScale, seed: seed)
        let records: [TraceRecord]
        do {
            records = try builder.build(arrivals: arrivals, programs: programs)
        } catch let error as TraceError {
            throw CLIError.input(error.description)
        }
        do {
            try Data(try TraceFile.encode(records).utf8).write(to: URL(fileURLWithPath: out))
        } catch {
            throw CLIError.input("\(out): cannot write (\(error.localizedDescription))")
        }
        let languages = Set(records.map(\.language)).count
        let cpu = records.reduce(0) { $0 + $1.cpuSeconds }
        print(
            "wrote \(records.count) requests over \(hours) h to \(out): \(languages) languages, "
                + String(format: "%.0f", cpu) + " CPU-seconds; \(arrivals.count) source arrivals read"
                + (skipped > 0 ? ", \(skipped) malformed rows skipped" : ""))
    }

    func readArrivals() throws -> (arrivals: [SourceArrival], skipped: Int) {
        switch source {
        case .recodex:
            let folder = (data as NSString).appendingPathComponent("recodex_simdex")
            guard let walker = FileManager.default.enumerator(atPath: folder) else {
                throw CLIError.input("\(folder): cannot read")
            }
            var csvs: [String] = []
            for case let path as String in walker where path.hasSuffix(".csv") {
                csvs.append(path)
            }
            let texts = try csvs.sorted().map { try readText((folder as NSString).appendingPathComponent($0)) }
            return SourceArrivals.recodex(csvs: texts)
        case .azureCode:
            let file = (data as NSString).appendingPathComponent(
                "azure_public_dataset/llm_inference_2023/AzureLLMInferenceTrace_code.csv")
            return SourceArrivals.azure(csv: try readText(file), service: "code")
        }
    }

    func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.input("\(path): cannot read") }
        return String(decoding: data, as: UTF8.self)
    }
}

enum TraceSource: String, ExpressibleByArgument, CaseIterable {
    case recodex
    case azureCode = "azure-code"
}
