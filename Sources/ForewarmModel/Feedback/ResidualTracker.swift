import ForewarmAnalysis
import Foundation

/// The online correction: tracks how far measured runs land from the model, per instance type and per
/// (instance type, language), as exponentially forgetting means of log10 residuals, and shifts predictions by
/// them. Takes effect from the next prediction after each observed run.
///
/// The per-language mean is trusted in proportion to its weight (`w / (w + shrinkage)`), the rest comes from the
/// instance type's mean, so a language seen twice borrows from the machine-wide bias.
public struct ResidualTracker: Sendable, Codable, Equatable {
    public struct Configuration: Sendable, Codable, Equatable {
        /// Weight of the newest residual in the running mean (0.05 ≈ the last 20 runs matter most).
        public var learningRate = 0.05
        /// Pseudo-count before a per-language mean is fully trusted.
        public var shrinkage = 5.0
        /// Corrections are capped at this many decades either way.
        public var maxCorrection = 2.0

        public init() {}
    }

    /// An exponentially forgetting mean with its effective weight.
    struct Mean: Sendable, Codable, Equatable {
        var cpu = 0.0
        var memory = 0.0
        var weight = 0.0

        mutating func add(cpu residual: Double, memory memoryResidual: Double, rate: Double) {
            // Early on the mean is the plain average; later each run weighs `rate`.
            let step = max(rate, 1 / (weight + 1))
            cpu += step * (residual - cpu)
            memory += step * (memoryResidual - memory)
            weight = weight * (1 - rate) + 1
        }
    }

    public var configuration: Configuration
    private var byInstance: [String: Mean] = [:]
    private var byLanguage: [String: Mean] = [:]

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Records a measured run against the *uncorrected* prediction the model made for it.
    public mutating func observe(
        language: Language, instanceType: String, predicted: Prediction,
        measuredCPUSeconds: Double, measuredMemoryMB: Double
    ) {
        let cpu = log10(max(measuredCPUSeconds, 1e-4)) - log10(max(predicted.cpuSecondsP50, 1e-4))
        // An unmeasured memory (0) leaves the memory mean where it is.
        let memory =
            measuredMemoryMB > 0
            ? log10(max(measuredMemoryMB, 0.5)) - log10(max(predicted.memoryMB, 0.5))
            : (byLanguage[Self.key(instanceType, language)]?.memory ?? 0)
        let rate = configuration.learningRate
        byInstance[instanceType, default: Mean()].add(cpu: cpu, memory: memory, rate: rate)
        byLanguage[Self.key(instanceType, language), default: Mean()].add(cpu: cpu, memory: memory, rate: rate)
    }

    /// The current shift in log10 units for (instance type, language).
    public func offset(language: Language, instanceType: String) -> (cpu: Double, memory: Double) {
        let machine = byInstance[instanceType] ?? Mean()
        let local = byLanguage[Self.key(instanceType, language)] ?? Mean()
        let trust = local.weight / (local.weight + configuration.shrinkage)
        let cap = configuration.maxCorrection
        let cpu = trust * local.cpu + (1 - trust) * machine.cpu
        let memory = trust * local.memory + (1 - trust) * machine.memory
        return (min(cap, max(-cap, cpu)), min(cap, max(-cap, memory)))
    }

    /// The prediction shifted by the tracked bias; the shift is reported as an `online correction` contribution.
    public func correct(_ prediction: Prediction, instanceType: String) -> Prediction {
        let shift = offset(language: prediction.language, instanceType: instanceType)
        guard shift.cpu != 0 || shift.memory != 0 else { return prediction }
        var corrected = prediction
        let factor = pow(10, shift.cpu)
        corrected.cpuSecondsP50 *= factor
        corrected.cpuSecondsP90 *= factor
        corrected.memoryMB *= pow(10, shift.memory)
        corrected.score = ComplexityScore.score(cpuSeconds: corrected.cpuSecondsP50)
        corrected.contributions.insert(
            Contribution(feature: "online correction", log10CPU: (shift.cpu * 1000).rounded() / 1000), at: 0)
        return corrected
    }

    /// Runs observed so far on an instance type (effective, after forgetting).
    public func weight(instanceType: String) -> Double { byInstance[instanceType]?.weight ?? 0 }

    private static func key(_ instanceType: String, _ language: Language) -> String {
        instanceType + "/" + language.rawValue
    }
}
