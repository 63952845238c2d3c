import Foundation
import GRDB
import KBModel


/// Writes articles inside an open transaction with prepared statements, keeping the
/// contentless full-text index in step with the `article` table.
package struct ArticleWriter {
    /// What writing an article did to the store.
    package enum Effect { case new, updated, unchanged }

    let db: Database
    let importedAt: String
    private let select: Statement
    private let insert: Statement
    private let update: Statement
    private let updateSourceOnly: Statement
    private let aliasDelete: Statement
    private let aliasInsert: Statement
    private let upsertSource: Statement
    private let indexInsert: Statement
    private let indexDelete: Statement
    private let headInsert: Statement
    private let headDelete: Statement
    private let pairInsert: Statement
    private let pairDelete: Statement

    init(db: Database, importedAt: String) throws {
        self.db = db
        self.importedAt = importedAt
        select = try db.cachedStatement(sql: """
            SELECT rowid, last_modified, layout, knowledge_base, content_hash, record, sections_only FROM article WHERE id = ?
            """)
        insert = try db.cachedStatement(sql: """
            INSERT INTO article(id, title, product, last_modified, layout, knowledge_base, content_hash, record,
                                sections_only, messages, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        update = try db.cachedStatement(sql: """
            UPDATE article SET title = ?, product = ?, last_modified = ?, layout = ?, knowledge_base = ?,
                content_hash = ?, record = ?, sections_only = ?, messages = ?, imported_at = ?
            WHERE rowid = ?
            """)
        updateSourceOnly = try db.cachedStatement(sql: "UPDATE article SET layout = ?, knowledge_base = ?, record = ? WHERE rowid = ?")
        aliasDelete = try db.cachedStatement(sql: "DELETE FROM article_alias WHERE article_id = ?")
        aliasInsert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_alias(alias, article_id) VALUES (?, ?)")
        upsertSource = try db.cachedStatement(sql: """
            INSERT INTO article_source(path, article_id, layout, content_hash, last_modified, imported_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET article_id = excluded.article_id, layout = excluded.layout,
                content_hash = excluded.content_hash, last_modified = excluded.last_modified,
                imported_at = excluded.imported_at
            WHERE content_hash != excluded.content_hash OR article_id != excluded.article_id
            """)
        indexInsert = try db.cachedStatement(sql: """
            INSERT INTO article_fts(rowid, title, messages, body, meta, codes) VALUES (?, ?, ?, ?, ?, ?)
            """)
        indexDelete = try db.cachedStatement(sql: """
            INSERT INTO article_fts(article_fts, rowid, title, messages, body, meta, codes)
            VALUES ('delete', ?, ?, ?, ?, ?, ?)
            """)
        headInsert = try db.cachedStatement(sql: "INSERT INTO article_head_fts(rowid, title, messages, codes) VALUES (?, ?, ?, ?)")
        headDelete = try db.cachedStatement(sql: """
            INSERT INTO article_head_fts(article_head_fts, rowid, title, messages, codes) VALUES ('delete', ?, ?, ?, ?)
            """)
        pairInsert = try db.cachedStatement(sql: Self.pairInsertSQL)
        pairDelete = try db.cachedStatement(sql: "INSERT INTO article_pair_fts(article_pair_fts, rowid, pairs) VALUES ('delete', ?, ?)")
    }

    static let pairInsertSQL = "INSERT INTO article_pair_fts(rowid, pairs) VALUES (?, ?)"

    private func addToIndex(_ rowid: Int64, _ text: IndexedText) throws {
        try indexInsert.execute(arguments: [rowid, text.title, text.messages, text.body, text.meta, text.codes])
        try headInsert.execute(arguments: [rowid, text.title, text.messages, text.codes])
        try pairInsert.execute(arguments: [rowid, text.pairs])
    }

    private func removeFromIndex(_ rowid: Int64, _ text: IndexedText) throws {
        try indexDelete.execute(arguments: [rowid, text.title, text.messages, text.body, text.meta, text.codes])
        try headDelete.execute(arguments: [rowid, text.title, text.messages, text.codes])
        try pairDelete.execute(arguments: [rowid, text.pairs])
    }

    private func storeAliases(_ row: StoredArticle) throws {
        try aliasDelete.execute(arguments: [row.id])
        for alias in row.aliases { try aliasInsert.execute(arguments: [alias, row.id]) }
    }

    /// A markdown twin that loses to the stored DOCUMENT copy: only its path is remembered.
    func recordTwin(path: String, id: String, lastModified: String?) throws {
        try upsertSource.execute(arguments: [path, id, Layout.markdown.rawValue, "", lastModified, importedAt])
    }

    func store(_ row: StoredArticle) throws -> Effect {
        try upsertSource.execute(arguments: [
            row.sourcePath, row.id, row.layout.rawValue, row.contentHash, row.lastModified, importedAt,
        ])
        guard let existing = try Row.fetchOne(select, arguments: [row.id]) else {
            try insert.execute(arguments: [
                row.id, row.title, row.product, row.lastModified, row.layout.rawValue, row.knowledgeBase, row.contentHash,
                row.record, row.sectionsOnly, row.index.messages, importedAt,
            ])
            try addToIndex(db.lastInsertedRowID, row.index)
            // A new id has no aliases yet.
            for alias in row.aliases { try aliasInsert.execute(arguments: [alias, row.id]) }
            return .new
        }
        let rowid: Int64 = existing["rowid"]
        let stored = MergePolicy.Version(
            lastModified: existing["last_modified"], layout: Layout(rawValue: existing["layout"]) ?? .markdown,
            contentHash: existing["content_hash"], knowledgeBase: existing["knowledge_base"])
        let incoming = MergePolicy.Version(
            lastModified: row.lastModified, layout: row.layout, contentHash: row.contentHash, knowledgeBase: row.knowledgeBase)
        switch MergePolicy.decide(stored: stored, incoming: incoming) {
        case .keep:
            return .unchanged
        case .replace(contentChanged: false):
            try updateSourceOnly.execute(arguments: [row.layout.rawValue, row.knowledgeBase, row.record, rowid])
            return .unchanged
        case .replace(contentChanged: true):
            let old = try StoredRecord.decode(existing["record"], sectionsOnly: existing["sections_only"])
            try removeFromIndex(rowid, IndexedText(old))
            try update.execute(arguments: [
                row.title, row.product, row.lastModified, row.layout.rawValue, row.knowledgeBase, row.contentHash, row.record,
                row.sectionsOnly, row.index.messages, importedAt, rowid,
            ])
            try addToIndex(rowid, row.index)
            try storeAliases(row)
            return .updated
        }
    }
}

/// Reading a stored record back into an `Article`.
enum StoredRecord {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    static func decode(_ json: String, sectionsOnly: Bool) throws -> Article {
        var json = json
        return try json.withUTF8 { try decode(utf8: $0, sectionsOnly: sectionsOnly) }
    }

    /// The record in `json`, read where it lies (a search reads its results' records in
    /// SQLite's row: making a String of each first cost as many instructions as decoding it).
    static func decode(utf8 json: UnsafeBufferPointer<UInt8>, sectionsOnly: Bool) throws -> Article {
        // The store's records are the writer's output: the fast reader takes them, and the
        // strict decoder any other, saying what is wrong.
        let article: Article
        if let read = ArticleJSONReader.read(json) {
            article = read
        } else {
            do {
                article = try ArticleJSON.decode(Data(json))
            } catch {
                throw Unreadable(description: "a stored record cannot be read: \(error)")
            }
        }
        return sectionsOnly ? article.withSectionFields() : article
    }
}
