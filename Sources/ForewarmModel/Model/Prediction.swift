import ForewarmAnalysis

/// What the model expects one run of a snippet to cost.
public struct Prediction: Sendable, Codable, Equatable {
    public var language: Language
    /// 0–100, see ``ComplexityScore``.
    public var score: Double
    public var cpuSecondsP50: Double
    public var cpuSecondsP90: Double
    /// Predicted peak resident memory.
    public var memoryMB: Double
    /// Probability of the heavy class (≥ 1 s CPU or ≥ 512 MB).
    public var heavyProbability: Double
    /// The features that moved the CPU prediction most, largest first.
    public var contributions: [Contribution]

    public init(
        language: Language, score: Double, cpuSecondsP50: Double, cpuSecondsP90: Double, memoryMB: Double,
        heavyProbability: Double, contributions: [Contribution]
    ) {
        self.language = language
        self.score = score
        self.cpuSecondsP50 = cpuSecondsP50
        self.cpuSecondsP90 = cpuSecondsP90
        self.memoryMB = memoryMB
        self.heavyProbability = heavyProbability
        self.contributions = contributions
    }
}

/// How much one feature (or the language, as one) moved predicted CPU time, in decades (log10 seconds).
public struct Contribution: Sendable, Codable, Equatable {
    public var feature: String
    /// + means slower: 0.3 ≈ twice the CPU time.
    public var log10CPU: Double

    public init(feature: String, log10CPU: Double) {
        self.feature = feature
        self.log10CPU = log10CPU
    }
}
