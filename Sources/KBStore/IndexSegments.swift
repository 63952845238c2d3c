import GRDB

/// The segments of the full-text indexes. FTS5 writes each transaction's entries as a new
/// segment and merges them only by level, so an import leaves several; a query then opens
/// and seeks each of them. That costs most when a search asks which of a few candidates
/// hold a word (`IndexReader.matches`): one lookup per candidate, each in every segment
/// (on the whole archive, 8 segments made such a lookup 4–9 times slower than one).
enum IndexSegments {
    /// Every full-text index of the store.
    static let tables = ["article_fts", "article_head_fts", "article_pair_fts"]

    /// Merges each index into one segment (FTS5's `optimize`). It rewrites the indexes,
    /// which takes about as long as reading them whole, as refreshing the term statistics does.
    static func merge(_ db: Database) throws {
        for table in tables {
            try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES('optimize')")
        }
    }
}
