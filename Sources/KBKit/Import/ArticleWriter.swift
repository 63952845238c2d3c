import Foundation
import GRDB

/// Writes articles inside an open transaction with prepared statements.
struct ArticleWriter {
    enum Effect { case new, updated, unchanged }

    let db: Database
    let importedAt: String
    private let select: Statement
    private let insert: Statement
    private let update: Statement
    private let updateSourceOnly: Statement
    private let upsertSource: Statement

    init(db: Database, importedAt: String) throws {
        self.db = db
        self.importedAt = importedAt
        select = try db.cachedStatement(sql: "SELECT last_modified, layout, content_hash FROM article WHERE id = ?")
        insert = try db.cachedStatement(sql: """
            INSERT INTO article(id, title, product, last_modified, layout, content_hash, record,
                                messages, body, meta, codes, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        update = try db.cachedStatement(sql: """
            UPDATE article SET title = ?, product = ?, last_modified = ?, layout = ?, content_hash = ?,
                record = ?, messages = ?, body = ?, meta = ?, codes = ?, imported_at = ?
            WHERE id = ?
            """)
        updateSourceOnly = try db.cachedStatement(sql: "UPDATE article SET layout = ?, record = ? WHERE id = ?")
        upsertSource = try db.cachedStatement(sql: """
            INSERT INTO article_source(path, article_id, layout, content_hash, last_modified, imported_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET article_id = excluded.article_id, layout = excluded.layout,
                content_hash = excluded.content_hash, last_modified = excluded.last_modified,
                imported_at = excluded.imported_at
            WHERE content_hash != excluded.content_hash OR article_id != excluded.article_id
            """)
    }

    func store(_ row: StoredArticle) throws -> Effect {
        try upsertSource.execute(arguments: [
            row.sourcePath, row.id, row.layout.rawValue, row.contentHash, row.lastModified, importedAt,
        ])
        guard let existing = try Row.fetchOne(select, arguments: [row.id]) else {
            try insert.execute(arguments: [
                row.id, row.title, row.product, row.lastModified, row.layout.rawValue, row.contentHash, row.record,
                row.messages, row.body, row.meta, row.codes, importedAt,
            ])
            return .new
        }
        let stored = MergePolicy.Version(
            lastModified: existing[0], layout: Layout(rawValue: existing[1]) ?? .markdown, contentHash: existing[2])
        let incoming = MergePolicy.Version(lastModified: row.lastModified, layout: row.layout, contentHash: row.contentHash)
        switch MergePolicy.decide(stored: stored, incoming: incoming) {
        case .keep:
            return .unchanged
        case .replace(contentChanged: false):
            try updateSourceOnly.execute(arguments: [row.layout.rawValue, row.record, row.id])
            return .unchanged
        case .replace(contentChanged: true):
            try update.execute(arguments: [
                row.title, row.product, row.lastModified, row.layout.rawValue, row.contentHash, row.record,
                row.messages, row.body, row.meta, row.codes, importedAt, row.id,
            ])
            return .updated
        }
    }
}
