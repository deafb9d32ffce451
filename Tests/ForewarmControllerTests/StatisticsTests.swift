import Testing

@testable import ForewarmController

@Suite struct StatisticsTests {
    @Test func scoreAveragesRollOverallAndPerPool() {
        var s = ScoreAverages(window: 4, halfLife: 2)
        #expect(s.mean == nil)
        for (score, pool) in [(10.0, "a"), (20, "a"), (90, "b"), (30, "a"), (50, "a")] {
            s.observe(score: score, pool: pool)
        }
        // The last four scores: 20, 90, 30, 50.
        #expect(s.mean == 47.5)
        #expect(s.count == 4)
        // Pool a's last four: 10, 20, 30, 50.
        #expect(s.mean(pool: "a") == 27.5)
        #expect(s.mean(pool: "b") == 90)
        #expect(s.mean(pool: "c") == nil)
        let smooth = s.smoothed ?? 0
        #expect(smooth > 30 && smooth < 60)
    }

    @Test func arrivalRateIsCountsOverTheWindow() {
        var r = ArrivalRate(windowSeconds: 20, halfLifeSeconds: 10)
        #expect(r.rate == 0)
        r.observe((0..<10).map { arrival(Double($0), pool: "a", score: 10) }, period: 10)
        r.observe((0..<30).map { arrival(10 + Double($0) / 3, pool: $0 % 3 == 0 ? "b" : "a", score: 10) }, period: 10)
        #expect(r.rate == 2)  // 40 arrivals over 20 s
        #expect(r.rate(pool: "b") == 0.5)
        #expect(r.peakRate == 3)
        // A third period pushes the first out of the 20 s window.
        r.observe([], period: 10)
        #expect(r.rate == 1.5)
        #expect(r.smoothedRate > 0 && r.smoothedRate < 3)
    }

    @Test func concurrencyCountsBusySecondsInsideThePeriod() {
        let type = catalog.standard
        // A run of 4 s that ended at t = 10 (half inside the 2 s period … all of its last 2 s), one busy, one queued.
        let tick = ControlTick(
            now: 10, period: 2, pools: [observation("p", type: type, busy: 1, queued: 1, target: 2)], arrivals: [],
            completions: [completion(10, pool: "p", score: 1, cpu: 4)])
        #expect(ConcurrencyEstimate.average(tick, pool: "p") == 1 + 0.5 + 1)
    }

    @Test func demandProfileQuantiles() {
        let samples = (1...100).map { DemandSample(score: 0, cpuSeconds: Double($0), memoryMB: 10) }
        let p = DemandProfile(samples, percentile: 0.9)
        #expect(p.meanCPUSeconds == 50.5)
        #expect(abs(p.cpuSecondsAtPercentile - 90.1) < 1e-9)
        #expect(p.memoryMBAtPercentile == 10)
    }
}
