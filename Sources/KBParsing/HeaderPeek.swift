import KBModel

/// The id and date of an article, read from its first lines without parsing the rest.
package enum HeaderPeek {
    /// What the first lines say.
    package struct Header {
        /// The file's layout.
        package var layout: Layout
        /// The article's id.
        package var id: String
        /// The article's date as written, if any.
        package var lastModified: String?
    }

    /// The header of a file's bytes; nil when its first 2 KB name no article.
    package static func peek(_ bytes: [UInt8]) -> Header? {
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
