/// The sample variance (n − 1 denominator) of `x`; 0 with fewer than two values.
func sampleVariance(_ x: some Collection<Double>) -> Double {
    guard x.count > 1 else { return 0 }
    let mean = x.reduce(0, +) / Double(x.count)
    return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
}
