import Foundation
import Testing
@testable import KBPrinter
@testable import KBSearch
@testable import KBStore

/// An archive article and its docs-as-code successor (which states the archive's KB number)
/// are one answer.
@Suite struct TwinAnswersTests {
    static let store: TemporaryStore = {
        let store = try! TemporaryStore()
        _ = try! store.write("archive/Q243444.TXT", """
            DOCUMENT:Q243444  01-JAN-2001  [sync]
            TITLE   :Sync Client Cannot Reach the Contoso Sync Server
            PRODUCT :Contoso Sync

            SYMPTOMS
            ========

            When the client starts, you receive the following error message:

               The Contoso Sync server could not be reached. Check the network connection.
            """)
        _ = try! store.write("kb/sync/cannot-reach-server.md", """
            # Sync client cannot reach the Contoso Sync server

            _Original KB number:_ &nbsp; 243444

            ## Symptoms

            When the client starts, you receive the following error message:

            > The Contoso Sync server could not be reached. Check the network connection.
            """)
        _ = try! store.write("kb/sync/other.md", "# Sync is slow\n\n> The Contoso Sync server is slow to answer.\n")
        try! store.importPaths([store.folder.appendingPathComponent("archive").path, store.folder.appendingPathComponent("kb").path])
        return store
    }()

    @Test func theNewerArticleIsShownWithItsArchiveTwinUnderIt() throws {
        let engine = SearchEngine(store: try Self.store.open())
        let results = try engine.search("The Contoso Sync server could not be reached. Check the network connection.").results
        #expect(results.map(\.id) == ["kb/sync/cannot-reach-server", "kb/sync/other"])
        #expect(results.first?.twins == ["Q243444"])
        #expect(results.map(\.rank) == [1, 2])
        let style = TerminalStyle(color: false)
        let text = style.render(SearchText.render(try #require(results.first), style: style, explain: false))
        #expect(text.contains("\n   also Q243444\n"))
        #expect(SearchJSON.render(SearchResponse(query: AnalyzedQuery("x"), results: results), explain: false)
            .contains("\"twins\":[\"Q243444\"]"))
    }

    @Test func aloneTheArchiveArticleIsAnAnswerOfItsOwn() throws {
        let engine = SearchEngine(store: try Self.store.open())
        let results = try engine.search(
            "The Contoso Sync server could not be reached.", options: .init(filter: ArticleFilter(knowledgeBase: "archive"))).results
        #expect(results.first?.id == "Q243444")
        #expect(results.first?.twins == [])
    }
}
