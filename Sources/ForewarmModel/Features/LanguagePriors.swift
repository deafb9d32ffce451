import ForewarmAnalysis

/// What an empty program costs per language: the start-up floor every prediction stands on.
///
/// Medians of 15 runs of an empty program in the labels' sandbox (`labels/baselines.json`, 2026-11-29). Languages
/// without a measurement borrow their runtime's (TypeScript → node, Kotlin → JVM, C# → a .NET guess); an unknown
/// language gets the median of all.
public struct LanguagePrior: Sendable, Equatable {
    /// CPU seconds of an empty program.
    public var cpuSeconds: Double
    /// Peak resident memory of an empty program, in MB.
    public var memoryMB: Double
    /// Compiled ahead of time (C, C++, Rust, Go, Swift): start-up is cheap and loops are fast.
    public var compiled: Bool

    public static func of(_ language: Language?) -> LanguagePrior {
        guard let language else { return unknown }
        switch language {
        case .python: return LanguagePrior(cpuSeconds: 0.010465, memoryMB: 8212 / 1024, compiled: false)
        case .javascript: return LanguagePrior(cpuSeconds: 0.02695, memoryMB: 38116 / 1024, compiled: false)
        case .typescript: return LanguagePrior(cpuSeconds: 0.02695, memoryMB: 38116 / 1024, compiled: false)
        case .perl: return LanguagePrior(cpuSeconds: 0.002524, memoryMB: 4920 / 1024, compiled: false)
        case .ruby: return LanguagePrior(cpuSeconds: 0.047804, memoryMB: 13496 / 1024, compiled: false)
        case .php: return LanguagePrior(cpuSeconds: 0.019756, memoryMB: 18024 / 1024, compiled: false)
        case .lua: return LanguagePrior(cpuSeconds: 0.001544, memoryMB: 2320 / 1024, compiled: false)
        case .c: return LanguagePrior(cpuSeconds: 0.000717, memoryMB: 976 / 1024, compiled: true)
        case .cpp: return LanguagePrior(cpuSeconds: 0.00152, memoryMB: 3188 / 1024, compiled: true)
        case .rust: return LanguagePrior(cpuSeconds: 0.000993, memoryMB: 1812 / 1024, compiled: true)
        case .swift: return LanguagePrior(cpuSeconds: 0.003285, memoryMB: 6804 / 1024, compiled: true)
        case .go: return LanguagePrior(cpuSeconds: 0.000904, memoryMB: 952 / 1024, compiled: true)
        case .java: return LanguagePrior(cpuSeconds: 0.036774, memoryMB: 37500 / 1024, compiled: false)
        case .kotlin: return LanguagePrior(cpuSeconds: 0.036774, memoryMB: 37500 / 1024, compiled: false)
        case .csharp: return LanguagePrior(cpuSeconds: 0.04, memoryMB: 30, compiled: false)
        }
    }

    /// The median over the measured languages.
    public static let unknown = LanguagePrior(cpuSeconds: 0.003285, memoryMB: 6804 / 1024, compiled: false)
}
