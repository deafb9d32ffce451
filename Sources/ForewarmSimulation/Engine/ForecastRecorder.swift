import ForewarmController

/// Collects a policy's one-period-ahead demand forecasts into the report's buckets: each forecast lands in the bucket
/// of the period it covers, and a bucket shows the mean of the forecasts made in it.
struct ForecastRecorder {
    let bucketSeconds: Double
    private var sums: [DemandForecast] = []
    private var counts: [Int] = []

    init(bucketSeconds: Double) {
        self.bucketSeconds = bucketSeconds
    }

    mutating func record(_ forecast: DemandForecast, at time: Double) {
        let bucket = max(0, Int(time / bucketSeconds))
        if bucket >= counts.count {
            let grow = bucket + 1 - counts.count
            let zero = DemandForecast(arrivalsPerSecond: 0, upperArrivalsPerSecond: 0, cpuSecondsPerSecond: 0)
            sums.append(contentsOf: repeatElement(zero, count: grow))
            counts.append(contentsOf: repeatElement(0, count: grow))
        }
        sums[bucket].arrivalsPerSecond += forecast.arrivalsPerSecond
        sums[bucket].upperArrivalsPerSecond += forecast.upperArrivalsPerSecond
        sums[bucket].cpuSecondsPerSecond += forecast.cpuSecondsPerSecond
        counts[bucket] += 1
    }

    /// The first `buckets` buckets (nil when the policy never forecast). A bucket without a forecast of its own
    /// repeats the previous one; buckets before the first forecast are 0.
    func series(buckets: Int) -> ForecastSeries? {
        guard counts.contains(where: { $0 > 0 }) else { return nil }
        var series = ForecastSeries(arrivalsPerSecond: [], upperArrivalsPerSecond: [], cpuSecondsPerSecond: [])
        var current = DemandForecast(arrivalsPerSecond: 0, upperArrivalsPerSecond: 0, cpuSecondsPerSecond: 0)
        for bucket in 0..<buckets {
            if bucket < counts.count, counts[bucket] > 0 {
                let n = Double(counts[bucket])
                current = DemandForecast(
                    arrivalsPerSecond: sums[bucket].arrivalsPerSecond / n,
                    upperArrivalsPerSecond: sums[bucket].upperArrivalsPerSecond / n,
                    cpuSecondsPerSecond: sums[bucket].cpuSecondsPerSecond / n)
            }
            series.arrivalsPerSecond.append(current.arrivalsPerSecond)
            series.upperArrivalsPerSecond.append(current.upperArrivalsPerSecond)
            series.cpuSecondsPerSecond.append(current.cpuSecondsPerSecond)
        }
        return series
    }
}
