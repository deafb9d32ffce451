import ArgumentParser
import ForewarmAnalysis
import ForewarmController
import ForewarmModel
import ForewarmSimulation
import ForewarmTraces
import Foundation

/// `forewarm simulate`: replays a trace through the scaling policies, side by side.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a trace through the scaling policies and compare cold starts, latency and cost.",
        discussion: """
            The model predicts each request's score from its code (once per program); the simulator charges the
            measured CPU seconds and memory. Policies: all, or any of \(PolicyCatalog.names.joined(separator: ", ")),
            and keep-alives of any length (keepalive-30s, keepalive-2m, keepalive-1h).
            docs/evaluation.md describes the simulator and the metrics.
            """)

    @Option(help: "The trace (JSON lines, from `forewarm trace build`).")
    var trace: String

    @Option(help: "all, or a comma-separated list of policy names.")
    var policies = "all"

    @Option(help: "Instance catalog JSON (default: the Code Engine catalog).")
    var catalog: String?

    @Option(help: "Seed of the simulation (start-up jitter).")
    var seed: UInt64 = 1

    @Option(help: "SLO on queue + start-up wait, in milliseconds.")
    var sloMs = 250.0

    @Option(help: "Width of the report's time buckets in seconds (default: about 240 buckets over the trace).")
    var bucketSeconds: Double?

    @Option(help: "Model file (default: the shipped model).")
    var model: String?

    @Option(help: "Policies simulated at once (default: the number of cores). The output is the same for any value.")
    var jobs: Int?

    @Option(
        help: """
            The forewarm policy's demand forecaster per series: ses (simple exponential smoothing, the default) or \
            auto (chosen per series by backtest among ses, damped Holt and naive).
            """)
    var forecastModel = "ses"

    @Option(name: .shortAndLong, help: "Output format: table, json or html.")
    var format: SimulationFormat = .table

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var out: String?

    func validate() throws {
        do {
            _ = try PolicyCatalog.parse(policies)
        } catch {
            throw ValidationError(error.description)
        }
        guard sloMs >= 0, sloMs.isFinite else { throw ValidationError("--slo-ms must be a number ≥ 0") }
        if let bucketSeconds, !(bucketSeconds > 0 && bucketSeconds.isFinite) {
            throw ValidationError("--bucket-seconds must be positive")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        guard SeriesForecaster.Options.model(named: forecastModel) != nil else {
            let known = SeriesForecaster.Options.modelNames.joined(separator: ", ")
            throw ValidationError("unknown --forecast-model '\(forecastModel)'; known: \(known)")
        }
    }

    func run() async throws {
        let names = try PolicyCatalog.parse(policies)
        let instanceCatalog = try loadCatalog()
        let opened = ContinuousClock.now
        let records = try TraceFileReader.records(path: trace)
        let started = ContinuousClock.now
        let requests = try SimulationInput.requests(
            records, model: try model.map(DemandModel.load(path:)) ?? DemandModel.shipped())
        let predicted = ContinuousClock.now
        let span = requests.map(\.arrival).max() ?? 0
        var configuration = SimulationConfiguration(
            catalog: instanceCatalog, seed: seed, sloWaitSeconds: sloMs / 1000,
            seriesBucketSeconds: bucketSeconds ?? Self.bucket(span: span))
        configuration.directiveLogLimit = 200
        var options = ForewarmOptions()
        options.slo.maxWaitSeconds = sloMs / 1000  // the rest of the policy's SLO keeps its defaults
        options.forecast.model = SeriesForecaster.Options.model(named: forecastModel) ?? options.forecast.model
        let future = requests.map {
            FutureArrival(time: $0.arrival, demand: $0.demand, cpuSeconds: $0.cpuSeconds, memoryMB: $0.memoryMB)
        }
        let simulator = Simulator(configuration: configuration)
        let forewarmOptions = options
        // Each policy's replay is independent and deterministic for the seed: run them side by side, report them
        // in the order asked for.
        let results = try await Self.inParallel(
            names, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount
        ) { name in
            let policy = try PolicyCatalog.make(
                name: name, catalog: instanceCatalog, future: future, forewarm: forewarmOptions)
            do {
                return try simulator.run(policy, requests: requests)
            } catch let error as SimulationError {
                throw CLIError.input(error.description)
            }
        }
        let finished = ContinuousClock.now
        FileHandle.standardError.write(
            Data(
                ("forewarm: \(requests.count) requests over " + String(format: "%.1f", span / 3600)
                    + " h; read the trace in " + Self.seconds(started - opened)
                    + ", predicted \(SimulationInput.programCount(records)) programs in "
                    + Self.seconds(predicted - started) + ", simulated \(names.count) policies in "
                    + Self.seconds(finished - predicted) + "\n").utf8))
        let report = SimulationReport(policies: results)
        let output: String
        switch format {
        case .table: output = report.table()
        case .json: output = try report.json()
        case .html:
            output = HTMLReport(
                report: report, title: "Forewarm policy comparison",
                context: [
                    "Trace: \(trace) — \(requests.count) requests over " + String(format: "%.2f", span / 3600)
                        + " h.",
                    "Seed \(seed), SLO: wait ≤ \(Int(sloMs)) ms, catalog: \(catalog ?? "standard (Code Engine)").",
                    "Command: forewarm " + CommandLine.arguments.dropFirst().joined(separator: " "),
                ]
            ).render()
        }
        if let out {
            do {
                try Data(output.utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                throw CLIError.input("\(out): cannot write (\(error.localizedDescription))")
            }
        } else {
            print(output, terminator: "")
        }
    }

    func loadCatalog() throws -> InstanceCatalog {
        guard let catalog else { return .standard }
        guard let data = FileManager.default.contents(atPath: catalog) else {
            throw CLIError.input("\(catalog): cannot read")
        }
        do {
            return try InstanceCatalog(json: data)
        } catch let error as CatalogError {
            throw CLIError.input("\(catalog): \(error)")
        } catch {
            throw CLIError.input("\(catalog): not an instance catalog ({\"types\": [...]}): \(error)")
        }
    }

    /// `work` for every item, at most `jobs` at a time; the results in the items' order.
    static func inParallel<Result: Sendable>(
        _ items: [String], jobs: Int, _ work: @escaping @Sendable (String) throws -> Result
    ) async throws -> [Result] {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: items.count)
            var started = 0
            func startNext() {
                let index = started
                started += 1
                group.addTask { (index, try work(items[index])) }
            }
            while started < min(max(jobs, 1), items.count) { startNext() }
            while let (index, result) = try await group.next() {
                results[index] = result
                if started < items.count { startNext() }
            }
            return results.compactMap { $0 }
        }
    }

    /// About 240 buckets, in whole seconds (at least 1).
    static func bucket(span: Double) -> Double { max(1, (span / 240).rounded(.up)) }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f s", Double(seconds) + Double(attoseconds) / 1e18)
    }
}

enum SimulationFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, html
}
