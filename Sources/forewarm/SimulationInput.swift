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
        var cache: [String: Prediction] = [:]
        var requests: [SimulatedRequest] = []
        requests.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            guard let language = Language(name: record.language) else {
                throw CLIError.input("line \(index + 1): unknown language '\(record.language)'")
            }
            let key = record.codePath.map { "path:" + $0 } ?? "code:" + (record.code ?? "")
            let prediction: Prediction
            if let cached = cache[key] {
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
                cache[key] = prediction
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
