import GRDB
import GRDBSQLite

/// The rows a ranked query matched, gathered by `SnapshotBM25` with their phrase counts, then
/// ranked by bm25 reading the lengths of as few of them as can be.
///
/// Scoring each row as it came read every matched row's length: one chunk of `IndexLengths`
/// for each 2,000 rows the matches spread over, in a store of a million articles most of the
/// chunks (338 of the 797 page reads of a search there). A row's phrase instances tell the
/// least its text can hold (each column at least up to its last instance), and so the most
/// it can score. The rows that can score most are scored first, which sets the score to beat;
/// every other row is scored only if the most it can score reaches it. The best rows and
/// their scores are those of scoring every row, rows of equal scores taken in rowid order,
/// as SQLite's `ORDER BY score LIMIT` takes them. Where the rows are denser than the chunks
/// (a small store), each chunk is read anyway, and each row is scored in order.
final class MatchedRows {
    /// The SQLite pointer type the function and the caller agree on (`sqlite3_bind_pointer`
    /// keeps it, so it is a static string).
    private static let pointerType: StaticString = "kb_matched_rows"
    private static var pointerTypeName: UnsafePointer<CChar> {
        UnsafeRawPointer(pointerType.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    private var figures: SnapshotBM25.QueryFigures?
    /// Each row as it came: its rowid, its length (negative: not known yet), the least
    /// length its instances allow, then its phrase counts. One array, unchecked (FTS5 calls
    /// back one row at a time on the thread that steps the query): four arrays, each checked
    /// for exclusive access at every append, cost a search 0.4 M more instructions.
    @exclusivity(unchecked) private var records: [Double] = []
    private var stride = 0

    /// Binds this collector to `statement`'s parameter `index` for the statement's next run;
    /// `body` runs it, and the parameter is cleared after.
    func bind<T>(to statement: Statement, parameter index: Int32, _ body: () throws -> T) rethrows -> T {
        sqlite3_bind_pointer(statement.sqliteStatement, index, Unmanaged.passUnretained(self).toOpaque(), Self.pointerTypeName, nil)
        defer { sqlite3_bind_null(statement.sqliteStatement, index) }
        return try withExtendedLifetime(self) { try body() }
    }

    /// The collector bound to the function's argument `value`, nil when it is NULL.
    static func bound(to value: OpaquePointer?) -> MatchedRows? {
        sqlite3_value_pointer(value, pointerTypeName).map { Unmanaged<MatchedRows>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Adds the row being scored: its phrase counts are in `figures.frequency`, its columns
    /// hold at least `least` tokens, and `length` is its length when already known.
    func append(rowid: Int64, least: Int32, length: Int32?, figures: SnapshotBM25.QueryFigures) {
        if self.figures == nil {
            self.figures = figures
            stride = 3 + figures.frequency.count
        }
        records.append(Double(rowid))
        records.append(length.map(Double.init) ?? -1)
        records.append(Double(least))
        records.append(contentsOf: UnsafeBufferPointer(figures.frequency))
    }

    /// The best `limit` rows, best first, with their bm25 scores negated (lower is better,
    /// as FTS5 gives them). A row's length is FTS5's, else the stored one, else `indexedLength`'s.
    ///
    /// Up to `sparseUpTo` rows, only those that may be among the best have their lengths
    /// read; more, and every chunk holds one anyway: each is scored. The passes go in the
    /// order the rows came, rowid order, in which the stored lengths are read a chunk at a time.
    func best(_ limit: Int, sparseUpTo: Int, indexedLength: (Int64) throws -> Int32) throws -> [ScoredRow] {
        guard let figures, limit > 0 else { return [] }
        let stride = stride
        return try records.withUnsafeBufferPointer { records in
            let count = records.count / stride
            let rowid = { (row: Int) in Int64(records[row * stride]) }
            let score = { (row: Int, length: Double) in
                figures.score(UnsafeBufferPointer(rebasing: records[row * stride + 3..<(row + 1) * stride]), length: length)
            }
            var kept = Kept(limit)
            func keep(_ row: Int) throws {
                let known = records[row * stride + 1]
                let length = try known >= 0 ? known
                    : Double(figures.lengths?.length(ofRow: rowid(row)) ?? indexedLength(rowid(row)))
                kept.insert(score(row, length), rowid: rowid(row))
            }
            guard count <= sparseUpTo else {
                for row in 0..<count { try keep(row) }
                return kept.ranked
            }
            // The most each row can score: with the least length its instances allow.
            let bounds = (0..<count).map { row in
                score(row, records[row * stride + 1] >= 0 ? records[row * stride + 1] : records[row * stride + 2])
            }
            let first = Self.highest(limit, of: bounds)
            for row in first { try keep(row) }
            var firstRows = first.makeIterator()
            var next = firstRows.next()
            for row in 0..<count {
                if row == next {
                    next = firstRows.next()
                    continue
                }
                // A row that cannot reach the worst kept score (nor tie it) is left unread.
                if kept.isFull, bounds[row] < kept.worst { continue }
                try keep(row)
            }
            return kept.ranked
        }
    }

    /// The most matched rows a chunk of stored lengths at which only the rows that may be
    /// among the best have their lengths read. With more, every chunk is read anyway, and
    /// scoring every row in order costs least.
    package static let rowsPerChunk = 2

    /// The indices of the `count` highest of `bounds`, in ascending order.
    private static func highest(_ count: Int, of bounds: [Double]) -> [Int] {
        var highest: [Int] = []  // by bound, highest first
        highest.reserveCapacity(count + 1)
        for row in bounds.indices {
            guard highest.count < count || bounds[row] > bounds[highest[count - 1]] else { continue }
            let place = highest.firstIndex { bounds[row] > bounds[$0] } ?? highest.count
            highest.insert(row, at: place)
            if highest.count > count { highest.removeLast() }
        }
        return highest.sorted()
    }

    /// The best scores so far, best first: a higher score, or as high and an earlier row
    /// (SQLite's sorter keeps rows of equal scores in the order they came).
    private struct Kept {
        let limit: Int
        private(set) var rows: [(score: Double, rowid: Int64)] = []

        init(_ limit: Int) {
            self.limit = limit
            rows.reserveCapacity(limit + 1)
        }

        var isFull: Bool { rows.count == limit }
        /// The rows kept, best first, their scores negated as FTS5 gives them.
        var ranked: [ScoredRow] { rows.map { ScoredRow(rowid: $0.rowid, score: -1.0 * $0.score) } }
        /// The lowest score kept.
        var worst: Double { rows[rows.count - 1].score }

        mutating func insert(_ score: Double, rowid: Int64) {
            func isBetter(_ kept: (score: Double, rowid: Int64)) -> Bool {
                score > kept.score || (score == kept.score && rowid < kept.rowid)
            }
            if isFull {
                guard isBetter(rows[limit - 1]) else { return }
                rows.removeLast()
            }
            var place = rows.count
            while place > 0, isBetter(rows[place - 1]) { place -= 1 }
            rows.insert((score, rowid), at: place)
        }
    }
}
