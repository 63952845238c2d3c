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

    /// FTS5's settings for a bulk load, which ends in `merge`: each transaction's entries
    /// are written as one segment (`hashsize`: FTS5 otherwise starts a segment at every
    /// megabyte of entries) and left unmerged (`automerge` 0; `crisismerge` bounds a level
    /// at 1,000 segments) until `merge` reads them all once. With FTS5's own merging, the
    /// entries of 200,000 generated articles were rewritten at each of several levels
    /// before the final merge rewrote them again: the import wrote 4.6 GB to disk, 3.2 GB
    /// this way. A search while the import runs reads one segment per transaction so far.
    static let bulkLoadSettings = ["hashsize": 32 << 20, "automerge": 0, "crisismerge": 1000]

    /// FTS5's defaults for the same settings, put back when the load ends.
    static let defaultSettings = ["hashsize": 1 << 20, "automerge": 4, "crisismerge": 16]

    /// Stores `settings` in each index's configuration (FTS5 keeps them in the store).
    static func configure(_ db: Database, _ settings: [String: Int]) throws {
        for table in tables {
            for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES(?, ?)", arguments: [key, value])
            }
        }
    }
}
