/// The lifecycle of one instance, as a value: provisioning → warming → idle → busy → (idle | draining) → terminated.
/// Events return what the owner must do; an event that does not apply in the current state changes nothing.
public struct InstanceLifecycle: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable {
        case provisioning, warming, idle, busy, draining, terminated
    }

    public enum Action: Sendable, Hashable {
        case none
        /// Start the worker process (provisioning → warming).
        case startWorker
        /// Hand the instance to a request.
        case serve
        /// Stop the worker and release its resources.
        case stopWorker
    }

    public private(set) var state: State = .provisioning
    /// Runs served so far.
    public private(set) var runs = 0

    public init() {}

    public mutating func provisioned() -> Action {
        guard state == .provisioning else { return .none }
        state = .warming
        return .startWorker
    }

    public mutating func warmed() -> Action {
        switch state {
        case .warming:
            state = .idle
            return .none
        case .draining:
            state = .terminated
            return .stopWorker
        default:
            return .none
        }
    }

    /// A request takes the instance; only an idle one can serve.
    public mutating func acquire() -> Action {
        guard state == .idle else { return .none }
        state = .busy
        return .serve
    }

    /// The request finished. `reusable` is false when the worker died or is spent (it is then replaced).
    public mutating func released(reusable: Bool) -> Action {
        guard state == .busy || state == .draining else { return .none }
        runs += 1
        if state == .draining || !reusable {
            state = .terminated
            return .stopWorker
        }
        state = .idle
        return .none
    }

    /// Scale-in or shutdown: an idle or starting instance stops now, a busy one after its run.
    public mutating func drain() -> Action {
        switch state {
        case .idle, .provisioning:
            state = .terminated
            return .stopWorker
        case .warming, .busy:
            state = .draining
            return .none
        case .draining, .terminated:
            return .none
        }
    }

    /// The worker failed to start or died while idle.
    public mutating func failed() -> Action {
        guard state != .terminated else { return .none }
        state = .terminated
        return .stopWorker
    }
}
