import GRDB
import KBModel

extension ArticleStore {
    /// Calls `body` with every article the filter selects, in id order, one at a time: memory
    /// stays flat whatever the store's size. All are read in one read transaction.
    package func forEachArticle(matching filter: ArticleFilter, _ body: (Article) throws -> Void) throws {
        let (condition, arguments) = filter.sql()
        try read { db in
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT a.record, a.sections_only FROM article a WHERE \(condition) ORDER BY a.id",
                arguments: arguments)
            while let row = try cursor.next() {
                try body(StoredRecord.decode(row["record"], sectionsOnly: row["sections_only"]))
            }
        }
    }

    /// Those of `ids` the store does not hold, in the order given.
    package func missingIDs(_ ids: [String]) throws(StoreError) -> [String] {
        guard !ids.isEmpty else { return [] }
        let found = try read { db in
            Set(try String.fetchAll(
                db, sql: "SELECT id FROM article WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(ids)))
        }
        return ids.filter { !found.contains($0) }
    }
}
