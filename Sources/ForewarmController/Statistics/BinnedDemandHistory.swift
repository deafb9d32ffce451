/// Arrivals and CPU-seconds per control period in fixed score bins (width 10 by default), for the last `window`
/// periods: any pool's series is the sum of the bins its score range covers, so a pool whose range moves gets its
/// forecast refitted from history instead of starting blind.
public struct BinnedDemandHistory: Sendable {
    public let binWidth: Double
    public let window: Int
    private var arrivals: [[Double]] = []
    private var cpuSeconds: [[Double]] = []
    private var bins: Int { Int((100 / binWidth).rounded(.up)) }

    public init(binWidth: Double = 10, window: Int = 720) {
        self.binWidth = binWidth.isFinite && binWidth > 0 ? min(binWidth, 100) : 10
        self.window = max(window, 1)
    }

    public var count: Int { arrivals.count }

    func bin(_ score: Double) -> Int { min(max(Int((score.isFinite ? score : 0) / binWidth), 0), bins - 1) }

    /// Adds one period: arrivals by their predicted score, and completed CPU-seconds by the score they were routed by.
    public mutating func append(arrivals list: [ArrivalObservation], completions: [CompletionObservation]) {
        var a = [Double](repeating: 0, count: bins), c = a
        for x in list { a[bin(x.demand.score)] += 1 }
        for x in completions { c[bin(x.score)] += x.cpuSeconds.isFinite ? max(x.cpuSeconds, 0) : 0 }
        arrivals.append(a)
        cpuSeconds.append(c)
        if arrivals.count > window {
            arrivals.removeFirst(arrivals.count - window)
            cpuSeconds.removeFirst(cpuSeconds.count - window)
        }
    }

    /// The latest period's arrivals and CPU-seconds for scores in `lower..<upper` (upper ≥ 100 takes all above).
    public func latest(lower: Double, upper: Double) -> (arrivals: Double, cpuSeconds: Double) {
        guard let a = arrivals.last, let c = cpuSeconds.last else { return (0, 0) }
        let r = range(lower: lower, upper: upper)
        return (r.reduce(0) { $0 + a[$1] }, r.reduce(0) { $0 + c[$1] })
    }

    /// The whole series for a score range.
    public func series(lower: Double, upper: Double) -> (arrivals: [Double], cpuSeconds: [Double]) {
        let r = range(lower: lower, upper: upper)
        return (
            arrivals.map { row in r.reduce(0) { $0 + row[$1] } }, cpuSeconds.map { row in r.reduce(0) { $0 + row[$1] } }
        )
    }

    private func range(lower: Double, upper: Double) -> Range<Int> {
        let lo = min(max(Int((lower / binWidth).rounded()), 0), bins)
        let hi = upper >= 100 ? bins : min(max(Int((upper / binWidth).rounded()), lo), bins)
        return lo..<hi
    }
}
