import GRDB

/// The store's schema versions, from the SQL files in `Schema/` compiled into the binary.
enum StoreSchema {
    /// In order; the name is the schema version recorded in the store.
    static let migrations: [(name: String, sql: [UInt8])] = [
        ("v1", PackageResources.v1_sql),
    ]

    static var currentVersion: String { migrations.last!.name }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: String(decoding: migration.sql, as: UTF8.self))
            }
        }
        return migrator
    }
}
