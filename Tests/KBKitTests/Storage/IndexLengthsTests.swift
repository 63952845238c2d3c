import Foundation
import GRDB
import Testing
@testable import KBStore

/// The stored lengths (`index_lengths`) stand in for FTS5's docsize rows when bm25 is computed:
/// they must be FTS5's lengths exactly, after every import, and be asked of FTS5 again
/// whenever they are missing or cannot say.
@Suite struct IndexLengthsTests {
    @Test func varintsAreSummedAsFTS5WritesThem() {
        #expect(IndexLengths.sum(ofVarints: Data([0x05])) == 5)
        // 0x81 0x00: 1 × 128 + 0.
        #expect(IndexLengths.sum(ofVarints: Data([0x81, 0x00])) == 128)
        // 0x82 0x83 0x04: (2 × 128 + 3) × 128 + 4 = 33,156.
        #expect(IndexLengths.sum(ofVarints: Data([0x05, 0x82, 0x83, 0x04, 0x00, 0x07])) == 5 + 33_156 + 0 + 7)
        // Nine bytes: eight of seven bits, the last of eight.
        #expect(IndexLengths.sum(ofVarints: Data(repeating: 0x80, count: 8) + [0x01]) == 1)
        #expect(IndexLengths.sum(ofVarints: Data()) == 0)
    }

    @Test func aStoredLengthIsReadByRowAndTheMarkForTooLongIsNone() {
        // Rows 0, 1, 2: 3, 300 (0x012C), too long.
        let lengths: [UInt8] = [3, 0, 0x2C, 0x01, 0xFF, 0xFF]
        lengths.withUnsafeBytes { bytes in
            #expect(IndexLengths.length(ofRow: 0, in: bytes) == 3)
            #expect(IndexLengths.length(ofRow: 1, in: bytes) == 300)
            #expect(IndexLengths.length(ofRow: 2, in: bytes) == nil)
            #expect(IndexLengths.length(ofRow: 3, in: bytes) == nil)
            #expect(IndexLengths.length(ofRow: -1, in: bytes) == nil)
        }
    }

    /// Scores with kb's counts and lengths, and FTS5's own, for expressions of common words.
    static func scores(_ store: TemporaryStore, index: FullTextIndex) throws -> (kb: [ScoredRow], fts5: [ScoredRow]) {
        try store.open().readIndex { reader in
            let match = MatchExpression.any([.phrase("error"), .phrase("the"), .phrase("windows"), .phrase("printing")])
            let weights = [Double](repeating: 1, count: index.columns.count)
            let statistics = try reader.termStatistics(terms: Set(match.phrases.map(\.words)), pairs: [])
            return (try reader.rankedMatches(in: index, match: match, weights: weights, limit: 10_000, filter: ArticleFilter(), statistics: statistics),
                    try reader.rankedMatches(in: index, match: match, weights: weights, limit: 10_000, filter: ArticleFilter()))
        }
    }

    @Test(arguments: [FullTextIndex.body, .head])
    func missingOrTooLongLengthsAreAskedOfFTS5(index: FullTextIndex) throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.path("Articles/kb-sample")])
        // Every row marked too long, then (as an import under way leaves them) none stored.
        let changes: [(Database) throws -> Void] = [
            { db in
                for row in try Row.fetchAll(db, sql: "SELECT name, length(lengths) AS bytes FROM index_lengths") {
                    try db.execute(
                        sql: "UPDATE index_lengths SET lengths = ? WHERE name = ?",
                        arguments: [Data(repeating: 0xFF, count: row["bytes"]), row["name"] as String])
                }
            },
            { db in try db.execute(sql: "DELETE FROM index_lengths") },
        ]
        for change in changes {
            try DatabaseQueue(path: store.path).write(change)
            let (kb, fts5) = try Self.scores(store, index: index)
            #expect(!fts5.isEmpty)
            #expect(kb == fts5)
        }
    }

    @Test func theStoredLengthsAreTheIndexesAfterEachImport() throws {
        let store = try TemporaryStore()
        let paths = try TermRowsTests.writeArticles(store)
        try store.importPaths(paths)
        // An article made longer: its lengths change in both indexes.
        _ = try store.write("kb/article-7.md", "# Printing problem 7 again\n\n## Symptoms\n\nThe spooler offline tray word7 reports error 7 and error 8.\n")
        #expect(try store.importPaths(paths).updated == 1)
        try store.open().readIndex { reader in
            for index in FullTextIndex.allCases {
                let stored = try #require(IndexLengths.stored(of: index.table, connection: reader.db.sqliteConnection))
                let indexed = try IndexLengths.indexed(index, in: reader.db)
                #expect(Array(stored.bytes) == indexed)
            }
        }
        #expect(try store.open().check() == [])
        for index in FullTextIndex.allCases {
            let (kb, fts5) = try Self.scores(store, index: index)
            #expect(!fts5.isEmpty && kb == fts5)
        }
    }

    @Test func lengthsThatDisagreeWithTheIndexAreReported() throws {
        let store = try TemporaryStore()
        try store.importPaths(TermRowsTests.writeArticles(store))
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE index_lengths SET lengths = zeroblob(length(lengths)) WHERE name = 'article_head_fts'")
        }
        #expect(try store.open().check() == ["the stored lengths of full-text index article_head_fts disagree with it in 130 articles"])
    }

    @Test func anImportCutShortAfterChangingTheIndexLeavesNoLengths() throws {
        let store = try TemporaryStore()
        try TermRowsTests.importCutShort(store, symptoms: "The spooler stalled tray word0 reports a much longer error 0.")
        try store.open().readIndex { reader in
            let stored = try Int.fetchOne(reader.db, sql: "SELECT count(*) FROM index_lengths")
            #expect(stored == 0)
        }
        let (kb, fts5) = try Self.scores(store, index: .body)
        #expect(!fts5.isEmpty && kb == fts5)
    }

    @Test func aStoreOfSchemaV5GetsItsLengthsWhenFirstRead() throws {
        let store = try TemporaryStore()
        try store.importPaths(TermRowsTests.writeArticles(store))
        // What a v5 store is: this one without what v6 added.
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "DROP TABLE index_lengths; DELETE FROM grdb_migrations WHERE identifier = 'v6'")
        }
        try store.open().readIndex { reader in
            for index in FullTextIndex.allCases {
                let indexed = try IndexLengths.indexed(index, in: reader.db)
                #expect(IndexLengths.stored(of: index.table, connection: reader.db.sqliteConnection).map { Array($0.bytes) } == indexed)
            }
        }
    }
}
