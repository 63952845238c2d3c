import GRDB


/// The store's schema versions, from the SQL files in `Schema/` compiled into the binary.
enum StoreSchema {
    struct Migration: Sendable {
        /// The schema version recorded in the store.
        var name: String
        /// The SQL that makes the store of the previous version this one (made when asked:
        /// a search only checks which versions a store has).
        package var sql: @Sendable () -> [UInt8]
        /// What SQL alone cannot do for the rows of an older store, run after `sql`.
        var backfill: (@Sendable (Database) throws -> Void)? = nil
    }

    /// In order.
    static let migrations: [Migration] = [
        Migration(name: "v1", sql: { PackageResources.v1_sql }),
        Migration(name: "v2", sql: { PackageResources.v2_sql }, backfill: indexPairs),
        Migration(name: "v3", sql: { PackageResources.v3_sql }),
        Migration(name: "v4", sql: { PackageResources.v4_sql }, backfill: { db in try TermStatistics.refreshHead(db) }),
        Migration(name: "v5", sql: { PackageResources.v5_sql }, backfill: { db in try TermRows.refresh(db) }),
        // v6's single values of lengths are written by no kb now: v7 replaces them with chunks.
        Migration(name: "v6", sql: { PackageResources.v6_sql }),
        Migration(name: "v7", sql: { PackageResources.v7_sql }, backfill: { db in try IndexLengths.refresh(db) }),
    ]

    static var currentVersion: String { migrations.last!.name }

    /// The versions, in order.
    static var versions: [String] { migrations.map(\.name) }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: String(decoding: migration.sql(), as: UTF8.self))
                try migration.backfill?(db)
            }
        }
        return migrator
    }

    /// v2: the word pairs of every stored article, from the columns the writer filled.
    private static func indexPairs(_ db: Database) throws {
        let insert = try db.makeStatement(sql: ArticleWriter.pairInsertSQL)
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid, title, messages FROM article")
        var any = false
        while let row = try rows.next() {
            try insert.execute(arguments: [row["rowid"] as Int64, WordPairs.indexed(title: row["title"], messages: row["messages"])])
            any = true
        }
        if any { try TermStatistics.refreshTermStats(db) }
    }
}
