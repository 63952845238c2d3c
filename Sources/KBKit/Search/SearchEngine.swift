import Foundation
import GRDB

/// Ranks articles against a pasted error message.
///
/// 1. The paste is analysed (`AnalyzedQuery`): log noise removed, tokens, error codes.
/// 2. Candidates come from two FTS5 indexes (title, messages and codes; the whole text): the
///    paste's rarest terms and codes, ranked by bm25 with the title and quoted messages
///    weighted above the body. Common terms are left out or only required together, so the
///    rows each query scores stay within a budget however large the knowledge base grows
///    (`IndexQuery`). A third index holds the word pairs of titles and messages: the paste's
///    rarest pairs find the article that quotes it even when every word is common.
/// 3. Candidates are re-ranked by how much of their quoted error messages and title the
///    paste reproduces in order (`MessageAlignment`).
public struct SearchEngine {
    public struct Options: Sendable {
        public var limit = 10
        public var filter = ArticleFilter()
        public init(limit: Int = 10, filter: ArticleFilter = ArticleFilter()) {
            self.limit = limit
            self.filter = filter
        }
    }

    /// How much of each index one search reads (see `IndexQuery`). The defaults hold at any
    /// size of knowledge base; tests scale them down so that a few articles behave as a
    /// large knowledge base does.
    public struct Budgets: Sendable {
        /// Candidates taken from each index.
        public var candidates = 30
        /// Terms (and, separately, word pairs) a query may hold.
        public var termsPerQuery = 8
        /// The whole-text query scores the rows of its terms' posting lists: rarest terms
        /// first, until their document counts add up to this.
        public var bodyPostings = 400
        /// The same for the title-and-messages index, counted with whole-text frequencies.
        public var headPostings = 1_000
        /// The same for the word-pair index.
        public var pairPostings = 1_000
        /// Terms required together are asked only when the rarest one's posting list is at
        /// most this many times the budget: an intersection reads at least that list.
        public var conjunctionReadFactor = 10

        public init() {}
    }

    /// Weights of the full-text columns: title, messages, body, meta, codes.
    static let columnWeights = "10.0, 8.0, 1.0, 2.0, 6.0"
    /// Weights of the head index's columns: title, messages, codes.
    static let headWeights = "10.0, 8.0, 6.0"
    public static let bm25Weight = 1.0
    public static let messageWeight = 1.5
    public static let titleWeight = 1.0
    static let laterMessageFactor = 0.95
    /// Added when the title says the article is about an error message and the paste matches
    /// one of its messages: such an article is the one written for that message.
    public static let errorTitleBonus = 0.15

    public let store: ArticleStore
    /// Where a long-running process keeps decoded records between searches.
    public let articles: ArticleCache?
    public let budgets: Budgets

    public init(store: ArticleStore, articles: ArticleCache? = nil, budgets: Budgets = Budgets()) {
        self.store = store
        self.articles = articles
        self.budgets = budgets
    }

    public func search(_ paste: String, options: Options = Options()) throws(StoreError) -> SearchResponse {
        try search(AnalyzedQuery(paste), options: options)
    }

