import ForewarmController
import ForewarmPools

/// One simulated instance. It serves one request at a time; `request` is the one it runs, or the one waiting for it
/// to finish starting.
struct SimulatedInstance {
    enum State { case starting, idle, busy, retired }

    var pool: Int
    var type: InstanceType
    var state: State = .starting
    var provisionedAt: Double
    var idleSince = 0.0
    /// Bumped each time it goes idle, so a stale keep-alive check can tell it is out of date.
    var idleEpoch = 0
    var expiryScheduled = false
    var request: Int?
    var runStartedAt = 0.0
}

/// A FIFO of request indices.
struct RequestQueue {
    private var items: [Int] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }
    var first: Int? { isEmpty ? nil : items[head] }

    mutating func append(_ request: Int) { items.append(request) }

    mutating func popFirst() -> Int? {
        guard !isEmpty else { return nil }
        let request = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return request
    }
}

/// One pool of a replay: its target, its instances by state, its queue.
struct SimulatedPool {
    var plan: PoolPlan
    /// The type new instances get.
    var type: InstanceType
    var target: Int
    /// Idle instances, the most recently idle last (it is handed out first, so the others can age out).
    var idle: [Int] = []
    /// Starting instances no request waits for, oldest first.
    var unclaimedStarting: [Int] = []
    var queue = RequestQueue()
    var live = 0
    var starting = 0
    var busy = 0
    var liveByType: [String: Int] = [:]
    /// Requests waiting for one of this pool's instances to start.
    var waitingForStartup = 0
    /// Runs in flight on instances slower than full speed: instance → when the run started.
    var slowRuns: [Int: Double] = [:]

    init(plan: PoolPlan) {
        self.plan = plan
        type = plan.instanceType
        target = min(max(plan.initialInstances, plan.minInstances), plan.maxInstances)
    }

    /// Live instances of the current type (those count toward the target; older types are surplus).
    var liveCurrent: Int { liveByType[type.name] ?? 0 }

    func clamp(_ target: Int) -> Int { min(max(target, plan.minInstances), plan.maxInstances) }

    func observation(queued: Int) -> PoolObservation {
        PoolObservation(
            pool: plan.name, instanceType: type, idle: idle.count, busy: busy, starting: starting, queued: queued,
            target: target)
    }
}
