/// A named, time-bucketed demand series derived from a trace.
public struct TraceSeries: Sendable, Equatable {
    /// Evaluation family, e.g. `recodex-arrivals-1m`.
    public var family: String
    /// Series name, e.g. `recodex-arrivals-1m-sample-default-17447`.
    public var name: String
    /// Unix time (s) of each bucket's start.
    public var timestamps: [Int]
    public var values: [Double]
}

/// Buckets the real traces in `../shared/data` into the evaluation series (the same rules as
/// `scripts/reference_forecasts.py`, which the tests check).
public enum TraceBucketing {
    /// ReCodEx job log (`;`-separated, `spawn_ts` in s, `duration` in s): per worker group, the two busiest days with
    /// at least 150 jobs; per-minute arrivals and summed durations over the 12 h ending 2 h after the busiest hour.
    public static func recodex(csv: String, tag: String) -> [TraceSeries] {
        var lines = csv.split(whereSeparator: \.isNewline)
        guard let header = lines.first?.split(separator: ";").map(String.init) else { return [] }
        lines.removeFirst()
        guard let spawn = header.firstIndex(of: "spawn_ts"), let duration = header.firstIndex(of: "duration"),
            let group = header.firstIndex(of: "worker_group_id")
        else { return [] }
        var jobs: [String: [(Int, Double)]] = [:]
        for line in lines {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            guard fields.count > max(spawn, duration, group), let t = Int(fields[spawn]) else { continue }
            jobs[String(fields[group]), default: []].append((t, Double(fields[duration]) ?? 0))
        }
        var out: [TraceSeries] = []
        for name in jobs.keys.sorted() {
            let groupJobs = jobs[name] ?? []
            var perDay: [Int: Int] = [:]
            for (t, _) in groupJobs { perDay[t / 86400, default: 0] += 1 }
            let busiest = perDay.filter { $0.value >= 150 }.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }
            for day in busiest.prefix(2).map(\.key).sorted() {
                var perHour: [Int: Int] = [:]
                for (t, _) in groupJobs where t / 86400 == day { perHour[t / 3600, default: 0] += 1 }
                guard let peak = perHour.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { continue }
                let end = (peak + 3) * 3600, start = end - 12 * 3600
                var arrivals = [Double](repeating: 0, count: 720), durations = arrivals
                for (t, d) in groupJobs where t >= start && t < end {
                    arrivals[(t - start) / 60] += 1
                    durations[(t - start) / 60] += d
                }
                let stamps = (0..<720).map { start + 60 * $0 }
                out.append(
                    TraceSeries(
                        family: "recodex-arrivals-1m", name: "recodex-arrivals-1m-\(tag)-\(name)-\(day)",
                        timestamps: stamps, values: arrivals))
                out.append(
                    TraceSeries(
                        family: "recodex-duration-1m", name: "recodex-duration-1m-\(tag)-\(name)-\(day)",
                        timestamps: stamps, values: durations))
            }
        }
        return out
    }

    /// Azure LLM inference trace (`TIMESTAMP,ContextTokens,GeneratedTokens`): requests per second in 20-minute
    /// windows and requests per 10 s over the whole trace.
    public static func azure(csv: String, service: String) -> [TraceSeries] {
        let ticks = csv.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            line.split(separator: ",").first.flatMap { parseTimestamp($0) }
        }
        guard let first = ticks.min() else { return [] }
        let t0 = first / 10_000_000
        let seconds = ticks.map { ($0 - t0 * 10_000_000) / 10_000_000 }
        var perSecond = [Double](repeating: 0, count: (seconds.max() ?? 0) + 1)
        for s in seconds { perSecond[s] += 1 }
        var out: [TraceSeries] = []
        for k in 0..<3 where k * 1200 < perSecond.count {
            let window = Array(perSecond[(k * 1200)..<min(perSecond.count, (k + 1) * 1200)])
            out.append(
                TraceSeries(
                    family: "azure-arrivals-1s", name: "azure-arrivals-1s-\(service)-\(k)",
                    timestamps: window.indices.map { t0 + k * 1200 + $0 }, values: window))
        }
        var perTen = [Double](repeating: 0, count: perSecond.count / 10 + (perSecond.count % 10 == 0 ? 0 : 1))
        for s in seconds { perTen[s / 10] += 1 }
        out.append(
            TraceSeries(
                family: "azure-arrivals-10s", name: "azure-arrivals-10s-\(service)",
                timestamps: perTen.indices.map { t0 + 10 * $0 }, values: perTen))
        return out
    }

    /// `YYYY-MM-DD HH:MM:SS.fffffff` (UTC) → 100-ns ticks since the Unix epoch.
    static func parseTimestamp(_ text: Substring) -> Int? {
        let parts = text.split(whereSeparator: { "- :.".contains($0) })
        guard parts.count >= 6, let y = Int(parts[0]), let mo = Int(parts[1]), let d = Int(parts[2]),
            let h = Int(parts[3]), let mi = Int(parts[4]), let s = Int(parts[5])
        else { return nil }
        var fraction = 0
        if parts.count > 6 {
            let digits = String(parts[6].prefix(7))
            fraction = (Int(digits) ?? 0) * [1, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1][digits.count]
        }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return ((days * 86400 + h * 3600 + mi * 60 + s) * 10_000_000) + fraction
    }
}
