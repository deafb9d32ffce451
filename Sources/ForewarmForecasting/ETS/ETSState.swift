/// Smoothing weights of an ETS model.
struct ETSWeights: Sendable, Equatable {
    var alpha: Double
    var beta: Double = 0
    var gamma: Double = 0
    var phi: Double = 1
}

/// The level, trend and seasonal states of an ETS model, advanced one observation at a time (O(1) per step).
struct ETSState: Sendable, Equatable {
    var level: Double
    var trend: Double
    /// Seasonal states in a ring; `seasons[index]` is the state for the next observation.
    var seasons: [Double]
    var index = 0

    /// The one-step forecast for the next observation.
    @inline(__always)
    func oneStep(_ spec: ETSSpecification, _ w: ETSWeights) -> Double {
        let q = level + w.phi * trend
        switch spec.season {
        case .none: return q
        case .additive: return q + seasons[index]
        case .multiplicative: return q * seasons[index]
        }
    }

    /// Absorbs observation `y` (the error-correction form shared by additive- and multiplicative-error models).
    @inline(__always)
    mutating func advance(_ y: Double, _ spec: ETSSpecification, _ w: ETSWeights) {
        let q = level + w.phi * trend
        let old = level
        let s = spec.season == .none ? 0 : seasons[index]
        let deseasoned: Double
        switch spec.season {
        case .none: deseasoned = y
        case .additive: deseasoned = y - s
        case .multiplicative: deseasoned = abs(s) < 1e-10 ? q : y / s
        }
        level = q + w.alpha * (deseasoned - q)
        if spec.trend != .none {
            trend = w.phi * trend + (w.beta / w.alpha) * (level - old - w.phi * trend)
        }
        if spec.season != .none {
            let target = spec.season == .additive ? y - q : (abs(q) < 1e-10 ? s : y / q)
            seasons[index] = s + w.gamma * (target - s)
            index += 1
            if index == seasons.count { index = 0 }
        }
    }

    /// Point forecasts for `horizon` steps.
    func forecast(_ horizon: Int, _ spec: ETSSpecification, _ w: ETSWeights) -> [Double] {
        var out = [Double]()
        out.reserveCapacity(horizon)
        var damp = 0.0, power = 1.0
        for h in 1...max(horizon, 1) {
            if spec.trend == .damped { power *= w.phi; damp += power } else { damp = Double(h) }
            let q = level + (spec.trend == .none ? 0 : damp * trend)
            let s = spec.season == .none ? 0 : seasons[(index + h - 1) % seasons.count]
            switch spec.season {
            case .none: out.append(q)
            case .additive: out.append(q + s)
            case .multiplicative: out.append(q * s)
            }
        }
        return Array(out.prefix(horizon))
    }

    /// Multipliers c_j of the h-step forecast variance, σ²(1 + Σ c_j²) (exact for the all-additive class).
    static func varianceFactors(_ horizon: Int, _ spec: ETSSpecification, _ w: ETSWeights) -> [Double] {
        var factors = [Double]()
        var sum = 0.0, damp = 0.0, power = 1.0
        for h in 1...max(horizon, 1) {
            factors.append(1 + sum)
            if spec.trend == .damped { power *= w.phi; damp += power } else { damp = Double(h) }
            var c = w.alpha + (spec.trend == .none ? 0 : w.beta * damp)
            if spec.season != .none && h % spec.seasonLength == 0 { c += w.gamma }
            sum += c * c
        }
        return Array(factors.prefix(horizon))
    }
}
