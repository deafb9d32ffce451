/// A measured program a trace can send: where its code is, its language and what one run cost.
public struct TraceProgram: Sendable, Equatable {
    /// Its id in the corpus (kept in the trace as `program`).
    public var id: String
    public var codePath: String
    public var language: String
    public var cpuSeconds: Double
    public var memoryMB: Double

    public init(id: String, codePath: String, language: String, cpuSeconds: Double, memoryMB: Double) {
        self.id = id
        self.codePath = codePath
        self.language = language
        self.cpuSeconds = cpuSeconds
        self.memoryMB = memoryMB
    }
}

/// Joins a real trace's arrivals with measured programs (docs/evaluation.md, "The join"):
///
/// 1. **Window.** The trace covers `hours` of replay time, i.e. `hours / timeScale` of source time: the busiest such
///    window of the source (most arrivals; the earliest on a tie). A source shorter than that is replayed back to
///    back (each copy shifted by the source's span plus its mean gap).
/// 2. **Time.** Offsets from the window's start are multiplied by `timeScale` (0.5 replays twice as fast).
/// 3. **Language.** A source that names a runtime (ReCodEx's hashed `runtime_id`) maps each runtime, most frequent
///    first, to the corpus's languages in a seeded shuffle, round robin; otherwise each request draws a language with
///    probability proportional to the programs it has.
/// 4. **Program.** An arrival's size rank within its group (ReCodEx: duration within the worker group over the whole
///    log; Azure: prompt tokens), as a quantile with seeded jitter inside its band of ties, picks the program at the
///    same quantile of the language's programs ordered by measured CPU time. The request carries that program's
///    measured CPU seconds and memory.
public struct TraceBuilder: Sendable {
    public var hours: Double
    public var timeScale: Double
    public var seed: UInt64
    /// Names the source in each record.
    public var source: String

    public init(source: String, hours: Double, timeScale: Double = 1, seed: UInt64 = 1) {
        self.source = source
        self.hours = hours
        self.timeScale = timeScale
        self.seed = seed
    }

    public func build(arrivals: [SourceArrival], programs: [TraceProgram]) throws -> [TraceRecord] {
        guard hours > 0, hours.isFinite else { throw TraceError.invalidOption("--hours must be a positive number") }
        guard timeScale > 0, timeScale.isFinite else {
            throw TraceError.invalidOption("--time-scale must be a positive number")
        }
        guard !arrivals.isEmpty else { throw TraceError.noArrivals(source) }
        let byLanguage = Dictionary(grouping: programs.filter { $0.cpuSeconds >= 0 }, by: \.language)
            .mapValues { $0.sorted { ($0.cpuSeconds, $0.id) < ($1.cpuSeconds, $1.id) } }
        guard !byLanguage.isEmpty else { throw TraceError.noPrograms("the corpus has no measured programs") }
        var random = TraceRandom(seed: seed)
        let quantiles = Self.quantiles(arrivals, random: &random)
        let languages = Self.languageMap(arrivals, byLanguage: byLanguage, random: &random)
        let weights = byLanguage.keys.sorted().map { ($0, byLanguage[$0]!.count) }
        let total = weights.reduce(0) { $0 + $1.1 }

        var records: [TraceRecord] = []
        for (index, time) in window(arrivals) {
            let arrival = arrivals[index]
            let language: String
            if let key = arrival.languageKey, let mapped = languages[key] {
                language = mapped
            } else {
                var pick = Int(random.unit() * Double(total))
                language = weights.first { pick -= $0.1; return pick < 0 }?.0 ?? weights[weights.count - 1].0
            }
            let candidates = byLanguage[language]!
            let program = candidates[min(candidates.count - 1, Int(quantiles[index] * Double(candidates.count)))]
            var ids = arrival.ids
            ids["quantile"] = String(format4(quantiles[index]))
            records.append(
                TraceRecord(
                    arrival: time, language: language, codePath: program.codePath, program: program.id,
                    cpuSeconds: program.cpuSeconds, memoryMB: program.memoryMB, source: source, ids: ids))
        }
        return records
    }

    /// (arrival index, replay time) of the arrivals in the replay window, in time order.
    func window(_ arrivals: [SourceArrival]) -> [(Int, Double)] {
        let order = arrivals.indices.sorted { (arrivals[$0].time, $0) < (arrivals[$1].time, $1) }
        let times = order.map { arrivals[$0].time }
        let span = hours * 3600 / timeScale
        let first = times[0], last = times[times.count - 1]
        if last - first < span {
            // Too short: back to back.
            let period = (last - first) + (times.count > 1 ? (last - first) / Double(times.count - 1) : 1)
            var out: [(Int, Double)] = []
            var copy = 0.0
            while copy * period < span {
                for (position, index) in order.enumerated() {
                    let offset = copy * period + times[position] - first
                    guard offset < span else { break }
                    out.append((index, offset * timeScale))
                }
                copy += 1
            }
            return out
        }
        var best = (count: 0, start: 0)
        var end = 0
        for start in times.indices {
            while end < times.count && times[end] < times[start] + span { end += 1 }
            if end - start > best.count { best = (end - start, start) }
        }
        let origin = times[best.start]
        return (best.start..<(best.start + best.count)).map { (order[$0], (times[$0] - origin) * timeScale) }
    }

    /// Each arrival's size quantile within its group, jittered uniformly inside its band of equal sizes.
    static func quantiles(_ arrivals: [SourceArrival], random: inout TraceRandom) -> [Double] {
        var quantiles = [Double](repeating: 0, count: arrivals.count)
        let groups = Dictionary(grouping: arrivals.indices, by: { arrivals[$0].group })
        for group in groups.keys.sorted() {
            let members = groups[group]!.sorted { (arrivals[$0].size, $0) < (arrivals[$1].size, $1) }
            let n = Double(members.count)
            var low = 0
            while low < members.count {
                var high = low
                while high + 1 < members.count && arrivals[members[high + 1]].size == arrivals[members[low]].size {
                    high += 1
                }
                for position in low...high {
                    quantiles[members[position]] = (Double(low) + random.unit() * Double(high + 1 - low)) / n
                }
                low = high + 1
            }
        }
        return quantiles
    }

    /// Language keys, most frequent first, to the corpus's languages in a seeded order, round robin.
    static func languageMap(
        _ arrivals: [SourceArrival], byLanguage: [String: [TraceProgram]], random: inout TraceRandom
    ) -> [String: String] {
        var counts: [String: Int] = [:]
        for arrival in arrivals { if let key = arrival.languageKey { counts[key, default: 0] += 1 } }
        guard !counts.isEmpty else { return [:] }
        var languages = byLanguage.keys.sorted()
        for index in stride(from: languages.count - 1, to: 0, by: -1) {
            languages.swapAt(index, Int(random.unit() * Double(index + 1)))
        }
        let keys = counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
        return Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, languages[$0 % languages.count]) })
    }

    private func format4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// SplitMix64, so a trace depends only on its seed.
struct TraceRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) * 0x1.0p-53
    }
}
