import Foundation
import GRDB

/// Ranks articles against a pasted error message.
///
/// 1. The paste is analysed (`AnalyzedQuery`): log noise removed, tokens, error codes.
/// 2. Candidates come from the FTS5 index: the rarest terms of the paste OR'ed, ranked by
///    bm25 with the title and quoted messages weighted above the body. Terms found in most
///    articles are left out, so they neither drive the ranking nor slow the query.
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

    /// Weights of the full-text columns: title, messages, body, meta, codes.
    static let columnWeights = "10.0, 8.0, 1.0, 2.0, 6.0"
    static let candidateCount = 100
    static let termsPerQuery = 12
    /// Terms in more than this share of articles are left out of the index query.
    static let commonTermShare = 0.2
    static let bm25Weight = 1.0
    static let messageWeight = 2.0
    static let titleWeight = 1.0

    public let store: ArticleStore

    public init(store: ArticleStore) {
        self.store = store
    }

    public func search(_ paste: String, options: Options = Options()) throws(StoreError) -> SearchResponse {
        let query = AnalyzedQuery(paste)
        guard !query.isEmpty, options.limit > 0 else { return SearchResponse(query: query, results: []) }
        return try store.read { db in
            let statistics = try TermStatistics(db: db, terms: Set(query.tokens))
            let terms = statistics.selectTerms(from: query.tokens, limit: Self.termsPerQuery, commonShare: Self.commonTermShare)
            guard let match = FTSQuery.expression(terms: terms, codes: query.codes) else {
                return SearchResponse(query: query, results: [])
            }
            let candidates = try fetchCandidates(db, match: match, filter: options.filter)
            guard let best = candidates.map(\.bm25).min(), best < 0 else {
                return SearchResponse(query: query, results: try rankWithoutText(db, candidates, query, terms, options))
            }
            let weights = query.tokens.map { statistics.idf($0) }
            var scored: [(Candidate, ScoreExplanation, String?, Double)] = []
            for candidate in candidates {
                var bestMessage: (String, Double)?
                for message in candidate.messages {
                    let a = MessageAlignment.align(query: query.tokens, weights: weights, message: MessageAlignment.words(of: message))
                    if a.matched >= 2, a.score > (bestMessage?.1 ?? 0) { bestMessage = (message, a.score) }
                }
                let title = MessageAlignment.align(query: query.tokens, weights: weights, message: MessageAlignment.words(of: candidate.title))
                let explanation = ScoreExplanation(
                    bm25: candidate.bm25 / best, message: bestMessage?.1 ?? 0, title: title.matched >= 2 ? title.score : 0,
                    terms: terms, candidates: candidates.count)
                let score = Self.bm25Weight * explanation.bm25 + Self.messageWeight * explanation.message
                    + Self.titleWeight * explanation.title
                scored.append((candidate, explanation, bestMessage?.0, score))
            }
            scored.sort { $0.3 != $1.3 ? $0.3 > $1.3 : $0.0.id < $1.0.id }
            var results: [SearchResult] = []
            for (rank, (candidate, explanation, message, score)) in scored.prefix(options.limit).enumerated() {
                let article = try loadArticle(db, rowid: candidate.rowid)
                let snippet = Snippet.best(in: article, query: query, preferred: message)
                results.append(SearchResult(
                    rank: rank + 1, id: candidate.id, title: candidate.title, product: candidate.product,
                    score: (score * 1000).rounded() / 1000, matchedErrorMessage: message, snippet: snippet.line,
                    matchedWords: snippet.words, explanation: explanation, article: article))
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
        var messages: [String]
    }

    private func fetchCandidates(_ db: Database, match: String, filter: ArticleFilter) throws -> [Candidate] {
        let (condition, filterArguments) = filter.sql()
        let sql = """
            SELECT a.rowid, bm25(article_fts, \(Self.columnWeights)) AS score, a.id, a.title, a.product, a.messages
            FROM article_fts JOIN article a ON a.rowid = article_fts.rowid
            WHERE article_fts MATCH ? AND \(condition)
            ORDER BY score LIMIT \(Self.candidateCount)
            """
        let arguments = StatementArguments([match] + filterArguments)
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            let messages: String = row[5]
            return Candidate(
                rowid: row[0], bm25: row[1], id: row[2], title: row[3], product: row[4],
                messages: messages.isEmpty ? [] : messages.split(separator: "\n").map(String.init))
        }
    }

    /// All candidates scored 0 by bm25 (every term is in most articles): keep index order.
    private func rankWithoutText(
        _ db: Database, _ candidates: [Candidate], _ query: AnalyzedQuery, _ terms: [String], _ options: Options
    ) throws -> [SearchResult] {
        try candidates.prefix(options.limit).enumerated().map { rank, candidate in
            let article = try loadArticle(db, rowid: candidate.rowid)
            let snippet = Snippet.best(in: article, query: query, preferred: nil)
            return SearchResult(
                rank: rank + 1, id: candidate.id, title: candidate.title, product: candidate.product, score: 0,
                matchedErrorMessage: nil, snippet: snippet.line, matchedWords: snippet.words,
                explanation: ScoreExplanation(bm25: 0, message: 0, title: 0, terms: terms, candidates: candidates.count),
                article: article)
        }
    }

    private func loadArticle(_ db: Database, rowid: Int64) throws -> Article {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT record, sections_only FROM article WHERE rowid = ?"), arguments: [rowid])!
        return try StoredRecord.decode(row[0], sectionsOnly: row[1])
    }
}

/// Document frequencies of the paste's terms, from the index's vocabulary.
struct TermStatistics {
    var articles: Int
    var documentFrequency: [String: Int]

    init(db: Database, terms: Set<String>) throws {
        articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
        documentFrequency = [:]
        guard !terms.isEmpty else { return }
        let list = Array(terms)
        for chunkStart in stride(from: 0, to: list.count, by: 500) {
            let chunk = Array(list[chunkStart..<min(chunkStart + 500, list.count)])
            let placeholders = chunk.map { _ in "?" }.joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT term, doc FROM article_vocab WHERE term IN (\(placeholders))",
                                        arguments: StatementArguments(chunk)) {
                documentFrequency[row[0]] = row[1]
            }
        }
    }

    /// BM25's inverse document frequency; a term absent from the index weighs nothing.
    func idf(_ term: String) -> Double {
        guard let df = documentFrequency[term], df > 0 else { return 0 }
        let n = Double(articles), d = Double(df)
        return log((n - d + 0.5) / (d + 0.5) + 1)
    }

    /// The rarest distinct terms that occur in the index, leaving out the very common ones
    /// unless nothing else is left.
    func selectTerms(from tokens: [String], limit: Int, commonShare: Double) -> [String] {
        var seen = Set<String>()
        let present = tokens.filter { (documentFrequency[$0] ?? 0) > 0 && seen.insert($0).inserted }
        let threshold = Int(Double(articles) * commonShare)
        let rare = present.filter { documentFrequency[$0]! <= threshold }
        let chosen = rare.isEmpty ? present : rare
        return Array(chosen.sorted { (documentFrequency[$0]!, $0) < (documentFrequency[$1]!, $1) }.prefix(limit))
    }
}

/// FTS5 query text built from tokens only: every term is quoted, so nothing a user pastes
/// (quotes, `*`, `-`, `:`, parentheses, AND/OR/NOT/NEAR) is read as query syntax.
enum FTSQuery {
    static func expression(terms: [String], codes: [String]) -> String? {
        var parts = terms.map(quote)
        parts += codes.map { "codes : \(quote($0))" }
        return parts.isEmpty ? nil : parts.joined(separator: " OR ")
    }

    static func quote(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
