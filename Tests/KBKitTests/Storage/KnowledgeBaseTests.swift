import Foundation
import GRDB
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBSearch
@testable import KBStore

/// Docs-as-code knowledge bases in one store with the archive: where each article comes from,
/// filters, KB numbers, and the upgrade of a store written before them.
@Suite struct KnowledgeBaseTests {
    /// The sample articles of every layout, imported once.
    static let both: TemporaryStore = {
        let store = try! TemporaryStore()
        try! store.importPaths([Fixtures.path("Articles")])
        return store
    }()

    @Test func eachResultSaysWhichKnowledgeBaseItComesFrom() throws {
        let engine = SearchEngine(store: try Self.both.open())
        let modern = try #require(try engine.search("C:\\src\\app\\main.cpp(42,17): error C2065: 'counter': undeclared identifier").results.first)
        #expect(modern.id == "cpp/docs/error-messages/compiler-errors-1/compiler-error-c2065")
        #expect(modern.article.source.knowledgeBase == "cpp")
        let archive = try #require(try engine.search("Failed to connect to the Microsoft Exchange Server, EXCH01.").results.first)
        #expect(archive.id == "Q178511")
        #expect(archive.article.source.knowledgeBase == URL(fileURLWithPath: Fixtures.root.path).lastPathComponent)
    }

    @Test func aFilterRestrictsASearchToOneKnowledgeBase() throws {
        let engine = SearchEngine(store: try Self.both.open())
        let paste = "Printer HR-3 is offline. Check that the printer is turned on and connected."
        #expect(try engine.search(paste).results.first?.id == "team-kb/printing/printer-offline")
        let elsewhere = try engine.search(paste, options: .init(filter: ArticleFilter(knowledgeBase: "officedocs"))).results
        #expect(!elsewhere.isEmpty)
        #expect(elsewhere.allSatisfy { $0.article.source.knowledgeBase == "officedocs" })
        #expect(try Self.both.open().knowledgeBases().map(\.name).contains("team-kb"))
    }

    @Test func aKBNumberFindsTheArticleThatStatesIt() throws {
        let store = try Self.both.open()
        #expect(try store.article(id: "Q4508931")?.id == "officedocs/skypeforbusiness/skypehybrid/hybrid-sign-in/sso-no-longer-works")
        #expect(try SearchEngine(store: store).search("4508931").results.first?.id
            == "officedocs/skypeforbusiness/skypehybrid/hybrid-sign-in/sso-no-longer-works")
    }

    @Test func anArchiveArticleAndItsSuccessorLinkEachOther() throws {
        let store = try TemporaryStore()
        let old = try store.write("Q4508931.TXT", """
            DOCUMENT:Q4508931  01-JAN-2019  [skype]
            TITLE   :Cannot sign in with SSO
            PRODUCT :Skype for Business

            SYMPTOMS
            ========

            New users cannot sign in.
            """)
        try store.importPaths([old, Fixtures.path("Articles/docs/officedocs")])
        let opened = try store.open()
        // The archive article is found by its own id; it names its successor...
        #expect(try opened.article(id: "Q4508931")?.source.layout == .document)
        #expect(try opened.successors(of: "Q4508931") == ["officedocs/skypeforbusiness/skypehybrid/hybrid-sign-in/sso-no-longer-works"])
        // (once, though a search's results name it twice)
        #expect(try opened.readIndex { try $0.successors(of: ["Q4508931", "Q4508931"]) }
            == ["Q4508931": ["officedocs/skypeforbusiness/skypehybrid/hybrid-sign-in/sso-no-longer-works"]])
        // ...and the successor cites it.
        #expect(try opened.article(id: "officedocs/skypeforbusiness/skypehybrid/hybrid-sign-in/sso-no-longer-works")?.references.first == "Q4508931")
    }

    @Test func aStoreOfSchemaV2IsUpgradedAndTakesDocsArticles() throws {
        let store = try TemporaryStore()
        try FileManager.default.copyItem(atPath: Fixtures.path("Tests/Fixtures/v2-store.sqlite"), toPath: store.path)
        let reader = try ArticleStore(path: store.path, access: .readOnly)
        #expect(try reader.stats().schemaVersion == "v7")
        #expect(try reader.count == 3)
        // v4: the head index's counts are taken from the stored articles.
        #expect(try reader.readIndex { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM head_term_stats") ?? 0 } > 10)
        // v5: the common words' bitmaps (three articles have no word common enough for one).
        #expect(try reader.read { db in try db.tableExists("term_rows") })
        // v6 and v7: each article's length in the two ranked indexes, a chunk of each.
        #expect(try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM index_length_chunk") } == 2)
        #expect(try reader.article(id: "Q178511")?.source.knowledgeBase == nil)
        // The new column is filled from the records: none of these recorded a knowledge base.
        #expect(try reader.stats().byKnowledgeBase.map(\.name) == ["(none)"])
        #expect(try SearchEngine(store: reader).search("Failed to connect to the Microsoft Exchange Server, EXCH01.").results.first?.id == "Q178511")
        reader.close()
        try store.importPaths([Fixtures.path("Articles/docs/team-kb"), Fixtures.path("Articles/000_38bd5e6e32a2e3d6.txt")])
        let upgraded = try store.open()
        #expect(try upgraded.check() == [])
        #expect(try upgraded.count == 6)
        // Re-imported unchanged, an article records the knowledge base it was read from.
        #expect(try upgraded.article(id: "Q178511")?.source.knowledgeBase != nil)
        #expect(try upgraded.article(id: "team-kb/printing/printer-offline")?.source.layout == .docs)
    }
}
