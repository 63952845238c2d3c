import Foundation
import GRDB
import Testing
@testable import KBExchange
@testable import KBSearch
@testable import KBStore

/// The store is in WAL mode while an import writes and in rollback-journal mode between
/// imports, unless a reader still holds it in WAL mode (`StoreJournal`).
@Suite struct StoreJournalTests {
    private func journalMode(_ path: String) throws -> String? {
        try DatabaseQueue(path: path, configuration: Self.readOnly).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    private static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }

    private func sideFiles(_ path: String) -> [String] {
        ["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: path + $0) }
    }

    @Test func anImportLeavesTheStoreInRollbackJournalModeAndASearchWritesNoFile() throws {
        let store = try TemporaryStore()
        let output = try CommandRunner.run(["import", "--quiet", "--db", store.path, Fixtures.path("Articles/003_e36610226ab790a0.txt")])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try journalMode(store.path) == "delete")
        #expect(sideFiles(store.path).isEmpty)
        let search = try CommandRunner.run(["search", "--db", store.path, "Failed in Connect"])
        #expect(search.stdout.contains("Q128961"))
        #expect(sideFiles(store.path).isEmpty)
    }

    @Test func aReaderHoldingTheStoreInWALModeKeepsItThereAndSeesTheImport() throws {
        let store = try TemporaryStore()
        let first = try ArticleStore(path: store.path, access: .readWrite)
        try Importer(store: first).run(walking: [Fixtures.path("Articles/003_e36610226ab790a0.txt")], with: FileWalker())
        first.close()
        #expect(try journalMode(store.path) == "delete")

        // A server's reader, open while another import writes and closes.
        let reader = try ArticleStore(path: store.path, access: .readOnly, lifetime: .longLived)
        let engine = SearchEngine(store: reader)
        #expect(try engine.search("Failed in Connect").results.first?.id == "Q128961")
        let second = try ArticleStore(path: store.path, access: .readWrite)
        try Importer(store: second).run(walking: [Fixtures.path("Articles/001_85a396cae39d0afa.txt")], with: FileWalker())
        #expect(try reader.count == 2)  // read while the writer is open: the reader is in WAL mode now
        second.close()
        #expect(try journalMode(store.path) == "wal")
        #expect(try reader.count == 2)

        // The last writer to close after the reader has gone leaves it in rollback-journal mode.
        reader.close()
        let third = try ArticleStore(path: store.path, access: .readWrite)
        third.close()
        #expect(try journalMode(store.path) == "delete")
        #expect(sideFiles(store.path).isEmpty)
    }
}
