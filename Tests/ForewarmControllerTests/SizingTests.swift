import ForewarmPools
import Testing

@testable import ForewarmController

@Suite struct SizingTests {
    @Test func erlangMatchesPublishedValues() {
        // Erlang B table: B(2, 1) = 0.2, B(10, 5) = 0.01838; Erlang C: M/M/2 at ρ = 0.5 waits with 1/3,
        // C(3, 2) = 4/9, and the classic call-centre example C(12, 10) = 0.4494.
        #expect(abs(ErlangC.blockingProbability(servers: 2, load: 1) - 0.2) < 1e-12)
        #expect(abs(ErlangC.blockingProbability(servers: 10, load: 5) - 0.018385) < 1e-6)
        #expect(abs(ErlangC.waitProbability(servers: 2, load: 1) - 1.0 / 3) < 1e-12)
        #expect(abs(ErlangC.waitProbability(servers: 3, load: 2) - 4.0 / 9) < 1e-12)
        #expect(abs(ErlangC.waitProbability(servers: 12, load: 10) - 0.4494) < 1e-4)
        #expect(ErlangC.waitProbability(servers: 2, load: 2) == 1)
        #expect(ErlangC.waitProbability(servers: 0, load: 0) == 0)
        // Mean wait of M/M/1 at ρ = 0.5 with S = 1: ρ/(1−ρ)·S = 1.
        #expect(abs(ErlangC.meanWait(servers: 1, load: 0.5, serviceTime: 1) - 1) < 1e-12)
        // P(W > t) = C·e^{−(n−a)t/S}.
        let p = ErlangC.waitExceedanceProbability(servers: 3, load: 2, serviceTime: 1, wait: 1)
        #expect(abs(p - 4.0 / 9 * 0.36787944117144233) < 1e-12)
    }

    @Test func serversIsTheFewestMeetingTheTarget() {
        let n = ErlangC.servers(load: 10, probability: 0.2)
        #expect(ErlangC.waitProbability(servers: n, load: 10) <= 0.2)
        #expect(ErlangC.waitProbability(servers: n - 1, load: 10) > 0.2)
        let b = ErlangC.servers(load: 5, probability: 0.02, overflow: true)
        #expect(b == 10)  // B(10, 5) = 0.0184 ≤ 0.02 < B(9, 5)
        #expect(ErlangC.servers(load: 0, probability: 0.01) == 0)
        // Erlang C is the conservative one.
        #expect(ErlangC.servers(load: 5, probability: 0.02) >= b)
    }

    @Test func poolSizerUsesLittlesLawAndTheSpeed() throws {
        let sizer = PoolSizer(slo: ServiceLevelObjective(percentile: 0.95))
        let fast = try #require(catalog["ce.1x2"]), slow = try #require(catalog["ce.0.25x0.5"])
        // 4 arrivals/s of 0.5 CPU-s: 2 Erlangs at full speed, 8 on a quarter core.
        let a = sizer.size(arrivalRate: 4, workRate: 0, meanCPUSeconds: 0.5, type: fast)
        let b = sizer.size(arrivalRate: 4, workRate: 0, meanCPUSeconds: 0.5, type: slow)
        #expect(a.load == 2)
        #expect(b.load == 8)
        #expect(a.noWarmProbability <= 0.05)
        #expect(b.instances > a.instances)
        // The CPU-seconds forecast wins when it says more.
        #expect(sizer.size(arrivalRate: 4, workRate: 3, meanCPUSeconds: 0.5, type: fast).load == 3)
        #expect(sizer.size(arrivalRate: 0, workRate: 0, meanCPUSeconds: 1, type: fast).instances == 0)
        // A pool given the whole budget (ε ≥ 1) keeps nothing warm; a tighter ε keeps more.
        #expect(
            sizer.size(arrivalRate: 4, workRate: 0, meanCPUSeconds: 0.5, type: fast, noWarmProbability: 1).instances
                == 0)
        #expect(
            sizer.size(arrivalRate: 4, workRate: 0, meanCPUSeconds: 0.5, type: fast, noWarmProbability: 0.001).instances
                > a.instances)
    }

    @Test func seriesForecasterFollowsTheLevelWithAnUpperBound() {
        var f = SeriesForecaster()
        #expect(f.forecast(horizon: 2, quantile: 0.9).upper == 0)
        for k in 0..<40 { f.append(k % 2 == 0 ? 9 : 11) }
        #expect(f.modelName != nil)
        let (mean, upper) = f.forecast(horizon: 2, quantile: 0.9)
        #expect(abs(mean - 10) < 1.5)
        #expect(upper > mean)
        // A level shift moves the forecast up (incremental update, no refit needed).
        for _ in 0..<10 { f.append(30) }
        #expect(f.forecast(horizon: 1, quantile: 0.9).mean > 20)
    }

    /// With `.auto` each series chooses its model by rolling-origin backtest: a steady ramp leaves simple
    /// exponential smoothing (which lags it) for damped Holt, while noise around a level keeps the default.
    @Test func seriesForecasterChoosesItsModelByBacktest() {
        var options = SeriesForecaster.Options()
        options.model = .auto
        var ramp = SeriesForecaster(options: options)
        for k in 0..<80 { ramp.append(Double(2 * k) + (k % 3 == 0 ? 0.5 : -0.5)) }
        #expect(ramp.modelName?.contains("A,Ad,N") == true, "\(ramp.modelName ?? "no model")")
        #expect(ramp.forecast(horizon: 3, quantile: 0.5).mean > 160)
        var level = SeriesForecaster(options: options)
        for k in 0..<80 { level.append(10 + Double((k * 7) % 5) - 2) }
        #expect(level.modelName == "ETS(A,N,N)", "\(level.modelName ?? "no model")")
    }

    @Test func warmupRateRampsOnPressureAndDecaysWhenCalm() {
        var r = WarmupRate()
        #expect(r.allowed(wanted: 5) == 1)
        r.update(coldStarts: 2, shortfall: 0)
        #expect(r.rate == 2)
        r.update(coldStarts: 0, shortfall: 5)
        #expect(r.rate == 4)
        #expect(r.allowed(wanted: 3) == 3)
        #expect(r.allowed(wanted: 9) == 4)
        // A shortfall within the rate holds it.
        r.update(coldStarts: 0, shortfall: 2)
        #expect(r.rate == 4)
        for _ in 0..<3 { r.update(coldStarts: 0, shortfall: 0) }
        #expect(r.rate == 2)
        for _ in 0..<30 { r.update(coldStarts: 0, shortfall: 0) }
        #expect(r.rate == 1)
        for _ in 0..<30 { r.update(coldStarts: 5, shortfall: 100) }
        #expect(r.rate == 32)
    }
}
