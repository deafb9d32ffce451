// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "forewarm",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "forewarm", targets: ["forewarm"]),
        .library(name: "ForewarmAnalysis", targets: ["ForewarmAnalysis"]),
        .library(name: "ForewarmForecasting", targets: ["ForewarmForecasting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
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
        // The command-line front end: parsing and formatting only.
        .executableTarget(
            name: "forewarm",
            dependencies: [
                "ForewarmAnalysis",
                "ForewarmForecasting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ForewarmAnalysisTests", dependencies: ["ForewarmAnalysis"]),
        // Runs the built `forewarm` binary end to end.
        .testTarget(name: "ForewarmCLITests", dependencies: ["forewarm"]),
        .testTarget(name: "ForewarmTracesTests", dependencies: ["ForewarmTraces"]),
        .testTarget(
            name: "ForewarmForecastingTests",
            dependencies: ["ForewarmForecasting", .product(name: "Numerics", package: "swift-numerics")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
