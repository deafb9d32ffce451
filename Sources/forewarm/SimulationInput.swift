import ForewarmAnalysis
import ForewarmController
import ForewarmModel
import ForewarmSimulation
import ForewarmTraces
import Foundation

/// Turns trace records into simulated requests: the model predicts each program once, from its code.
enum SimulationInput {
    static func requests(_ records: [TraceRecord], model: DemandModel) throws -> [SimulatedRequest] {
        var predictor = DemandPredictor(model: model, contributions: 0)
        // By path or by inline code, without building a key string per request (a day's trace has ~900k).
        var byPath: [String: Prediction] = [:]
        var byCode: [String: Prediction] = [:]
        var requests: [SimulatedRequest] = []
        requests.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            guard let language = Language(name: record.language) else {
                throw CLIError.input("line \(index + 1): unknown language '\(record.language)'")
            }
            let prediction: Prediction
            let cached = if let path = record.codePath { byPath[path] } else { byCode[record.code ?? ""] }
            if let cached {
                prediction = cached
            } else {
                let code: [UInt8]
                if let path = record.codePath {
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw CLIError.input("line \(index + 1): cannot read the program \(path)")
                    }
                    code = Array(data)
                } else {
                    code = Array((record.code ?? "").utf8)
                }
                prediction = predictor.predict(code: code, language: language, path: record.codePath)
                if let path = record.codePath {
                    byPath[path] = prediction
                } else {
                    byCode[record.code ?? ""] = prediction
                }
            }
            requests.append(
                SimulatedRequest(
                    arrival: record.arrival,
                    demand: DemandEstimate(
                        language: language.rawValue, score: prediction.score,
                        cpuSecondsP50: prediction.cpuSecondsP50, cpuSecondsP90: prediction.cpuSecondsP90,
                        memoryMB: prediction.memoryMB),
                    cpuSeconds: record.cpuSeconds, memoryMB: record.memoryMB))
        }
        return requests
    }

    static func programCount(_ records: [TraceRecord]) -> Int {
        Set(records.map { $0.codePath ?? $0.code ?? "" }).count
    }
}
