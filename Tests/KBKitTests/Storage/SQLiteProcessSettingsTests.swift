import GRDB
import GRDBSQLite
import Testing
@testable import KBStore

/// The process-wide SQLite settings `kb` makes at start: once SQLite is in use they can no
/// longer be made, and saying so must not change how connections are opened.
@Suite struct SQLiteProcessSettingsTests {
    @Test func refusedOnceSQLiteIsInUse() throws {
        let queue = try DatabaseQueue()
        let applied = SQLiteProcessSettings.apply()
        let before = try queue.read { db in sqlite3_db_mutex(db.sqliteConnection) != nil }
        #expect(!applied)
        // A connection opened afterwards is opened as SQLite's compiled-in mode says, as before.
        let later = try DatabaseQueue()
        #expect(try later.read { db in sqlite3_db_mutex(db.sqliteConnection) != nil } == before)
    }
}
