import Foundation
import GRDB
import GRDBSQLite


/// Each article's length in tokens in the two ranked full-text indexes, two bytes a row of
/// `article` (`index_lengths`, Schema/v6.sql): what bm25 divides by (`SnapshotBM25`).
///
/// FTS5 keeps a length in one docsize row an article: ranking some 170 rows looked up as
/// many rows, most on a page of their own, half the pages a whole search read. Read as one
/// value, an index's lengths are some 30 pages for the archive. Like the bitmaps of
/// `TermRows`, the lengths exist only while they agree with the index: the first article an
/// import changes empties the table in the same transaction, and the import's end writes
/// them again; without them, FTS5 is asked for each row's length, as before.
enum IndexLengths {
    /// Stands for a length that two bytes cannot hold: FTS5 is asked for it.
    static let tooLong = Int(UInt16.max)

    /// Empties the table: the indexes are about to change.
    static func clear(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM index_lengths")
    }

    /// Whether the store holds articles but no lengths: an import changed the indexes and
    /// stopped before its end wrote them again.
    static func areMissing(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM index_lengths) AND EXISTS (SELECT 1 FROM article)") ?? false
    }

    /// Writes the lengths again from the indexes.
    static func refresh(_ db: Database) throws {
        try clear(db)
        let insert = try db.makeStatement(sql: "INSERT INTO index_lengths(name, lengths) VALUES (?, ?)")
        for index in FullTextIndex.allCases {
            try insert.execute(arguments: [index.table, Data(indexed(index, in: db))])
        }
    }

    /// The stored lengths of the index named `table`, read through `connection` (from inside
    /// a query: `SnapshotBM25`); nil while an import changes it, or when they cannot be read.
    static func stored(of table: String, connection: OpaquePointer?) -> Stored? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, "SELECT lengths FROM index_lengths WHERE name = ?", -1, &statement, nil) == SQLITE_OK
        else { return nil }
        let stored = Stored(statement: statement)
        guard sqlite3_bind_text(statement, 1, table, -1, Statement.transient) == SQLITE_OK,
              sqlite3_step(statement) == SQLITE_ROW, let blob = sqlite3_column_blob(statement, 0)
        else { return nil }
        stored.bytes = UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(statement, 0)))
        return stored
    }

    /// Stored lengths where SQLite read them, in the row of the statement that read them (a
    /// copy would be another 120 KB of fresh memory a search for the archive's index).
    final class Stored {
        private let statement: OpaquePointer?
        /// Valid while this lives: the statement stays on its row.
        fileprivate(set) var bytes = UnsafeRawBufferPointer(start: nil, count: 0)

        fileprivate init(statement: OpaquePointer?) { self.statement = statement }

        deinit { sqlite3_finalize(statement) }
    }

    /// The length of the article in row `rowid` from the stored `lengths`, nil when they do
    /// not hold it.
    static func length(ofRow rowid: Int64, in lengths: UnsafeRawBufferPointer) -> Int32? {
        guard rowid >= 0, rowid < lengths.count / 2 else { return nil }
        let offset = Int(rowid) * 2
        let length = Int(lengths[offset]) | Int(lengths[offset + 1]) << 8
        return length == tooLong ? nil : Int32(length)
    }

    /// A problem for each index whose stored lengths disagree with it (`kb check`).
    static func disagreements(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT name, lengths FROM index_lengths ORDER BY name").compactMap { row in
            let name: String = row["name"]
            guard let index = FullTextIndex.allCases.first(where: { $0.table == name }) else {
                return "stored lengths of an unknown full-text index '\(name)'"
            }
            let stored = [UInt8](row["lengths"] as Data)
            let expected = try indexed(index, in: db)
            let rows = max(stored.count, expected.count) / 2
            let differing = (0..<rows).filter { row in
                (0...1).contains { stored[safe: 2 * row + $0] != expected[safe: 2 * row + $0] }
            }.count
            return differing == 0 ? nil : "the stored lengths of full-text index \(name) disagree with it in \(differing) articles"
        }
    }

    /// The lengths as the index's docsize table gives them: the sum of a row's column sizes.
    static func indexed(_ index: FullTextIndex, in db: Database) throws -> [UInt8] {
        let table = "\(index.table)_docsize"
        let lastRow = try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(table)") ?? -1
        var lengths = [UInt8](repeating: 0, count: Int(lastRow + 1) * 2)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, sz FROM \(table)")
        while let row = try rows.next() {
            let rowid: Int64 = row[0]
            let length = min(try row.withUnsafeData(atIndex: 1) { sizes in Self.sum(ofVarints: sizes ?? Data()) }, tooLong)
            lengths[Int(rowid) * 2] = UInt8(length & 0xFF)
            lengths[Int(rowid) * 2 + 1] = UInt8(length >> 8)
        }
        return lengths
    }

    /// The sum of the SQLite varints (big-endian, seven bits a byte and a high bit saying
    /// another follows; the ninth byte gives eight) that FTS5 writes a docsize row as.
    static func sum(ofVarints bytes: Data) -> Int {
        var sum = 0, value = 0, count = 0
        for byte in bytes {
            count += 1
            if count == 9 {
                value = value << 8 | Int(byte)
            } else {
                value = value << 7 | Int(byte & 0x7F)
                if byte & 0x80 != 0 { continue }
            }
            sum += value
            value = 0
            count = 0
        }
        return sum
    }
}

private extension Array where Element == UInt8 {
    subscript(safe index: Int) -> UInt8 { index < count ? self[index] : 0 }
}