    public func search(_ query: AnalyzedQuery, options: Options = Options()) throws(StoreError) -> SearchResponse {
        guard !query.isEmpty, options.limit > 0 else { return SearchResponse(query: query, results: []) }
        return try store.read { db in
            let pastePairs = WordPairs.of(query.tokens)
            let statistics = try TermStatistics(db: db, terms: Set(query.tokens + query.codes), pairs: Set(pastePairs))
            let plan = QueryPlan(query, pairs: pastePairs, statistics: statistics, budgets: budgets)
            let terms = plan.terms
            guard !plan.isEmpty else { return SearchResponse(query: query, results: []) }
            let candidates = try merge([
                plan.head.expression.map { try fetchCandidates(db, table: "article_head_fts", match: $0, weights: Self.headWeights, filter: options.filter) } ?? [],
                plan.body.expression.map { try fetchCandidates(db, table: "article_fts", match: $0, weights: Self.columnWeights, filter: options.filter) } ?? [],
                pairCandidates(db, pairs: plan.pairs, statistics: statistics, filter: options.filter),
            ])
            guard let best = candidates.map(\.bm25).max(), best > 0 else {
                return SearchResponse(query: query, results: try rankWithoutText(db, candidates, query, terms, options))
            }
            let aligned = query.alignmentTokens
            let weights = aligned.map { statistics.idf($0) }
            var scored: [(Candidate, ScoreExplanation, String?, Double)] = []
            for candidate in candidates {
                var bestMessage: (String, Double)?
                for (index, message) in candidate.messages.enumerated() {
                    let a = MessageAlignment.align(query: aligned, weights: weights, message: MessageAlignment.words(of: message))
                    // The first message an article quotes is its subject; later ones are often asides.
                    let score = a.score * (index == 0 ? 1 : Self.laterMessageFactor)
                    if a.matched >= 2, score > (bestMessage?.1 ?? 0) { bestMessage = (message, score) }
                }
                let title = MessageAlignment.align(query: aligned, weights: weights, message: MessageAlignment.words(of: candidate.title))
                var explanation = ScoreExplanation(
                    bm25: candidate.bm25, message: bestMessage?.1 ?? 0, title: title.matched >= 2 ? title.score : 0,
                    errorTitle: 0, terms: terms, candidates: candidates.count)
                // KB titles mark articles about an error message ("Err Msg:", "Error Message:").
                let lowerTitle = candidate.title.asciiLowercased
                let aboutAnError = lowerTitle.includes("err msg") || lowerTitle.includes("errmsg") || lowerTitle.includes("error message")
                explanation.errorTitle = aboutAnError && explanation.message > 0.5 ? Self.errorTitleBonus : 0
                let score = Self.bm25Weight * explanation.bm25 + Self.messageWeight * explanation.message
                    + Self.titleWeight * explanation.title + explanation.errorTitle
                scored.append((candidate, explanation, bestMessage?.0, score))
            }
            scored.sort { $0.3 != $1.3 ? $0.3 > $1.3 : $0.0.id < $1.0.id }
            var results: [SearchResult] = []
            for (rank, (candidate, explanation, message, score)) in scored.prefix(options.limit).enumerated() {
                let (article, record) = try loadArticle(db, candidate)
                let snippet = Snippet.best(in: article, query: query, preferred: message)
                results.append(SearchResult(
                    rank: rank + 1, id: candidate.id, title: candidate.title, product: candidate.product,
                    score: (score * 1000).rounded() / 1000, matchedErrorMessage: message, snippet: snippet.line,
                    matchedWords: snippet.words, explanation: explanation, article: article, articleJSON: record))
            }
            return SearchResponse(query: query, results: results)
        }
    }

    struct Candidate {
        var rowid: Int64
        var bm25: Double
        var id: String
        var title: String
        var product: String?
        var contentHash: String
        var messages: [String]
    }

    /// One list from several index queries; each candidate keeps its best relative score.
    private func merge(_ lists: [[Candidate]]) -> [Candidate] {
        var byRow: [Int64: Candidate] = [:]
        for list in lists {
            guard let best = list.map(\.bm25).min(), best < 0 else { continue }
            for var candidate in list {
                candidate.bm25 = candidate.bm25 / best
                if let existing = byRow[candidate.rowid], existing.bm25 >= candidate.bm25 { continue }
                byRow[candidate.rowid] = candidate
            }
        }
        return byRow.values.sorted { $0.bm25 > $1.bm25 }
    }

