import Foundation
import GRDB
import KBModel


/// What `kb stats` reports. JSON keys are part of the command's contract.
public struct StoreStats: Codable, Sendable {
    /// Articles per product or layout.
    public struct Count: Codable, Sendable {
        /// The product or layout.
        public var name: String
        /// How many articles.
        public var articles: Int
    }

    /// The store's file.
    public var path: String
    /// How many articles.
    public var articles: Int
    /// Source files remembered (twins included).
    public var sources: Int
    /// Articles per product, most first.
    public var byProduct: [Count]
    /// Articles per layout.
    public var byLayout: [Count]
    /// Articles per knowledge base ("(none)" for those stored before knowledge bases were recorded).
    public var byKnowledgeBase: [Count]
    /// The size of the store and its write-ahead log.
    public var sizeBytes: Int64
    /// The store's schema version, e.g. "v7".
    public var schemaVersion: String
    /// When the last import finished (or started), ISO 8601.
    public var lastImport: String?
}

extension ArticleStore {
    /// What `kb stats` reports of the store.
    public func stats() throws(StoreError) -> StoreStats {
        var stats = try read { db in
            // Articles per value of a column, "(none)" for null; by count or by name.
            func counts(_ column: String, byCount: Bool) throws -> [StoreStats.Count] {
                try Row.fetchAll(db, sql: """
                    SELECT coalesce(\(column), '(none)') AS name, count(*) AS n FROM article
                    GROUP BY name ORDER BY \(byCount ? "n DESC, name" : "name")
                    """).map { StoreStats.Count(name: $0["name"], articles: $0["n"]) }
            }
            return StoreStats(
                path: path,
                articles: try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0,
                sources: try Int.fetchOne(db, sql: "SELECT count(*) FROM article_source") ?? 0,
                byProduct: try counts("product", byCount: true), byLayout: try counts("layout", byCount: false),
                byKnowledgeBase: try counts("knowledge_base", byCount: false), sizeBytes: 0,
                schemaVersion: try StoreSchema.migrator.appliedIdentifiers(db).sorted().last ?? "none",
                lastImport: try String.fetchOne(db, sql: "SELECT max(coalesce(finished_at, started_at)) FROM import_run"))
        }
        for suffix in ["", "-wal"] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            stats.sizeBytes += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        }
        return stats
    }

    /// SQLite's integrity check, FTS5's own, which compares the index with the articles, and
    /// the common words' bitmaps and the stored lengths compared with the indexes. Returns the
    /// problems found; empty when the store is sound.
    ///
    /// The store is read through this read-only connection, except for FTS5's check: SQLite
    /// 3.40 offers it only as an `INSERT` command, which needs a writable connection even
    /// though it writes nothing. It runs on a second connection to the existing file, in a
    /// transaction that is rolled back; on read-only media it is left out.
    public func check() throws(StoreError) -> [String] {
        let tables = IndexSegments.tables
        var problems = try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
            for table in tables {
                // Every article is indexed once: a crash between the two writes cannot leave a gap.
                let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)_docsize") ?? 0
                if indexed != articles {
                    problems.append("full-text index \(table) holds \(indexed) articles, the store \(articles)")
                }
            }
            problems += try TermRows.disagreements(db)
            problems += try IndexLengths.disagreements(db)
            return problems
        }
        guard !StoreError.isOnReadOnlyFileSystem(path), FileManager.default.isWritableFile(atPath: path) else { return problems }
        do {
            let checker = try DatabaseQueue(path: path)
            defer { try? checker.close() }
            try checker.inTransaction { db in
                for table in tables {
                    do {
                        try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES ('integrity-check')")
                    } catch {
                        problems.append("full-text index \(table): \((error as? DatabaseError)?.message ?? "\(error)")")
                    }
                }
                return .rollback
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
        return problems
    }
}

extension ArticleStore {
    /// A value that changes whenever articles are added or an import finishes, whichever
    /// process wrote: what a cache of search results is keyed on.
    public func generation() throws(StoreError) -> String {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT coalesce(max(rowid), 0) FROM article) AS last_article,
                       (SELECT coalesce(max(id), 0) FROM import_run) AS last_run,
                       (SELECT coalesce(max(finished_at), '') FROM import_run) AS last_finished
                """)!
            return "\(row["last_article"] as Int64)-\(row["last_run"] as Int64)-\(row["last_finished"] as String)"
        }
    }

    /// The most common products, for a filter menu.
    public func topProducts(limit: Int = 40) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT product FROM article WHERE product IS NOT NULL
                GROUP BY product ORDER BY count(*) DESC, product LIMIT ?
                """, arguments: [limit])
        }
    }
}
