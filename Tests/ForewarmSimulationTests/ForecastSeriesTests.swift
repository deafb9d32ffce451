import ForewarmController
import ForewarmPools
import Testing

@testable import ForewarmSimulation

/// A scripted policy that also forecasts: `tick × 1` requests per second after each tick.
private struct ForecastingPolicy: ScalingPolicy {
    var base = ScriptedPolicy(plans: [Fixture.pool(initial: 1)])
    var name: String { "forecasting" }
    var controlPeriod: Double { 20 }
    var keepAlive: Double? { 60 }
    private var ticks = 0

    func initialPools(catalog: InstanceCatalog) -> [PoolPlan] { base.plans }
    mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String {
        base.route(demand, pools: pools)
    }
    mutating func decide(_ tick: ControlTick) -> [ScalingDirective] {
        ticks += 1
        return []
    }
    func demandForecast() -> DemandForecast? {
        ticks == 0
            ? nil
            : DemandForecast(
                arrivalsPerSecond: Double(ticks), upperArrivalsPerSecond: 2 * Double(ticks),
                cpuSecondsPerSecond: 0.5)
    }
}

struct ForecastSeriesTests {
    @Test func eachForecastLandsInTheBucketOfThePeriodItCoversAndGapsRepeatTheLastOne() throws {
        // 10 s buckets, a tick every 20 s: ticks at 20, 40, 60 forecast 1, 2, 3 requests/s.
        let requests = (0..<8).map { Fixture.request(at: Double($0) * 10, cpu: 0.1) }
        let result = try Simulator(configuration: Fixture.exact).run(ForecastingPolicy(), requests: requests)
        let forecast = try #require(result.series.forecast)
        #expect(forecast.arrivalsPerSecond.count == result.series.arrivals.count)
        #expect(Array(forecast.arrivalsPerSecond.prefix(7)) == [0, 0, 1, 1, 2, 2, 3])
        #expect(Array(forecast.upperArrivalsPerSecond.prefix(7)) == [0, 0, 2, 2, 4, 4, 6])
        #expect(forecast.cpuSecondsPerSecond[2] == 0.5)
    }

    @Test func aPolicyThatDoesNotForecastHasNoForecastSeries() throws {
        let requests = [Fixture.request(at: 1, cpu: 0.1)]
        let result = try Simulator(configuration: Fixture.exact)
            .run(ScriptedPolicy(plans: [Fixture.pool()]), requests: requests)
        #expect(result.series.forecast == nil)
    }

    @Test func forewarmsForecastFollowsAStepInDemand() throws {
        // 1 request/s for 20 min, then 3 requests/s for 20 min.
        var requests: [SimulatedRequest] = []
        var time = 0.0
        while time < 2400 {
            requests.append(Fixture.request(at: time, cpu: 0.05, score: 20))
            time += time < 1200 ? 1 : 1.0 / 3
        }
        let configuration = SimulationConfiguration(
            catalog: .standard, seed: 1, startupJitter: 0, seriesBucketSeconds: 60)
        let result = try Simulator(configuration: configuration)
            .run(ForewarmPolicy(catalog: .standard), requests: requests)
        let forecast = try #require(result.series.forecast)
        let before = forecast.arrivalsPerSecond[18], after = forecast.arrivalsPerSecond[38]
        #expect(abs(before - 1) < 0.2, "forecast \(before)/s for 1/s")
        #expect(abs(after - 3) < 0.5, "forecast \(after)/s for 3/s")
        #expect(forecast.upperArrivalsPerSecond[38] > after)
        let page = HTMLReport(report: SimulationReport(policies: [result]), title: "t", context: []).render()
        #expect(page.contains("forewarm forecast"))
        #expect(page.contains("forewarm forecast p90"))
    }
}
