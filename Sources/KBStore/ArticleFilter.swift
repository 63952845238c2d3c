import GRDB
import KBModel

/// Restricts search and export to some articles. Every condition given must hold.
public struct ArticleFilter: Sendable, Equatable {
    /// Case-insensitive substring of the product name.
    public var product: String?
    /// A version number the article lists, e.g. "5.0".
    public var version: String?
    /// A keyword the article lists (case-insensitive).
    public var keyword: String?
    /// Articles last modified on or after this date.
    public var since: CalendarDate?
    /// Only these ids.
    public var ids: [String] = []
    /// Only articles of this knowledge base (the name of its root folder, e.g. "officedocs").
    public var knowledgeBase: String?

    /// A filter with these conditions; nil ones do not restrict.
    public init(product: String? = nil, version: String? = nil, keyword: String? = nil, since: CalendarDate? = nil, ids: [String] = [], knowledgeBase: String? = nil) {
        self.product = product
        self.version = version
        self.keyword = keyword
        self.since = since
        self.ids = ids
        self.knowledgeBase = knowledgeBase
    }

    /// True when the filter selects every article.
    public var isEmpty: Bool { product == nil && version == nil && keyword == nil && since == nil && ids.isEmpty && knowledgeBase == nil }

    /// SQL conditions on `article` (aliased `a`) and their arguments.
    package func sql() -> (condition: String, arguments: StatementArguments) {
        var conditions: [String] = []
        // Optional existentials, as an array literal of arguments holds them. GRDB's generic
        // initializer, unspecialized here, made the runtime look a sequence of `String` up by
        // its mangled name at the first call, scanning every protocol conformance of the
        // executable (2% of a one-shot search's time); an array literal's type is met earlier.
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let product {
            conditions.append("a.product LIKE '%' || ? || '%' ESCAPE '\\'")
            arguments.append(Self.escapeLike(product))
        }
        if let version {
            conditions.append("EXISTS (SELECT 1 FROM json_each(a.record, '$.versions') WHERE json_extract(value, '$.version') = ?)")
            arguments.append(version)
        }
        if let keyword {
            conditions.append("EXISTS (SELECT 1 FROM json_each(a.record, '$.keywords') WHERE value = ? COLLATE NOCASE)")
            arguments.append(keyword)
        }
        if let since {
            conditions.append("a.last_modified >= ?")
            arguments.append(since.description)
        }
        if let knowledgeBase {
            conditions.append("a.knowledge_base = ?")
            arguments.append(knowledgeBase)
        }
        if !ids.isEmpty {
            conditions.append("a.id IN (\(ids.map { _ in "?" }.joined(by: ",")))")
            arguments += ids.map { $0 }
        }
        return (conditions.isEmpty ? "1" : conditions.joined(by: " AND "), StatementArguments(arguments))
    }

    private static func escapeLike(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
