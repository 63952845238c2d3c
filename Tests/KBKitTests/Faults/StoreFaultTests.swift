import Foundation
import GRDB
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBSearch
@testable import KBStore

/// A store that cannot be written, or is busy, gets a clear error and keeps what it held.
@Suite struct StoreFaultTests {
    @Test func aStoreLockedByAnotherWriterIsReportedNotCorrupted() throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.path("Articles/003_e36610226ab790a0.txt")])
        let other = try DatabaseQueue(path: store.path)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            #expect(throws: StoreError(path: store.path, reason: "the store is locked by another writer; try again when it is done")) {
                try store.importPaths([Fixtures.path("Articles/001_85a396cae39d0afa.txt")])
            }
        }
        #expect(try store.open().stats().articles == 1)
        #expect(try store.open().check() == [])
    }

    @Test func searchesAndExportsWhileAnImportWrites() throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.articlesFolder])
        // A dump large enough to keep the writer busy: the curated articles under new ids.
        let dump = store.folder.appendingPathComponent("big")
        let sources = FileWalker().items(for: [Fixtures.path("Articles/kb-sample/txt")]).compactMap { item -> String? in
            if case .file(let p, _, _) = item { return p } else { return nil }
        }
        for copy in 0..<60 {
            let folder = dump.appendingPathComponent("\(copy)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, source) in sources.enumerated() {
                // Same article, new id on its first line: "DOCUMENT:Q7000123  ...".
                var bytes = try Fixtures.bytes(source)
                let id = 7_000_000 + copy * 1000 + index
                let idEnd = bytes.firstIndex(of: UInt8(ascii: " ")) ?? bytes.count
                bytes.replaceSubrange(0..<idEnd, with: Array("DOCUMENT:Q\(id)".utf8))
                try Data(bytes).write(to: folder.appendingPathComponent("Q\(id).TXT"))
            }
        }
        let importer = Process()
        importer.executableURL = CommandRunner.executable
        importer.arguments = ["import", "--quiet", "--db", store.path, dump.path]
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        var searches = 0
        let reader = try ArticleStore(path: store.path, access: .readOnly)
        let engine = SearchEngine(store: reader)
        while importer.isRunning || searches < 20 {
            let results = try engine.search("Windows Sockets error Failed in Connect", options: .init(limit: 3)).results
            #expect(results.first?.id == "Q128961")
            var exported = 0
            _ = try ArticleExporter(store: reader).export(ArticleFilter(ids: ["Q128961"]), format: .jsonl) { _ in exported += 1 }
            #expect(exported == 1)
            searches += 1
        }
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(searches >= 20)
        #expect(try store.open().stats().articles > sources.count * 50)
    }
}

/// Imports must not trade safety for speed: in WAL mode, `synchronous = NORMAL` is what SQLite
/// documents as safe from corruption on a power loss; `OFF` is not.
@Suite struct BulkLoadSettingsTests {
    @Test func aBulkLoadKeepsSynchronousNormal() throws {
        let store = try TemporaryStore()
        try store.open().close()  // the schema: a bulk load configures the full-text indexes too
        let queue = try DatabaseQueue(path: store.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try BulkLoad.begin(db)
            // 1 = NORMAL (0 = OFF, 2 = FULL).
            #expect(try Int.fetchOne(db, sql: "PRAGMA synchronous") == 1)
            try BulkLoad.end(db)
            #expect(try Int.fetchOne(db, sql: "PRAGMA synchronous") == 1)
        }
    }
}
