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

    /// Scores with kb's counts and lengths, and FTS5's own, for expressions of common words:
    /// kb's read both ways (`SnapshotBM25Tests.sparseRowsPerChunk`).
    static func scores(_ store: TemporaryStore, index: FullTextIndex, limit: Int = 10_000) throws -> (kb: [[ScoredRow]], fts5: [ScoredRow]) {
        try store.open().readIndex { reader in
            let match = MatchExpression.any([.phrase("error"), .phrase("the"), .phrase("windows"), .phrase("printing")])
            let weights = [Double](repeating: 1, count: index.columns.count)
            let statistics = try reader.termStatistics(terms: Set(match.phrases.map(\.words)), pairs: [])
            let kb = try SnapshotBM25Tests.sparseRowsPerChunk.map { sparse in
                try reader.rankedMatches(
                    in: index, match: match, weights: weights, limit: limit, filter: ArticleFilter(), statistics: statistics,
                    sparseRowsPerChunk: sparse)
            }
            return (kb, try reader.rankedMatches(in: index, match: match, weights: weights, limit: limit, filter: ArticleFilter()))
        }
    }

    @Test(arguments: [FullTextIndex.body, .head])
    func missingOrTooLongLengthsAreAskedOfFTS5(index: FullTextIndex) throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.path("Articles/kb-sample")])
        // Every row marked too long, then (as an import under way leaves them) none stored.
        let changes: [(Database) throws -> Void] = [
            { db in
                for row in try Row.fetchAll(db, sql: "SELECT id, length(lengths) AS bytes FROM index_length_chunk") {
                    try db.execute(
                        sql: "UPDATE index_length_chunk SET lengths = ? WHERE id = ?",
                        arguments: [Data(repeating: 0xFF, count: row["bytes"]), row["id"] as Int64])
                }
            },
            { db in try db.execute(sql: "DELETE FROM index_length_chunk") },
        ]
        for change in changes {
            try DatabaseQueue(path: store.path).write(change)
            for limit in [10_000, 5] {
                let (kb, fts5) = try Self.scores(store, index: index, limit: limit)
                #expect(!fts5.isEmpty)
                for ranked in kb { #expect(ranked == fts5) }
            }
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
                let indexed = try IndexLengths.indexed(index, in: reader.db)
                let storedBytes = try IndexLengths.storedBytes(of: index, in: reader.db)
                #expect(storedBytes == indexed)
                let stored = try #require(IndexLengths.stored(of: index, connection: reader.db.sqliteConnection))
                indexed.withUnsafeBytes { indexed in
                    for row in 0..<Int64(indexed.count / 2) {
                        #expect(stored.length(ofRow: row) == IndexLengths.length(ofRow: row, in: indexed))
                    }
                }
            }
        }
        #expect(try store.open().check() == [])
        for index in FullTextIndex.allCases {
            let (kb, fts5) = try Self.scores(store, index: index)
            #expect(!fts5.isEmpty && kb.allSatisfy { $0 == fts5 })
        }
    }

    @Test func lengthsThatDisagreeWithTheIndexAreReported() throws {
        let store = try TemporaryStore()
        try store.importPaths(TermRowsTests.writeArticles(store))
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE index_length_chunk SET lengths = zeroblob(length(lengths)) WHERE id % 2 = 1")
        }
        #expect(try store.open().check() == ["the stored lengths of full-text index article_head_fts disagree with it in 130 articles"])
    }

    @Test func anImportCutShortAfterChangingTheIndexLeavesNoLengths() throws {
        let store = try TemporaryStore()
        try TermRowsTests.importCutShort(store, symptoms: "The spooler stalled tray word0 reports a much longer error 0.")
        try store.open().readIndex { reader in
            let stored = try Int.fetchOne(reader.db, sql: "SELECT count(*) FROM index_length_chunk")
            #expect(stored == 0)
        }
        let (kb, fts5) = try Self.scores(store, index: .body)
        #expect(!fts5.isEmpty && kb.allSatisfy { $0 == fts5 })
    }

    /// A store of v5 (no lengths) or v6 (the lengths as one value an index) gets the chunks
    /// of v7 when first opened.
    @Test(arguments: ["v5", "v6"])
    func anOlderStoreGetsItsLengthsInChunksWhenFirstRead(version: String) throws {
        let store = try TemporaryStore()
        try store.importPaths(TermRowsTests.writeArticles(store))
        // What such a store is: this one without what the later versions added.
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "DROP TABLE index_length_chunk; DELETE FROM grdb_migrations WHERE identifier = 'v7'")
            if version == "v6" {
                try db.execute(sql: "CREATE TABLE index_lengths (name TEXT NOT NULL PRIMARY KEY, lengths BLOB NOT NULL) WITHOUT ROWID")
            } else {
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v6'")
            }
        }
        try store.open().readIndex { reader in
            let oldTable = try reader.db.tableExists("index_lengths")
            #expect(!oldTable)
            for index in FullTextIndex.allCases {
                let (stored, indexed) = (try IndexLengths.storedBytes(of: index, in: reader.db), try IndexLengths.indexed(index, in: reader.db))
                #expect(!indexed.isEmpty && stored == indexed)
            }
        }
    }

    /// Rows across many chunks, asked for in order and at random, read what was stored; a
    /// row past the last chunk, and any row once the chunks are gone, reads none.
    @Test func lengthsAreReadAcrossChunks() throws {
        let queue = try DatabaseQueue()
        var random = SeededGenerator(seed: 77)
        let rows = Int(IndexLengths.chunkRows) * 3 + 123
        let lengths = (0..<rows).map { _ in UInt16.random(in: 0...UInt16.max, using: &random) }
        let bytes = lengths.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try queue.write { db in
            try db.execute(sql: String(decoding: PackageResources.v6_sql, as: UTF8.self))
            try db.execute(sql: String(decoding: PackageResources.v7_sql, as: UTF8.self))
            let chunkBytes = Int(IndexLengths.chunkRows) * 2
            for (chunk, start) in stride(from: 0, to: bytes.count, by: chunkBytes).enumerated() {
                try db.execute(
                    sql: "INSERT INTO index_length_chunk(id, lengths) VALUES (?, ?)",
                    arguments: [IndexLengths.chunkID(Int64(chunk), of: .head), Data(bytes[start..<min(start + chunkBytes, bytes.count)])])
            }
        }
        try queue.read { db in
            let stored = try #require(IndexLengths.stored(of: .head, connection: db.sqliteConnection))
            let expected = { (row: Int) -> Int32? in lengths[row] == UInt16.max ? nil : Int32(lengths[row]) }
            for row in 0..<rows { #expect(stored.length(ofRow: Int64(row)) == expected(row)) }
            for _ in 0..<2_000 {
                let row = Int.random(in: 0..<rows, using: &random)
                #expect(stored.length(ofRow: Int64(row)) == expected(row))
            }
            #expect(stored.length(ofRow: Int64(rows)) == nil)
            #expect(stored.length(ofRow: Int64(rows + 5_000)) == nil)
            // The other index has no chunks.
            #expect(IndexLengths.stored(of: .body, connection: db.sqliteConnection)?.length(ofRow: 1) == nil)
        }
    }
}
