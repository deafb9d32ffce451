/// Keeps a pool's target from flapping, as Kubernetes' HPA and Knative do: scale up at once but by a bounded
/// step, scale down only to the highest recommendation of the last `scaleDownWindow` seconds and by a bounded
/// step, and always within the pool's bounds.
///
/// A recommendation that dips for less than the window never lowers the target, so an oscillating input holds the
/// target at its peaks instead of following it down and up.
public struct ScaleStabilizer: Sendable, Hashable {
    public struct Options: Sendable, Hashable {
        /// Seconds of recommendations a scale-down takes the maximum of (HPA: 300 s).
        public var scaleDownWindow: Double = 120
        /// Per decision, a scale-up adds at most max(`scaleUpPercent` × current, `scaleUpInstances`).
        public var scaleUpPercent: Double = 1
        public var scaleUpInstances = 4
        /// Per decision, a scale-down removes at most max(`scaleDownPercent` × current, `scaleDownInstances`).
        public var scaleDownPercent: Double = 0.5
        public var scaleDownInstances = 1
        public var minInstances = 0
        public var maxInstances = 64
        public init() {}
    }

    public var options: Options
    private var history: [Recommendation] = []

    private struct Recommendation: Sendable, Hashable {
        var time: Double
        var count: Int
    }

    public init(options: Options = Options()) { self.options = options }

    /// The target to set now, given the raw `recommended` count and the `current` target.
    public mutating func stabilize(recommended: Int, current: Int, now: Double) -> Int {
        let o = options
        history.append(Recommendation(time: now, count: recommended))
        history.removeAll { $0.time < now - o.scaleDownWindow }
        var desired = recommended
        if desired < current { desired = min(current, history.map(\.count).max() ?? recommended) }
        if desired > current {
            let step = max(Int((Double(current) * o.scaleUpPercent).rounded(.up)), o.scaleUpInstances)
            desired = min(desired, current + step)
        } else if desired < current {
            let step = max(Int((Double(current) * o.scaleDownPercent).rounded(.down)), o.scaleDownInstances)
            desired = max(desired, current - step)
        }
        return min(max(desired, o.minInstances), max(o.maxInstances, o.minInstances))
    }
}
