import ForewarmPools

/// The clairvoyant schedule: every request gets the cheapest type that has its memory and runs it within the SLO's
/// slowdown; per type, requests in arrival order take the instance that came free last if it has been idle for
/// less than a start-up time (bridging the gap is then cheaper than stopping and restarting), else a new instance
/// started exactly one start-up time before the request. The result, per type, is how many instances are alive
/// (starting, busy, or bridging a short gap) as a step function of time.
public struct OracleSchedule: Sendable {
    /// Per type name: breakpoints (time, alive instances from that time on), sorted by time.
    public private(set) var steps: [String: [(time: Double, alive: Int)]] = [:]
    /// The type each arrival was given, in arrival order.
    public private(set) var assignments: [String] = []
    /// The schedule's price: instance lifetimes × price per hour.
    public private(set) var cost = 0.0
    /// Instance starts (each one start-up time before its first request).
    public private(set) var starts = 0

    /// `startupMargin` starts each instance that much more than a nominal start-up early (0.15: the simulator's
    /// start-ups vary by ± 10 %).
    public init(
        arrivals: [FutureArrival], catalog: InstanceCatalog, slo: ServiceLevelObjective, startupMargin: Double = 0.15
    ) {
        let order = arrivals.indices.sorted { arrivals[$0].time < arrivals[$1].time }
        var byType: [String: [(start: Double, end: Double)]] = [:]
        assignments = Array(repeating: "", count: arrivals.count)
        for i in order {
            let a = arrivals[i]
            let type = Self.rightSized(a, catalog: catalog, slo: slo)
            assignments[i] = type.name
            byType[type.name, default: []].append((a.time, a.time + max(a.cpuSeconds, 0) / type.relativeSpeed))
        }
        for (name, runs) in byType {
            guard let type = catalog[name] else { continue }
            let startup = type.startupMs / 1000
            // Free instances: (free since, lifetime start), kept sorted by free-since.
            var free: [(since: Double, born: Double)] = []
            var lifetimes: [(Double, Double)] = []
            var events: [(Double, Int)] = []
            var busy: [(end: Double, born: Double)] = []
            for run in runs {
                // Instances whose run ended by now become free.
                busy.sort { $0.end < $1.end }
                while let first = busy.first, first.end <= run.start {
                    busy.removeFirst()
                    free.append((first.end, first.born))
                }
                free.sort { $0.since < $1.since }
                // Free ones idle longer than a start-up: stop them at their free time.
                var kept: [(since: Double, born: Double)] = []
                for f in free {
                    if run.start - f.since > startup { lifetimes.append((f.born, f.since)) } else { kept.append(f) }
                }
                free = kept
                if let latest = free.popLast() {
                    busy.append((run.end, latest.born))
                } else {
                    busy.append((run.end, run.start - startup * (1 + max(startupMargin, 0))))
                    starts += 1
                }
            }
            for f in free { lifetimes.append((f.born, f.since)) }
            for b in busy { lifetimes.append((b.born, b.end)) }
            for (born, died) in lifetimes {
                cost += (died - born) / 3600 * type.pricePerHour
                events.append((born, 1))
                events.append((died, -1))
            }
            events.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            var alive = 0
            var line: [(time: Double, alive: Int)] = []
            for (time, delta) in events {
                alive += delta
                if let last = line.last, last.time == time {
                    line[line.count - 1].alive = alive
                } else {
                    line.append((time, alive))
                }
            }
            steps[name] = line
        }
    }

    /// The cheapest type with the memory and within the slowdown (the fastest with the most memory if none).
    public static func rightSized(_ a: FutureArrival, catalog: InstanceCatalog, slo: ServiceLevelObjective)
        -> InstanceType
    {
        let memory = max(a.memoryMB, 0)
        if let t = catalog.byPrice.first(where: {
            Double($0.memoryMiB) >= memory && a.cpuSeconds * (1 / $0.relativeSpeed - 1) <= slo.maxSlowdownSeconds
        }) {
            return t
        }
        return catalog.types.max {
            (Double($0.memoryMiB) >= memory ? 1 : 0, $0.relativeSpeed, -$0.pricePerHour)
                < (Double($1.memoryMiB) >= memory ? 1 : 0, $1.relativeSpeed, -$1.pricePerHour)
        } ?? catalog.byPrice[0]
    }

    /// Instances alive at time `t`.
    public func alive(_ type: String, at t: Double) -> Int {
        guard let line = steps[type] else { return 0 }
        var lo = 0, hi = line.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if line[mid].time <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 0 : line[lo - 1].alive
    }

    /// The most instances alive at any time in `from...to`.
    public func peak(_ type: String, from: Double, to: Double) -> Int {
        guard let line = steps[type] else { return 0 }
        var best = alive(type, at: from)
        var lo = 0, hi = line.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if line[mid].time <= from { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < line.count, line[i].time <= to {
            best = max(best, line[i].alive)
            i += 1
        }
        return best
    }
}
