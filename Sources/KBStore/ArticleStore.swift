import CSQLiteSettings
import Foundation
import GRDB
import GRDBSQLite
import KBModel


/// The knowledge base: one SQLite file, in WAL mode while an import writes so that searches
/// run beside it, and in rollback-journal mode between imports (see `StoreJournal`).
public final class ArticleStore: Sendable {
    /// Whether a store is opened to read only (never created or written) or to import.
    public enum Access { case readOnly, readWrite }

    /// The store's file.
    public let path: String
    let database: any DatabaseWriter & DatabaseReader
    /// Opened to import (`.readWrite`).
    private let isWriter: Bool

    /// How long the process holding a store keeps it: a command that searches once, or one
    /// that searches many times (`kb eval`, a server).
    public enum Lifetime { case oneShot, longLived }

    /// Opens (and, for `.readWrite`, creates and migrates) the store at `path`. A long-lived
    /// reader gets a pool of connections, a mapping of the file and a large page cache; a
    /// one-shot reader, one connection without what only a long-lived one uses.
    public init(path: String, access: Access, lifetime: Lifetime = .oneShot) throws(StoreError) {
        self.path = path
        isWriter = access == .readWrite
        do {
            var config = Configuration()
            config.busyMode = .timeout(5)
            config.prepareDatabase { db in try SnapshotBM25.register(db) }
            switch (access, lifetime) {
            case (.readOnly, .oneShot):
                // GRDB's authorizer records what each statement reads, for change observation,
                // which a one-shot reader never uses: it was called back for every column of
                // the 30 statements a search prepares (FTS5's own included), 7% of a search's
                // instructions. Removing it expires no statement (none is prepared yet).
                config.prepareDatabase { db in sqlite3_set_authorizer(db.sqliteConnection, nil, nil) }
            case (.readOnly, .longLived):
                // Mapped pages stay mapped for the next search (a one-shot search reads some
                // 300 pages scattered through the file, and gained nothing measurable from a
                // mapping). The whole file is mapped (`mappedURI`): SQLite's own VFS maps at
                // most 2 GiB (SQLITE_MAX_MMAP_SIZE). The page cache keeps what cannot be
                // mapped: the first page, and pages an import has written to the WAL.
                config.prepareDatabase { db in
                    try db.execute(sql: "PRAGMA mmap_size = 2147483648")
                    try db.execute(sql: "PRAGMA cache_size = -131072")
                }
            case (.readWrite, _):
                break
            }
            let exists = try Self.checkIsStoreFile(path, access: access)
            switch access {
            case .readOnly:
                config.readonly = true
                // Nothing is written to check: spares a statement in every one-shot search.
                config.foreignKeysEnabled = false
                var (reader, isCurrent) = try Self.openReadOnly(path: path, configuration: config, pooled: lifetime == .longLived)
                if !isCurrent {
                    // A store written by an older kb: brought up to date once, then read.
                    try reader.close()
                    try Self.upgrade(path: path)
                    (reader, _) = try Self.openReadOnly(path: path, configuration: config, pooled: lifetime == .longLived)
                }
                database = reader
            case .readWrite:
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                // Looked at before the pool opens it: a pool switches the file to WAL mode.
                if exists {
                    let queue = try DatabaseQueue(path: path, configuration: config)
                    _ = try queue.read { db in try Self.checkSchema(db, path: path) }
                    try queue.close()
                }
                let pool = try DatabasePool(path: path, configuration: config)
                try StoreSchema.migrator.migrate(pool)
                try pool.write { db in try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)") }
                database = pool
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// A long-lived reader (`pooled`, e.g. a server) gets a pool of read-only connections, so
    /// that searches run side by side; a one-shot command, one connection. A store on read-only
    /// media or in a folder this process cannot write cannot get the shared-memory file WAL mode
    /// needs: it is then opened as immutable, which SQLite allows without one. The schema is
    /// checked in the first read (see `checkSchema`), which also tells whether it is current.
    private static func openReadOnly(
        path: String, configuration: Configuration, pooled: Bool
    ) throws -> (reader: any DatabaseWriter & DatabaseReader, isCurrent: Bool) {
        do {
            let reader: any DatabaseWriter & DatabaseReader = pooled
                ? try DatabasePool(path: mappedURI(path), configuration: configuration)
                : try DatabaseQueue(path: path, configuration: configuration)
            StageTimes.mark("store-connected")
            defer { StageTimes.mark("store-checked") }
            return (reader, try read(reader) { db in try checkSchema(db, path: path) })
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN
            && (StoreError.isOnReadOnlyFileSystem(path) || !isFolderWritable(path)) {
            let reader = try DatabaseQueue(path: "file:\(encodedPath(path))?immutable=1", configuration: configuration)
            return (reader, try read(reader) { db in try checkSchema(db, path: path) })
        }
    }

    /// The store's file opened through the VFS that maps all of it (`kb_sqlite_register_mapped_vfs`),
    /// when it could be registered; else its path. Past the 2 GiB SQLite maps itself, each
    /// page a search needed was read into the page cache and looked up there: in the store of
    /// a million generated articles (5.9 GB), the median search took 0.90 times as long
    /// mapped whole (`kb eval`, 378 queries, 5 rounds alternated).
    private static func mappedURI(_ path: String) -> String {
        guard kb_sqlite_register_mapped_vfs() == SQLITE_OK else { return path }
        return "file:\(encodedPath(path))?vfs=\(KB_MAPPED_VFS)"
    }

    /// The store's absolute path, percent-encoded for a URI filename.
    private static func encodedPath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
    }

    /// Whether this process may create files beside the store (its `-shm` and `-wal`): when
    /// it may not, no kb can write the store from here, and it is read as immutable.
    private static func isFolderWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// Applies the migrations an older store lacks, for a command that only reads.
    private static func upgrade(path: String) throws {
        do {
            let pool = try DatabasePool(path: path, configuration: Configuration())
            try StoreSchema.migrator.migrate(pool)
            try pool.close()
            StoreJournal.rest(path: path)
        } catch {
            throw StoreError(
                path: path,
                reason: "this store has an older schema than this kb (\(StoreSchema.currentVersion)) and could not be upgraded: \(StoreError.wrapping(error, path: path).reason)")
        }
    }

    /// Marks the file as a kb store in SQLite's header (`PRAGMA application_id`): "kbKB".
    static let applicationID: Int32 = 0x6B62_4B42

    /// Refuses what is no store file before SQLite opens it: a missing store for a command
    /// that only reads, and a device, folder or pipe (`--db /dev/null`). True when the file
    /// exists (a store to be created does not).
    private static func checkIsStoreFile(_ path: String, access: Access) throws -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if access == .readOnly { throw StoreError(path: path, reason: "no store here yet: run 'kb import PATH...' first") }
            return false
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw StoreError(path: path, reason: "not a kb store: it is a \((info.st_mode & S_IFMT) == S_IFDIR ? "folder" : "device or special file"), not a file")
        }
        return true
    }

    /// Refuses another program's database (kb adds its tables only to an empty database or
    /// its own store) and a store written by a newer `kb`: never migrate downward. True when
    /// every migration this kb knows has been applied. One read answers all three, as few
    /// statements as possible: a search prepares each anew in its short-lived process.
    private static func checkSchema(_ db: Database, path: String) throws -> Bool {
        // Reading the schema fails early on a file that is not a database. Each statement is
        // made with `makeStatement` and read through SQLite's C interface, as every read of a
        // search is: GRDB's SQL literals and generic row decoding cost a one-shot search some
        // 150,000 instructions for these three reads alone (see `read(_:_:)`).
        var applicationID: Int32 = 0, tables = 0, isStore = false
        try db.makeStatement(sql: "PRAGMA application_id").step(arguments: []) { applicationID = sqlite3_column_int($0, 0) }
        try db.makeStatement(sql: """
            SELECT count(*), count(*) FILTER (WHERE type = 'table' AND name = 'article') FROM sqlite_master
            """).step(arguments: []) { row in
            tables = Int(sqlite3_column_int64(row, 0))
            isStore = sqlite3_column_int64(row, 1) > 0
        }
        if (applicationID != 0 && applicationID != Self.applicationID) || (!isStore && tables > 0) {
            throw StoreError(path: path, reason: "not a kb store: this SQLite database belongs to another program (kb uses only an empty file or its own store)")
        }
        // What `DatabaseMigrator.appliedIdentifiers` reads, without a literal; a kb store
        // has the table from its first migration on.
        var applied: Set<String> = []
        if isStore {
            try db.makeStatement(sql: "SELECT identifier FROM grdb_migrations").step(arguments: []) { row in
                applied.insert(Statement.text(row, 0) ?? "")
            }
        }
        let known = StoreSchema.versions
        if applied.contains(where: { !known.contains($0) }) {
            throw StoreError(path: path, reason: "this store has a newer schema than this kb knows (\(StoreSchema.currentVersion)): upgrade kb")
        }
        return known.allSatisfy(applied.contains)
    }

    /// The schema version of the stores this kb writes ("v7"); older stores are upgraded to it.
    public static var schemaVersion: String { StoreSchema.currentVersion }

    /// Closes the connections now, on this thread. A command calls it before it exits: the
    /// connection pool otherwise closes on its own queue, which may still be at work while
    /// the process ends. A writer's close leaves the file in rollback-journal mode when no
    /// other connection holds it in WAL mode (`StoreJournal`).
    public func close() {
        if let pool = database as? DatabasePool { try? pool.close() }
        if let queue = database as? DatabaseQueue { try? queue.close() }
        if isWriter { StoreJournal.rest(path: path) }
    }

    /// Runs `body` in a read transaction; a database error becomes a `StoreError` naming the store.
    package func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try Self.read(database, body) } catch { throw StoreError.wrapping(error, path: path) }
    }

    /// Runs `body` in a read transaction of `reader`. A one-shot reader's single connection
    /// (a `DatabaseQueue`, opened read-only) begins and ends it with statements made with
    /// `makeStatement`: GRDB's `read` writes BEGIN and COMMIT as SQL literals, built by generic
    /// code that a fresh process pays for at its first use (its code and type metadata paged
    /// in and made). With no literal left on its path and the candidates' columns read through
    /// SQLite's C interface, a search of "The specified path is invalid" took 38 page faults
    /// and 0.25 M instructions fewer.
    private static func read<T>(_ reader: any DatabaseReader, _ body: (Database) throws -> T) throws -> T {
        guard let queue = reader as? DatabaseQueue, queue.configuration.readonly else { return try reader.read(body) }
        return try queue.inDatabase { db in
            try db.makeStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
            let value: T
            do {
                value = try body(db)
            } catch {
                try? db.makeStatement(sql: "ROLLBACK TRANSACTION").execute()
                throw error
            }
            try db.makeStatement(sql: "COMMIT TRANSACTION").execute()
            return value
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try database.writeWithoutTransaction(body) } catch { throw StoreError.wrapping(error, path: path) }
    }

    // MARK: - Reading

    /// The article with this id ("Q178511", "q178511" or "178511"), or nil.
    ///
    /// An archive id the store does not hold finds the docs-as-code article that states it
    /// as its KB number (`Article.kbNumbers`).
    public func article(id: String) throws(StoreError) -> Article? {
        guard let normalized = ArticleID.normalize(id) else { return nil }
        return try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT record, sections_only FROM article WHERE id = ?", arguments: [normalized])
                ?? Row.fetchOne(db, sql: """
                    SELECT a.record, a.sections_only FROM article_alias x JOIN article a ON a.id = x.article_id
                    WHERE x.alias = ? ORDER BY a.id LIMIT 1
                    """, arguments: [normalized])
            guard let row else { return nil }
            return try StoredRecord.decode(row["record"], sectionsOnly: row["sections_only"])
        }
    }

    /// The ids of the articles that state `id` as their KB number: an archive article's
    /// successors in a docs-as-code knowledge base.
    public func successors(of id: String) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT article_id FROM article_alias WHERE alias = ? ORDER BY article_id", arguments: [id])
        }
    }

    /// The knowledge bases in the store, by name, with how many articles each holds.
    public func knowledgeBases() throws(StoreError) -> [(name: String, articles: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT knowledge_base AS name, count(*) AS n FROM article WHERE knowledge_base IS NOT NULL
                GROUP BY knowledge_base ORDER BY knowledge_base
                """).map { ($0["name"], $0["n"]) }
        }
    }

    /// How many articles the store holds.
    public var count: Int {
        get throws(StoreError) { try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 } }
    }
}