    private func fetchCandidates(
        _ db: Database, table: String, match: String, weights: String, filter: ArticleFilter
    ) throws -> [Candidate] {
        // Without a filter the index is queried alone: joining `article` first would look up
        // every matching row before the LIMIT applies.
        let scored: [(Int64, Double)]
        if filter.isEmpty {
            let sql = "SELECT rowid, bm25(\(table), \(weights)) AS score FROM \(table) WHERE \(table) MATCH ? ORDER BY score LIMIT \(budgets.candidates)"
            scored = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [match]).map { ($0[0], $0[1]) }
        } else {
            let (condition, filterArguments) = filter.sql()
            let sql = """
                SELECT a.rowid, bm25(\(table), \(weights)) AS score
                FROM \(table) JOIN article a ON a.rowid = \(table).rowid
                WHERE \(table) MATCH ? AND \(condition)
                ORDER BY score LIMIT \(budgets.candidates)
                """
            scored = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments([match] + filterArguments))
                .map { ($0[0], $0[1]) }
        }
        return try articleRows(db, scored)
    }

    /// Candidates from the pair index: the articles holding one of the rare pairs or all of
    /// the group, scored by the sum of the matched pairs' IDFs (negated: lower is better, as
    /// with bm25). The index has no positions, so bm25 cannot score it.
    private func pairCandidates(
        _ db: Database, pairs: IndexQuery, statistics: TermStatistics, filter: ArticleFilter
    ) throws -> [Candidate] {
        var sums: [Int64: Double] = [:]
        let statement = try db.cachedStatement(sql: "SELECT rowid FROM article_pair_fts WHERE article_pair_fts MATCH ?")
        var asked = pairs.anyOf.map { ([$0], statistics.idf($0)) }
        if !pairs.allOf.isEmpty { asked.append((pairs.allOf, pairs.allOf.map(statistics.idf).reduce(0, +))) }
        for (group, weight) in asked {
            let match = IndexQuery(allOf: group).expression!
            for rowid in try Int64.fetchAll(statement, arguments: [match]) { sums[rowid, default: 0] += weight }
        }
        let ranked = sums.map { ($0.key, -$0.value) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        // With a filter, matches are checked best first until enough pass.
        var candidates: [Candidate] = []
        for chunk in ranked.chunked(filter.isEmpty ? budgets.candidates : 500) where candidates.count < budgets.candidates {
            candidates += try articleRows(db, Array(chunk), filter: filter)
        }
        return Array(candidates.prefix(budgets.candidates))
    }

    /// The `article` columns ranking needs, for scored rows in their order; with a filter,
    /// only the rows that pass it.
    private func articleRows(_ db: Database, _ scored: [(Int64, Double)], filter: ArticleFilter = ArticleFilter()) throws -> [Candidate] {
        guard !scored.isEmpty else { return [] }
        var rows: [Int64: Row] = [:]
        let placeholders = scored.map { _ in "?" }.joined(separator: ",")
        let (condition, filterArguments) = filter.sql()
        for row in try Row.fetchAll(
            db, sql: "SELECT rowid, id, title, product, content_hash, messages FROM article a WHERE rowid IN (\(placeholders)) AND \(condition)",
            arguments: StatementArguments(scored.map(\.0)) + StatementArguments(filterArguments)) {
            rows[row[0]] = row
        }
        return scored.compactMap { rowid, bm25 in
            guard let row = rows[rowid] else { return nil }
            let messages: String = row[5]
            return Candidate(
                rowid: rowid, bm25: bm25, id: row[1], title: row[2], product: row[3], contentHash: row[4],
                messages: messages.isEmpty ? [] : messages.lineArray.filter { !$0.isEmpty })
        }
    }

    /// All candidates scored 0 by bm25 (every term is in most articles): keep index order.
    private func rankWithoutText(
        _ db: Database, _ candidates: [Candidate], _ query: AnalyzedQuery, _ terms: [String], _ options: Options
    ) throws -> [SearchResult] {
        try candidates.prefix(options.limit).enumerated().map { rank, candidate in
            let (article, record) = try loadArticle(db, candidate)
            let snippet = Snippet.best(in: article, query: query, preferred: nil)
            return SearchResult(
                rank: rank + 1, id: candidate.id, title: candidate.title, product: candidate.product, score: 0,
                matchedErrorMessage: nil, snippet: snippet.line, matchedWords: snippet.words,
                explanation: ScoreExplanation(bm25: 0, message: 0, title: 0, errorTitle: 0, terms: terms, candidates: candidates.count),
                article: article, articleJSON: record)
        }
    }

    /// The article, and its JSON when the cache holds it.
    private func loadArticle(_ db: Database, _ candidate: Candidate) throws -> (Article, [UInt8]?) {
        let key = ArticleCache.Key(rowid: candidate.rowid, contentHash: candidate.contentHash)
        if let entry = articles?.entry(key) { return (entry.article, entry.json) }
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT record, sections_only FROM article WHERE rowid = ?"), arguments: [candidate.rowid])!
        let article = try StoredRecord.decode(row[0], sectionsOnly: row[1])
        return (article, articles?.store(article, for: key).json)
    }
}
