import KBStore

/// Which lines of a long paste are likely the error, before any is searched.
///
/// A line that quotes a known message shares rare word pairs with titles and quoted messages
/// (the pair index holds only those); a line of unrelated log shares few, and common ones.
/// So each line's evidence is the summed IDF of its word pairs and codes found there, and the
/// lines with the most evidence are searched, each on its own.
enum PasteSegments {
    /// Pastes with at least this many lines holding words are searched line by line too.
    static let minimumLines = 3
    /// How many lines are searched on their own.
    static let linesSearched = 3

    /// The words, pairs and codes of each line: what `likelyMessages` weighs.
    struct LineTerms {
        var line: PasteLine
        var pairs: [String]
        var codes: [String]
    }

    static func terms(of lines: [PasteLine]) -> [LineTerms] {
        lines.map { LineTerms(line: $0, pairs: WordPairs.of(Tokenizer.words($0.text)), codes: ErrorCodes.canonical(in: $0.text)) }
    }

    /// Up to `linesSearched` lines, most evidence first; lines without any are left out.
    static func likelyMessages(_ lines: [LineTerms], statistics: TermStatistics) -> [PasteLine] {
        let scored = lines.map { line -> (PasteLine, Double) in
            let evidence = Set(line.pairs).reduce(0) { $0 + statistics.idf($1) } + Set(line.codes).reduce(0) { $0 + statistics.idf($1) }
            return (line.line, evidence)
        }
        return scored.filter { $0.1 > 0 }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.number < $1.0.number }
            .prefix(linesSearched).map(\.0)
    }
}
