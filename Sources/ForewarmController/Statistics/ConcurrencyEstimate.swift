/// A pool's average concurrency (requests in service or waiting) over the last control period, as the reactive
/// autoscalers measure it: busy-seconds of the runs that finished in the period (the part of each run inside it),
/// plus half a period for each run still going at the tick, plus the requests queued — divided by the period.
public enum ConcurrencyEstimate {
    public static func average(_ tick: ControlTick, pool: String) -> Double {
        let period = tick.period.isFinite && tick.period > 0 ? tick.period : 1
        let start = tick.now - period
        var busySeconds = 0.0
        for c in tick.completions where c.pool == pool && c.wallSeconds.isFinite {
            let began = c.time - max(c.wallSeconds, 0)
            busySeconds += max(0, min(c.time, tick.now) - max(began, start))
        }
        guard let observed = tick.pools.first(where: { $0.pool == pool }) else { return busySeconds / period }
        return busySeconds / period + Double(observed.busy) * 0.5 + Double(observed.queued)
    }
}
