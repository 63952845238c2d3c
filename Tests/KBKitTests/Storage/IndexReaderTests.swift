import Foundation
import GRDB
import Testing
@testable import KBStore

/// `IndexReader.matches` reads an expression's rows whole or asks row by row, by cost; both
/// ways must find the same rows.
@Suite struct IndexReaderTests {
    @Test(arguments: ["error", "the", "exchange", "0x0000007b", "nosuchwordanywhere"])
    func eitherWayFindsTheSameRows(word: String) throws {
        let match = MatchExpression.phrase(word)
        try TemporaryStore.articles.open().readIndex { reader in
            let everyRow = try Int64.fetchAll(reader.db, sql: "SELECT rowid FROM article ORDER BY rowid")
            let expected = try Set(Int64.fetchAll(
                reader.db, sql: "SELECT rowid FROM article_fts WHERE article_fts MATCH ?", arguments: [match.fts5]))
            // One candidate in three, in rowid order and in the reverse (the order of rank), and
            // the last row alone: its read limit (20 rows, in rowid order) is below what a common
            // word matches, so a read cut there would miss it.
            let oneInThree = everyRow.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
            for among in [oneInThree, oneInThree.reversed(), [everyRow.last!]] {
                let wanted = expected.intersection(among)
                for rows in [nil, 0, Int.max] {
                    #expect(try reader.matches(in: .body, match: match, among: among, expectedRows: rows) == wanted)
                }
            }
        }
    }
}

/// A search's results' records are read together (`IndexReader.articles`): each comes back
/// where its row was asked for, whatever order the rows are stored in, and a row that holds
/// no article is an error, not a shorter list.
@Suite struct ArticleRecordsTests {
    @Test func eachRecordComesBackWhereItsRowWasAsked() throws {
        try TemporaryStore.articles.open().readIndex { reader in
            let stored = try Row.fetchAll(reader.db, sql: "SELECT rowid, id FROM article ORDER BY rowid")
            let rowids: [Int64] = stored.map { $0[0] }
            let ids: [String] = stored.map { $0[1] }
            #expect(rowids.count >= 3)
            // The last row first, then every other row: neither the table's order nor its reverse.
            let asked = [rowids.last!] + rowids.dropLast().enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            let expected = asked.map { rowid in ids[rowids.firstIndex(of: rowid)!] }
            #expect(try reader.articles(rowids: asked).map(\.id) == expected)
            #expect(try reader.articles(rowids: [rowids[1]]).map(\.id) == [ids[1]])
            #expect(try reader.articles(rowids: []).isEmpty)
            #expect(throws: (any Error).self) { try reader.articles(rowids: [rowids[0], rowids.max()! + 1]) }
        }
    }
}

/// Both indexes scored with kb's own counts of the phrases (`SnapshotBM25`) give FTS5's bm25
/// scores to the last bit, as long as the counts are current (an import refreshes them).
@Suite struct SnapshotBM25Tests {
    static let expressions: [MatchExpression] = [
        .phrase("error"),
        .any([.phrase("exchange"), .phrase("the"), .phrase("error")]),
        .any([.phrase("printer"), .all([.phrase("file"), .phrase("not"), .phrase("found")])]),
        .any([.phrase("error"), .phrase("error"), .phrase("windows")]),
        // Phrases of several words, and a word no article holds: counted by FTS5.
        .any([.phrase("not found"), .phrase("error"), .phrase("nosuchwordanywhere")]),
    ]

    /// Rows a chunk of stored lengths up to which only the rows that may be among the best
    /// have their lengths read (`MatchedRows`): never (each row's is read), and always.
    static let sparseRowsPerChunk = [0, 1_000_000]

