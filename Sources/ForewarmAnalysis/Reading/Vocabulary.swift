/// The words and symbols of one language that the metrics care about.
struct Vocabulary {
    /// lizard's condition set for the language (cyclomatic complexity).
    var conditions: [String]
    var keywords: [String]
    var literals: [String]
    var branches: [String] = ["if"]
    var loops: [String] = ["for", "while", "do"]
    var switches: [String] = ["switch"]
    var catches: [String] = ["catch"]
    var elses: [String] = ["else"]
    var elseIfs: [String] = []
    var ands: [String] = ["&&"]
    var ors: [String] = ["||"]
    var jumps: [String] = ["goto", "break", "continue"]
    var returns: [String] = ["return"]
    var imports: [String] = ["import"]
    var allocations: [String] = ["new"]
    var functionKeywords: [String] = []
    var blockOpeners: [String] = []
    var blockEnds: [String] = []
    var doLoops: [String] = ["do"]
    var ternaries: [String] = ["?"]

    /// The table the analyzer looks tokens up in; `symbols` (the language's multi-byte symbols) and every ASCII
    /// punctuation byte get operator numbers after the keywords.
    func table(symbols: [String] = []) -> KeywordTable {
        var entries: [TokenKey: TokenTraits] = [:]
        func mark(_ words: [String], _ traits: TokenTraits) {
            for word in words { entries[TokenKey(word), default: []].formUnion(traits) }
        }
        mark(keywords, .keyword)
        mark(literals, .literal)
        mark(conditions, .condition)
        mark(branches, .branch)
        mark(loops, .loop)
        mark(switches, .switchLike)
        mark(catches, .catchLike)
        mark(elses, .elseLike)
        mark(elseIfs, .elseIf)
        mark(ands, .logicalAnd)
        mark(ors, .logicalOr)
        mark(jumps, .jump)
        mark(returns, .returnLike)
        mark(imports, .importLike)
        mark(allocations, .allocation)
        mark(functionKeywords, .functionKeyword)
        mark(blockOpeners, .blockOpener)
        mark(blockEnds, .blockEnd)
        mark(doLoops, .doLoop)
        mark(ternaries, .ternary)
        let operatorKeywords = keywords.filter { !(entries[TokenKey($0)]?.contains(.literal) ?? false) }
        let punctuation = (UInt8(ascii: "!")...UInt8(ascii: "~")).map { Character(Unicode.Scalar($0)) }
            .filter { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init)
        return KeywordTable(entries, operators: (operatorKeywords + symbols + punctuation).map { TokenKey($0) })
    }

    private static let tables: [Language: KeywordTable] = {
        var tables: [Language: KeywordTable] = [:]
        for language in Language.allCases {
            tables[language] = of(language).table(symbols: LexicalSyntax.of(language).symbols)
        }
        return tables
    }()

    static func table(for language: Language) -> KeywordTable { tables[language]! }
}

