// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "forewarm",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "forewarm", targets: ["forewarm"]),
        .library(name: "ForewarmAnalysis", targets: ["ForewarmAnalysis"]),
        .library(name: "ForewarmForecasting", targets: ["ForewarmForecasting"]),
        .library(name: "ForewarmSandbox", targets: ["ForewarmSandbox"]),
        .library(name: "ForewarmPools", targets: ["ForewarmPools"]),
        .library(name: "ForewarmStore", targets: ["ForewarmStore"]),
        .library(name: "ForewarmGateway", targets: ["ForewarmGateway"]),
        .library(name: "ForewarmModel", targets: ["ForewarmModel"]),
        .library(name: "ForewarmDatasets", targets: ["ForewarmDatasets"]),
        .library(name: "ForewarmController", targets: ["ForewarmController"]),
        .library(name: "ForewarmSimulation", targets: ["ForewarmSimulation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Pure, dependency-free static analysis: bytes in, metrics out.
        .target(name: "ForewarmAnalysis"),
        // Pure forecasting math: series in, forecasts and intervals out (no I/O).
        .target(
            name: "ForewarmForecasting",
            dependencies: [.product(name: "Numerics", package: "swift-numerics")],
            // Likelihood optimisation is ~50× slower unoptimised; optimise it in debug builds too so the test suite
            // (hundreds of model fits) stays fast. Debugging this module: remove the flag locally.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Buckets the real traces (ReCodEx job logs, Azure LLM traces) into evaluation series; strings in, series out.
        .target(name: "ForewarmTraces"),
        // The few system calls Swift cannot make safely: the seccomp filter (libseccomp) and fork/exec of a sandbox.
        .target(name: "CForewarmSandbox", linkerSettings: [.linkedLibrary("seccomp")]),
        // Sandboxed workers: bubblewrap + seccomp + cgroups, language runtimes, warm zygotes, metering.
        .target(
            name: "ForewarmSandbox",
            dependencies: ["CForewarmSandbox", .product(name: "Logging", package: "swift-log")]
        ),
        // Pure: instance lifecycle, pools and scaling directives, routing, admission.
        .target(name: "ForewarmPools"),
        // The history of every run, in SQLite (GRDB, WAL); also the feedback loop's `ModelHistory` (observed runs,
        // model versions), so it sits above the pure model it stores.
        .target(
            name: "ForewarmStore",
            dependencies: ["ForewarmModel", "ForewarmAnalysis", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Pure: the resource-allocation controller and the baseline policies, behind `ScalingPolicy` (used live by
        // the gateway and in the simulator).
        .target(name: "ForewarmController", dependencies: ["ForewarmPools", "ForewarmForecasting"]),
        // Pure: the discrete-event simulator that replays a trace through any `ScalingPolicy`, and its reports.
        .target(name: "ForewarmSimulation", dependencies: ["ForewarmController", "ForewarmPools"]),
        // The HTTP gateway: routes, problem+json, metrics, services.
        .target(
            name: "ForewarmGateway",
            dependencies: [
                "ForewarmAnalysis", "ForewarmSandbox", "ForewarmPools", "ForewarmStore", "ForewarmModel",
                "ForewarmDatasets", "ForewarmController",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Pure demand model: features from metrics, gradient-boosted trees, evaluation, online correction.
        // The trained default model ships as a versioned JSON resource.
        .target(
            name: "ForewarmModel",
            dependencies: ["ForewarmAnalysis"],
            resources: [.copy("Resources/default-model.json")]
        ),
        // Reads labeled corpora (measured programs) from disk into training samples.
        .target(name: "ForewarmDatasets", dependencies: ["ForewarmAnalysis", "ForewarmModel"]),
        // The command-line front end: parsing and formatting only.
        .executableTarget(
            name: "forewarm",
            dependencies: [
                "ForewarmAnalysis", "ForewarmForecasting", "ForewarmModel", "ForewarmDatasets", "ForewarmGateway",
                "ForewarmStore", "ForewarmSandbox", "ForewarmTraces", "ForewarmController", "ForewarmSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share: scratch folders that tests remove when they end.
        .target(name: "ForewarmTestSupport", path: "Tests/ForewarmTestSupport"),
        .testTarget(name: "ForewarmAnalysisTests", dependencies: ["ForewarmAnalysis"]),
        .testTarget(name: "ForewarmSandboxTests", dependencies: ["ForewarmSandbox", "ForewarmTestSupport"]),
        .testTarget(name: "ForewarmPoolsTests", dependencies: ["ForewarmPools"]),
        .testTarget(
            name: "ForewarmStoreTests",
            dependencies: [
                "ForewarmStore", "ForewarmModel", "ForewarmTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "ForewarmGatewayTests",
            dependencies: [
                "ForewarmGateway", "ForewarmModel", "ForewarmStore", "ForewarmTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ForewarmModelTests",
            dependencies: ["ForewarmModel", "ForewarmDatasets", "ForewarmAnalysis"],
            exclude: ["Fixtures"]
        ),
        // Runs the built `forewarm` binary end to end.
        .testTarget(name: "ForewarmCLITests", dependencies: ["forewarm", "ForewarmTestSupport"]),
        .testTarget(name: "ForewarmTracesTests", dependencies: ["ForewarmTraces"]),
        .testTarget(name: "ForewarmControllerTests", dependencies: ["ForewarmController"]),
        .testTarget(name: "ForewarmSimulationTests", dependencies: ["ForewarmSimulation", "ForewarmController"]),
        .testTarget(
            name: "ForewarmForecastingTests",
            dependencies: ["ForewarmForecasting", .product(name: "Numerics", package: "swift-numerics")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
