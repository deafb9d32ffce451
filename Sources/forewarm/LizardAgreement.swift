import ForewarmAnalysis
import Foundation

/// `forewarm analyze --compare-lizard`: runs lizard on the same files and reports, per language, how many
/// functions both tools find and how often their cyclomatic complexity agrees exactly.
enum LizardAgreement {
    static func run(inputs: [SourceInput], lizard: String, format: OutputFormat) throws {
        // lizard skips byte-identical files; so do we, so both see the same set.
        var seen = Set<Data>()
        var files: [(path: String, bytes: [UInt8])] = []
        for input in inputs where !input.isStandardInput {
            guard let data = FileManager.default.contents(atPath: input.path), seen.insert(data).inserted else {
                continue
            }
            files.append((input.path, Array(data)))
        }
        let theirs = try runLizard(lizard, paths: files.map(\.path))
        var analyzer = Analyzer()
        var tally: [Language: Agreement] = [:]
        var mismatches: [String] = []
        for file in files {
            let metrics = analyzer.analyze(file.bytes, path: file.path)
            var ours: [Int: [FunctionMetrics]] = [:]
            for function in metrics.functions { ours[function.startLine, default: []].append(function) }
            var agreement = tally[metrics.language] ?? Agreement()
            agreement.ours += metrics.functions.count
            for their in theirs[file.path] ?? [] {
                agreement.theirs += 1
                guard var candidates = ours[their.startLine], !candidates.isEmpty else { continue }
                let mine = candidates.removeFirst()
                ours[their.startLine] = candidates
                agreement.matched += 1
                if mine.cyclomatic == their.ccn {
                    agreement.equal += 1
                } else if mismatches.count < 400 {
                    mismatches.append(
                        "\(file.path):\(their.startLine) \(their.name): lizard \(their.ccn), forewarm \(mine.cyclomatic)"
                    )
                }
            }
            tally[metrics.language] = agreement
        }
        let rows = tally.sorted { $0.key.rawValue < $1.key.rawValue }
        if format == .json {
            let object = rows.map { ["language": $0.key.rawValue, "agreement": $0.value.dictionary] }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("language     files-functions(lizard)  (forewarm)  matched  equal-CCN  agreement")
        var total = Agreement()
        for (language, agreement) in rows {
            print(agreement.row(language.rawValue))
            total.add(agreement)
        }
        print(total.row("all"))
        if ProcessInfo.processInfo.environment["FOREWARM_SHOW_MISMATCHES"] != nil {
            for line in mismatches { print("  " + line) }
        }
    }

    struct Agreement {
        var theirs = 0
        var ours = 0
        var matched = 0
        var equal = 0

        var rate: Double { matched > 0 ? Double(equal) / Double(matched) : 0 }

        mutating func add(_ other: Agreement) {
            theirs += other.theirs
            ours += other.ours
            matched += other.matched
            equal += other.equal
        }

        func row(_ name: String) -> String {
            name.padding(toLength: 13, withPad: " ", startingAt: 0)
                + "\(theirs)".padding(toLength: 25, withPad: " ", startingAt: 0)
                + "\(ours)".padding(toLength: 12, withPad: " ", startingAt: 0)
                + "\(matched)".padding(toLength: 9, withPad: " ", startingAt: 0)
                + "\(equal)".padding(toLength: 11, withPad: " ", startingAt: 0)
                + String(format: "%.1f%%", rate * 100)
        }

        var dictionary: [String: Any] {
            [
                "lizardFunctions": theirs, "forewarmFunctions": ours, "matched": matched, "equalCCN": equal,
                "rate": rate,
            ]
        }
    }

    struct LizardFunction {
        var name: String
        var ccn: Int
        var startLine: Int
    }

    /// Runs lizard with `--csv` over the files (in batches, so command lines stay short) and groups its rows by file.
    static func runLizard(_ command: String, paths: [String]) throws -> [String: [LizardFunction]] {
        var result: [String: [LizardFunction]] = [:]
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(start + 500, paths.count)])
            start += batch.count
            let output = try Shell.run(command, arguments: ["--csv"] + batch)
            for line in output.split(separator: "\n") {
                let fields = CSV.split(String(line))
                guard fields.count >= 11, let ccn = Int(fields[1]), let startLine = Int(fields[9]) else { continue }
                result[fields[6], default: []].append(LizardFunction(name: fields[7], ccn: ccn, startLine: startLine))
            }
        }
        return result
    }
}

/// Minimal CSV splitting for lizard's output (quoted fields with doubled quotes).
enum CSV {
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    quoted = false
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}

/// Runs a helper program (lizard) and returns its standard output.
enum Shell {
    static func run(_ command: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CLIError.tool("cannot run \(command): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
