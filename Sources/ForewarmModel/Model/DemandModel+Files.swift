import Foundation

extension DemandModel {
    /// The model shipped with the package (`Resources/default-model.json`).
    public static func shipped() throws -> DemandModel {
        guard let url = Bundle.module.url(forResource: "default-model", withExtension: "json") else {
            throw ModelError.missingResource
        }
        return try load(path: url.path)
    }

    /// Reads and checks a model file.
    public static func load(path: String) throws -> DemandModel {
        guard let data = FileManager.default.contents(atPath: path) else { throw ModelError.unreadable(path: path) }
        return try decode(data, path: path)
    }

    /// Decodes a model and checks it fits this build's features.
    public static func decode(_ data: Data, path: String = "<data>") throws -> DemandModel {
        struct Header: Decodable { var formatVersion: Int }
        let model: DemandModel
        do {
            model = try JSONDecoder().decode(DemandModel.self, from: data)
        } catch {
            // A file of another format version fails to decode here: say so rather than "malformed".
            if let header = try? JSONDecoder().decode(Header.self, from: data), header.formatVersion != formatVersion {
                throw ModelError.incompatible(
                    path: path, reason: "format \(header.formatVersion), this build reads \(formatVersion)")
            }
            throw ModelError.malformed(path: path, reason: "\(error)")
        }
        guard model.formatVersion == formatVersion else {
            throw ModelError.incompatible(
                path: path, reason: "format \(model.formatVersion), this build reads \(formatVersion)")
        }
        guard model.featureNames == FeatureExtractor.names else {
            throw ModelError.incompatible(path: path, reason: "its features differ from this build's")
        }
        for ensemble in [model.cpuP50, model.cpuP90, model.memory, model.heavy] {
            for tree in ensemble.trees where tree.feature.contains(where: { $0 >= FeatureExtractor.treeColumns }) {
                throw ModelError.malformed(path: path, reason: "a tree splits on a column trees may not use")
            }
        }
        return model
    }

    /// The model as compact JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}
