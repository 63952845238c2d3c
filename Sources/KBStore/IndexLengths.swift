import Foundation
import GRDB
import GRDBSQLite


/// Each article's length in tokens in the two ranked full-text indexes, two bytes a row of
/// `article`, in chunks of 2,000 rows (`index_length_chunk`, Schema/v7.sql): what bm25
/// divides by (`SnapshotBM25`).
///
/// FTS5 keeps a length in one docsize row an article: ranking some 170 rows looked up as
/// many rows, most on a page of their own, half the pages a whole search read. A chunk holds
/// the lengths of 2,000 rows on one page, and a query reads the chunks of the rows it scores:
/// at most 31 pages an index for the archive, and no more for a million articles (one value
/// of all the lengths, as v6 kept them, was 2 MB read a query there). Like the bitmaps of
/// `TermRows`, the lengths exist only while they agree with the index: the first article an
/// import changes empties the table in the same transaction, and the import's end writes
/// them again; without them, FTS5 is asked for each row's length, as before.
enum IndexLengths {
    /// Stands for a length that two bytes cannot hold: FTS5 is asked for it.
    static let tooLong = Int(UInt16.max)
    /// Rows a chunk holds the lengths of: 4,000 bytes, a chunk and its row fit on a page.
    static let chunkRows: Int64 = 2000

    /// The row of `index_length_chunk` holding the chunk `chunk` of `index`.
    static func chunkID(_ chunk: Int64, of index: FullTextIndex) -> Int64 {
        chunk * 2 + (index == .body ? 0 : 1)
    }

    /// Empties the table: the indexes are about to change.
    static func clear(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM index_length_chunk")
    }

    /// Whether the store holds articles but no lengths: an import changed the indexes and
    /// stopped before its end wrote them again.
    static func areMissing(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM index_length_chunk) AND EXISTS (SELECT 1 FROM article)") ?? false
    }

    /// Writes the lengths again from the indexes.
    static func refresh(_ db: Database) throws {
        try clear(db)
        let insert = try db.makeStatement(sql: "INSERT INTO index_length_chunk(id, lengths) VALUES (?, ?)")
        let chunkBytes = Int(chunkRows) * 2
        for index in FullTextIndex.allCases {
            let lengths = try indexed(index, in: db)
            for (chunk, start) in stride(from: 0, to: lengths.count, by: chunkBytes).enumerated() {
                let bytes = Data(lengths[start..<min(start + chunkBytes, lengths.count)])
                try insert.execute(arguments: [chunkID(Int64(chunk), of: index), bytes])
            }
        }
    }

    /// The stored lengths of `index`, read through `connection` (from inside a query:
    /// `SnapshotBM25`) as rows ask for them; nil when they cannot be read.
    static func stored(of index: FullTextIndex, connection: OpaquePointer?) -> Stored? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, "SELECT lengths FROM index_length_chunk WHERE id = ?", -1, &statement, nil) == SQLITE_OK
        else { return nil }
        return Stored(statement: statement, index: index)
    }

    /// One index's stored lengths, read a chunk at a time: a query scores its rows in rowid
    /// order, so the chunk read last is kept (where SQLite read it, in the statement's row).
    final class Stored {
        private let statement: OpaquePointer?
        private let index: FullTextIndex
        private var chunk: Int64 = -1
        private var bytes = UnsafeRawBufferPointer(start: nil, count: 0)

        fileprivate init(statement: OpaquePointer?, index: FullTextIndex) {
            self.statement = statement
            self.index = index
        }

        deinit { sqlite3_finalize(statement) }

        /// The length of the article in row `rowid`, nil when no chunk holds it (the lengths
        /// are missing) or it is too long for two bytes.
        func length(ofRow rowid: Int64) -> Int32? {
            guard rowid >= 0 else { return nil }
            let chunk = rowid / IndexLengths.chunkRows
            if chunk != self.chunk {
                self.chunk = chunk
                sqlite3_reset(statement)
                sqlite3_bind_int64(statement, 1, IndexLengths.chunkID(chunk, of: index))
                if sqlite3_step(statement) == SQLITE_ROW, let blob = sqlite3_column_blob(statement, 0) {
                    bytes = UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(statement, 0)))
                } else {
                    bytes = UnsafeRawBufferPointer(start: nil, count: 0)
                }
            }
            return IndexLengths.length(ofRow: rowid - chunk * IndexLengths.chunkRows, in: bytes)
        }
    }

    /// The length of the article in row `rowid` from the stored `lengths`, nil when they do
    /// not hold it.
    static func length(ofRow rowid: Int64, in lengths: UnsafeRawBufferPointer) -> Int32? {
        guard rowid >= 0, rowid < lengths.count / 2 else { return nil }
        let offset = Int(rowid) * 2
        let length = Int(lengths[offset]) | Int(lengths[offset + 1]) << 8
        return length == tooLong ? nil : Int32(length)
    }

    /// The stored lengths of `index`, its chunks put together in order (a missing chunk as
    /// zeros).
    static func storedBytes(of index: FullTextIndex, in db: Database) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let first = chunkID(0, of: index)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, lengths FROM index_length_chunk WHERE id >= ? AND id % 2 = ? ORDER BY id",
            arguments: [first, first % 2])
        while let row = try rows.next() {
            let start = Int((row[0] as Int64 - first) / 2 * chunkRows * 2)
            if bytes.count < start { bytes += [UInt8](repeating: 0, count: start - bytes.count) }
            bytes += [UInt8](row[1] as Data)
        }
        return bytes
    }

    /// A problem for each index whose stored lengths disagree with it (`kb check`).
    static func disagreements(_ db: Database) throws -> [String] {
        guard try !areMissing(db) else { return [] }
        return try FullTextIndex.allCases.compactMap { index in
            let stored = try storedBytes(of: index, in: db)
            let expected = try indexed(index, in: db)
            let rows = max(stored.count, expected.count) / 2
            let differing = (0..<rows).filter { row in
                (0...1).contains { stored[safe: 2 * row + $0] != expected[safe: 2 * row + $0] }
            }.count
            return differing == 0 ? nil : "the stored lengths of full-text index \(index.table) disagree with it in \(differing) articles"
        }
    }

    /// The length of the article in row `rowid` as the index's docsize table gives it (0 when
    /// it has no row): for a row whose stored length is missing or too long.
    static func indexedLength(ofRow rowid: Int64, in index: FullTextIndex, _ db: Database) throws -> Int32 {
        let sizes = try Data.fetchOne(db.cachedStatement(sql: "SELECT sz FROM \(index.table)_docsize WHERE id = ?"), arguments: [rowid])
        return Int32(clamping: sum(ofVarints: sizes ?? Data()))
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
