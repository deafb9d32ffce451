import Foundation

/// When to retrain in the background: every `everySamples` observed runs or every `interval`, whichever comes
/// first (and never without `minimumNewSamples` new runs). A value state machine: feed it events, act on the answer.
public struct RetrainSchedule: Sendable, Codable, Equatable {
    public var everySamples: Int
    public var interval: TimeInterval
    public var minimumNewSamples: Int

    private var newSamples = 0
    private var lastRetrain: Date
    private var running = false

    public init(
        everySamples: Int = 500, interval: TimeInterval = 3600, minimumNewSamples: Int = 50,
        start: Date = Date()
    ) {
        self.everySamples = everySamples
        self.interval = interval
        self.minimumNewSamples = minimumNewSamples
        lastRetrain = start
    }

    public enum Action: Sendable, Equatable {
        case none
        /// Start a retraining now (the schedule counts it as running until `retrainFinished`).
        case startRetraining
    }

    /// A measured run was recorded.
    public mutating func runRecorded(at now: Date) -> Action {
        newSamples += 1
        return due(at: now)
    }

    /// A timer tick, for the interval when runs are rare.
    public mutating func tick(at now: Date) -> Action { due(at: now) }

    public mutating func retrainFinished(at now: Date) {
        running = false
        newSamples = 0
        lastRetrain = now
    }

    private mutating func due(at now: Date) -> Action {
        guard !running, newSamples >= minimumNewSamples else { return .none }
        guard newSamples >= everySamples || now.timeIntervalSince(lastRetrain) >= interval else { return .none }
        running = true
        return .startRetraining
    }
}
