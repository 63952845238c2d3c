import Foundation
import GRDB


/// Document frequencies of a paste's terms and word pairs, from the `term_stats` snapshot
/// (the whole-text and pair indexes, with their own vocabularies as a fallback for terms
/// imported since) and the `head_term_stats` one (the head index and the codes column).
package struct TermStatistics {
    /// Articles in the store.
    package var articles: Int
    /// How many articles hold each index term.
    package var documentFrequency: [String: Int]
    /// How many articles hold each term in their title, messages or codes (the head index).
    package var headFrequency: [String: Int] = [:]
    /// How many articles hold each term in their codes.
    package var codeFrequency: [String: Int] = [:]
    /// The rows of the pair index holding each pair the snapshot lacks, read to count them
    /// (see `rows(holdingPair:)`).
    private var rarePairRows: [String: [Int64]] = [:]
    /// The phrases found in more articles than the search counts them to (`phraseCap`).
    private var commonPhrases: Set<String> = []

    /// Statistics as given (tests make their own).
    package init(articles: Int, documentFrequency: [String: Int]) {
        self.articles = articles
        self.documentFrequency = documentFrequency
    }

    /// `phrases` are whole-text phrases of several words, each counted by FTS5 while it is
    /// held by at most `phraseCap` articles (reading stops there: counting a phrase of
    /// common words reads their posting lists whole), unless a word of it is in no article
    /// or all are too common to count (`phraseCountLimit`); their words must be among `terms`.
    init(db: Database, terms: Set<String>, pairs: Set<String> = [], phrases: Set<String> = [], phraseCap: Int = 0) throws {
        documentFrequency = [:]
        articles = 0
        // The article count is the row of the empty term, read with the terms' rows: a
        // statement fewer to prepare in a one-shot search.
        try fetch(db, "term_stats", count: "articles", [""] + Array(terms.union(pairs)))
        articles = documentFrequency.removeValue(forKey: "") ?? 0
        if articles == 0 { articles = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM article")) ?? 0 }
        guard !terms.isEmpty || !pairs.isEmpty else { return }
        // Terms the snapshot lacks are rare or new: their posting lists are short to read.
        try fetch(db, "article_vocab", count: "doc", terms.filter { documentFrequency[$0] == nil })
        // A pair the snapshot lacks is in fewer than `Counts.pairMinimum` articles (or new): its
        // rows are counted with the statement that reads them for the search (`pairMatches`),
        // rather than by a statement of the pair vocabulary's, prepared and connected for it.
        for pair in pairs where documentFrequency[pair] == nil {
            let rows = try db.cachedStatement(sql: IndexReader.pairRows).rowids(arguments: [MatchExpression.phrase(pair).fts5])
            if !rows.isEmpty { documentFrequency[pair] = rows.count }
            rarePairRows[pair] = rows
        }
        // A phrase held by at most `phraseCap` articles is counted here rather than by each
        // query that names it (`SnapshotBM25`); a commoner one is left to its rarest word's
        // count, which bounds its own.
        for phrase in phrases.sorted() where documentFrequency[phrase] == nil {
            guard let bound = phraseBound(phrase), bound > 0, bound <= Self.phraseCountLimit else { continue }
            let count = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 FROM article_fts WHERE article_fts MATCH ? LIMIT ?)"),
                arguments: [MatchExpression.phrase(phrase).fts5, phraseCap + 1]) ?? 0
            if count <= phraseCap { documentFrequency[phrase] = count } else { commonPhrases.insert(phrase) }
        }
        let head = try db.cachedStatement(sql: "SELECT t.term, t.articles, t.in_codes FROM \(SQLList.table) JOIN head_term_stats t ON t.term = l.value")
        try head.step(arguments: [SQLList.json(terms)]) { row in
            let term = Statement.text(row, 0) ?? ""
            headFrequency[term] = Statement.integer(row, 1)
            codeFrequency[term] = Statement.integer(row, 2)
        }
    }

    /// A whole-text phrase of several words is counted by FTS5 (see `SnapshotBM25`) unless
    /// each of its words is held by more articles than this, or the search found it in more
    /// articles than it counts a phrase to (`phraseCap`): counting it then reads posting
    /// lists of that length ("error 5" in a million articles), and the count of its rarest
    /// word, which bounds its own, stands in for it. No eval set ranks differently on the
    /// archive for either (`Scripts/compare-rankings`).
    package static let phraseCountLimit = 50_000

    /// How many rows of `index` hold a phrase (anywhere, or in the codes column when
    /// `codesOnly`); nil when the snapshot does not say, and FTS5 is to count them.
    package func rows(holding term: String, codesOnly: Bool, in index: FullTextIndex) -> Int? {
        if codesOnly { return codeFrequency[term] }
        switch index {
        case .body:
            if let count = documentFrequency[term] { return count }
            guard let bound = phraseBound(term), bound > Self.phraseCountLimit || commonPhrases.contains(term) else { return nil }
            return bound
        case .head: return headFrequency[term]
        }
    }

    /// For a phrase of several words whose counts are all known: the count of its rarest word.
    private func phraseBound(_ phrase: String) -> Int? {
        guard phrase.utf8.contains(UInt8(ascii: " ")) else { return nil }
        var bound = Int.max
        for word in phrase.split(separator: " ") {
            guard let count = documentFrequency[String(word)] else { return nil }
            bound = min(bound, count)
        }
        return bound
    }

    /// At most how many rows of the whole-text index `expression` matches, from the counts
    /// of its phrases (a phrase of several words counted as its rarest word); nil when a
    /// count is unknown.
    package func upperBound(of expression: MatchExpression) -> Int? {
        var sum = 0
        for phrase in expression.phrases {
            guard let count = phrase.codesOnly ? codeFrequency[phrase.words] : documentFrequency[phrase.words] ?? phraseBound(phrase.words)
            else { return nil }
            sum += count
        }
        return sum
    }

    /// At most how many articles hold `expression`, each word of its phrases having been
    /// looked up (so that a word these statistics lack is in no article): the sum of its
    /// phrases' counts, a phrase of several words not counted standing as its rarest word.
    package func upperBound(ofLookedUp expression: MatchExpression) -> Int {
        expression.phrases.reduce(0) { sum, phrase in
            if phrase.codesOnly { return sum + (codeFrequency[phrase.words] ?? 0) }
            // `phraseBound` is nil when a word is unknown: here, in no article.
            return sum + (documentFrequency[phrase.words] ?? phraseBound(phrase.words) ?? 0)
        }
    }

    /// The rows of the pair index holding `pair`, when they were read to count it (a pair the
    /// snapshot lacks): the search's pair matches take them rather than read them again.
    package func rows(holdingPair pair: String) -> [Int64]? { rarePairRows[pair] }

    /// Reads the terms' rows of `table`, recording each one's `count` column.
    fileprivate mutating func fetch(_ db: Database, _ table: String, count: String, _ terms: some Collection<String>) throws {
        guard !terms.isEmpty else { return }
        let statement = try db.cachedStatement(sql: "SELECT t.term, t.\(count) FROM \(SQLList.table) JOIN \(table) t ON t.term = l.value")
        try statement.step(arguments: [SQLList.json(terms)]) { row in
            documentFrequency[Statement.text(row, 0) ?? ""] = Statement.integer(row, 1)
        }
    }

    /// The document frequencies of those of `words` the snapshot holds (see `Counts`).
    static func wordFrequencies(_ db: Database, _ words: Set<String>) throws -> [String: Int] {
        var statistics = TermStatistics(articles: 0, documentFrequency: [:])
        try statistics.fetch(db, "term_stats", count: "articles", words)
        return statistics.documentFrequency
    }

    /// The words of the snapshot that start with `prefix` and whose length is in `lengths`,
    /// with their document frequencies (pairs hold a `_`, which no word does).
    static func words(_ db: Database, startingWith prefix: String, lengths: ClosedRange<Int>) throws -> [String: Int] {
        let rows = try db.cachedStatement(sql: """
            SELECT term, articles FROM term_stats
            WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ? AND instr(term, '_') = 0
            """).rows(arguments: [prefix, prefix + "\u{10FFFF}", lengths.lowerBound, lengths.upperBound]) { ($0[0] as String, $0[1] as Int) }
        return Dictionary(rows, uniquingKeysWith: { a, _ in a })
    }

    /// BM25's inverse document frequency; a term absent from the index weighs nothing.
    package func idf(_ term: String) -> Double {
        guard let df = documentFrequency[term], df > 0 else { return 0 }
        let n = Double(max(articles, df)), d = Double(df)
        return log((n - d + 0.5) / (d + 0.5) + 1)
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements.
    package func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
