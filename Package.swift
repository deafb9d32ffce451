// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "forewarm",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "forewarm", targets: ["forewarm"]),
        .library(name: "ForewarmAnalysis", targets: ["ForewarmAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // Pure, dependency-free static analysis: bytes in, metrics out.
        .target(name: "ForewarmAnalysis"),
        // The command-line front end: parsing and formatting only.
        .executableTarget(
            name: "forewarm",
            dependencies: [
                "ForewarmAnalysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ForewarmAnalysisTests", dependencies: ["ForewarmAnalysis"]),
        // Runs the built `forewarm` binary end to end.
        .testTarget(name: "ForewarmCLITests", dependencies: ["forewarm"]),
    ],
    swiftLanguageModes: [.v6]
)
