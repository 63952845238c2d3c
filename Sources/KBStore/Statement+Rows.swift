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
        try step(body)
    }

    /// Steps through the rows the statement yields with the arguments it holds, as
    /// `step(arguments:_:)` does.
    func step(_ body: (OpaquePointer) throws -> Void) throws {
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

extension Statement {
    /// Runs the statement once for each of `rows`, `bind` binding each one's arguments through
    /// SQLite's C interface (`sqlite3_bind_*`, `Statement.bind(_:to:in:)` for text). An
    /// import's end writes some 130,000 rows of term statistics for the archive, and GRDB's
    /// arguments cost a few thousand instructions a row, more than the insert.
    func executeEach<S: Sequence>(_ rows: S, _ bind: (OpaquePointer, S.Element) -> Void) throws {
        defer { sqlite3_reset(sqliteStatement) }
        for row in rows {
            bind(sqliteStatement, row)
            let code = sqlite3_step(sqliteStatement)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))), sql: sql)
            }
            sqlite3_reset(sqliteStatement)
        }
    }

    /// Binds `text` to parameter `index` (from 1) of `statement`; SQLite copies it.
    static func bind(_ text: String, to index: Int32, in statement: OpaquePointer) {
        _ = text.withCString { sqlite3_bind_text(statement, index, $0, -1, transient) }
    }

    /// The text in column `index` (from 0) of `statement`'s current row, nil when it is NULL.
    static func text(_ statement: OpaquePointer, _ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, index) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
    }

    /// The bytes of column `index` (from 0) of `statement`'s current row, where they lie in
    /// SQLite's row (valid until the statement steps on or resets); empty for NULL or an
    /// empty value.
    static func bytes(_ statement: OpaquePointer, _ index: Int32) -> UnsafeBufferPointer<UInt8> {
        // The pointer first, then its length: SQLite's order, so that a text value is not
        // converted in between.
        let start = sqlite3_column_blob(statement, index)?.assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, index)))
    }

    /// The integer in column `index` of the statement's current row; nil for NULL.
    static func integer(_ statement: OpaquePointer, _ index: Int32) -> Int? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, index))
    }

    /// SQLITE_TRANSIENT, a macro Swift does not import: SQLite copies what is bound.
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
