/// A programming language the analyzer understands.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    case python, javascript, typescript, java, c, cpp, csharp, go, rust, swift, kotlin, ruby, php, lua, perl

    /// The name people write on the command line; `cpp` also answers to `c++`.
    public init?(name: String) {
        let lowered = name.lowercased()
        if let language = Language(rawValue: lowered) {
            self = language
            return
        }
        switch lowered {
        case "py", "python3": self = .python
        case "js", "node", "nodejs": self = .javascript
        case "ts": self = .typescript
        case "c++", "cxx", "cc": self = .cpp
        case "c#", "cs": self = .csharp
        case "golang": self = .go
        case "rs": self = .rust
        case "kt", "kts": self = .kotlin
        case "rb": self = .ruby
        case "pl", "perl5": self = .perl
        default: return nil
        }
    }

    /// File extensions (lower case, without the dot) that name this language.
    public var fileExtensions: [String] {
        switch self {
        case .python: ["py", "pyw", "python3"]
        case .javascript: ["js", "mjs", "cjs", "jsx"]
        case .typescript: ["ts", "mts", "cts", "tsx"]
        case .java: ["java"]
        case .c: ["c", "h", "gcc"]
        case .cpp: ["cpp", "cc", "cxx", "c++", "hpp", "hh", "hxx", "h++", "gpp", "ino"]
        case .csharp: ["cs", "csharp"]
        case .go: ["go"]
        case .rust: ["rs", "rust"]
        case .swift: ["swift"]
        case .kotlin: ["kt", "kts"]
        case .ruby: ["rb", "ruby", "rake", "gemspec"]
        case .php: ["php", "php3", "php4", "php5", "phtml"]
        case .lua: ["lua"]
        case .perl: ["pl", "pm", "perl", "t"]
        }
    }

    /// The language a file extension names, if any (`.h` counts as C).
    public init?(fileExtension: String) {
        let lowered = fileExtension.lowercased()
        guard let match = Language.byExtension[lowered] else { return nil }
        self = match
    }

    private static let byExtension: [String: Language] = {
        var table: [String: Language] = [:]
        for language in Language.allCases {
            for ext in language.fileExtensions where table[ext] == nil {
                table[ext] = language
            }
        }
        return table
    }()
}
