import Foundation
import GRDB
import GRDBSQLite


/// Which articles hold each common word of the whole-text index, one bitmap over the rowids
/// of `article` a word (`term_rows`, Schema/v5.sql).
///
/// Finding which of a search's candidates hold a common word otherwise means reading the
/// word's posting list, thousands of rows, or seeking into it once a candidate; a bitmap
/// answers with one row read and a bit test a candidate. Bitmaps exist only while they agree
/// with the index: the first article an import changes empties the table in the same
/// transaction, and the import's end writes them again with the term statistics.
enum TermRows {
    /// The fewest articles a word is held by to get a bitmap, in a store of `articles`: one
    /// in 64, where a bitmap (a bit an article) takes less room than the word's posting list.
    /// Below 64 articles reading the list is as quick.
    static func minimumArticles(among articles: Int) -> Int {
        max(64, articles / 64)
    }

    /// Empties the table: the index is about to change.
    static func clear(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM term_rows")
    }

    /// Writes the bitmaps again from the whole-text index, for the words `term_stats` (just
    /// refreshed) counts in enough articles.
    static func refresh(_ db: Database) throws {
        var counted: [(term: String, articles: Int)] = []
        try db.makeStatement(sql: "SELECT term, articles FROM term_stats").step(arguments: []) {
            counted.append((Statement.text($0, 0) ?? "", Int(sqlite3_column_int64($0, 1))))
        }
        let articles = counted.first { $0.term.isEmpty }?.articles ?? 0
        try write(bitmaps(of: commonWords(counted, among: articles), db), db)
    }

    /// The words of `terms` (with the articles holding each) that get a bitmap in a store of
    /// `articles`. Pairs (`a_b`) are terms of the pair index, not words, and the empty term
    /// is `term_stats`' count of articles.
    static func commonWords(_ terms: [(term: String, articles: Int)], among articles: Int) -> [String] {
        let minimum = minimumArticles(among: articles)
        return terms.filter { $0.articles >= minimum && !$0.term.isEmpty && !$0.term.contains(WordPairs.joint) }.map(\.term)
    }

    /// A word's bitmap, as `term_rows` holds it.
    struct Bitmap: Sendable {
        let word: String
        let rows: [UInt8]
    }

    /// The bitmaps of `words` as the whole-text index gives them.
    static func bitmaps(of words: some Sequence<String>, _ db: Database) throws -> [Bitmap] {
        let indexed = try IndexedRows(db)
        return try words.map { try Bitmap(word: $0, rows: indexed.bitmap(of: $0)) }
    }

    /// Replaces the bitmaps of `term_rows` with these.
    static func write(_ bitmaps: [Bitmap], _ db: Database) throws {
        try clear(db)
        let insert = try db.makeStatement(sql: "INSERT INTO term_rows(term, rows) VALUES (?, ?)")
        for bitmap in bitmaps {
            try insert.execute(arguments: [bitmap.word, Data(bitmap.rows)])
        }
    }

    /// A problem for each bitmap that disagrees with the index (`kb check`).
    static func disagreements(_ db: Database) throws -> [String] {
        let indexed = try IndexedRows(db)
        return try Row.fetchAll(db, sql: "SELECT term, rows FROM term_rows ORDER BY term").compactMap { row in
            let term: String = row["term"]
            var stored = [UInt8](row["rows"] as Data)
            var expected = try indexed.bitmap(of: term)
            let length = max(stored.count, expected.count)
            stored += repeatElement(0, count: length - stored.count)
            expected += repeatElement(0, count: length - expected.count)
            let differing = zip(stored, expected).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
            return differing == 0 ? nil : "the bitmap of the word '\(term)' disagrees with the full-text index in \(differing) articles"
        }
    }

    /// A word's bitmap as the whole-text index gives it: its posting list's rows, as bits.
    private struct IndexedRows {
        let list: Statement
        let lastRow: Int64

        init(_ db: Database) throws {
            list = try db.makeStatement(sql: "SELECT rowid FROM article_fts WHERE article_fts MATCH ?")
            lastRow = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM article") ?? 0
        }

        func bitmap(of term: String) throws -> [UInt8] {
            var bits = [UInt8](repeating: 0, count: Int(lastRow / 8) + 1)
            for rowid in try list.rowids(arguments: [MatchExpression.phrase(term).fts5]) {
                bits[Int(rowid / 8)] |= 1 << UInt8(rowid % 8)
            }
            return bits
        }
    }

    /// The rows of `rowids` whose article holds `term`, or nil when the term has no bitmap.
    /// The bitmap is read where it lies in SQLite's row, through its C interface: GRDB's
    /// `Data.fetchOne` copied it and cost some 3,000 instructions a term more.
    static func rows(of rowids: [Int64], holding term: String, in db: Database) throws -> Set<Int64>? {
        var rows: Set<Int64>?
        try db.cachedStatement(sql: "SELECT rows FROM term_rows WHERE term = ?").step(arguments: [term]) { statement in
            guard rows == nil, sqlite3_column_type(statement, 0) != SQLITE_NULL else { return }
            let bytes = Statement.bytes(statement, 0)
            rows = Set(rowids.filter { rowid in
                let byte = Int(rowid / 8)
                return rowid >= 0 && byte < bytes.count && bytes[byte] & (1 << UInt8(rowid % 8)) != 0
            })
        }
        return rows
    }
}
