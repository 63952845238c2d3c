import Testing
@testable import KBStore

/// A ranked query's rows gathered and ranked after it (`MatchedRows`) must come out as scoring
/// every row would rank them: the same rows, the same scores, ties in rowid order, whether
/// rows are left unread or not.
@Suite struct MatchedRowsTests {
    /// A row: its phrase counts, its length, and the least length its instances show.
    struct Row {
        let rowid: Int64
        let counts: [Double]
        let length: Int32
        let least: Int32
    }

    /// Rows of three phrases in varied texts, some of them alike (equal scores), from a fixed
    /// seed so that a failure repeats.
    static func rows(_ count: Int, seed: UInt64) -> [Row] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            if index % 7 == 3 { return Row(rowid: Int64(index * 3 + 1), counts: [1, 0, 2], length: 120, least: 40) }
            let counts = (0..<3).map { _ in Double(random.next() % 4) * [1.0, 8.0, 10.0][Int(random.next() % 3)] }
            let length = Int32(20 + random.next() % 900)
            return Row(rowid: Int64(index * 3 + 1), counts: counts, length: length, least: Int32(random.next() % UInt64(length + 1)))
        }
    }

    /// Every row scored, best first, ties by rowid.
    static func expected(_ rows: [Row], _ figures: SnapshotBM25.QueryFigures, limit: Int) -> [ScoredRow] {
        let scored = rows.map { row in
            (score: row.counts.withUnsafeBufferPointer { figures.score($0, length: Double(row.length)) }, rowid: row.rowid)
        }
        return scored.sorted { $0.score > $1.score || ($0.score == $1.score && $0.rowid < $1.rowid) }
            .prefix(limit).map { ScoredRow(rowid: $0.rowid, score: -1.0 * $0.score) }
    }

    /// Gathers `rows` as the ranking function does and ranks them; returns the ranking and
    /// how many lengths were read.
    static func ranked(_ rows: [Row], limit: Int, sparseUpTo: Int = .max) throws -> (best: [ScoredRow], read: Int, figures: SnapshotBM25.QueryFigures) {
        let figures = SnapshotBM25.QueryFigures(idf: [2.5, 0.7, 1.3], averageLength: 300, lengths: nil, columns: 5)
        let matched = MatchedRows()
        for row in rows {
            for (phrase, count) in row.counts.enumerated() { figures.frequency[phrase] = count }
            matched.append(rowid: row.rowid, least: row.least, length: nil, figures: figures)
        }
        let lengths = Dictionary(uniqueKeysWithValues: rows.map { ($0.rowid, $0.length) })
        var read = 0
        let best = try matched.best(limit, sparseUpTo: sparseUpTo) { rowid in
            read += 1
            return lengths[rowid]!
        }
        return (best, read, figures)
    }

    @Test(arguments: [1, 3, 10, 30, 500])
    func rowsAreRankedAsScoringEveryRowRanksThem(limit: Int) throws {
        for seed: UInt64 in [11, 12, 13] {
            let rows = Self.rows(400, seed: seed)
            let (best, read, figures) = try Self.ranked(rows, limit: limit)
            #expect(best == Self.expected(rows, figures, limit: limit))
            // Rows that cannot be among the best are left unread.
            if limit <= 30 { #expect(read < rows.count / 2) }
        }
    }

    @Test(arguments: [1, 30])
    func denseRowsAreEachScored(limit: Int) throws {
        let rows = Self.rows(400, seed: 14)
        let (best, read, figures) = try Self.ranked(rows, limit: limit, sparseUpTo: 399)
        #expect(best == Self.expected(rows, figures, limit: limit))
        #expect(read == rows.count)
    }

    @Test func noRowsRankNone() throws {
        #expect(try MatchedRows().best(10, sparseUpTo: .max) { _ in 1 }.isEmpty)
    }
}
