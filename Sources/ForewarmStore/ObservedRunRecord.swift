import ForewarmAnalysis
import ForewarmModel
import Foundation
import GRDB

/// One measured run as the feedback loop keeps it (table `observed_runs`): the labeled sample (features and
/// measured cost), where and when it ran, and — when known — the code and a summary of its input, so its features
/// can be recomputed after an upgrade changes the feature set.
public struct ObservedRunRecord: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "observed_runs"

    /// The execution id for gateway runs, `calibrate:<path>` for calibration runs.
    public var id: String
    /// The task the program solves (cross-validation never splits one); the code hash when unknown.
    public var taskGroup: String
    public var language: String
    /// Where the sample came from: `gateway`, `calibration`…
    public var source: String
    public var instanceType: String
    /// ``FeatureSchema/current`` when the features were computed; others are recomputed from `code` on read.
    public var featureSchema: String
    /// The feature vector, little-endian Float64s.
    public var features: Data
    public var code: String?
    /// `RequestInput` as JSON, when the code is kept.
    public var input: String?
    public var cpuSeconds: Double
    public var memoryMB: Double
    public var hitCPULimit: Bool
    public var finishedAt: Date

    /// The record of `run`, with its code and input when they should be kept for re-analysis.
    public init(_ run: ObservedRun, code: String? = nil, input: RequestInput? = nil) {
        id = run.sample.id
        taskGroup = run.sample.group
        language = run.sample.language.rawValue
        source = run.sample.source
        instanceType = run.instanceType
        featureSchema = FeatureSchema.current
        features = FeatureSchema.pack(run.sample.features)
        self.code = code
        self.input = input.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        cpuSeconds = run.sample.cpuSeconds
        memoryMB = run.sample.memoryMB
        hitCPULimit = run.sample.hitCPULimit
        finishedAt = run.finishedAt
    }

    /// The run, with features recomputed from the kept code when this build's feature set differs; nil when it
    /// differs and no code was kept (or the language is unknown to this build).
    public func observedRun(analyzer: inout Analyzer, extractor: FeatureExtractor) -> ObservedRun? {
        guard let parsed = Language(name: language) else { return nil }
        var vector: [Double]
        if featureSchema == FeatureSchema.current {
            vector = FeatureSchema.unpack(features)
        } else {
            guard let code else { return nil }
            let requestInput =
                input.flatMap { try? JSONDecoder().decode(RequestInput.self, from: Data($0.utf8)) } ?? .none
            let bytes = Array(code.utf8)
            let metrics = analyzer.analyze(bytes, language: parsed)
            vector = extractor.features(metrics, source: bytes, input: requestInput)
        }
        guard vector.count == FeatureExtractor.names.count else { return nil }
        let sample = LabeledSample(
            id: id, group: taskGroup, language: parsed, features: vector, cpuSeconds: cpuSeconds,
            memoryMB: memoryMB, hitCPULimit: hitCPULimit, source: source)
        return ObservedRun(sample: sample, instanceType: instanceType, finishedAt: finishedAt)
    }

    /// Columns in export order (features are exported as a JSON array).
    public static let columns = [
        "id", "taskGroup", "language", "source", "instanceType", "featureSchema", "cpuSeconds", "memoryMB",
        "hitCPULimit", "finishedAt", "input", "features",
    ]
}

/// Names this build's feature set, so stored feature vectors from another build are recognized.
public enum FeatureSchema {
    /// FNV-1a of the feature names, with their count.
    public static let current: String = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in FeatureExtractor.names.joined(separator: "\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "\(FeatureExtractor.names.count)-" + String(hash, radix: 16)
    }()

    static func pack(_ values: [Double]) -> Data {
        var data = Data(capacity: values.count * 8)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func unpack(_ data: Data) -> [Double] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - bytes.count % 8, by: 8).map { start in
            var bits: UInt64 = 0
            for offset in 0..<8 { bits |= UInt64(bytes[start + offset]) << (8 * UInt64(offset)) }
            return Double(bitPattern: bits)
        }
    }
}
