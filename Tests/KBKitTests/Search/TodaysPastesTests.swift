import Foundation
import Testing
@testable import KBModel
@testable import KBSearch
@testable import KBStore

/// Pastes of today's support work against docs-as-code articles: an Event Viewer entry, and a
/// message followed by a generic HRESULT. A small knowledge base of its own, written here.
@Suite struct TodaysPastesTests {
    static let store: TemporaryStore = {
        let store = try! TemporaryStore()
        var files = [
            "kb/service-fails-to-start.md": """
                # The Contoso Sync service does not start

                ## Symptoms

                The System log holds this event:

                > Log Name: System
                > Source: Service Control Manager
                > Date: 1/12/2024 10:02:11 AM
                > Event ID: 7000
                > Task Category: None
                > Level: Error
                > Keywords: Classic
                > User: N/A
                > Computer: server1.contoso.com
                > Description:
                > The Contoso Sync service failed to start due to the following error: The account name is invalid or does not exist.
                """,
            "kb/event-reference.md": """
                # Events of the Contoso agents

                Each entry as Event Viewer shows it:

                ```
                Log Name: Application
                Source: Contoso Agent
                Date: 1/1/2024
                Event ID: 100
                Task Category: None
                Level: Information
                Keywords: Classic
                User: N/A
                Computer: server1.contoso.com
                Description:
                The agent started.
                ```

                ```
                Log Name: System
                Source: Contoso Agent
                Date: 1/1/2024
                Event ID: 101
                Task Category: None
                Level: Error
                Keywords: Classic
                User: N/A
                Computer: server1.contoso.com
                Description:
                The agent stopped.
                ```
                """,
            "kb/compiler-error-c2001.md": "# Compiler Error C2001\n\n> newline in string literal\n\nA string constant cannot continue to a second line.\n",
            "kb/compiler-error-c2012.md": "# Compiler Error C2012\n\n> missing name following '<'\n\nA template declaration is incomplete.\n",
            // Another event 7000, from another source, named in its title.
            "kb/cluster-event-7000.md": "# Cluster Service logs event 7000 every four hours\n\nThe Cluster Service logs event 7000 and restarts the cluster service every four hours.\n",
            "kb/timeout-in-the-updater.md": "# The updater times out\n\nYou receive this error:\n\n> Exception from HRESULT: 0x80072EE2 in parser.obj\n",
        ]
        // A code that names no one error: many articles about unrelated failures quote it.
        for number in 1...40 {
            files["kb/unspecified-\(number).md"] = "# Setup step \(number) fails\n\nYou receive this error:\n\n> Exception from HRESULT: 0x80004005 in main.cpp (step \(number))\n"
        }
        for (name, text) in files { _ = try! store.write(name, text) }
        try! store.importPaths([store.folder.appendingPathComponent("kb").path])
        return store
    }()

    private func best(_ paste: String) throws -> SearchResult {
        let engine = SearchEngine(store: try Self.store.open())
        return try #require(try engine.search(paste, options: .init(limit: 5)).results.first)
    }

    @Test func anEventQuotedInAnArticleIsItsDescriptionAndItsEvent() throws {
        let article = try #require(try Self.store.open().article(id: "kb/service-fails-to-start"))
        #expect(article.errorMessages == [
            "The Contoso Sync service failed to start due to the following error: The account name is invalid or does not exist.",
        ])
        #expect(article.keywords == ["event 7000", "Service Control Manager"])
    }

    /// An Event Viewer entry as copied from the event's dialog, up to its description.
    private static let eventHeader = """
        Log Name:      Application
        Source:        Service Control Manager
        Date:          3/4/2026 11:20:01 PM
        Event ID:      7000
        Task Category: None
        Level:         Error
        Keywords:      Classic
        User:          N/A
        Computer:      server1.contoso.com
        Description:
        """

    @Test func aPastedEventIsFoundByItsDescriptionNotItsHeader() throws {
        let paste = Self.eventHeader + "\n"
            + "The Contoso Sync service failed to start due to the following error: The account name is invalid or does not exist."
        #expect(try best(paste).id == "kb/service-fails-to-start")
    }

    /// "Event ID 7000, source Service Control Manager": the article that quotes that event.
    @Test func anEventIdAndSourceFindTheArticleQuotingThatEvent() throws {
        #expect(try best("Event ID 7000 source Service Control Manager").id == "kb/service-fails-to-start")
        // "event 7000" alone names both events 7000.
        let engine = SearchEngine(store: try Self.store.open())
        let two = try engine.search("event 7000", options: .init(limit: 5)).results.prefix(2).map(\.id)
        #expect(Set(two) == ["kb/service-fails-to-start", "kb/cluster-event-7000"])
    }

    /// "Event ID 7000 Service Control Manager": the article quoting event 7000 from that
    /// source, not the article whose title names another event 7000.
    @Test func theEventsSourceDecidesBetweenTwoEventsOfOneNumber() throws {
        #expect(try best("Event ID 7000 Service Control Manager").id == "kb/service-fails-to-start")
        #expect(try best("EventID 7000 Cluster Service").id == "kb/cluster-event-7000")
    }

    @Test func pastesNameEventsInTheirSpellings() {
        #expect(QueryPlan.namedEvents(in: ["event", "id", "7000", "service"]).map(\.number) == ["7000"])
        #expect(QueryPlan.namedEvents(in: ["eventid", "35", "event", "4096"]).map(\.number) == ["35", "4096"])
        #expect(QueryPlan.namedEvents(in: ["user", "id", "7000", "event", "log", "123456"]).isEmpty)
    }

    /// The header fields every event has are no words of the paste; the event id, the source
    /// and the description are.
    @Test func aPastedEventKeepsItsIdSourceAndDescriptionOnly() {
        let query = AnalyzedQuery(Self.eventHeader + "\nThe Contoso Sync service failed to start.")
        #expect(query.tokens == ["service", "control", "manager", "event", "7000", "the", "contoso", "sync", "service", "failed", "to", "start"])
    }

    @Test func aGenericHRESULTDoesNotOutweighTheMessage() throws {
        #expect(try best("main.cpp(42,17): error C2001: newline in string literal (Exception from HRESULT: 0x80004005)").id == "kb/compiler-error-c2001")
    }

    @Test func aToolsErrorCodeCountsAsACode() throws {
        #expect(try best("parser.obj: error C2012: missing name following '<' (Exception from HRESULT: 0x80072EE2)").id == "kb/compiler-error-c2012")
    }
}
