import Foundation
import GRDB
import Testing
@testable import KBStore

/// An import's end writes the term statistics and the common words' bitmaps from the
/// articles it committed, read on other connections while the indexes merge: they must be
/// what the indexes say once it is over, and an import stopped there must be finished by the
/// next one.
@Suite struct ImportEndTests {
    /// `TermRowsTests.writeArticles`, every fifth article also quoting a code in its title.
    static func writeArticles(_ store: TemporaryStore) throws -> [String] {
        let paths = try TermRowsTests.writeArticles(store)
        for n in stride(from: 0, to: 130, by: 5) {
            try store.write("kb/article-\(n).md", "# Printing fails with 0x8007000E \(n)\n\n## Symptoms\n\nThe spooler offline queue word\(n) reports error \(n).\n")
        }
        return paths
    }

    /// The rows of `sql`, each as text.
    static func rows(_ store: TemporaryStore, _ sql: String) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map(\.description).joined(separator: " ") }
        }
    }

    @Test func theStatisticsAreTheIndexesVocabulariesOnceTheImportIsOver() throws {
        let store = try TemporaryStore()
        try store.importPaths(Self.writeArticles(store))
        let terms = try Self.rows(store, "SELECT term, articles FROM term_stats ORDER BY term")
        let vocabularies = try Self.rows(store, """
            SELECT '', count(*) FROM article
            UNION ALL SELECT term, doc FROM article_vocab WHERE doc >= 2
            UNION ALL SELECT term, doc FROM article_pair_vocab WHERE doc >= 20
            ORDER BY 1
            """)
        #expect(terms.count > 10)
        #expect(terms.first == "\"\" 130")
        #expect(terms.contains("\"spooler\" 130"))
        #expect(terms == vocabularies)
        let head = try Self.rows(store, "SELECT term, articles, in_codes FROM head_term_stats ORDER BY term")
        let headVocabulary = try Self.rows(store, """
            SELECT v.term, v.doc, coalesce(c.doc, 0) FROM article_head_vocab v
            LEFT JOIN (SELECT term, doc FROM article_head_column_vocab WHERE col = 'codes') c ON c.term = v.term
            ORDER BY 1
            """)
        #expect(head.contains { $0.hasPrefix("\"x8007000e\"") && $0.hasSuffix(" 26 26") })
        #expect(head == headVocabulary)
        #expect(try store.open().check() == [])
    }

    @Test func anImportStoppedAtItsEndIsFinishedByTheNextEvenWhenItChangesNothing() throws {
        let store = try TemporaryStore()
        let symptoms = "The spooler stalled tray word0 reports error 0 again."
        // Stopped after committing a changed article: no lengths, no bitmaps.
        try TermRowsTests.importCutShort(store, symptoms: symptoms)
        #expect(try Self.rows(store, "SELECT count(*) FROM index_length_chunk") == ["0"])
        // The same articles again, article 0 as the stopped import stored it.
        let paths = try TermRowsTests.writeArticles(store)
        try store.write("kb/article-0.md", "# Printing problem 0\n\n## Symptoms\n\n\(symptoms)\n")
        let summary = try store.importPaths(paths)
        #expect(summary.new == 0 && summary.updated == 0)
        #expect(try Self.rows(store, "SELECT count(*) FROM index_length_chunk") == ["2"])
        let (bitmaps, without) = try TermRowsTests.compare(store)
        #expect(bitmaps["spooler"] == true && bitmaps["offline"] == true)
        #expect(bitmaps.values.allSatisfy { $0 })
        #expect(without == ["queue", "word7"])
        #expect(try store.open().check() == [])
    }
}
