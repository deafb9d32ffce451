import Foundation

/// Reads a series from CSV: `timestamp,value` or a single `value` column (the last column is the value), with an
/// optional header. Empty, `nan` or unparsable values become NaN so the models can fill them.
enum SeriesCSV {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func read(path: String) throws -> [Double] {
        let text: String
        do {
            text =
                path == "-"
                ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                : try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ReadError(description: "cannot read series '\(path)': \(error.localizedDescription)")
        }
        return parse(text)
    }

    static func parse(_ text: String) -> [Double] {
        var values: [Double] = []
        var first = true
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let field =
                trimmed.split(separator: ",", omittingEmptySubsequences: false).last
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) } ?? ""
            let value = Double(field)
            if first && value == nil && !["", "nan", "NaN", "inf", "-inf"].contains(field) {
                first = false
                continue  // header
            }
            first = false
            values.append(value ?? .nan)
        }
        return values
    }
}
