import KBStore

/// Which lines of a long paste are likely the error, before any is searched.
///
/// A line that quotes a known message shares rare word pairs with titles and quoted messages
/// (the pair index holds only those); a line of unrelated log shares few, and common ones.
/// So each line's evidence is the summed IDF of its word pairs and codes found there. A line
/// that says something went wrong (its severity, or words such as "failed", "cannot",
/// "denied") counts double: in a log, the error is on such a line. The lines with the most
/// evidence are searched, each on its own.
enum PasteSegments {
    /// Pastes with at least this many lines holding words are searched line by line too.
    static let minimumLines = 3
    /// How many lines are searched on their own.
    static let linesSearched = 3
    /// When one article's message or title explains this much of the whole paste (its
    /// `RankedCandidate.reproduced`), the paste is that message, wrapped or in a log line:
    /// no line of it can explain more, and no room is left for a second error.
    static let explainedWhole = 0.8

    /// The words, pairs and codes of each line: what `likelyMessages` weighs.
    struct LineTerms {
        var line: PasteLine
        var pairs: [String]
        var codes: [String]
    }

    /// The terms of each line, from the tokens the paste's analysis found in it.
    static func terms(of lines: [PasteLine]) -> [LineTerms] {
        lines.map { LineTerms(line: $0, pairs: WordPairs.of($0.tokens.map(\.text)), codes: ErrorCodes.canonical(in: $0.text)) }
    }

    /// Up to `linesSearched` lines, most evidence first; lines without any are left out.
    static func likelyMessages(_ lines: [LineTerms], statistics: TermStatistics) -> [LineTerms] {
        let scored = lines.map { line -> (LineTerms, Double) in
            let evidence = Set(line.pairs).reduce(0) { $0 + statistics.idf($1) } + Set(line.codes).reduce(0) { $0 + statistics.idf($1) }
            return (line, evidence * (saysSomethingFailed(line.line.original) ? 2 : 1))
        }
        return scored.filter { $0.1 > 0 }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.line.number < $1.0.line.number }
            .prefix(linesSearched).map(\.0)
    }

    /// Words with which software says that something went wrong, severities included.
    static let failureWords: Set<String> = [
        "error", "err", "errors", "fail", "failed", "fails", "failure", "fatal", "critical", "exception",
        "cannot", "unable", "denied", "invalid", "incorrect", "missing", "unavailable", "refused",
        "corrupt", "corrupted", "illegal", "violation", "couldn", "stop", "abort", "aborted",
    ]
    /// Words that make "not" a failure: "could not", "was not found".
    static let auxiliaries: Set<String> = ["could", "can", "does", "did", "was", "is", "were", "are", "has", "have"]

    /// Whether the line as pasted holds a failure word.
    static func saysSomethingFailed(_ line: String) -> Bool {
        let words = Tokenizer.words(line)
        return words.indices.contains { index in
            failureWords.contains(words[index])
                || (words[index] == "not" && index > 0 && auxiliaries.contains(words[index - 1]))
        }
    }
}
