import ArgumentParser
import Dispatch
import ForewarmForecasting
import Foundation

/// `forewarm bench rolling`: cost per bucket (append + one p90 query) of the exact rolling window against the
/// quantile sketch, side by side, at several window lengths.
struct BenchRolling: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rolling", abstract: "Rolling quantiles: exact window against the O(1) sketch (release build).")

    @Option(help: "Window lengths to time.")
    var windows: [Int] = [720, 10_000, 100_000]

    func validate() throws {
        guard windows.allSatisfy({ $0 >= 1 && $0 <= 10_000_000 }) else {
            throw ValidationError("--windows must be 1…10000000")
        }
    }

    func run() {
        print("window  exact ns/bucket  sketch ns/bucket  exact/sketch")
        for w in windows {
            // Counts-like data: a fifth zeros, the rest log-normal; four windows' worth so eviction dominates.
            var state: UInt64 = 0x9e37_79b9_7f4a_7c15
            let values = (0..<(4 * w)).map { i -> Double in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let u = Double(state >> 11) / Double(1 << 53)
                return i % 5 == 0 ? 0 : (20 * u * u * u).rounded() + 1
            }
            var exact = RollingWindow(capacity: w)
            var sketch = RollingQuantileSketch(capacity: w)
            var sink = 0.0
            let exactNs = Self.time {
                for value in values {
                    exact.append(value)
                    sink += exact.quantile(0.9)
                }
            }
            let sketchNs = Self.time {
                for value in values {
                    sketch.append(value)
                    sink += sketch.quantile(0.9)
                }
            }
            let n = Double(values.count)
            print(
                "\(w)  \(Self.format(exactNs / n))  \(Self.format(sketchNs / n))  \(Self.format(exactNs / sketchNs))"
                    + (sink.isNaN ? " " : ""))
        }
    }

    static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start)
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
