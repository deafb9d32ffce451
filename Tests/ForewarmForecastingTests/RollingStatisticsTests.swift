import RealModule
import Testing

@testable import ForewarmForecasting

struct RollingStatisticsTests {
    @Test func windowMatchesBruteForce() {
        var window = RollingWindow(capacity: 25)
        var all: [Double] = []
        var generator = SplitMix(seed: 7)
        for i in 0..<500 {
            let v = Double(generator.next() % 1000) / 10
            window.append(v)
            all.append(v)
            if i % 37 == 0 {
                let last = Array(all.suffix(25))
                let mean = last.reduce(0, +) / Double(last.count)
                let variance =
                    last.count > 1
                    ? last.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(last.count - 1) : 0
                let sorted = last.sorted()
                let position = 0.9 * Double(sorted.count - 1)
                let lo = Int(position)
                let q = sorted[lo] + (sorted[min(lo + 1, sorted.count - 1)] - sorted[lo]) * (position - Double(lo))
                #expect(abs(window.mean - mean) < 1e-9)
                #expect(abs(window.variance - variance) < 1e-7)
                #expect(abs(window.quantile(0.9) - q) < 1e-12)
            }
        }
        window.append(.nan)
        #expect(window.count == 25 && window.mean.isFinite)
    }

    @Test func ewmaTracksALevelShift() {
        var ewma = EWMA(halfLife: 5)
        for _ in 0..<10 { ewma.append(1) }
        #expect(ewma.mean == 1 && ewma.variance == 0)
        for _ in 0..<5 { ewma.append(3) }
        #expect(abs(ewma.mean - 2) < 1e-9)
    }

    @Test func periodicityFindsTheSeason() {
        #expect(Periodicity.seasonLength(Fixtures.airPassengers) == 12)
        let daily = (0..<480).map { Double.sin(Double($0) * 2 * .pi / 24) * 10 + Double($0 % 3) }
        #expect(Periodicity.seasonLength(daily) == 24)
        var generator = SplitMix(seed: 3)
        let noise = (0..<400).map { _ in Double(generator.next() % 1000) }
        #expect(Periodicity.seasonLength(noise) == 1)
    }
}

/// A deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Standard normal by Box–Muller.
    mutating func normal() -> Double {
        let u = (Double(next() >> 11) + 0.5) / Double(1 << 53), v = Double(next() >> 11) / Double(1 << 53)
        return (-2 * Double.log(u)).squareRoot() * Double.cos(2 * .pi * v)
    }
}
