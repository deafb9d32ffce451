import ForewarmAnalysis
import ForewarmModel
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
    /// The standard input the program would get (its size and numbers are model features).
    public var stdin: String?
}

public struct PredictionResponse: Sendable, Codable {
    public var language: String
    public var prediction: PredictionBody
    public var metrics: FileMetrics
}

/// The learned model's prediction for a request, as the API reports it. `score` (0–100, log-scaled p50 CPU from
/// 1 ms to 60 s) picks `pool` by the configured score ranges; CPU and memory include the online correction.
public struct PredictionBody: Sendable, Codable {
    public var score: Double
    public var cpuSecondsP50: Double?
    public var pool: String
    public var cpuSecondsP90: Double?
    public var memoryMB: Double?
    /// Probability that the run is heavy (≥ 1 s CPU or ≥ 512 MB).
    public var heavyProbability: Double?
    /// The features that moved predicted CPU most, in decades (log10 seconds); `online correction` is the
    /// feedback loop's shift.
    public var contributions: [Contribution]?
    /// The model version that predicted (shipped, a file, or a retrained one).
    public var modelVersion: String?
    /// The machine whose online correction was applied (see `ModelConfiguration.machine`).
    public var machine: String?
    /// log10 CPU shift of the online correction (0 until runs were measured).
    public var correctionLog10CPU: Double?

    init(_ live: LiveModel.Live) {
        let p = live.prediction
        score = p.score
        cpuSecondsP50 = p.cpuSecondsP50
        pool = live.pool
        cpuSecondsP90 = p.cpuSecondsP90
        memoryMB = p.memoryMB
        heavyProbability = p.heavyProbability
        contributions = p.contributions
        modelVersion = live.modelVersion
        machine = live.machine
        correctionLog10CPU = live.correctionLog10CPU
    }

    init(
        score: Double, cpuSecondsP50: Double?, pool: String, cpuSecondsP90: Double?, memoryMB: Double?,
        modelVersion: String?
    ) {
        self.score = score
        self.cpuSecondsP50 = cpuSecondsP50
        self.pool = pool
        self.cpuSecondsP90 = cpuSecondsP90
        self.memoryMB = memoryMB
        self.modelVersion = modelVersion
    }
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
    public var prediction: PredictionBody
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
