// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "forewarm",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "forewarm", targets: ["forewarm"]),
        .library(name: "ForewarmAnalysis", targets: ["ForewarmAnalysis"]),
        .library(name: "ForewarmModel", targets: ["ForewarmModel"]),
        .library(name: "ForewarmDatasets", targets: ["ForewarmDatasets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // Pure, dependency-free static analysis: bytes in, metrics out.
        .target(name: "ForewarmAnalysis"),
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
                "ForewarmAnalysis",
                "ForewarmModel",
                "ForewarmDatasets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ForewarmAnalysisTests", dependencies: ["ForewarmAnalysis"]),
        .testTarget(
            name: "ForewarmModelTests",
            dependencies: ["ForewarmModel", "ForewarmDatasets", "ForewarmAnalysis"],
            exclude: ["Fixtures"]
        ),
        // Runs the built `forewarm` binary end to end.
        .testTarget(name: "ForewarmCLITests", dependencies: ["forewarm"]),
    ],
    swiftLanguageModes: [.v6]
)
