// swift-tools-version: 6.1
// The libFuzzer target lives in its own package so `swift build` / `swift test` of the main package never see
// `-sanitize=fuzzer`. Run it with `scripts/fuzz.sh [seconds]`.
import PackageDescription

let package = Package(
    name: "forewarm-fuzz",
    dependencies: [.package(name: "forewarm", path: "..")],
    targets: [
        .executableTarget(
            name: "forewarm-fuzz",
            dependencies: [.product(name: "ForewarmAnalysis", package: "forewarm")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
