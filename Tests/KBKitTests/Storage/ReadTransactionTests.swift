import Foundation
import GRDB
import Testing
@testable import KBStore

/// A one-shot reader (`kb search`) begins and ends its read transactions itself
/// (`ArticleStore.read`): what it reads is one state of the store, and a read that fails
/// leaves no transaction open.
@Suite struct ReadTransactionTests {
    /// A store of two articles, and a one-shot reader of it.
    private func store() throws -> (TemporaryStore, ArticleStore) {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.path("Articles/003_e36610226ab790a0.txt"), Fixtures.path("Articles/001_85a396cae39d0afa.txt")])
        return (store, try ArticleStore(path: store.path, access: .readOnly))
    }

    @Test func aReadSeesOneStateWhileAnotherConnectionWrites() throws {
        let (store, reader) = try store()
        let writer = try DatabaseQueue(path: store.path)
        let (before, after) = try reader.read { db in
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM import_run") ?? 0
            try writer.write { db in try db.execute(sql: "INSERT INTO import_run(started_at, scanned) VALUES ('2026-01-01T00:00:00Z', 0)") }
            return (before, try Int.fetchOne(db, sql: "SELECT count(*) FROM import_run") ?? 0)
        }
        #expect(after == before)
        // The next read sees the row written.
        #expect(try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM import_run") } == before + 1)
    }

    @Test func aFailedReadLeavesTheReaderReadable() throws {
        struct Failure: Error {}
        let (_, reader) = try store()
        #expect(throws: StoreError.self) { try reader.read { _ in throw Failure() } }
        #expect(try reader.count == 2)
    }
}
