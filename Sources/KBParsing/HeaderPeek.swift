import KBModel

/// The id and date of an article, read from its first lines without parsing the rest.
package enum HeaderPeek {
    /// What the first lines say.
    package struct Header: Sendable {
        /// The file's layout.
        package var layout: Layout
        /// The article's id.
        package var id: String
        /// The article's date as written, if any.
        package var lastModified: String?
    }

    /// The header of a file's bytes; nil when its first 2 KB name no article.
    package static func peek(_ bytes: [UInt8]) -> Header? {
        // A markdown copy opens with a "---" line. A file whose first byte past blanks and
        // line ends is printable ASCII other than "-" is none (decoding keeps such a byte), and
        // need not be decoded: about half the files an import reads.
        if let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }),
           (0x21...0x7E).contains(first), first != UInt8(ascii: "-") {
            return nil
        }
        let prefix = bytes.prefix(2048)
        // The archive's markdown copies open with plain ASCII, which decoding would only copy:
        // their bytes are read as they are (decoding took 30% of this function).
        if prefix.withUnsafeBufferPointer(TextDecoding.keepsAsIs) {
            return prefix.withUnsafeBufferPointer { header(in: $0) }
        }
        guard var text = try? TextDecoding.decode(Array(prefix)) else { return nil }
        return text.withUTF8 { header(in: $0) }
    }

    /// The header in decoded text: its first line that is not blank must be "---", and its
    /// first 40 lines give the id and date (the last line of each kind counts).
    private static func header(in text: UnsafeBufferPointer<UInt8>) -> Header? {
        // Over the bytes of the first 40 lines: a string is made only of the few lines that
        // matter (this runs for every markdown file an import reads).
        var id: String?, date: String?
        var sawFirst = false
        var start = 0
        var lines = 0
        while lines < 40, start <= text.count {
            let end = text.firstIndex(of: 0x0A, from: start)
            let line = UnsafeBufferPointer(rebasing: text[start..<end])
            lines += 1
            start = end + 1
            if !sawFirst {
                if line.isBlank { continue }
                guard MarkdownLayoutReader.looksLikeMarkdown(String(decoding: line, as: UTF8.self)) else { return nil }
                sawFirst = true
            }
            var i = 0
            while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
            // Most lines are told apart by their first byte.
            guard i < line.count, line[i] == UInt8(ascii: "A") || line[i] == UInt8(ascii: "L") else { continue }
            let rest = UnsafeBufferPointer(rebasing: line[i...])
            guard rest.starts(with: "Article:".utf8) || rest.starts(with: "Last Modified:".utf8) else { continue }
            let t = String(decoding: line, as: UTF8.self).trimmed
            if t.hasPrefix("Article:") { id = ArticleID.normalize(String(t.dropFirst("Article:".count))) }
            if t.hasPrefix("Last Modified:") { date = FieldParsing.date(String(t.dropFirst("Last Modified:".count)))?.description }
        }
        guard sawFirst, let id else { return nil }
        return Header(layout: .markdown, id: id, lastModified: date)
    }
}
