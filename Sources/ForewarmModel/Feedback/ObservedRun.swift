import Foundation

/// One run the gateway measured: the program's sample (features and measured cost), where it ran and when.
/// Every observed run is a labeled sample for the online correction and for retraining.
public struct ObservedRun: Sendable, Codable, Equatable {
    public var sample: LabeledSample
    /// The pool instance type it ran on (`local`, `c7g.large`…): corrections are tracked per type.
    public var instanceType: String
    public var finishedAt: Date

    public init(sample: LabeledSample, instanceType: String, finishedAt: Date) {
        self.sample = sample
        self.instanceType = instanceType
        self.finishedAt = finishedAt
    }
}
