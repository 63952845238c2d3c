import KBModel

/// Reads the `DOCUMENT:` header layout (the `.TXT` files):
///
///     DOCUMENT:Q165712  10-SEP-1999  [exchange]
///     TITLE   :XFOR: Err Msg: The Microsoft Exchange Server is Down
///     PRODUCT :Microsoft Exchange
///     PROD/VER:winnt:5.0
///     OPER/SYS:
///     KEYWORDS:
enum DocumentLayoutReader {
    static func looksLikeDocument(_ firstLine: String) -> Bool {
        firstLine.hasPrefix("DOCUMENT:")
    }

    static func read(lines: [String]) throws(ParseError) -> RawArticle {
        let start = lines.firstIndex { !$0.isBlank } ?? 0
        let first = lines[start].dropFirst("DOCUMENT:".count)
        let parts = first.split(separator: " ", omittingEmptySubsequences: true)
        guard let idPart = parts.first, let id = ArticleID.normalize(String(idPart)) else {
            throw .missingID(.document)
        }
        var date: String?
        if parts.count > 1 { date = String(parts[1]) }

        var fields: [String: String] = [:]
        var lastKey: String?
        var i = start + 1
        while i < lines.count, !lines[i].isBlank {
            let line = lines[i]
            if let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) == 8 {
                let key = String(line[..<colon]).trimmed
                fields[key] = String(line[line.index(after: colon)...]).trimmed
                lastKey = key
            } else if let key = lastKey {
                // A header value wrapped onto the next line.
                fields[key, default: ""] += " " + line.trimmed
            }
            i += 1
        }
        guard let title = fields["TITLE"]?.nonEmpty else { throw .missingTitle(id) }
        // The markdown copy of a body line has one leading space less: use that as canonical.
        let body = lines[i...].map(withoutLeadingSpace)
        return RawArticle(
            layout: .document, id: id, title: title, product: fields["PRODUCT"]?.nonEmpty,
            versions: fields["PROD/VER"], operatingSystems: fields["OPER/SYS"],
            keywords: fields["KEYWORDS"], lastModified: date, body: body)
    }

    /// The line without its first character if that is a space. A space before an ASCII
    /// byte is a character of its own, found without reading the line as characters (a space
    /// and a combining mark after it are one, which is no space).
    static func withoutLeadingSpace(_ line: String) -> String {
        let bytes = line.utf8
        guard bytes.first == 0x20 else { return line }
        let second = bytes.index(after: bytes.startIndex)
        if second == bytes.endIndex || bytes[second] < 0x80 { return String(line[second...]) }
        return line.first == " " ? String(line.dropFirst()) : line
    }
}
