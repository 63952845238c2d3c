import Foundation
import Testing
@testable import KBSearch
@testable import KBStore

/// A store with no article or one: every kind of paste is searched without failing. (Half
/// the store's articles, the bound a code's other words must stay under, is then zero.)
@Suite struct SmallStoreTests {
    /// Pastes naming a Win32 error, an HRESULT, a STOP code, a tool's error code and an
    /// event, and one naming none.
    static let pastes = [
        "Virtual Machine (VM) error 19",
        "Logon failed 0x80070005 access is denied",
        "STOP 0x0000007B INACCESSIBLE_BOOT_DEVICE",
        "main.cpp(42,17): error C2065: 'counter': undeclared identifier",
        "Event ID 7000 The Service Control Manager could not start the service",
        "printer offline",
    ]

    @Test func aStoreWithoutArticlesFindsNothing() throws {
        let store = try TemporaryStore()
        let empty = store.folder.appendingPathComponent("nothing").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try store.importPaths([empty])
        let engine = SearchEngine(store: try store.open())
        for paste in Self.pastes {
            #expect(try engine.search(paste).results.isEmpty, "\(paste)")
        }
    }

    @Test func aStoreOfOneArticleFindsAtMostIt() throws {
        let store = try TemporaryStore()
        try store.write("one/Q100019.TXT", """
            DOCUMENT:Q100019  01-JAN-2001  [win]
            TITLE   :Virtual Machine Error 19 When Starting a Service
            PRODUCT :Microsoft Windows
            PROD/VER:4.00
            OPER/SYS:WINDOWS
            KEYWORDS:kberrmsg

            ---------------------------------------------------------------------

            SYMPTOMS
            ========

            When you start the service, you receive the following error message:

               Virtual Machine (VM) error 19

            The error is 0x80070005, Event ID 7000.

            """)
        try store.importPaths([store.folder.appendingPathComponent("one").path])
        let engine = SearchEngine(store: try store.open())
        for paste in Self.pastes {
            let ids = try engine.search(paste).results.map(\.id)
            #expect(ids.allSatisfy { $0 == "Q100019" }, "\(paste)")
        }
        #expect(try engine.search(Self.pastes[0]).results.map(\.id) == ["Q100019"])
    }
}
