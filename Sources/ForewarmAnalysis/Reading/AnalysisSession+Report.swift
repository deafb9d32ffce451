extension AnalysisSession {
    /// Turns what was read into the public report.
    func report(path: String?, confidence: Double) -> FileMetrics {
        var functions: [FunctionMetrics] = []
        functions.reserveCapacity(context.finished.count)
        var structure = StructureMetrics()
        var cognitive = context.functions[0].structure.cognitive
        var decisions = context.functions[0].cyclomatic - 1
        for index in context.finished {
            let record = context.functions[index]
            let metrics = functionMetrics(record, index: index)
            functions.append(metrics)
            decisions += record.cyclomatic - 1
            if record.parent == nil || record.parent == 0 { cognitive += metrics.cognitive }
            structure.absorb(metrics.structure)
        }
        structure.absorb(structureMetrics(context.functions[0]))
        return FileMetrics(
            path: path, language: language, languageConfidence: confidence, bytes: source.count,
            lines: lines.counts(), functions: functions, cyclomatic: 1 + decisions, cognitive: cognitive,
            halstead: Halstead(fileHalstead), structure: structure, tokens: context.fileTokens, hints: hints.hints)
    }

    func functionMetrics(_ record: FunctionRecord, index: Int) -> FunctionMetrics {
        var lineCounts = lines.counts(from: record.startLine, to: record.endLine)
        lineCounts.code = record.nloc
        let structure = structureMetrics(record)
        let recursion = structure.recursiveCalls > 0 ? 1 : 0
        return FunctionMetrics(
            name: context.name(of: index), startLine: record.startLine, endLine: record.endLine, lines: lineCounts,
            cyclomatic: record.cyclomatic, cognitive: record.structure.cognitive + recursion,
            halstead: Halstead(record.halstead), structure: structure,
            parameters: record.parameterGroups.filter { $0.counts || $0.lastWasWord }.count, tokens: record.tokens)
    }

    func structureMetrics(_ record: FunctionRecord) -> StructureMetrics {
        var metrics = StructureMetrics()
        metrics.maxNesting = record.structure.maxNesting
        metrics.maxLoopDepth = record.structure.maxLoopDepth
        metrics.loops = record.structure.loops
        metrics.calls = record.structure.calls
        metrics.recursiveCalls = record.structure.recursiveCalls
        metrics.returns = record.structure.returns
        return metrics
    }
}

extension StructureMetrics {
    mutating func absorb(_ other: StructureMetrics) {
        maxNesting = max(maxNesting, other.maxNesting)
        maxLoopDepth = max(maxLoopDepth, other.maxLoopDepth)
        loops += other.loops
        calls += other.calls
        recursiveCalls += other.recursiveCalls
        returns += other.returns
    }
}

extension Halstead {
    init(_ counts: HalsteadCounts) {
        self.init(
            distinctOperators: counts.distinctOperators, distinctOperands: counts.distinctOperands,
            totalOperators: counts.operators, totalOperands: counts.operands)
    }
}
