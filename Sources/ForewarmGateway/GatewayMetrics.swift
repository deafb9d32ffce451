import ForewarmPools
import Metrics
import Prometheus

/// The gateway's metrics, emitted through swift-metrics into one Prometheus registry that `GET /metrics` renders.
/// The factory is passed explicitly (no global bootstrap), so several gateways can live in one test process.
public struct GatewayMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        let buckets: [Duration] = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(3), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
        ]
        factory.defaultDurationHistogramBuckets = buckets
        self.factory = factory
    }

    func request(pool: String, language: String, status: String, route: String, seconds: Duration) {
        Counter(
            label: "forewarm_requests_total", dimensions: [("pool", pool), ("status", status), ("route", route)],
            factory: factory
        ).increment()
        Metrics.Timer(
            label: "forewarm_request_duration_seconds", dimensions: [("pool", pool), ("route", route)], factory: factory
        ).record(duration: seconds)
    }

    func runCPU(pool: String, seconds: Double) {
        Recorder(label: "forewarm_run_cpu_seconds", dimensions: [("pool", pool)], aggregate: true, factory: factory)
            .record(seconds)
    }

    func rejected(reason: String) {
        Counter(label: "forewarm_rejected_requests_total", dimensions: [("reason", reason)], factory: factory)
            .increment()
    }

    func coldStart(pool: String, language: String) {
        Counter(
            label: "forewarm_cold_starts_total", dimensions: [("pool", pool), ("language", language)], factory: factory
        ).increment()
    }

    func queueDepth(pool: String, _ depth: Int) {
        Gauge(label: "forewarm_queue_depth", dimensions: [("pool", pool)], factory: factory).record(depth)
    }

    func instances(pool: String, counts: PoolCounts) {
        Gauge(label: "forewarm_warm_instances", dimensions: [("pool", pool)], factory: factory).record(counts.idle)
        Gauge(label: "forewarm_busy_instances", dimensions: [("pool", pool)], factory: factory).record(counts.busy)
        Gauge(label: "forewarm_starting_instances", dimensions: [("pool", pool)], factory: factory)
            .record(counts.provisioning + counts.warming)
    }
}

extension Duration {
    fileprivate static func seconds(_ value: Double) -> Duration { .milliseconds(Int64(value * 1000)) }
}
