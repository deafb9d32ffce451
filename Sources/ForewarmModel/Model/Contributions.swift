/// Turns per-column Saabas credits into the reported drivers.
enum Contributions {
    /// The `count` largest credits by magnitude (ties: the lower column first), after folding the one-hot language
    /// columns into "language" and the lexicon's two outputs into "words". Selects without sorting every column.
    static func top(_ raw: UnsafeMutableBufferPointer<Double>, count: Int) -> [Contribution] {
        fold(raw, FeatureExtractor.languageColumns)
        if FeatureExtractor.lexiconColumns.upperBound <= raw.count { fold(raw, FeatureExtractor.lexiconColumns) }
        guard count > 0 else { return [] }
        // Kept largest first; a later column displaces only a strictly larger one, so ties keep column order.
        var kept: [(column: Int, magnitude: Double)] = []
        kept.reserveCapacity(count + 1)
        for column in raw.indices where raw[column] != 0 {
            let magnitude = abs(raw[column])
            if kept.count == count, !(magnitude > kept[count - 1].magnitude) { continue }
            var position = kept.count
            while position > 0, magnitude > kept[position - 1].magnitude { position -= 1 }
            kept.insert((column, magnitude), at: position)
            if kept.count > count { kept.removeLast() }
        }
        return kept.map {
            Contribution(
                feature: FeatureExtractor.group(of: $0.column), log10CPU: (raw[$0.column] * 1000).rounded() / 1000)
        }
    }

    /// Adds the credits of `columns` into their first, so they read as one driver.
    private static func fold(_ raw: UnsafeMutableBufferPointer<Double>, _ columns: Range<Int>) {
        for index in columns.dropFirst() {
            raw[columns.lowerBound] += raw[index]
            raw[index] = 0
        }
    }
}
