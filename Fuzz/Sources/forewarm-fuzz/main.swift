import ForewarmAnalysis

/// libFuzzer entry point: the first byte picks the language (or detection), the rest is the source.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let languages = Language.allCases
    let selector = Int(data[0])
    let language: Language? = selector < languages.count * 16 ? languages[selector % languages.count] : nil
    let source = UnsafeBufferPointer(start: data + 1, count: size - 1)
    var analyzer = Analyzer()
    let metrics = analyzer.analyze(source, language: language, path: nil)
    let lines = metrics.lines
    // Invariants: a violation is a finding, reported as a crash.
    precondition(lines.code + lines.comment + lines.blank == lines.total, "line counts do not add up")
    precondition(metrics.cyclomatic >= 1, "file CCN < 1")
    for function in metrics.functions {
        precondition(function.startLine <= function.endLine, "function ends before it starts")
        precondition(function.cyclomatic >= 1, "function CCN < 1")
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`; hand control to libFuzzer's driver from there.
@_cdecl("forewarm_fuzz_main")
public func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { fuzz($0, $1) }
}
