import GRDB
import GRDBSQLite

extension TermStatistics {
    /// Rewrites `term_stats` from the indexes (see `Counts`).
    static func refreshTermStats(_ db: Database) throws {
        try Counts(db).write(db)
    }

    /// Rewrites `head_term_stats` from the head index (see `HeadCounts`).
    static func refreshHead(_ db: Database) throws {
        try HeadCounts(db).write(db)
    }

    /// The rows of `term_stats` as the indexes give them. Read on one connection and written
    /// on another, they let an import read them while it merges the indexes (`DerivedTables`).
    ///
    /// Pairs in fewer than `pairMinimum` articles are left out (looking them up in the index
    /// is cheap); words are kept from two articles on, as the vocabulary that spelling
    /// correction draws from: a word found once is as likely a misspelling as a word. (A store
    /// last refreshed by an earlier version holds words of twenty articles and more until its
    /// next import that changes something.)
    struct Counts: Sendable {
        /// Articles in the store: the row of the empty term.
        var articles: Int
        /// The words, then the pairs, each in the order of its index's vocabulary.
        var terms: [(term: String, articles: Int)]

        /// The fewest articles a word, and a pair, is kept from.
        static let wordMinimum = 2, pairMinimum = 20

        init(_ db: Database) throws {
            articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
            terms = []
            for (vocabulary, minimum) in [("article_vocab", Self.wordMinimum), ("article_pair_vocab", Self.pairMinimum)] {
                try db.makeStatement(sql: "SELECT term, doc FROM \(vocabulary) WHERE doc >= ? AND term != ''")
                    .step(arguments: [minimum]) { terms.append((Statement.text($0, 0) ?? "", Int(sqlite3_column_int64($0, 1)))) }
            }
        }

        /// Replaces the rows of `term_stats` with these.
        func write(_ db: Database) throws {
            try db.execute(sql: "DELETE FROM term_stats")
            try db.makeStatement(sql: "INSERT INTO term_stats(term, articles) VALUES (?, ?)")
                .executeEach([("", articles)] + terms) { statement, row in
                    Statement.bind(row.term, to: 1, in: statement)
                    sqlite3_bind_int64(statement, 2, Int64(row.articles))
                }
        }
    }

    /// The rows of `head_term_stats` as the head index gives them: every term, the index
    /// being small, with the articles holding it in their codes.
    struct HeadCounts: Sendable {
        var terms: [(term: String, articles: Int, inCodes: Int)]

        init(_ db: Database) throws {
            var inCodes: [String: Int] = [:]
            try db.makeStatement(sql: "SELECT term, doc FROM article_head_column_vocab WHERE col = 'codes'")
                .step(arguments: []) { inCodes[Statement.text($0, 0) ?? ""] = Int(sqlite3_column_int64($0, 1)) }
            terms = []
            try db.makeStatement(sql: "SELECT term, doc FROM article_head_vocab WHERE term != ''").step(arguments: []) { statement in
                let term = Statement.text(statement, 0) ?? ""
                terms.append((term, Int(sqlite3_column_int64(statement, 1)), inCodes[term] ?? 0))
            }
        }

        /// Replaces the rows of `head_term_stats` with these.
        func write(_ db: Database) throws {
            try db.execute(sql: "DELETE FROM head_term_stats")
            try db.makeStatement(sql: "INSERT INTO head_term_stats(term, articles, in_codes) VALUES (?, ?, ?)")
                .executeEach(terms) { statement, row in
                    Statement.bind(row.term, to: 1, in: statement)
                    sqlite3_bind_int64(statement, 2, Int64(row.articles))
                    sqlite3_bind_int64(statement, 3, Int64(row.inCodes))
                }
        }
    }
}
