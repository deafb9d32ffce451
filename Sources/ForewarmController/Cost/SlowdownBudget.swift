/// The run-time objective's error budget: whether slower, cheaper instance types are making runs exceed the SLO's
/// `maxSlowdownSeconds` faster than the SLO allows (`1 − percentile` of the runs).
///
/// The type chooser admits a slower type when a pool's recent runs are short at the SLO's percentile. Heavy runs
/// the model mistakes for light ones come in bursts (one exercise submitted by a class, one long-running program),
/// so a pool can look short for half an hour and then run twenty 10 s programs at a quarter of the speed. The budget
/// watches outcomes instead. It counts the runs completed in the last `window` seconds that a slower type made late,
/// and the runs in flight that already are (a 10 s run on a quarter-speed type is late after 0.7 s, not at its end
/// 40 s later), and is spent once they pass `share` of the SLO's allowance: half, because by the time a burst has
/// spent the whole allowance the rest of it is already running slow. While it is spent the controller keeps every
/// pool at full speed; violations age out after `window`. A busy service may still use its allowance: the count
/// scales with the runs.
public struct SlowdownBudget: Sendable {
    /// Seconds of completed runs the budget counts.
    public let window: Double
    /// Runs that may exceed the slowdown, as a share of all runs (the SLO's `1 − percentile`).
    public let allowance: Double
    /// The share of the allowance that spends the budget.
    public let share: Double
    public let maxSlowdownSeconds: Double
    private var ticks: [(time: Double, runs: Int, violations: Int)] = []
    private var first = 0
    /// Completed runs in the window, and those of them a slower type made exceed the objective.
    public private(set) var runs = 0
    public private(set) var violations = 0
    /// Runs in flight (at the last tick) that a slower type has already made exceed the objective.
    public private(set) var violationsInFlight = 0

    public init(slo: ServiceLevelObjective, window: Double, share: Double = 0.5) {
        self.window = max(window.isFinite ? window : 0, 0)
        self.share = share.isFinite ? min(max(share, 0), 1) : 0.5
        allowance = 1 - slo.percentile
        maxSlowdownSeconds = slo.maxSlowdownSeconds
    }

    /// Whether slower types should be set aside.
    public var isSpent: Bool { isSpent(violationsInFlight: violationsInFlight) }

    /// Whether it would be spent with this many late runs in flight (the pools seen at an arrival, between ticks).
    public func isSpent(violationsInFlight inFlight: Int) -> Bool {
        let late = violations + inFlight
        return late > 0 && Double(late) > share * allowance * Double(runs + inFlight)
    }

    /// The runs in flight in `pools` that a slower type has already made late.
    public func lateRuns(in pools: [PoolObservation]) -> Int {
        pools.reduce(0) { count, pool in count + pool.slowdownsInFlight.reduce(0) { $0 + (isLate($1) ? 1 : 0) } }
    }

    /// Whether a run the speed of its instance slowed by `slowdown` seconds broke the objective.
    private func isLate(_ slowdown: Double) -> Bool { slowdown > maxSlowdownSeconds + 1e-9 }

    /// Counts one tick's completions, notes the runs in flight, and forgets completions older than the window.
    public mutating func record(_ completions: [CompletionObservation], pools: [PoolObservation], now: Double) {
        violationsInFlight = lateRuns(in: pools)
        if !completions.isEmpty {
            let late = completions.reduce(0) { $0 + (isLate($1.slowdownSeconds) ? 1 : 0) }
            ticks.append((now, completions.count, late))
            runs += completions.count
            violations += late
        }
        while first < ticks.count, ticks[first].time <= now - window {
            runs -= ticks[first].runs
            violations -= ticks[first].violations
            first += 1
        }
        if first > 64, first * 2 > ticks.count {
            ticks.removeFirst(first)
            first = 0
        }
    }

    /// In words, for a directive's reason.
    public var summary: String {
        var text =
            "\(violations) of \(runs) runs in the last \(ForewarmPolicy.format(window)) s ran more than "
            + "\(ForewarmPolicy.format(maxSlowdownSeconds)) s slower on a cheaper type"
        if violationsInFlight > 0 { text += ", and \(violationsInFlight) in flight already have" }
        return text
    }
}
