import Foundation

/// The 0–100 complexity score: log-scaled predicted CPU time (p50), 1 ms → 0 and 60 s → 100, clamped.
///
/// Monotone in predicted CPU, so a pool threshold in score units is a CPU threshold: score `s` means
/// `10^(-3 + s/100 · log10(60 000))` seconds — 20 ≈ 9 ms, 40 ≈ 82 ms, 60 ≈ 0.73 s, 70 ≈ 2.2 s, 80 ≈ 6.6 s.
public enum ComplexityScore {
    public static let floorSeconds = 0.001
    public static let ceilingSeconds = 60.0

    /// The score of a CPU time in seconds.
    public static func score(cpuSeconds: Double) -> Double {
        guard cpuSeconds > 0 else { return 0 }
        let span = log10(ceilingSeconds / floorSeconds)
        let score = 100 * (log10(cpuSeconds) - log10(floorSeconds)) / span
        return min(100, max(0, score))
    }

    /// The CPU seconds a score stands for (the inverse, within 0–100).
    public static func cpuSeconds(score: Double) -> Double {
        let clamped = min(100, max(0, score))
        return floorSeconds * pow(ceilingSeconds / floorSeconds, clamped / 100)
    }
}
