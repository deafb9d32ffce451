/// The layout a predictor walks for one ensemble: ``CompleteEnsemble`` for trees of ordinary depth, the node
/// array of ``FlatEnsemble`` for a model with deeper trees than padding pays for. Both give the same numbers.
enum InferenceEnsemble: Sendable {
    case complete(CompleteEnsemble)
    case flat(FlatEnsemble)

    init(_ ensemble: TreeEnsemble) {
        if let complete = CompleteEnsemble(ensemble) {
            self = .complete(complete)
        } else {
            self = .flat(FlatEnsemble(ensemble))
        }
    }

    @inline(__always) func predict(_ x: UnsafeBufferPointer<Double>) -> Double {
        switch self {
        case .complete(let ensemble): ensemble.predict(x)
        case .flat(let ensemble): ensemble.predict(x)
        }
    }

    /// The prediction, with each split's Saabas credit added into `contributions` (one slot per tree column).
    func predict(_ x: UnsafeBufferPointer<Double>, explainingInto contributions: UnsafeMutableBufferPointer<Double>)
        -> Double
    {
        switch self {
        case .complete(let ensemble):
            return ensemble.predict(x, explainingInto: contributions)
        case .flat(let ensemble):
            var raw = Array(contributions)
            ensemble.explain(x, into: &raw)
            _ = contributions.update(fromContentsOf: raw)
            return ensemble.predict(x)
        }
    }
}
