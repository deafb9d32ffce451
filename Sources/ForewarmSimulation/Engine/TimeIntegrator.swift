/// Integrates piecewise-constant counts over time: totals for the metrics, and per-bucket sums for the series.
struct TimeIntegrator {
    let bucketSeconds: Double
    private(set) var last = 0.0

    // Totals (count × seconds).
    private(set) var idleSeconds = 0.0
    private(set) var busySeconds = 0.0
    private(set) var overSeconds = 0.0
    private(set) var waitingSeconds = 0.0
    private(set) var cost = 0.0

    // Per bucket (count × seconds within the bucket).
    private(set) var poolLive: [[Double]]
    private(set) var busy: [Double] = []
    private(set) var costPerBucket: [Double] = []

    init(pools: Int, bucketSeconds: Double) {
        self.bucketSeconds = bucketSeconds
        poolLive = Array(repeating: [], count: pools)
    }

    /// The counts as they have been since the last call.
    struct Counts {
        var poolLive: [Int]
        var idle: Int
        var busy: Int
        var unclaimedStarting: Int
        var waiting: Int
        /// Dollars per second of all live instances.
        var costRate: Double
    }

    mutating func advance(to time: Double, _ counts: Counts) {
        guard time > last else { return }
        let dt = time - last
        idleSeconds += Double(counts.idle) * dt
        busySeconds += Double(counts.busy) * dt
        overSeconds += Double(counts.idle + counts.unclaimedStarting) * dt
        waitingSeconds += Double(counts.waiting) * dt
        cost += counts.costRate * dt
        var from = last
        while from < time {
            var bucket = Int(from / bucketSeconds)
            if Double(bucket + 1) * bucketSeconds <= from { bucket += 1 }
            let end = min(time, Double(bucket + 1) * bucketSeconds)
            let width = end - from
            ensure(bucket)
            for pool in counts.poolLive.indices { poolLive[pool][bucket] += Double(counts.poolLive[pool]) * width }
            busy[bucket] += Double(counts.busy) * width
            costPerBucket[bucket] += counts.costRate * width
            from = end
        }
        last = time
    }

    mutating func ensure(_ bucket: Int) {
        guard bucket >= busy.count else { return }
        let grow = bucket + 1 - busy.count
        busy.append(contentsOf: repeatElement(0, count: grow))
        costPerBucket.append(contentsOf: repeatElement(0, count: grow))
        for pool in poolLive.indices { poolLive[pool].append(contentsOf: repeatElement(0, count: grow)) }
    }
}
