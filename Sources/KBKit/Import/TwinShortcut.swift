import Foundation

/// Most articles of a dump exist in both layouts. The DOCUMENT copy wins a tie (see
/// `MergePolicy`), so once it is read, a markdown twin with the same or an older date needs
/// no parsing: only its path is recorded. To let that happen, an import reads markdown files
/// after the others; this type remembers what the first pass read.
final class TwinShortcut: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [String: String] = [:]  // id → lastModified ("" when none)

    func recordDocument(id: String, lastModified: String?) {
        lock.lock()
        defer { lock.unlock() }
        let date = lastModified ?? ""
        if let known = documents[id], known >= date { return }
        documents[id] = date
    }

    /// True when a markdown article with this header cannot replace the DOCUMENT copy read.
    func isRedundant(id: String, lastModified: String?) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let known = documents[id] else { return false }
        return (lastModified ?? "") <= known
    }
}

/// The id and date of an article, read from its first lines without parsing the rest.
enum HeaderPeek {
    struct Header {
        var layout: Layout
        var id: String
        var lastModified: String?
    }

    static func peek(_ bytes: [UInt8]) -> Header? {
        guard let text = try? TextDecoding.decode(Array(bytes.prefix(2048))) else { return nil }
        let lines = text.lineArray.prefix(40)
        guard let first = lines.first(where: { !$0.isBlank }) else { return nil }
        if MarkdownLayoutReader.looksLikeMarkdown(first) {
            var id: String?, date: String?
            for line in lines {
                let t = line.trimmed
                if t.hasPrefix("Article:") { id = ArticleID.normalize(String(t.dropFirst("Article:".count))) }
                if t.hasPrefix("Last Modified:") { date = FieldParsing.date(String(t.dropFirst("Last Modified:".count)))?.description }
            }
            guard let id else { return nil }
            return Header(layout: .markdown, id: id, lastModified: date)
        }
        return nil
    }
}
