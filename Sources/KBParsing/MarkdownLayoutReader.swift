import KBModel

/// Reads the markdown front-matter layout (the `README.md` files):
///
///     ---
///     title: "Q178511: XWEB: Err Msg: Failed to Connect to Microsoft Exchange Server"
///     ---
///     ## Q178511: XWEB: Err Msg: Failed to Connect to Microsoft Exchange Server
///     {% raw %}
///     <TAB>Article: Q178511
///     <TAB>Product(s): Microsoft Exchange
///     …
///
/// The copy has artifacts of its own, undone here: the body is shifted by a tab, bytes above
/// 0x7E are written as `<A0>`-style hex tokens, the title is HTML-escaped and Liquid tags wrap
/// the body.
enum MarkdownLayoutReader {
    static func looksLikeMarkdown(_ firstLine: String) -> Bool {
        firstLine.trimmed == "---"
    }

    /// The archive's copy, not a docs-as-code article: its first lines carry the archive's own
    /// marks (a `/kb/` permalink or a "Q<number>: " title in the front matter, Liquid's
    /// `{% raw %}`, a tab-indented "Article: Q<number>" line). A heading such as "## Q1: …"
    /// alone is no mark: FAQ articles number their questions so.
    static func isArchiveCopy(_ lines: [String]) -> Bool {
        lines.prefix(80).contains { line in
            let t = line.trimmed
            return t == "{% raw %}" || t.hasPrefix("permalink: /kb/") || Self.startsWithArticleID(t, after: "title: \"")
                || Self.startsWithArticleID(t, after: "title: ") || Self.startsWithArticleID(line, after: "\tArticle: ")
        }
    }

    private static func startsWithArticleID(_ line: String, after prefix: String) -> Bool {
        guard line.hasPrefix(prefix) else { return false }
        let rest = line.dropFirst(prefix.count)
        return rest.first == "Q" && rest.dropFirst().first?.isNumber == true
    }

    static func read(lines: [String]) throws(ParseError) -> RawArticle {
        let open = lines.firstIndex { !$0.isBlank } ?? 0
        guard let close = lines[(open + 1)...].firstIndex(where: { $0.trimmed == "---" }) else {
            throw .unclosedFrontMatter(line: open + 1)
        }
        var frontTitle: String?
        for line in lines[(open + 1)..<close] where line.hasPrefix("title:") {
            frontTitle = decodeHexTokens(HTMLText.decodeEntities(unquote(String(line.dropFirst("title:".count)).trimmed)))
        }

        var heading: String?
        var body: [String] = []
        for line in lines[(close + 1)...] {
            if heading == nil, body.allSatisfy(\.isBlank), line.hasPrefix("## ") {
                heading = decodeHexTokens(HTMLText.decodeEntities(String(line.dropFirst(3)).trimmed))
                body.removeAll()
                continue
            }
            let t = line.trimmed
            if t == "{% raw %}" || t == "{% endraw %}" { continue }
            body.append(decodeHexTokens(line.first == "\t" ? String(line.dropFirst()) : line))
        }

        let meta = readMetadata(&body)
        let (headingID, headingTitle) = splitIDAndTitle(heading ?? "")
        let (frontID, frontTitleText) = splitIDAndTitle(frontTitle ?? "")
        guard let id = meta["Article"].flatMap(ArticleID.normalize) ?? headingID ?? frontID else {
            throw .missingID(.markdown)
        }
        guard let title = headingTitle ?? frontTitleText else { throw .missingTitle(id) }
        return RawArticle(
            layout: .markdown, id: id, title: title, product: meta["Product(s)"]?.nonEmpty,
            versions: meta["Version(s)"], operatingSystems: meta["Operating System(s)"],
            keywords: meta["Keyword(s)"], lastModified: meta["Last Modified"], body: body)
    }

    private static let metadataKeys: Set<String> = [
        "Article", "Product(s)", "Version(s)", "Operating System(s)", "Keyword(s)", "Last Modified",
    ]

    /// Removes the `Key: value` lines that open the body and returns them.
    private static func readMetadata(_ body: inout [String]) -> [String: String] {
        var meta: [String: String] = [:]
        var i = 0
        while i < body.count {
            let line = body[i]
            if line.isBlank, meta.isEmpty { i += 1; continue }
            guard let colon = line.firstIndex(of: ":"),
                  metadataKeys.contains(String(line[..<colon]))
            else { break }
            meta[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmed
            i += 1
        }
        if !meta.isEmpty { body.removeFirst(i) }
        return meta
    }

    /// "Q178511: XWEB: Err Msg: …" → ("Q178511", "XWEB: Err Msg: …").
    private static func splitIDAndTitle(_ text: String) -> (String?, String?) {
        guard let colon = text.firstIndex(of: ":"),
              let id = ArticleID.normalize(String(text[..<colon]))
        else { return (nil, text.nonEmpty) }
        return (id, String(text[text.index(after: colon)...]).nonEmpty)
    }

    private static func unquote(_ s: String) -> String {
        guard s.count >= 2, s.first == "\"", s.last == "\"" else { return s }
        return String(s.dropFirst().dropLast())
    }

    /// `<E9>` → the Windows-1252 character for byte 0xE9; control bytes disappear, as
    /// `TextDecoding` does for the DOCUMENT layout.
    static func decodeHexTokens(_ line: String) -> String {
        guard line.utf8.contains(0x3C) else { return line }
        let bytes = Array(line.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        var controls = 0
        while i < bytes.count {
            if bytes[i] == 0x3C, i + 3 < bytes.count, bytes[i + 3] == 0x3E,
               let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]), hi >= 8 || (hi == 7 && lo == 15) {
                let byte = UInt8(hi * 16 + lo)
                if byte != 0x7F { TextDecoding.appendWindows1252(byte, to: &out, controls: &controls) }
                i += 4
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Upper-case hex digits only: the copy writes `<A0>`, and `<ab>` could be real text.
    private static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: return Int(b - 0x30)
        case 0x41...0x46: return Int(b - 0x41 + 10)
        default: return nil
        }
    }
}
