import CSQLiteSettings
import GRDBSQLite

/// SQLite's settings for the whole process, made before it opens its first connection.
public enum SQLiteProcessSettings {
    /// Multi-thread mode: connections are opened without a mutex of their own, which GRDB,
    /// using each connection from one thread at a time, does not need (it supports no other
    /// mode). And no memory statistics, which kb never reads: SQLite otherwise takes a
    /// process-wide mutex around each allocation to keep them. Together they were 4% of the
    /// instructions of one whole `kb search` (callgrind).
    ///
    /// Returns false when SQLite was already in use, and then changes nothing.
    @discardableResult
    public static func apply() -> Bool {
        kb_sqlite_configure_process() == SQLITE_OK
    }
}
