/// How many instances a pool may add per control period, adjusted every period: it doubles when the pool is short
/// (cold starts happened, or the sizing wants more than the rate allows) and halves back towards the minimum after
/// `calmPeriods` periods with nothing to add — multiplicative increase, multiplicative decrease, like TCP's window.
///
/// A fixed rate is either too slow for a burst (cold starts while the pool creeps up) or too fast for noise (a
/// spike in the forecast starts instances that idle); letting the rate follow sustained pressure avoids both.
public struct WarmupRate: Sendable, Hashable {
    public struct Options: Sendable, Hashable {
        /// Instances per period at least (and at the start).
        public var minimum: Double = 1
        /// Instances per period at most.
        public var maximum: Double = 32
        /// Factor applied under pressure.
        public var growth: Double = 2
        /// Factor applied once calm.
        public var decay: Double = 0.5
        /// Periods without a shortfall before the rate decays.
        public var calmPeriods = 3
        public init() {}
    }

    public let options: Options
    /// The current rate, instances per period.
    public private(set) var rate: Double
    private var calm = 0

    public init(options: Options = Options()) {
        self.options = options
        rate = max(options.minimum, 1)
    }

    /// Instances that may be added now when `wanted` more are needed.
    public func allowed(wanted: Int) -> Int { max(0, min(wanted, Int(rate.rounded(.down)))) }

    /// Updates the rate from this period: `coldStarts` in the pool, and `shortfall`, how many instances the sizing
    /// wanted above the current target. Returns the new rate.
    @discardableResult
    public mutating func update(coldStarts: Int, shortfall: Int) -> Double {
        if coldStarts > 0 || Double(shortfall) > rate {
            rate = min(options.maximum, max(options.minimum, rate * options.growth))
            calm = 0
        } else if shortfall <= 0 {
            calm += 1
            if calm >= options.calmPeriods {
                rate = max(options.minimum, rate * options.decay)
                calm = 0
            }
        } else {
            calm = 0
        }
        return rate
    }
}
