// Languages whose lizard reader is not ported yet read with the C-like reader for now; each port replaces its line.
typealias JavaReader = CLikeReader
typealias CSharpReader = CLikeReader
typealias GoReader = CLikeReader
typealias RustReader = CLikeReader
typealias SwiftReader = CLikeReader
typealias KotlinReader = CLikeReader
typealias PHPReader = CLikeReader
typealias PerlReader = CLikeReader
typealias PythonReader = CLikeReader
typealias RubyReader = CLikeReader
typealias LuaReader = CLikeReader
typealias IndentTracker = BraceTracker
typealias KeywordBlockTracker = BraceTracker
