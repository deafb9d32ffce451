import ForewarmPools
import Testing

@testable import ForewarmController

@Suite struct StabilityTests {
    @Test func scaleUpIsImmediateButStepLimited() {
        var s = ScaleStabilizer()
        #expect(s.stabilize(recommended: 3, current: 1, now: 0) == 3)
        // +max(100 %, 4): from 2 at most 6.
        #expect(s.stabilize(recommended: 50, current: 2, now: 1) == 6)
    }

    @Test func scaleDownWaitsForTheWindowAndIsStepLimited() {
        var o = ScaleStabilizer.Options()
        o.scaleDownWindow = 30
        var s = ScaleStabilizer(options: o)
        var current = s.stabilize(recommended: 10, current: 10, now: 0)
        for t in stride(from: 5.0, through: 25, by: 5) {
            current = s.stabilize(recommended: 2, current: current, now: t)
            #expect(current == 10)
        }
        // Once the 10 leaves the window: down by at most half per decision.
        current = s.stabilize(recommended: 2, current: current, now: 31)
        #expect(current == 5)
        current = s.stabilize(recommended: 2, current: current, now: 36)
        #expect(current == 3)
        current = s.stabilize(recommended: 2, current: current, now: 41)
        #expect(current == 2)
    }

    @Test func boundsHold() {
        var o = ScaleStabilizer.Options()
        o.minInstances = 2
        o.maxInstances = 5
        var s = ScaleStabilizer(options: o)
        #expect(s.stabilize(recommended: 0, current: 0, now: 0) == 2)
        #expect(s.stabilize(recommended: 9, current: 4, now: 1) == 5)
    }

    @Test func anOscillatingInputNeverFlaps() {
        var s = ScaleStabilizer()
        var current = 1
        var changes: [Int] = []
        for k in 0..<200 {
            let next = s.stabilize(recommended: k % 2 == 0 ? 12 : 2, current: current, now: Double(k) * 5)
            if next != current { changes.append(next) }
            current = next
        }
        // Up to the peak once (two step-limited moves), then never down while the peaks keep coming.
        #expect(changes == [5, 10, 12])
    }

    @Test func forewarmDoesNotFlapOnOscillatingDemand() {
        var d = Driver(ForewarmPolicy(catalog: catalog))
        for k in 0..<240 {
            d.step(arrivals: Array(repeating: 15, count: k % 2 == 0 ? 60 : 5), cpu: 0.05)
        }
        // After the warm-up, the light pool's target must not move up and down period after period.
        var reversals = 0, last = 0
        var targets: [Int] = []
        for out in d.directives.suffix(180) {
            for dir in out where dir.pool == ForewarmPolicy.light || dir.pool == ForewarmPolicy.standard {
                targets.append(dir.instances)
            }
        }
        for pair in zip(targets, targets.dropFirst()) {
            let sign = pair.1 > pair.0 ? 1 : (pair.1 < pair.0 ? -1 : 0)
            if sign != 0 && last != 0 && sign != last { reversals += 1 }
            if sign != 0 { last = sign }
        }
        #expect(reversals <= 2, "targets \(targets)")
    }
}
