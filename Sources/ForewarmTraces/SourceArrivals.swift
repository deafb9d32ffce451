/// An arrival read from a real trace, before it is joined with a program.
public struct SourceArrival: Sendable, Equatable {
    /// Unix seconds.
    public var time: Double
    /// The class its size is ranked within (ReCodEx: the worker group; Azure: the whole service).
    public var group: String
    /// Its size in the source (ReCodEx: measured duration in s; Azure: prompt tokens): the rank of this within its
    /// group picks the program's CPU-time rank.
    public var size: Double
    /// A key that stands for the language (ReCodEx: the hashed runtime id); nil draws the language at random.
    public var languageKey: String?
    /// The row's identifiers, kept in the trace.
    public var ids: [String: String]

    public init(time: Double, group: String, size: Double, languageKey: String?, ids: [String: String]) {
        self.time = time
        self.group = group
        self.size = size
        self.languageKey = languageKey
        self.ids = ids
    }
}

/// Parses the real traces' rows into arrivals. Rows that lack a field or a number are skipped and counted.
public enum SourceArrivals {
    /// ReCodEx job logs (`;`-separated with a header; the student-job and reference-solution schemas alike): needs
    /// `spawn_ts`, `duration` and `worker_group_id`; keeps `submission_id`, `runtime_id`, `exercise_id`. Several
    /// files may be given; a submission that appears twice is kept once.
    public static func recodex(csvs: [String]) -> (arrivals: [SourceArrival], skipped: Int) {
        var arrivals: [SourceArrival] = []
        var seen: Set<String> = []
        var skipped = 0
        for csv in csvs {
            var lines = csv.split(whereSeparator: \.isNewline)
            guard let header = lines.first?.split(separator: ";").map(String.init) else { continue }
            lines.removeFirst()
            guard let spawn = header.firstIndex(of: "spawn_ts"), let duration = header.firstIndex(of: "duration"),
                let group = header.firstIndex(of: "worker_group_id")
            else { continue }
            let submission = header.firstIndex(of: "submission_id")
            let runtime = header.firstIndex(of: "runtime_id")
            let exercise = header.firstIndex(of: "exercise_id")
            for line in lines {
                let fields = line.split(separator: ";", omittingEmptySubsequences: false)
                guard fields.count == header.count, let time = Double(fields[spawn]),
                    let size = Double(fields[duration]), size >= 0, !fields[group].isEmpty
                else {
                    skipped += 1
                    continue
                }
                var ids: [String: String] = ["worker_group_id": String(fields[group]), "duration": String(fields[duration])]
                if let submission {
                    let id = String(fields[submission])
                    guard seen.insert(id).inserted else { continue }
                    ids["submission_id"] = id
                }
                if let runtime { ids["runtime_id"] = String(fields[runtime]) }
                if let exercise { ids["exercise_id"] = String(fields[exercise]) }
                arrivals.append(
                    SourceArrival(
                        time: time, group: String(fields[group]), size: size,
                        languageKey: runtime.map { String(fields[$0]) }, ids: ids))
            }
        }
        return (arrivals, skipped)
    }

    /// The Azure LLM inference trace (`TIMESTAMP,ContextTokens,GeneratedTokens`, 100-ns timestamps): one arrival per
    /// request, sized by its prompt tokens; `service` names the group (e.g. `code`).
    public static func azure(csv: String, service: String) -> (arrivals: [SourceArrival], skipped: Int) {
        var arrivals: [SourceArrival] = []
        var skipped = 0
        for (number, line) in csv.split(whereSeparator: \.isNewline).enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3, let ticks = TraceBucketing.parseTimestamp(fields[0]),
                let context = Double(fields[1])
            else {
                skipped += 1
                continue
            }
            arrivals.append(
                SourceArrival(
                    time: Double(ticks) / 10_000_000, group: service, size: context, languageKey: nil,
                    ids: [
                        "row": String(number + 1), "timestamp": String(fields[0]),
                        "context_tokens": String(fields[1]), "generated_tokens": String(fields[2]),
                    ]))
        }
        return (arrivals, skipped)
    }
}
