import CSQLiteSettings
import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import KBStore

/// The VFS that maps the whole of a store for a long-lived reader (`kb_sqlite_register_mapped_vfs`),
/// where SQLite's default VFS maps no more than the pager's limit (2 GiB at most).
@Suite struct MappedVFSTests {
    /// A file of about 100 pages, each row of the table on pages of its own.
    private func database() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString).sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x TEXT)")
            for row in 0..<200 { try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [String(repeating: "\(row % 10)", count: 2_000)]) }
        }
        try queue.close()
        return path
    }

    /// Reads the whole table through `vfs` with the pager's mapping limit at one page, and
    /// returns what it read and how many pages SQLite read into its page cache.
    private func readAll(_ path: String, vfs: String?) throws -> (length: Int, pagesRead: Int32) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 4096") }
        let queue = try DatabaseQueue(path: vfs.map { "file:\(path)?vfs=\($0)" } ?? path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let length = try Int.fetchOne(db, sql: "SELECT sum(length(x)) FROM t") ?? 0
            var misses: Int32 = 0, highest: Int32 = 0
            sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_MISS, &misses, &highest, 0)
            return (length, misses)
        }
    }

    /// Through the default VFS, a limit of one page leaves every other page to be read into the
    /// cache; through the mapped VFS the same limit still maps them all, and the rows read are
    /// the same.
    @Test func pagesPastThePagersLimitAreMapped() throws {
        try #require(kb_sqlite_register_mapped_vfs() == SQLITE_OK)
        let path = try database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plain = try readAll(path, vfs: nil)
        let mapped = try readAll(path, vfs: KB_MAPPED_VFS)
        #expect(plain.length == 400_000 && mapped.length == plain.length)
        #expect(plain.pagesRead > 50)
        // The first page (the header) is always read, never mapped.
        #expect(mapped.pagesRead <= 2)
    }

    /// A long-lived reader opens the store through the mapped VFS; a one-shot search, which
    /// maps nothing, through the default one.
    @Test func aLongLivedReaderUsesTheMappedVFS() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.sqlite").path
        _ = try ArticleStore(path: path, access: .readWrite)
        func vfsName(_ lifetime: ArticleStore.Lifetime) throws -> String {
            let store = try ArticleStore(path: path, access: .readOnly, lifetime: lifetime)
            return try store.database.read { db in
                var vfs: UnsafeMutablePointer<sqlite3_vfs>?
                sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_VFS_POINTER, &vfs)
                return vfs.map { String(cString: $0.pointee.zName) } ?? ""
            }
        }
        #expect(try vfsName(.longLived) == KB_MAPPED_VFS)
        #expect(try vfsName(.oneShot) == "unix")
    }
}
