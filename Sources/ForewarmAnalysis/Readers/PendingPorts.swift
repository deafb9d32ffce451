// Languages whose lizard reader is not ported yet read with the C-like reader for now; each port replaces its line.
typealias JavaReader = CLikeReader
typealias CSharpReader = CLikeReader
typealias JavaScriptReader = CLikeReader
typealias TypeScriptReader = CLikeReader
typealias SwiftReader = CLikeReader
typealias KotlinReader = CLikeReader
