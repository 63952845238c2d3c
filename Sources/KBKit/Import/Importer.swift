import Foundation
import GRDB

/// Imports article files into the store.
///
/// - One row per article id. Twins and newer dumps are merged by `MergePolicy`; every source
///   path is remembered.
/// - Each batch is one transaction: a crash leaves whole articles only, and running the same
///   import again completes the store (unchanged articles are skipped by content hash).
/// - Parsing runs on all cores while this single writer inserts.
public struct Importer {
    public let store: ArticleStore
    public var batchSize = 256
    /// Articles written per transaction (or one second's worth, if fewer): a crash loses at
    /// most these, and a re-run redoes them.
    public var articlesPerTransaction = 4096

    public init(store: ArticleStore) {
        self.store = store
    }

    /// An input item read, parsed and turned into table rows: the CPU-heavy part, run on all cores.
    enum Prepared: Sendable {
        case article(StoredArticle)
        case failure(path: String, reason: String)
    }

    @Sendable static func prepare(_ item: FileWalker.Item) -> [Prepared] {
        ArticleSource.outcomes(item).map { outcome in
            switch outcome {
            case .article(let article):
                return .article(StoredArticle(article))
            case .failure(let path, let reason):
                return .failure(path: path, reason: reason)
            }
        }
    }

    public func run(
        _ items: [FileWalker.Item], progress: (ImportProgress) -> Void = { _ in }
    ) throws(StoreError) -> ImportSummary {
        var summary = ImportSummary()
        summary.scanned = items.count
        let started = Date()
        let now = ISO8601DateFormatter().string(from: started)
        let pipeline = BatchPipeline(items: items, batchSize: batchSize, transform: Self.prepare)
        defer { pipeline.cancel() }
        try store.write { db in
            try BulkLoad.begin(db)
            defer { try? BulkLoad.end(db) }
            try db.execute(sql: "INSERT INTO import_run(started_at, scanned) VALUES (?, ?)", arguments: [now, items.count])
            let runID = db.lastInsertedRowID
            var filesDone = 0
            var pending = 0
            var lastCommit = Date()
            let writer = try ArticleWriter(db: db, importedAt: now)
            try db.beginTransaction()
            do {
                while let batch = pipeline.next() {
                    for prepared in batch {
                        switch prepared {
                        case .article(let article):
                            switch try writer.store(article) {
                            case .new: summary.new += 1
                            case .updated: summary.updated += 1
                            case .unchanged: summary.unchanged += 1
                            }
                            pending += 1
                        case .failure(let path, let reason):
                            summary.failed += 1
                            summary.errors.append(.init(path: path, reason: reason))
                        }
                    }
                    // Large transactions let FTS5 write fewer, larger index segments; a time limit
                    // bounds what a crash can take back.
                    if pending >= articlesPerTransaction || Date().timeIntervalSince(lastCommit) >= 1 {
                        try db.commit()
                        try db.beginTransaction()
                        pending = 0
                        lastCommit = Date()
                    }
                    filesDone = min(items.count, filesDone + batchSize)
                    progress(ImportProgress(
                        filesDone: filesDone, filesTotal: items.count,
                        articles: summary.new + summary.updated + summary.unchanged,
                        elapsed: Date().timeIntervalSince(started)))
                }
                try db.execute(
                    sql: """
                        UPDATE import_run SET finished_at = ?, new = ?, updated = ?, unchanged = ?, failed = ?
                        WHERE id = ?
                        """,
                    arguments: [ISO8601DateFormatter().string(from: Date()), summary.new, summary.updated,
                                summary.unchanged, summary.failed, runID])
                if summary.new + summary.updated > 0 { try TermStatistics.refresh(db) }
                try db.commit()
            } catch {
                try? db.rollback()
                throw error
            }
        }
        return summary
    }
}

/// SQLite settings for a bulk load, put back afterwards. None of them risks the store on a
/// crash of the process: WAL keeps committed transactions whole.
enum BulkLoad {
    static func begin(_ db: Database) throws {
        try db.execute(sql: """
            PRAGMA synchronous = OFF;
            PRAGMA cache_size = -262144;
            PRAGMA wal_autocheckpoint = 10000;
            PRAGMA temp_store = MEMORY;
            """)
    }

    static func end(_ db: Database) throws {
        try db.execute(sql: """
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -2000;
            PRAGMA wal_autocheckpoint = 1000;
            PRAGMA wal_checkpoint(TRUNCATE);
            """)
    }
}
