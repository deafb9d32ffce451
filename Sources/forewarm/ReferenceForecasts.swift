import Foundation

/// The file `scripts/reference_forecasts.py` writes: per series, each reference model's forecasts at each origin.
struct ReferenceForecasts: Decodable {
    struct Run: Decodable {
        var origin: Int
        var forecast: [Double?]
        var lower: [Double?]
        var upper: [Double?]
        var seconds: Double
        var error: String?

        /// All three arrays complete and finite.
        var isUsable: Bool {
            error == nil && [forecast, lower, upper].allSatisfy { $0.allSatisfy { $0?.isFinite ?? false } }
        }
    }

    struct Series: Decodable {
        var family: String
        var season: Int
        var horizon: Int
        var models: [String: [Run]]
    }

    var series: [String: Series]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        series = try JSONDecoder().decode([String: Series].self, from: data)
    }
}
