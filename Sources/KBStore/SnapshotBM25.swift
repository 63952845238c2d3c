import Foundation
import GRDB
import GRDBSQLite
import KBModel

/// `kb_bm25(table, counts, index, rows, weights…)`: FTS5's own bm25, with each phrase's
/// document count given by the caller instead of counted by the query, each row gathered for
/// ranking after the query.
///
/// FTS5's `bm25` counts the rows of every phrase of the query before it scores the first row
/// (it runs each phrase as a query of its own): for a common word, its whole posting list
/// again. That was an eighth of a search's instructions (callgrind, dev queries on the
/// archive and docs-as-code store). kb already holds most of these counts (`TermStatistics`:
/// `term_stats` for the whole-text index, `head_term_stats` for the head index and the codes
/// column), so both indexes are scored with them; the arithmetic is FTS5's, step for step, so
/// the scores are the same numbers while the counts are current (an import refreshes them).
///
/// `counts` is the phrases' document counts in the order the query names them, separated
/// by spaces, `-` for a phrase kb has no count of (several words, or a term imported since
/// the counts were taken), which FTS5 then counts as `bm25` does. `index` names the table
/// whose stored lengths (`IndexLengths`) stand in for FTS5's docsize rows; NULL, and FTS5 is
/// asked for each row's length. `rows` is the `MatchedRows` the caller bound
/// (`MatchedRows.bind`): each row's phrase counts are gathered there, and the rows are ranked
/// after the query, which reads the lengths of only those that may be among the best. The
/// function itself gives NULL. The weights follow, one per column, as `bm25` takes them.
enum SnapshotBM25 {
    static let name = "kb_bm25"

    /// The `counts` argument for these counts, nil where FTS5 is to count.
    static func countsArgument(_ counts: [Int?]) -> String {
        counts.map { $0.map(String.init) ?? "-" }.joined(by: " ")
    }

    /// Adds the function to a connection.
    static func register(_ db: Database) throws {
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        guard let create = api.pointee.xCreateFunction,
              create(api, name, nil, score, nil) == SQLITE_OK
        else { throw DatabaseError(message: "cannot add the \(name) ranking function to FTS5") }
    }

    /// One query's figures, computed at its first row (kept by FTS5 as the query's aux data).
    final class QueryFigures {
        let idf: [Double]
        let averageLength: Double
        /// The index's stored lengths, nil when FTS5 is asked for each.
        let lengths: IndexLengths.Stored?
        /// Each phrase's weighted count in the row being scored (a buffer of its own: an
        /// array property would be checked for exclusive access at every write).
        let frequency: UnsafeMutableBufferPointer<Double>
        /// Per column, the position past the last phrase instance in the row being scored:
        /// the column holds at least as many tokens.
        let columnEnds: UnsafeMutableBufferPointer<Int32>

        init(idf: [Double], averageLength: Double, lengths: IndexLengths.Stored?, columns: Int) {
            self.idf = idf
            self.averageLength = averageLength
            self.lengths = lengths
            frequency = .allocate(capacity: idf.count)
            columnEnds = .allocate(capacity: columns)
        }

        deinit {
            frequency.deallocate()
            columnEnds.deallocate()
        }