    /// Expects kb's best `limit` rows for `match`, scored with the counts of `statistics`, to
    /// be FTS5's, read both ways (`sparseRowsPerChunk`); returns FTS5's.
    @discardableResult
    static func expectFTS5sRanking(
        _ reader: IndexReader, _ index: FullTextIndex, _ match: MatchExpression, weights: [Double], limit: Int,
        statistics: TermStatistics
    ) throws -> [ScoredRow] {
        let fts5 = try reader.rankedMatches(in: index, match: match, weights: weights, limit: limit, filter: ArticleFilter())
        for sparse in sparseRowsPerChunk {
            let kb = try reader.rankedMatches(
                in: index, match: match, weights: weights, limit: limit, filter: ArticleFilter(), statistics: statistics,
                sparseRowsPerChunk: sparse)
            #expect(kb == fts5, "\(index) \(match.fts5), limit \(limit), \(sparse) rows a chunk")
        }
        return fts5
    }

    @Test(arguments: [FullTextIndex.body, .head])
    func theScoresAreFTS5s(index: FullTextIndex) throws {
        let weights = index == .body ? [10.0, 8.0, 1.0, 2.0, 6.0] : [10.0, 8.0, 6.0]
        try TemporaryStore.articles.open().readIndex { reader in
            // Codes as the articles give them, alone and with words.
            let codes = try String.fetchAll(reader.db, sql: "SELECT term FROM article_head_column_vocab WHERE col = 'codes' ORDER BY doc DESC, term")
            try #require(codes.count >= 2)
            let withCodes: [MatchExpression] = [.code(codes[0]), .any([.code(codes[0]), .code(codes[1]), .phrase("error")])]
            // Every row, and the best few as SQLite's sorter keeps them (rows of equal scores
            // in the order they came).
            for match in Self.expressions + withCodes {
                let terms = Set(match.phrases.map(\.words))
                let statistics = try reader.termStatistics(terms: terms, pairs: [])
                for limit in [10_000, 1, 4, 9] {
                    let fts5 = try Self.expectFTS5sRanking(reader, index, match, weights: weights, limit: limit, statistics: statistics)
                    #expect(!fts5.isEmpty)
                }
            }
        }
    }

    /// A phrase of several words a search asks for (a code's spelling, "error 5") is counted
    /// with the terms, and scores as it does when FTS5 counts it.
    @Test func aCountedPhraseScoresAsFTS5CountsIt() throws {
        try TemporaryStore.articles.open().readIndex { reader in
            let statistics = try reader.termStatistics(terms: ["not", "found", "error"], pairs: [], phrases: ["not found"], phraseCap: 100)
            let expected = try #require(try Int.fetchOne(
                reader.db, sql: "SELECT count(*) FROM article_fts WHERE article_fts MATCH '\"not found\"'"))
            #expect(expected > 0)
            #expect(statistics.documentFrequency["not found"] == expected)
            let match = MatchExpression.any([.phrase("not found"), .phrase("error")])
            let weights = [10.0, 8.0, 1.0, 2.0, 6.0]
            let fts5 = try reader.rankedMatches(in: .body, match: match, weights: weights, limit: 10_000, filter: ArticleFilter())
            let kb = try reader.rankedMatches(
                in: .body, match: match, weights: weights, limit: 10_000, filter: ArticleFilter(), statistics: statistics)
            #expect(!fts5.isEmpty)
            #expect(kb == fts5)
            // Found in more articles than it is counted to, it is counted as its rarest word.
            let capped = try reader.termStatistics(terms: ["not", "found"], pairs: [], phrases: ["not found"], phraseCap: expected - 1)
            #expect(capped.documentFrequency["not found"] == nil)
            let rarest = try #require(capped.documentFrequency["not"].flatMap { not in capped.documentFrequency["found"].map { min(not, $0) } })
            #expect(capped.rows(holding: "not found", codesOnly: false, in: .body) == rarest)
        }
    }

    /// Articles of the same words score alike: the best few of them are the first stored,
    /// as SQLite's sorter keeps rows of equal scores in the order they came.
    @Test func equalScoresAreTakenInRowOrder() throws {
        let store = try TemporaryStore()
        for n in 0..<6 {
            // Alike but for the number in the title, a word of the same length.
            try store.write("kb/article-\(n).md", "# Spooler stops \(n)\n\n## Symptoms\n\nThe print spooler stops with an error.\n")
        }
        try store.write("kb/other.md", "# Spooler error\n\n## Symptoms\n\nThe spooler shows the error again.\n")
        try store.importPaths([store.folder.appendingPathComponent("kb").path])
        try store.open().readIndex { reader in
            let match = MatchExpression.any([.phrase("spooler"), .phrase("error")])
            let statistics = try reader.termStatistics(terms: ["spooler", "error"], pairs: [])
            for index in FullTextIndex.allCases {
                let weights = [Double](repeating: 1, count: index.columns.count)
                let every = try reader.rankedMatches(in: index, match: match, weights: weights, limit: 100, filter: ArticleFilter())
                #expect(Set(every.map(\.score)).count < every.count, "some scores are equal")
                for limit in 1...every.count {
                    try Self.expectFTS5sRanking(reader, index, match, weights: weights, limit: limit, statistics: statistics)
                }
            }
        }
    }

    @Test func aCountForEachPhraseAndRowsToGatherInAreRequired() throws {
        _ = try TemporaryStore.articles.open().readIndex { reader in
            let match = "article_fts MATCH '\"error\" OR \"file\"'"
            let statement = try reader.db.makeStatement(sql: "SELECT kb_bm25(article_fts, ?, 'article_fts', ?) FROM article_fts WHERE \(match)")
            // Two phrases, one count.
            try statement.setArguments(["3", nil])
            #expect(throws: DatabaseError.self) {
                try MatchedRows().bind(to: statement, parameter: 2) { try statement.step { _ in } }
            }
            // Counts for both, and nowhere to gather the rows.
            try statement.setArguments(["3 4", nil])
            #expect(throws: DatabaseError.self) { try statement.step { _ in } }
            try statement.setArguments(["3 4", nil])
            #expect(throws: Never.self) { try MatchedRows().bind(to: statement, parameter: 2) { try statement.step { _ in } } }
        }
    }
}

