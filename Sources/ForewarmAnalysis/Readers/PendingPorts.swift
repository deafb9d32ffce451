// Languages whose lizard reader is not ported yet read with the C-like reader for now; each port replaces its line.
typealias JavaScriptReader = CLikeReader
typealias TypeScriptReader = CLikeReader
