import Foundation
import GRDB

/// One import's writes: a row in `import_run`, articles written in transactions of a bounded
/// size, and the term statistics refreshed at the end. Made by `ArticleStore.importRun`.
///
/// Large transactions let FTS5 write fewer, larger index segments; `commitIfDue` also commits
/// after a second, which bounds what a crash can take back. A crash leaves whole articles
/// only, and running the same import again completes the store.
package final class ImportSession {
    private let db: Database
    private let writer: ArticleWriter
    private let runID: Int64
    private let articlesPerTransaction: Int
    private var pending = 0
    private var lastCommit = Date()
    /// Whether the common words' bitmaps and the stored lengths are gone: they go with the
    /// first article changed.
    private var derivedCleared = false

    fileprivate init(db: Database, startedAt: String, articlesPerTransaction: Int) throws {
        self.db = db
        self.articlesPerTransaction = articlesPerTransaction
        // How many files were scanned is known at the end: files are found as the import goes.
        try db.execute(sql: "INSERT INTO import_run(started_at) VALUES (?)", arguments: [startedAt])
        runID = db.lastInsertedRowID
        writer = try ArticleWriter(db: db, importedAt: startedAt)
    }

    /// Stores an article, or keeps the stored version (see `MergePolicy`).
    package func store(_ article: StoredArticle) throws -> ArticleWriter.Effect {
        pending += 1
        let effect = try writer.store(article)
        if effect != .unchanged && !derivedCleared {
            try TermRows.clear(db)
            try IndexLengths.clear(db)
            derivedCleared = true
        }
        return effect
    }

    /// Remembers the path of a markdown twin that loses to the stored DOCUMENT copy.
    package func recordTwin(path: String, id: String, lastModified: String?) throws {
        try writer.recordTwin(path: path, id: id, lastModified: lastModified)
    }

    /// Commits the open transaction when it holds enough articles or is a second old.
    package func commitIfDue() throws {
        guard pending >= articlesPerTransaction || Date().timeIntervalSince(lastCommit) >= 1 else { return }
        try db.commit()
        try db.beginTransaction()
        pending = 0
        lastCommit = Date()
    }

    /// Records the run's counts and, if any article changed, merges each full-text index into
    /// one segment and refreshes the term statistics, the common words' bitmaps and the
    /// stored lengths. The articles are committed first: the statistics and bitmaps are read
    /// from them on `readers`' connections while the indexes merge (`DerivedTables`). So an
    /// import stopped here leaves its articles without the lengths (they went with the first
    /// article changed), and the next import refreshes all, even when it changes nothing.
    fileprivate func finish(_ counts: ImportCounts, readers: DatabasePool) throws {
        let refresh = try counts.new + counts.updated > 0 || IndexLengths.areMissing(db)
        if refresh {
            try db.commit()
            try db.beginTransaction()
        }
        try db.execute(
            sql: """
                UPDATE import_run SET finished_at = ?, scanned = ?, new = ?, updated = ?, unchanged = ?, failed = ?
                WHERE id = ?
                """,
            arguments: [ISO8601DateFormatter().string(from: Date()), counts.scanned, counts.new, counts.updated,
                        counts.unchanged, counts.failed, runID])
        guard refresh else { return }
        let derived = try DerivedTables.read(from: readers) { try IndexSegments.merge(db) }
        try derived.write(db)
        try IndexLengths.refresh(db)
    }
}

/// What an import run did, as recorded in `import_run`.
package struct ImportCounts: Sendable {
    /// Input files (and standard input) read.
    package var scanned = 0
    /// Articles stored for the first time.
    package var new = 0
    /// Articles replaced by a newer version.
    package var updated = 0
    /// Articles already stored as they are.
    package var unchanged = 0
    /// Files that could not be imported.
    package var failed = 0

    /// Counts as given.
    package init(scanned: Int = 0, new: Int = 0, updated: Int = 0, unchanged: Int = 0, failed: Int = 0) {
        self.scanned = scanned
        self.new = new
        self.updated = updated
        self.unchanged = unchanged
        self.failed = failed
    }
}

extension ArticleStore {
    /// Runs an import: `body` stores articles through the session and returns the run's
    /// counts. Everything `body` stored is committed when it returns; when it throws, the
    /// transaction under way is rolled back and the error passed on.
    package func importRun(
        startedAt: Date, articlesPerTransaction: Int, _ body: (ImportSession) throws -> ImportCounts
    ) throws(StoreError) {
        let startedAt = ISO8601DateFormatter().string(from: startedAt)
        // A store opened to write is a pool of connections (`init`): its readers read the
        // statistics at the end.
        guard let readers = database as? DatabasePool else { throw StoreError(path: path, reason: "this store is open to read only") }
        try write { db in
            try BulkLoad.begin(db)
            defer { try? BulkLoad.end(db) }
            let session = try ImportSession(
                db: db, startedAt: startedAt, articlesPerTransaction: articlesPerTransaction)
            try db.beginTransaction()
            do {
                let counts = try body(session)
                try session.finish(counts, readers: readers)
                try db.commit()
            } catch {
                try? db.rollback()
                throw error
            }
        }
    }
}

/// SQLite and FTS5 settings for a bulk load, put back afterwards (FTS5's are explained in
/// `IndexSegments.bulkLoadSettings`). None of them risks the store: in
/// WAL mode `synchronous = NORMAL` is the setting SQLite documents as safe from corruption,
/// after a killed process and after a power loss alike (a power loss may take back the last
/// committed transactions, never leave half of one). `OFF` would risk corruption on a power loss.
enum BulkLoad {
    static func begin(_ db: Database) throws {
        try db.execute(sql: """
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -131072;
            PRAGMA wal_autocheckpoint = 10000;
            PRAGMA temp_store = MEMORY;
            """)
        try IndexSegments.configure(db, IndexSegments.bulkLoadSettings)
    }

    static func end(_ db: Database) throws {
        try IndexSegments.configure(db, IndexSegments.defaultSettings)
        try db.execute(sql: """
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -2000;
            PRAGMA wal_autocheckpoint = 1000;
            PRAGMA wal_checkpoint(TRUNCATE);
            """)
    }
}
