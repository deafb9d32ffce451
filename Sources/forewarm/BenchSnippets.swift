import Dispatch
import ForewarmAnalysis
import Foundation

/// What the latency benchmarks share: snippets cut from a corpus, each in its file's language, and the
/// percentiles of the times measured on them.
enum BenchSnippets {
    /// A piece of a corpus file and the language of that file.
    typealias Snippet = (bytes: [UInt8], language: Language)

    /// Cuts consecutive `size`-byte pieces (the last one of a file may be shorter) from the files and keeps `limit`
    /// of them spread evenly over the whole corpus, in order (every language of a mixed corpus is in the sample,
    /// not only the first folders); files shorter than `size / 2` or of no known language (by extension) are
    /// skipped.
    static func cut(_ files: [(path: String, bytes: [UInt8])], size: Int, limit: Int = 4096) -> [Snippet] {
        var ranges: [(file: Int, range: Range<Int>, language: Language)] = []
        for (index, file) in files.enumerated() where file.bytes.count >= size / 2 {
            guard let language = Language(fileExtension: (file.path as NSString).pathExtension) else { continue }
            var offset = 0
            while offset < file.bytes.count {
                let end = min(offset + size, file.bytes.count)
                ranges.append((index, offset..<end, language))
                offset = end
            }
        }
        let kept = ranges.count <= limit ? ranges : (0..<limit).map { ranges[$0 * ranges.count / limit] }
        return kept.map { (Array(files[$0.file].bytes[$0.range]), $0.language) }
    }

    /// Reads the source files under `paths` and cuts them (see the other `cut`).
    static func cut(paths: [String], size: Int, limit: Int = 4096) throws -> [Snippet] {
        let files = try SourceFiles.expand(paths, language: nil).map {
            (path: $0.path, bytes: try SourceFiles.read($0))
        }
        return cut(files, size: size, limit: limit)
    }

    /// Runs `body`, appends its wall time in microseconds to `times`, and returns its result.
    @inline(__always)
    static func timed<Result>(into times: inout [Double], _ body: () -> Result) -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        return result
    }

    /// The value at `quantile` (0…1) of ascending `sorted` values, 0 when there are none.
    static func percentile(_ sorted: [Double], _ quantile: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * quantile))]
    }

    /// `p50 … µs  p90 … µs  p99 … µs  max … µs` of ascending latencies in microseconds.
    static func summary(_ sorted: [Double]) -> String {
        String(
            format: "p50 %.1f µs  p90 %.1f µs  p99 %.1f µs  max %.1f µs", percentile(sorted, 0.5),
            percentile(sorted, 0.9), percentile(sorted, 0.99), sorted.last ?? 0)
    }
}
