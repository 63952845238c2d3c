import KBStore

/// The words spelling correction may choose, with their document frequencies: asked for the
/// few candidates of each misspelt word, so that no vocabulary is loaded whole.
protocol Lexicon {
    /// The frequencies of those of `words` the lexicon holds.
    func frequencies(_ words: Set<String>) throws -> [String: Int]
    /// The words of letters starting with `first` whose length is in `lengths`.
    func words(startingWith first: Character, lengths: ClosedRange<Int>) throws -> [String: Int]
}

/// The store's words: its statistics snapshot (`TermStatistics`).
struct StoreLexicon: Lexicon {
    let reader: IndexReader

    func frequencies(_ words: Set<String>) throws -> [String: Int] {
        try reader.wordFrequencies(words)
    }

    func words(startingWith first: Character, lengths: ClosedRange<Int>) throws -> [String: Int] {
        try reader.words(startingWith: String(first), lengths: lengths)
    }
}

/// Words held in memory: for tests.
struct MemoryLexicon: Lexicon {
    let words: [String: Int]

    func frequencies(_ asked: Set<String>) -> [String: Int] {
        words.filter { asked.contains($0.key) }
    }

    func words(startingWith first: Character, lengths: ClosedRange<Int>) -> [String: Int] {
        words.filter { $0.key.first == first && lengths.contains($0.key.count) && $0.key.allSatisfy(\.isLetter) }
    }
}
