import ForewarmTraces
import Foundation
import Testing

/// The committed evaluation series are what Swift's bucketing makes of the real traces in ../shared/data.
struct TraceBucketingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let data =
        ProcessInfo.processInfo.environment["FOREWARM_DATA"].map { URL(fileURLWithPath: $0) }
        ?? repository.appendingPathComponent("../shared/data")
    static let dataPresent = FileManager.default.fileExists(atPath: data.appendingPathComponent("recodex_simdex").path)

    static func fixture(_ name: String) throws -> [Double] {
        let url = repository.appendingPathComponent("Tests/ForewarmForecastingTests/Fixtures/series/\(name).csv")
        return try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
            .compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
    }

    static func check(_ series: [TraceSeries]) throws {
        #expect(!series.isEmpty)
        for s in series {
            let expected = try fixture(s.name)
            #expect(expected.count == s.values.count, "\(s.name)")
            let differing = zip(expected, s.values).filter { abs($0 - $1) > 1e-3 * max(1, abs($0)) }.count
            #expect(differing == 0, "\(s.name): \(differing) buckets differ from the fixture")
        }
    }

    @Test(.enabled(if: dataPresent, "../shared/data is absent: the fixture check against the raw traces is skipped"))
    func recodexSeriesMatchTheFixtures() throws {
        for (tag, path) in [
            ("sample", "recodex_simdex/release01-2021-12-29/data-sample.csv"),
            ("clustered", "recodex_simdex/mnaukal_fork/clustered_jobs.csv"),
        ] {
            let csv = try String(contentsOf: Self.data.appendingPathComponent(path), encoding: .utf8)
            try Self.check(TraceBucketing.recodex(csv: csv, tag: tag))
        }
    }

    @Test(.enabled(if: dataPresent, "../shared/data is absent: the fixture check against the raw traces is skipped"))
    func azureSeriesMatchTheFixtures() throws {
        for service in ["code", "conv"] {
            let path = "azure_public_dataset/llm_inference_2023/AzureLLMInferenceTrace_\(service).csv"
            let csv = try String(contentsOf: Self.data.appendingPathComponent(path), encoding: .utf8)
            try Self.check(TraceBucketing.azure(csv: csv, service: service))
        }
    }
}
