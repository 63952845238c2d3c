import Foundation
import GRDB

/// Document frequencies of a paste's terms, from the `term_stats` snapshot, with the index's
/// own vocabulary as a fallback for terms imported since.
struct TermStatistics {
    var articles: Int
    var documentFrequency: [String: Int]

    init(articles: Int, documentFrequency: [String: Int]) {
        self.articles = articles
        self.documentFrequency = documentFrequency
    }

    init(db: Database, terms: Set<String>) throws {
        documentFrequency = [:]
        articles = try Int.fetchOne(db, sql: "SELECT articles FROM term_stats WHERE term = ''") ?? 0
        if articles == 0 { articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 }
        guard !terms.isEmpty else { return }
        let list = Array(terms)
        try fetch(db, "SELECT term, articles FROM term_stats WHERE term IN", list)
        // Terms the snapshot lacks are rare or new: their posting lists are short to read.
        try fetch(db, "SELECT term, doc FROM article_vocab WHERE term IN", list.filter { documentFrequency[$0] == nil })
    }

    /// Runs `select` (ending in "term IN") for the terms, 500 at a time, recording each count.
    private mutating func fetch(_ db: Database, _ select: String, _ terms: [String]) throws {
        for chunk in terms.chunked(500) {
            let placeholders = chunk.map { _ in "?" }.joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "\(select) (\(placeholders))", arguments: StatementArguments(chunk)) {
                documentFrequency[row[0]] = row[1]
            }
        }
    }

    /// Rewrites the snapshot from the index. Terms in fewer than `minimum` articles are left
    /// out: looking them up in the index is cheap.
    static func refresh(_ db: Database, minimum: Int = 20) throws {
        try db.execute(sql: "DELETE FROM term_stats")
        try db.execute(sql: "INSERT INTO term_stats(term, articles) SELECT '', count(*) FROM article")
        try db.execute(
            sql: "INSERT INTO term_stats(term, articles) SELECT term, doc FROM article_vocab WHERE doc >= ? AND term != ''",
            arguments: [minimum])
    }

    /// BM25's inverse document frequency; a term absent from the index weighs nothing.
    func idf(_ term: String) -> Double {
        guard let df = documentFrequency[term], df > 0 else { return 0 }
        let n = Double(max(articles, df)), d = Double(df)
        return log((n - d + 0.5) / (d + 0.5) + 1)
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
