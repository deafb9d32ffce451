import Foundation

/// The M/M/n queue: how many instances an offered load needs so an arrival rarely finds them all busy.
///
/// `load` is the offered load in Erlangs, a = λ·S (arrival rate × mean service time: by Little's law the mean
/// number of busy instances). Erlang B is the chance an arrival finds all `n` busy when it does not wait (it
/// overflows: a cold start); Erlang C the chance it has to wait when it queues. C ≥ B, so sizing by C is the
/// conservative choice for a pool whose overflow both cold-starts and queues.
public enum ErlangC {
    /// Erlang B by the stable recurrence B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
    public static func blockingProbability(servers n: Int, load a: Double) -> Double {
        guard a > 0, a.isFinite else { return 0 }
        guard n > 0 else { return 1 }
        var b = 1.0
        for k in 1...n { b = a * b / (Double(k) + a * b) }
        return b
    }

    /// Erlang C: C = n·B / (n − a·(1 − B)); 1 when the load saturates the servers (a ≥ n).
    public static func waitProbability(servers n: Int, load a: Double) -> Double {
        guard a > 0, a.isFinite else { return 0 }
        guard Double(n) > a else { return 1 }
        let b = blockingProbability(servers: n, load: a)
        return Double(n) * b / (Double(n) - a * (1 - b))
    }

    /// P(wait > t) = C · exp(−(n − a)·t / S) for mean service time `serviceTime`.
    public static func waitExceedanceProbability(
        servers n: Int, load a: Double, serviceTime: Double, wait t: Double
    ) -> Double {
        let c = waitProbability(servers: n, load: a)
        guard c < 1, serviceTime > 0 else { return c }
        return c * exp(-(Double(n) - a) * max(t, 0) / serviceTime)
    }

    /// Mean wait, C·S / (n − a) (infinite at saturation).
    public static func meanWait(servers n: Int, load a: Double, serviceTime: Double) -> Double {
        guard Double(n) > a else { return a > 0 ? .infinity : 0 }
        return waitProbability(servers: n, load: a) * serviceTime / (Double(n) - a)
    }

    /// The fewest servers with P(wait) ≤ `probability` (Erlang C), or with P(all busy) ≤ `probability` when
    /// `overflow` (Erlang B). At most `limit`.
    public static func servers(load a: Double, probability: Double, overflow: Bool = false, limit: Int = 10_000) -> Int
    {
        guard a > 0, a.isFinite else { return 0 }
        let target = min(max(probability, 1e-9), 1)
        var n = overflow ? 1 : max(1, Int(a.rounded(.down)) + 1)
        while n < limit {
            let p = overflow ? blockingProbability(servers: n, load: a) : waitProbability(servers: n, load: a)
            if p <= target { return n }
            n += 1
        }
        return limit
    }
}
