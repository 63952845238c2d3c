import GRDB
import GRDBSQLite

extension Statement {
    /// The first column of each row the statement yields with these arguments, as integers
    /// (rowids), stepped through SQLite's C interface.
    ///
    /// Posting lists run to thousands of rows a search; GRDB's generic value cursor spent
    /// about 700 instructions a row decoding and appending each rowid (callgrind, dev queries
    /// on the archive and docs-as-code store), more than SQLite spent finding it.
    func rowids(arguments: StatementArguments) throws -> [Int64] {
        var rowids: [Int64] = []
        try step(arguments: arguments) { statement in rowids.append(sqlite3_column_int64(statement, 0)) }
        return rowids
    }

    /// Steps through the rows the statement yields with these arguments, through SQLite's C
    /// interface: `body` reads each from the statement (`sqlite3_column_*`) while it is the
    /// current row.
    func step(arguments: StatementArguments, _ body: (OpaquePointer) throws -> Void) throws {
        try setArguments(arguments)
        defer { sqlite3_reset(sqliteStatement) }
        while true {
            switch sqlite3_step(sqliteStatement) {
            case SQLITE_ROW:
                try body(sqliteStatement)
            case SQLITE_DONE:
                return
            case let code:
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))), sql: sql, arguments: arguments)
            }
        }
    }

    /// Each row the statement yields with these arguments, read by `transform` while it is
    /// the statement's current row. `Row.fetchAll` and `fetchOne` copy each row first, its
    /// column names made into strings: 16,000 instructions a row, 1 M of a whole search.
    func rows<T>(arguments: StatementArguments, _ transform: (Row) throws -> T) throws -> [T] {
        let cursor = try Row.fetchCursor(self, arguments: arguments)
        var values: [T] = []
        while let row = try cursor.next() { values.append(try transform(row)) }
        return values
    }
}