        /// bm25 of a row with these phrase counts (`frequency`'s order) and a text of
        /// `length` tokens. Each term falls as the length grows, and so, as rounded, does
        /// their sum: a length below the row's gives a score no lower than its own.
        func score(_ frequency: UnsafeBufferPointer<Double>, length: Double) -> Double {
            let k1 = 1.2, b = 0.75
            var score = 0.0
            for (idf, frequency) in zip(idf, frequency) {
                score += idf * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * length / averageLength)))
            }
            return score
        }
    }

    private static let score: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let values else { return }
        let rc = rank(api, fts, context, Int(count), values)
        if rc != SQLITE_OK { sqlite3_result_error_code(context, rc) }
    }

    /// FTS5's `fts5Bm25Function` (k1 1.2, b 0.75), the IDFs from the given counts: what it
    /// needs of each row gathered in the query's `MatchedRows`.
    private static func rank(
        _ api: Fts5ExtensionApi, _ fts: OpaquePointer?, _ context: OpaquePointer?, _ count: Int,
        _ values: UnsafeMutablePointer<OpaquePointer?>
    ) -> Int32 {
        guard count >= 3, let matched = MatchedRows.bound(to: values[2]) else { return SQLITE_ERROR }
        let figures: QueryFigures
        if let stored = api.xGetAuxdata!(fts, 0) {
            figures = Unmanaged<QueryFigures>.fromOpaque(stored).takeUnretainedValue()
        } else {
            var rowCount: Int64 = 0, tokenCount: Int64 = 0
            var rc = api.xRowCount!(fts, &rowCount)
            if rc == SQLITE_OK { rc = api.xColumnTotalSize!(fts, -1, &tokenCount) }
            guard rc == SQLITE_OK else { return rc }
            let text = sqlite3_value_text(values[0]).map { String(cString: $0) } ?? ""
            let given = text.split(separator: " ").map { Int64($0) }
            guard given.count == Int(api.xPhraseCount!(fts)) else { return SQLITE_MISMATCH }
            var idf: [Double] = []
            for (phrase, count) in given.enumerated() {
                var hits = count ?? 0
                if count == nil {
                    rc = api.xQueryPhrase!(fts, Int32(phrase), &hits) { _, _, hits in
                        hits!.assumingMemoryBound(to: Int64.self).pointee += 1
                        return SQLITE_OK
                    }
                    guard rc == SQLITE_OK else { return rc }
                }
                let value = log((Double(rowCount - hits) + 0.5) / (Double(hits) + 0.5))
                idf.append(value <= 0 ? 1e-6 : value)
            }
            // Read in the query's own transaction, so they are the lengths of the rows it scores.
            let lengths = sqlite3_value_text(values[1])
                .flatMap { name in FullTextIndex.allCases.first { $0.table == String(cString: name) } }
                .flatMap { index in IndexLengths.stored(of: index, connection: sqlite3_context_db_handle(context)) }
            figures = QueryFigures(
                idf: idf, averageLength: Double(tokenCount) / Double(rowCount), lengths: lengths,
                columns: Int(api.xColumnCount!(fts)))
            rc = api.xSetAuxdata!(fts, Unmanaged.passRetained(figures).toOpaque()) { pointer in
                pointer.map { Unmanaged<QueryFigures>.fromOpaque($0).release() }
            }
            guard rc == SQLITE_OK else { return rc }
        }
        // Each phrase's instances in the row, in the order FTS5's instance list holds them
        // (by column, then offset), so each sum is bm25's to the bit. Read phrase by phrase:
        // the instance list `bm25` reads (xInst) is all phrases' lists merged first, which
        // cost a third of the instructions of scoring a row (callgrind). The instances also
        // tell the least each column holds.
        let frequency = figures.frequency, ends = figures.columnEnds
        ends.initialize(repeating: 0)
        for phrase in frequency.indices {
            var instances = Fts5PhraseIter(), column: Int32 = 0, offset: Int32 = 0
            let rc = api.xPhraseFirst!(fts, Int32(phrase), &instances, &column, &offset)
            guard rc == SQLITE_OK else { return rc }
            var sum = 0.0
            while column >= 0 {
                sum += count - 3 > Int(column) ? sqlite3_value_double(values[3 + Int(column)]) : 1.0
                if Int(column) < ends.count { ends[Int(column)] = max(ends[Int(column)], offset + 1) }
                api.xPhraseNext!(fts, &instances, &column, &offset)
            }
            frequency[phrase] = sum
        }
        // Its length is read later, and only if its score may be among the best, unless
        // there are no stored lengths to read.
        var length: Int32? = nil
        if figures.lengths == nil {
            var tokens: Int32 = 0
            let rc = api.xColumnSize!(fts, -1, &tokens)
            guard rc == SQLITE_OK else { return rc }
            length = tokens
        }
        matched.append(rowid: api.xRowid!(fts), least: ends.reduce(0, +), length: length, figures: figures)
        sqlite3_result_null(context)
        return SQLITE_OK
    }
}
