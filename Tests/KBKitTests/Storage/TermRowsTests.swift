import Foundation
import GRDB
import Testing
@testable import KBStore

/// The common words' bitmaps (`term_rows`) answer which candidates hold a word; they must
/// hold exactly the rows the whole-text index matches, after every import, and never outlive
/// an import that changed the index without writing them again.
@Suite struct TermRowsTests {
    /// 130 articles: "spooler" in all, "offline" in the even ones (65), "queue" in every
    /// third (44, under the 64 articles a bitmap needs), and a word of each article's own.
    static func writeArticles(_ store: TemporaryStore, offline: (Int) -> Bool = { $0 % 2 == 0 }) throws -> [String] {
        try (0..<130).map { n in
            let words = ["spooler", offline(n) ? "offline" : "stalled", n % 3 == 0 ? "queue" : "tray", "word\(n)"]
            return try store.write("kb/article-\(n).md", "# Printing problem \(n)\n\n## Symptoms\n\nThe \(words.joined(separator: " ")) reports error \(n).\n")
        }
    }

    /// Every bitmap's rows and the index's rows of its word, and the words without one.
    static func compare(_ store: TemporaryStore) throws -> (bitmaps: [String: Bool], without: [String]) {
        try store.open().readIndex { reader in
            let everyRow = try Int64.fetchAll(reader.db, sql: "SELECT rowid FROM article ORDER BY rowid")
            var bitmaps: [String: Bool] = [:]
            for term in try String.fetchAll(reader.db, sql: "SELECT term FROM term_rows") {
                let indexed = try Set(Int64.fetchAll(
                    reader.db, sql: "SELECT rowid FROM article_fts WHERE article_fts MATCH ?", arguments: [MatchExpression.phrase(term).fts5]))
                bitmaps[term] = try TermRows.rows(of: everyRow, holding: term, in: reader.db) == indexed
            }
            let without = try ["queue", "word7", "offline", "spooler"].filter { try TermRows.rows(of: everyRow, holding: $0, in: reader.db) == nil }
            return (bitmaps, without)
        }
    }

    @Test func eachCommonWordsBitmapHoldsTheRowsTheIndexMatches() throws {
        let store = try TemporaryStore()
        try store.importPaths(Self.writeArticles(store))
        let (bitmaps, without) = try Self.compare(store)
        #expect(bitmaps["spooler"] == true)
        #expect(bitmaps["offline"] == true)
        #expect(bitmaps.values.allSatisfy { $0 }, "\(bitmaps.filter { !$0.value }.keys.sorted())")
        #expect(without == ["queue", "word7"])
        #expect(try store.open().check() == [])
        // A candidate list in rank order, with a row no article has.
        try store.open().readIndex { reader in
            let among: [Int64] = [129, 4, 3, 2, 1, 100_000]
            for word in ["offline", "queue"] {
                let indexed = try reader.matches(in: .body, match: .phrase(word), among: among)
                #expect(try reader.holders(ofWord: word, among: among, articles: 65) == indexed)
            }
            #expect(try !reader.holders(ofWord: "offline", among: among, articles: 65).isEmpty)
        }
    }

    @Test func anImportThatChangesArticlesWritesTheBitmapsAgain() throws {
        let store = try TemporaryStore()
        try store.importPaths(Self.writeArticles(store))
        // "offline" moves from article 0 to article 1.
        let paths = try Self.writeArticles(store, offline: { ($0 % 2 == 0 && $0 != 0) || $0 == 1 })
        let summary = try store.importPaths(paths)
        #expect(summary.updated == 2)
        let (bitmaps, _) = try Self.compare(store)
        #expect(bitmaps["offline"] == true)
        #expect(bitmaps.values.allSatisfy { $0 })
    }

    @Test func aStoreOfSchemaV4GetsItsBitmapsWhenFirstRead() throws {
        let store = try TemporaryStore()
        try store.importPaths(Self.writeArticles(store))
        // What a v4 store is: this one without what v5 added.
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "DROP TABLE term_rows; DELETE FROM grdb_migrations WHERE identifier = 'v5'")
        }
        let (bitmaps, without) = try Self.compare(store)
        #expect(bitmaps["spooler"] == true && bitmaps["offline"] == true)
        #expect(bitmaps.values.allSatisfy { $0 })
        #expect(without == ["queue", "word7"])
    }

    @Test func aBitmapThatDisagreesWithTheIndexIsReported() throws {
        let store = try TemporaryStore()
        try store.importPaths(Self.writeArticles(store))
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE term_rows SET rows = zeroblob(length(rows)) WHERE term = 'offline'")
        }
        #expect(try store.open().check() == ["the bitmap of the word 'offline' disagrees with the full-text index in 65 articles"])
    }

    /// Imports `writeArticles`, then an import that changes article 0 to these symptoms,
    /// commits it and fails.
    static func importCutShort(_ store: TemporaryStore, symptoms: String) throws {
        struct CutShort: Error {}
        try store.importPaths(writeArticles(store))
        let changed = try Fixtures.parse(
            "# Printing problem 0\n\n## Symptoms\n\n\(symptoms)\n",
            path: store.folder.appendingPathComponent("kb/article-0.md").path)
        #expect(throws: (any Error).self) {
            try store.open().importRun(startedAt: Date(), articlesPerTransaction: 1) { session in
                #expect(try session.store(StoredArticle(changed)) == .updated)
                try session.commitIfDue()
                throw CutShort()
            }
        }
    }

    @Test func anImportCutShortAfterChangingTheIndexLeavesNoBitmap() throws {
        let store = try TemporaryStore()
        try Self.importCutShort(store, symptoms: "The spooler stalled tray word0 reports error 0.")
        // The changed article is stored; no bitmap says otherwise.
        let (bitmaps, without) = try Self.compare(store)
        #expect(bitmaps.isEmpty)
        #expect(without == ["queue", "word7", "offline", "spooler"])
    }
}