extension Vocabulary {
    static let cKeywords = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "_Bool", "_Complex", "_Atomic", "_Noreturn", "_Static_assert", "_Thread_local", "bool",
    ]
    static let cppKeywords =
        cKeywords + [
            "alignas", "alignof", "catch", "class", "constexpr", "consteval", "constinit", "const_cast", "decltype",
            "delete", "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace", "new", "noexcept",
            "operator", "override", "final", "private", "protected", "public", "reinterpret_cast", "static_assert",
            "static_cast", "template", "this", "thread_local", "throw", "try", "typeid", "typename", "using",
            "virtual", "co_await", "co_return", "co_yield", "concept", "requires", "and", "or", "not",
        ]
    static let javaKeywords = [
        "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
        "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
        "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
        "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
        "throw", "throws", "transient", "try", "void", "volatile", "while", "var", "record", "yield", "sealed",
        "permits",
    ]
    static let csharpKeywords = [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while", "var",
        "async", "await", "yield", "get", "set", "when", "where", "record", "init",
    ]
    static let jsKeywords = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "return",
        "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while", "with", "yield", "let",
        "static", "async", "await", "of", "get", "set", "from",
    ]
    static let tsKeywords =
        jsKeywords + [
            "interface", "type", "enum", "implements", "private", "protected", "public", "readonly", "abstract",
            "declare", "namespace", "module", "keyof", "as", "is", "infer", "satisfies", "override",
        ]

    static func of(_ language: Language) -> Vocabulary {
        switch language {
        case .c:
            var vocabulary = Vocabulary(
                conditions: ["if", "for", "while", "catch", "case", "&&", "||", "?"],
                keywords: cKeywords, literals: ["NULL", "true", "false"])
            vocabulary.imports = ["#include"]
            vocabulary.allocations = ["malloc", "calloc", "realloc", "alloca"]
            return vocabulary
        case .cpp:
            var vocabulary = Vocabulary(
                conditions: ["if", "for", "while", "catch", "case", "&&", "||", "?"],
                keywords: cppKeywords, literals: ["NULL", "nullptr", "true", "false"])
            vocabulary.imports = ["#include"]
            vocabulary.allocations = [
                "new", "malloc", "calloc", "realloc", "make_unique", "make_shared", "resize",
                "reserve",
            ]
            return vocabulary
        case .java:
            var vocabulary = Vocabulary(
                conditions: ["if", "for", "while", "catch", "case", "&&", "||", "?"],
                keywords: javaKeywords, literals: ["null", "true", "false"])
            vocabulary.allocations = ["new"]
            return vocabulary
        case .csharp:
            var vocabulary = Vocabulary(
                conditions: ["if", "for", "while", "catch", "case", "&&", "||", "?", "??"],
                keywords: csharpKeywords, literals: ["null", "true", "false"])
            vocabulary.loops = ["for", "foreach", "while", "do"]
            vocabulary.imports = ["using"]
            return vocabulary
        case .javascript, .typescript:
            var vocabulary = Vocabulary(
                conditions: ["if", "elseif", "for", "while", "catch", "case", "&&", "||", "?", "??"],
                keywords: language == .typescript ? tsKeywords : jsKeywords,
                literals: ["null", "undefined", "true", "false", "NaN", "Infinity"])
            vocabulary.imports = ["import", "require"]
            vocabulary.allocations = ["new", "Array", "fill", "repeat"]
            vocabulary.functionKeywords = ["function"]
            return vocabulary
        case .go:
            var vocabulary = Vocabulary(
                conditions: ["if", "for", "while", "catch", "case", "&&", "||", "?"],
                keywords: [
                    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
                    "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
                    "struct", "switch", "type", "var",
                ], literals: ["nil", "true", "false", "iota"])
            vocabulary.loops = ["for"]
            vocabulary.switches = ["switch", "select"]
            vocabulary.catches = []
            vocabulary.doLoops = []
            vocabulary.allocations = ["make", "new", "append"]
            vocabulary.functionKeywords = ["func"]
            return vocabulary
        case .rust:
            var vocabulary = Vocabulary(
                conditions: ["if", "for", "while", "catch", "where", "&&", "||", "?"],
                keywords: [
                    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
                    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
                    "return", "self", "Self", "static", "struct", "super", "trait", "type", "unsafe", "use", "where",
                    "while", "yield",
                ], literals: ["true", "false", "None"])
            vocabulary.loops = ["for", "while", "loop"]
            vocabulary.switches = ["match"]
            vocabulary.catches = []
            vocabulary.doLoops = []
            vocabulary.jumps = ["break", "continue"]
            vocabulary.imports = ["use", "extern"]
            vocabulary.allocations = ["vec", "Vec", "with_capacity", "resize", "repeat", "Box"]
            vocabulary.functionKeywords = ["fn"]
            vocabulary.ternaries = []
            return vocabulary
        case .swift:
            var vocabulary = Vocabulary(
                conditions: ["if", "for", "while", "catch", "case", "guard", "&&", "||", "?"],
                keywords: [
                    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
                    "inout", "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows",
                    "static", "struct", "subscript", "typealias", "var", "break", "case", "continue", "default",
                    "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch",
                    "where", "while", "as", "catch", "is", "super", "self", "Self", "throw", "throws", "try", "async",
                    "await", "some", "any", "mutating", "override", "final", "lazy", "weak", "convenience",
                ], literals: ["nil", "true", "false"])
            vocabulary.loops = ["for", "while", "repeat"]
            vocabulary.branches = ["if", "guard"]
            vocabulary.doLoops = ["repeat"]
            vocabulary.allocations = ["Array", "reserveCapacity", "repeating"]
            vocabulary.functionKeywords = ["func"]
            return vocabulary
        case .kotlin:
            var vocabulary = Vocabulary(
                conditions: ["if", "for", "while", "catch", "&&", "||", "?:"],
                keywords: [
                    "as", "break", "class", "continue", "do", "else", "for", "fun", "if", "in", "interface", "is",
                    "object", "package", "return", "super", "this", "throw", "try", "typealias", "val", "var", "when",
                    "while", "by", "catch", "constructor", "finally", "import", "init", "override", "private",
                    "protected", "public", "internal", "open", "data", "sealed", "suspend", "companion", "lateinit",
                ], literals: ["null", "true", "false"])
            vocabulary.switches = ["when"]
            vocabulary.allocations = ["Array", "IntArray", "LongArray", "DoubleArray", "MutableList", "repeat"]
            vocabulary.functionKeywords = ["fun"]
            vocabulary.ternaries = []
            return vocabulary
        case .php:
            var vocabulary = Vocabulary(
                conditions: ["if", "elseif", "for", "foreach", "while", "catch", "match", "case", "&&", "||", "?"],
                keywords: [
                    "abstract", "and", "array", "as", "break", "callable", "case", "catch", "class", "clone", "const",
                    "continue", "declare", "default", "do", "echo", "else", "elseif", "empty", "enddeclare",
                    "endfor", "endforeach", "endif", "endswitch", "endwhile", "extends", "final", "finally", "fn",
                    "for", "foreach", "function", "global", "goto", "if", "implements", "include", "include_once",
                    "instanceof", "insteadof", "interface", "isset", "list", "match", "namespace", "new", "or",
                    "print", "private", "protected", "public", "readonly", "require", "require_once", "return",
                    "static", "switch", "throw", "trait", "try", "unset", "use", "var", "while", "xor", "yield",
                ], literals: ["null", "true", "false", "NULL", "TRUE", "FALSE"])
            vocabulary.loops = ["for", "foreach", "while", "do"]
            vocabulary.switches = ["switch", "match"]
            vocabulary.elseIfs = ["elseif"]
            vocabulary.ands = ["&&", "and"]
            vocabulary.ors = ["||", "or"]
            vocabulary.imports = ["use", "require", "require_once", "include", "include_once"]
            vocabulary.allocations = ["new", "array_fill", "range", "str_repeat"]
            vocabulary.functionKeywords = ["function", "fn"]
            return vocabulary
        case .python:
            var vocabulary = Vocabulary(
                conditions: ["if", "elif", "for", "while", "except", "finally", "and", "or"],
                keywords: [
                    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
                    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
                    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
                ], literals: ["True", "False", "None", "..."])
            vocabulary.loops = ["for", "while"]
            vocabulary.switches = ["match"]
            vocabulary.catches = ["except"]
            vocabulary.elseIfs = ["elif"]
            vocabulary.ands = ["and"]
            vocabulary.ors = ["or"]
            vocabulary.jumps = ["break", "continue"]
            vocabulary.imports = ["import", "from"]
            vocabulary.allocations = ["range", "zeros", "ones", "empty", "full", "bytearray"]
            vocabulary.functionKeywords = ["def", "lambda"]
            vocabulary.doLoops = []
            vocabulary.ternaries = []
            return vocabulary
        case .ruby:
            var vocabulary = Vocabulary(
                conditions: [
                    "if", "elsif", "elseif", "until", "for", "while", "rescue", "ensure", "when", "and", "or",
                    "||", "&&", "?",
                ],
                keywords: [
                    "BEGIN", "END", "alias", "and", "begin", "break", "case", "class", "def", "defined?", "do",
                    "else", "elsif", "end", "ensure", "for", "if", "in", "module", "next", "not", "or", "redo",
                    "rescue", "retry", "return", "self", "super", "then", "undef", "unless", "until", "when",
                    "while", "yield",
                ], literals: ["nil", "true", "false"])
            vocabulary.branches = ["if", "unless"]
            vocabulary.loops = ["for", "while", "until", "loop", "each", "times", "upto", "downto", "step"]
            vocabulary.switches = ["case"]
            vocabulary.catches = ["rescue"]
            vocabulary.elseIfs = ["elsif"]
            vocabulary.ands = ["&&", "and"]
            vocabulary.ors = ["||", "or"]
            vocabulary.jumps = ["break", "next", "redo", "retry"]
            vocabulary.imports = ["require", "require_relative", "load"]
            vocabulary.allocations = ["new", "times", "fill"]
            vocabulary.functionKeywords = ["def", "lambda", "proc"]
            vocabulary.blockOpeners = [
                "def", "class", "module", "begin", "do", "case", "if", "unless", "while",
                "until", "for",
            ]
            vocabulary.blockEnds = ["end"]
            vocabulary.doLoops = []
            return vocabulary
        case .lua:
            var vocabulary = Vocabulary(
                // lizard's Lua reader inherits the Ruby condition set.
                conditions: [
                    "if", "elsif", "elseif", "until", "for", "while", "rescue", "ensure", "when", "and", "or",
                    "||", "&&", "?",
                ],
                keywords: [
                    "and", "break", "do", "else", "elseif", "end", "for", "function", "goto", "if", "in", "local",
                    "not", "or", "repeat", "return", "then", "until", "while",
                ], literals: ["nil", "true", "false"])
            vocabulary.loops = ["for", "while", "repeat"]
            vocabulary.switches = []
            vocabulary.catches = []
            vocabulary.elseIfs = ["elseif"]
            vocabulary.ands = ["and"]
            vocabulary.ors = ["or"]
            vocabulary.jumps = ["goto", "break"]
            vocabulary.imports = ["require"]
            vocabulary.allocations = ["rep", "create"]
            vocabulary.functionKeywords = ["function"]
            vocabulary.blockOpeners = ["function", "do", "then", "repeat"]
            vocabulary.blockEnds = ["end", "until"]
            vocabulary.doLoops = ["repeat"]
            vocabulary.ternaries = []
            return vocabulary
        case .perl:
            var vocabulary = Vocabulary(
                conditions: [
                    "if", "elsif", "unless", "while", "until", "for", "foreach", "when", "given", "default",
                    "do", "&&", "||", "?", ":",
                ],
                keywords: [
                    "my", "our", "local", "sub", "if", "elsif", "else", "unless", "while", "until", "for", "foreach",
                    "do", "last", "next", "redo", "return", "use", "no", "require", "package", "and", "or", "not",
                    "xor", "eq", "ne", "lt", "gt", "le", "ge", "cmp", "print", "die", "eval", "defined", "wantarray",
                ], literals: ["undef"])
            vocabulary.branches = ["if", "unless"]
            vocabulary.loops = ["for", "foreach", "while", "until"]
            vocabulary.switches = []
            vocabulary.catches = []
            vocabulary.elseIfs = ["elsif"]
            vocabulary.ands = ["&&", "and"]
            vocabulary.ors = ["||", "or"]
            vocabulary.jumps = ["goto", "last", "next", "redo"]
            vocabulary.imports = ["use", "require"]
            vocabulary.allocations = ["x"]
            vocabulary.functionKeywords = ["sub"]
            vocabulary.doLoops = ["do"]
            return vocabulary
        }
    }
}
