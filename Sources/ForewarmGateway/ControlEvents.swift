import ForewarmController
import ForewarmModel
import Synchronization

/// What the request path reports to the live controller between two control ticks: each admitted request (where it
/// went, cold or warm, its predicted demand) and each finished run (what it really used). A lock-guarded buffer:
/// recording costs the request path a short critical section, never an await.
public final class ControlEvents: Sendable {
    private struct Buffer {
        var arrivals: [ArrivalObservation] = []
        var completions: [CompletionObservation] = []
    }

    private let buffer = Mutex(Buffer())
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    /// At most this many events of each kind are kept between ticks (older ones are dropped first).
    let capacity: Int

    public init(capacity: Int = 100_000) {
        origin = clock.now
        self.capacity = capacity
    }

    /// Seconds since the gateway started: the controller's clock.
    public var now: Double {
        let elapsed = origin.duration(to: clock.now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    public func arrived(pool: String, demand: DemandEstimate, coldStart: Bool) {
        let event = ArrivalObservation(time: now, pool: pool, demand: demand, coldStart: coldStart)
        buffer.withLock { buffer in
            if buffer.arrivals.count >= capacity { buffer.arrivals.removeFirst(buffer.arrivals.count / 2) }
            buffer.arrivals.append(event)
        }
    }

    /// Records an admitted request from what the gateway's prediction knows; a missing CPU time is the one the score
    /// stands for (`ComplexityScore`).
    public func arrived(
        pool: String, language: String, score: Double, cpuSecondsP50: Double?, cpuSecondsP90: Double? = nil,
        memoryMB: Double? = nil, coldStart: Bool
    ) {
        let p50 = cpuSecondsP50 ?? ComplexityScore.cpuSeconds(score: score)
        arrived(
            pool: pool,
            demand: DemandEstimate(
                language: language, score: score, cpuSecondsP50: p50, cpuSecondsP90: cpuSecondsP90 ?? p50,
                memoryMB: memoryMB ?? 0),
            coldStart: coldStart)
    }

    public func completed(pool: String, score: Double, cpuSeconds: Double, wallSeconds: Double, memoryMB: Double) {
        let event = CompletionObservation(
            time: now, pool: pool, score: score, cpuSeconds: cpuSeconds, wallSeconds: wallSeconds, memoryMB: memoryMB)
        buffer.withLock { buffer in
            if buffer.completions.count >= capacity { buffer.completions.removeFirst(buffer.completions.count / 2) }
            buffer.completions.append(event)
        }
    }

    /// Everything recorded since the previous call.
    func drain() -> (arrivals: [ArrivalObservation], completions: [CompletionObservation]) {
        buffer.withLock { buffer in
            defer { buffer = Buffer() }
            return (buffer.arrivals, buffer.completions)
        }
    }
}
