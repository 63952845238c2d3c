import Foundation
import KBModel
import KBStore


/// Streams articles out of the store as JSON or JSON Lines, one record at a time, so memory
/// stays flat whatever the store's size. Order is by id, or the order given (a search's ranking,
/// which the command line asks `SearchEngine` for: this layer knows nothing of search).
public struct ArticleExporter {
    /// The export's file format.
    public enum Format: String, CaseIterable, Sendable {
        /// One JSON array.
        case json
        /// One record per line.
        case jsonl
    }

    /// What an export wrote.
    public struct Outcome: Equatable, Sendable {
        /// Articles written.
        public var exported: Int
        /// Requested ids the store does not hold.
        public var missing: [String]
    }

    /// The store read.
    public let store: ArticleStore

    /// An exporter of `store`.
    public init(store: ArticleStore) {
        self.store = store
    }

    /// Every article the filter selects, by id.
    public func export(
        _ filter: ArticleFilter, format: Format, to write: (String) throws -> Void
    ) throws -> Outcome {
        var writer = RecordWriter(format: format)
        try store.forEachArticle(matching: filter) { article in try writer.add(article, write) }
        try writer.finish(write)
        return Outcome(exported: writer.count, missing: try store.missingIDs(filter.ids))
    }

    /// The given articles, in the order given (a search's results, in rank order).
    public func export(
        _ articles: [Article], format: Format, to write: (String) throws -> Void
    ) throws -> Outcome {
        var writer = RecordWriter(format: format)
        for article in articles { try writer.add(article, write) }
        try writer.finish(write)
        return Outcome(exported: writer.count, missing: [])
    }
}

/// Writes records with the separators of the chosen format.
private struct RecordWriter {
    let format: ArticleExporter.Format
    var count = 0

    init(format: ArticleExporter.Format) {
        self.format = format
    }

    mutating func add(_ article: Article, _ write: (String) throws -> Void) throws {
        let line = ArticleJSON.line(article)
        switch format {
        case .jsonl: try write(line + "\n")
        case .json: try write((count == 0 ? "[\n" : ",\n") + line)
        }
        count += 1
    }

    func finish(_ write: (String) throws -> Void) throws {
        if format == .json { try write(count == 0 ? "[]\n" : "\n]\n") }
    }
}
