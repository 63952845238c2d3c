import GRDB

/// How the store's file keeps its transactions: WAL while an import writes, a rollback
/// journal between imports.
///
/// A writer's connection pool puts the file in WAL mode, so that searches run while an import
/// writes. But in WAL mode each search opens the -wal and -shm files beside the store, and the
/// first connection to open them (every one-shot search is) truncates and rebuilds the
/// shared-memory index: a read-only command writing a file and some forty system calls. In
/// rollback-journal mode a search only takes a shared lock. So the last writer to close puts
/// the store back in that mode, when no other connection holds it in WAL mode (a server's
/// readers do: the store then stays in WAL mode, which is as correct, only slower to open).
enum StoreJournal {
    /// Puts the store at `path` in rollback-journal mode, unless another connection still
    /// holds it in WAL mode; never waits for one. SQLite checkpoints the WAL into the file and
    /// removes it first, in one step that a crash cannot leave half done.
    static func rest(path: String) {
        // No busy timeout: a connection still open in WAL mode answers at once, and keeps it.
        guard let queue = try? DatabaseQueue(path: path, configuration: Configuration()) else { return }
        _ = try? queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
        try? queue.close()
    }
}