/// Only `MatchExpression` writes FTS5 syntax: phrases quoted, their quotes doubled, so a paste
/// is never read as query syntax.
@Suite struct MatchExpressionTests {
    @Test func everyPhraseIsQuotedAndCombinationsAreBracketed() {
        let expression = MatchExpression.any([
            .phrase("near"), .phrase("x\"y"), .all([.phrase("and"), .phrase("not")]), .code("x80004005"),
            .all([.phrase("event 7000"), .any([.phrase("a"), .phrase("b")])]),
        ])
        #expect(expression.fts5
            == "\"near\" OR \"x\"\"y\" OR (\"and\" AND \"not\") OR codes : \"x80004005\" OR (\"event 7000\" AND (\"a\" OR \"b\"))")
    }
}

/// `IndexReader.candidateRows` reads the columns re-ranking needs through SQLite's C
/// interface: each as stored, a missing product as nil.
@Suite struct CandidateRowsTests {
    @Test func eachRowIsReadAsStored() throws {
        try TemporaryStore.articles.open().readIndex { reader in
            let stored = try Row.fetchAll(reader.db, sql: "SELECT rowid, id, title, product, content_hash, messages FROM article")
            try #require(stored.count >= 4)
            // Both kinds of product are among the sample articles.
            #expect(stored.contains { $0["product"] == nil as String? })
            #expect(stored.contains { $0["product"] != nil as String? })
            // A rowid asked twice is read once; a rowid no article has is not read.
            let rowids = stored.map { $0["rowid"] as Int64 }
            let read = try reader.candidateRows(rowids + [rowids[0], 999_999])
            #expect(read.count == stored.count)
            for row in stored {
                let candidate = try #require(read[row["rowid"]])
                #expect(candidate.rowid == row["rowid"])
                #expect(candidate.id == row["id"])
                #expect(candidate.title == row["title"])
                #expect(candidate.product == row["product"])
                #expect(candidate.contentHash == row["content_hash"])
                #expect(candidate.messages == row["messages"])
            }
        }
    }
}
