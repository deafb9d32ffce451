import ForewarmPools
import Testing

@testable import ForewarmController

@Suite struct BaselineTests {
    @Test func fixedHoldsItsSizes() {
        var d = Driver(FixedPolicy())
        #expect(d.pools.map(\.target) == [5, 2, 1])
        for _ in 0..<5 { d.step(arrivals: Array(repeating: 90, count: 100)) }
        #expect(d.pools.map(\.target) == [5, 2, 1])
        #expect(d.policy.keepAlive == nil)
    }

    @Test func keepAliveNeverPrewarms() {
        var d = Driver(KeepAlivePolicy())
        #expect(d.policy.name == "keepalive-10m")
        #expect(d.policy.keepAlive == 600)
        #expect(d.pools.map(\.target) == [0])
        d.step(arrivals: Array(repeating: 50, count: 100))
        #expect(d.pools.map(\.target) == [0])
    }

    @Test func kpaScalesToZeroAfterGraceThenPanicsOnABurstAndHolds() {
        var p = KPAPolicy()
        #expect(p.controlPeriod == 2)
        var target = 1
        func tick(_ now: Double, queued: Int = 0, traffic: Bool = false) -> [ScalingDirective] {
            let pool = observation("default", type: catalog.standard, idle: target, queued: queued, target: target)
            let arrivals = traffic ? [arrival(now - 1, pool: "default", score: 10)] : []
            let out = p.decide(ControlTick(now: now, period: 2, pools: [pool], arrivals: arrivals, completions: []))
            if let d = out.first { target = d.instances }
            return out
        }
        // Traffic until t = 20 keeps one instance (the 30 s scale-to-zero grace)…
        for t in stride(from: 2.0, through: 20, by: 2) { _ = tick(t, traffic: true) }
        #expect(target == 1)
        for t in stride(from: 22.0, through: 48, by: 2) { _ = tick(t) }
        #expect(target == 1)
        // …and zero once 30 s passed without any.
        _ = tick(50)
        #expect(target == 0)
        // Ten requests queue with nothing ready: the 6 s panic window (0, 0, 10 → 3.3) wants ⌈3.3/0.7⌉ = 5.
        let burst = tick(52, queued: 10)
        #expect(target == 5)
        #expect(burst.first?.reason?.hasPrefix("panic") == true)
        // Panic never scales down until a stable window (60 s) passes without the condition…
        for t in stride(from: 54.0, through: 110, by: 2) { _ = tick(t) }
        #expect(target == 5)
        // …then the stable window (all zero) wants 0, halved at most per tick: 2.
        _ = tick(112)
        #expect(target == 2)
    }

    @Test func kpaStableModeTargetsSeventyPercent() {
        var d = Driver(KPAPolicy())
        // A steady 1.4 concurrency: 2 requests/s of 0.7 s each → ⌈1.4/0.7⌉ = 2.
        for _ in 0..<40 { d.step(arrivals: Array(repeating: 40, count: 4), cpu: 0.7) }
        #expect(d.target(KPAPolicy.pool) == 2)
    }

    @Test func hpaRespectsToleranceAndTheFiveMinuteWindow() {
        var d = Driver(HPAPolicy())
        #expect(d.policy.controlPeriod == 15)
        #expect(d.target(HPAPolicy.pool) == 1)
        // 6 busy at the sync (3 on average over it) on 1 instance: ⌈1 × 3 / 0.7⌉ = 5, within +max(100 %, 4).
        d.step(arrivals: [], busy: 6)
        #expect(d.target(HPAPolicy.pool) == 5)
        // Load gone: the recommendation drops but the 300 s window holds the target.
        for _ in 0..<18 { d.step(arrivals: [], busy: 0) }
        #expect(d.target(HPAPolicy.pool) == 5)
        for _ in 0..<3 { d.step(arrivals: [], busy: 0) }
        #expect(d.target(HPAPolicy.pool) == 1)
    }

    @Test func hpaIgnoresChangesWithinTolerance() {
        var p = HPAPolicy()
        let type = catalog.standard
        // 10 instances, concurrency 7.3: utilisation 0.73, ratio 1.043 — inside 0.1.
        let tick = ControlTick(
            now: 15, period: 15, pools: [observation("default", type: type, idle: 0, busy: 0, target: 10)],
            arrivals: [], completions: (0..<73).map { _ in completion(15, pool: "default", score: 1, cpu: 1.5) })
        #expect(p.decide(tick).isEmpty)
    }
}
