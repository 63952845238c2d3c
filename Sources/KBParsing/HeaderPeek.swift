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
        // A markdown copy opens with a "---" line. A file whose first byte past blanks and
        // line ends is printable ASCII other than "-" is none (decoding keeps such a byte), and
        // need not be decoded: about half the files an import reads.
        if let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }),
           (0x21...0x7E).contains(first), first != UInt8(ascii: "-") {
            return nil
        }
        guard var text = try? TextDecoding.decode(Array(bytes.prefix(2048))) else { return nil }
        // Over the bytes of the first 40 lines: a string is made only of the few lines that
        // matter (this runs for every file an import reads, and about half are no markdown copy).
        return text.withUTF8 { text in
            var lines: [UnsafeBufferPointer<UInt8>] = []
            var start = 0
            while lines.count < 40, start <= text.count {
                let end = text[start...].firstIndex(of: 0x0A) ?? text.count
                lines.append(UnsafeBufferPointer(rebasing: text[start..<end]))
                start = end + 1
            }
            guard let first = lines.first(where: { !$0.isBlank }),
                  MarkdownLayoutReader.looksLikeMarkdown(String(decoding: first, as: UTF8.self)) else { return nil }
            var id: String?, date: String?
            for line in lines {
                let start = line.drop { $0 == 0x20 || $0 == 0x09 }
                guard start.starts(with: "Article:".utf8) || start.starts(with: "Last Modified:".utf8) else { continue }
                let t = String(decoding: line, as: UTF8.self).trimmed
                if t.hasPrefix("Article:") { id = ArticleID.normalize(String(t.dropFirst("Article:".count))) }
                if t.hasPrefix("Last Modified:") { date = FieldParsing.date(String(t.dropFirst("Last Modified:".count)))?.description }
            }
            guard let id else { return nil }
            return Header(layout: .markdown, id: id, lastModified: date)
        }
    }
}
