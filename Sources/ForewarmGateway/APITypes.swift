import ForewarmAnalysis
import ForewarmPools
import ForewarmSandbox

/// `POST /v1/executions` body.
public struct ExecutionRequest: Sendable, Codable {
    public var language: String
    public var code: String
    public var stdin: String?
    public var timeoutMs: Int?
    public var files: [String: String]?
}

/// `POST /v1/predictions` body.
public struct PredictionRequest: Sendable, Codable {
    public var language: String?
    public var code: String
}

public struct PredictionResponse: Sendable, Codable {
    public var language: String
    public var prediction: Prediction
    public var metrics: FileMetrics
}

public struct ExecutionResultBody: Sendable, Codable {
    public var status: RunStatus
    public var exitCode: Int?
    public var stdout: String
    public var stderr: String
    public var cpuMs: Double
    public var wallMs: Double
    public var peakMemoryKB: Int
    public var compileMs: Double?
}

/// `POST /v1/executions` answer (and `GET /v1/executions/{id}`).
public struct ExecutionResponse: Sendable, Codable {
    public var id: String
    public var language: String
    public var prediction: Prediction
    public var result: ExecutionResultBody
    public var pool: String?
    public var instance: String?
    /// warm, borrowed, cold or queued.
    public var route: String
    public var coldStart: Bool
    public var queueMs: Double
}

extension RouteDecision {
    var label: String {
        switch self {
        case .warm: return "warm"
        case .borrowed: return "borrowed"
        case .cold: return "cold"
        case .queued: return "queued"
        case .rejected: return "rejected"
        }
    }
}
