import ArgumentParser
import Dispatch
import ForewarmAnalysis
import Foundation

/// `forewarm bench analyze DIR`: analyzer throughput (MB/s, functions/s) on one core and per-snippet latency.
struct BenchAnalyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Measure analyzer throughput over a corpus and latency on 4 KB snippets of it.")

    @Argument(help: "Folders or files to read (every supported language).")
    var paths: [String]

    @Option(help: "Passes over the corpus for throughput.")
    var passes = 3

    @Option(help: "Snippet size in bytes for the latency measurement.")
    var snippetBytes = 4096

    @Option(help: "Snippets to time.")
    var snippets = 20_000

    @Option(help: "Also list the N snippets slowest at their median time (language, size, tokens, functions).")
    var slowest = 0

    @Option(help: "Write the slowest snippets listed by --slowest into this folder, for profiling.")
    var saveSlowest: String?

    @Flag(help: "Also time lizard on the same files, in the same run (for the ratio).")
    var compareLizard = false

    @Option(help: "The lizard command.")
    var lizard = "lizard"

    func run() throws {
        let inputs = try SourceFiles.expand(paths, language: nil)
        let files = try inputs.map { (path: $0.path, bytes: try SourceFiles.read($0)) }
        let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
        guard totalBytes > 0 else { throw CLIError.input("no source files under \(paths.joined(separator: " "))") }
        var analyzer = Analyzer()
        var functions = 0
        var best = Double.infinity
        for _ in 0..<max(1, passes) {
            functions = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for file in files { functions += analyzer.analyze(file.bytes, path: file.path).functions.count }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let megabytes = Double(totalBytes) / 1_000_000
        print("corpus: \(files.count) files, \(String(format: "%.1f", megabytes)) MB, \(functions) functions")
        print(
            String(
                format: "forewarm: %.3f s  %.1f MB/s  %.0f functions/s  (best of %d passes, 1 core)",
                best, megabytes / best, Double(functions) / best, passes))

        let (latencies, medians) = try measureSnippets(files, analyzer: &analyzer)
        let header = String(format: "snippets of %d bytes (n=%d): ", snippetBytes, latencies.count)
        print(header + BenchSnippets.summary(latencies))
        // Each snippet's median over its repeats: what the code costs, without the machine's passing hiccups.
        print(String(format: "  each snippet's median (n=%d): ", medians.count) + BenchSnippets.summary(medians))

        if compareLizard {
            let start = DispatchTime.now().uptimeNanoseconds
            let functionsLizard = try LizardAgreement.runLizard(lizard, paths: files.map(\.path)).values
                .reduce(0) { $0 + $1.count }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(
                String(
                    format: "lizard:   %.3f s  %.2f MB/s  %.0f functions/s", seconds, megabytes / seconds,
                    Double(functionsLizard) / seconds))
            print(String(format: "ratio: forewarm is %.0f× faster", seconds / best))
        }
    }

    /// Cuts snippets of `snippetBytes` from the corpus files (with their language) and times each analysis:
    /// every time, and each snippet's median time, both ascending.
    func measureSnippets(_ files: [(path: String, bytes: [UInt8])], analyzer: inout Analyzer) throws
        -> (latencies: [Double], medians: [Double])
    {
        let pieces = BenchSnippets.cut(files, size: snippetBytes)
        guard !pieces.isEmpty else { return ([], []) }
        var latencies: [Double] = []
        latencies.reserveCapacity(snippets)
        var perPiece = [[Double]](repeating: [], count: pieces.count)
        for index in 0..<snippets {
            let piece = pieces[index % pieces.count]
            let metrics = BenchSnippets.timed(into: &latencies) {
                analyzer.analyze(piece.bytes, language: piece.language)
            }
            if metrics.bytes < 0 { print("") }  // keeps the result alive
            perPiece[index % pieces.count].append(latencies[latencies.count - 1])
        }
        let medians = perPiece.map { $0.isEmpty ? nil : BenchSnippets.percentile($0.sorted(), 0.5) }
        if slowest > 0 { try printSlowest(pieces, medians: medians, analyzer: &analyzer) }
        latencies.sort()
        return (latencies, medians.compactMap { $0 }.sorted())
    }

    /// Lists the `slowest` pieces by their median time, so the tail can be traced to its code.
    private func printSlowest(_ pieces: [BenchSnippets.Snippet], medians: [Double?], analyzer: inout Analyzer) throws {
        let timed = medians.enumerated().compactMap { index, median in median.map { (index, $0) } }
        let order = timed.sorted { $0.1 > $1.1 }
        if let folder = saveSlowest {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError.input("cannot create the folder \(folder) for --save-slowest")
            }
        }
        print("slowest snippets (median µs, language, bytes, tokens, functions, piece index):")
        for (index, median) in order.prefix(slowest) {
            let metrics = analyzer.analyze(pieces[index].bytes, language: pieces[index].language)
            print(
                String(
                    format: "%8.1f  %@  %d  %d  %d  #%d", median, pieces[index].language.rawValue,
                    pieces[index].bytes.count, metrics.tokens, metrics.functions.count, index))
            if let folder = saveSlowest {
                let name = "\(folder)/\(index).\(pieces[index].language.fileExtensions.first ?? "txt")"
                guard FileManager.default.createFile(atPath: name, contents: Data(pieces[index].bytes)) else {
                    throw CLIError.input("cannot write \(name)")
                }
            }
        }
    }
}
