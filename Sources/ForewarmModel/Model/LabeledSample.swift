import ForewarmAnalysis
import Foundation

/// One measured program: its features and what it cost. The unit of training and evaluation.
public struct LabeledSample: Sendable, Codable, Equatable {
    /// Where it came from (a path, or a run id).
    public var id: String
    /// The task or problem it solves: cross-validation never splits a group.
    public var group: String
    public var language: Language
    public var features: [Double]
    /// CPU seconds (user + system) of the run; for runs that hit the CPU limit, the limit (a lower bound).
    public var cpuSeconds: Double
    /// Peak resident memory in MB; 0 when the run's memory was not measured (memory models skip such samples).
    public var memoryMB: Double
    /// The run hit the CPU limit: it is among the heaviest, and `cpuSeconds` is only a lower bound.
    public var hitCPULimit: Bool
    /// The corpus, e.g. `rosetta` or `benchmarksgame`.
    public var source: String

    public init(
        id: String, group: String, language: Language, features: [Double], cpuSeconds: Double,
        memoryMB: Double, hitCPULimit: Bool = false, source: String
    ) {
        self.id = id
        self.group = group
        self.language = language
        self.features = features
        self.cpuSeconds = cpuSeconds
        self.memoryMB = memoryMB
        self.hitCPULimit = hitCPULimit
        self.source = source
    }

    /// The regression target: log10 CPU seconds, floored at 0.1 ms (below the timer's resolution).
    public var cpuLog10: Double { log10(max(cpuSeconds, 1e-4)) }
    /// Whether the run's memory was measured.
    public var hasMemory: Bool { memoryMB > 0 }
    /// log10 of peak memory in MB, floored at 0.5 MB.
    public var memoryLog10: Double { log10(max(memoryMB, 0.5)) }

    /// The class a scheduler must not get wrong: ≥ 1 s CPU (or the CPU limit), or ≥ 512 MB.
    public var isHeavy: Bool { hitCPULimit || cpuSeconds >= HeavyClass.cpuSeconds || memoryMB >= HeavyClass.memoryMB }

    /// The heavy classifier's target: σ(d / `width`), where d is how many decades the run's CPU time or peak memory
    /// (whichever is closer to heavy) lies above its threshold; 1 for a run that hit the CPU limit; with `width` 0,
    /// `isHeavy` as 0 or 1. At width 0.2 a 0.5 s run counts 0.18, a 2 s run 0.82.
    public func heavyLabel(width: Double) -> Double {
        guard width > 0, !hitCPULimit else { return isHeavy ? 1 : 0 }
        let cpu = (cpuLog10 - log10(HeavyClass.cpuSeconds)) / width
        let memory = hasMemory ? (memoryLog10 - log10(HeavyClass.memoryMB)) / width : -100
        // A NaN measurement (a run recorded without one) falls back to the hard label rather than poison the fit.
        guard !cpu.isNaN, !memory.isNaN else { return isHeavy ? 1 : 0 }
        return 1 / (1 + exp(-max(cpu, memory)))
    }
}

/// Thresholds of the heavy class.
public enum HeavyClass {
    public static let cpuSeconds = 1.0
    public static let memoryMB = 512.0
    /// P(heavy) from which the model calls a program heavy (the heavy class is ≈ 5 % of programs).
    public static let decisionProbability = 0.2
}
