/// Text inside HTML: entities decoded, tags of known elements recognised. Used for the
/// archive's markdown copy (its titles are HTML-escaped) and for the raw HTML blocks of
/// docs-as-code articles; Markdown text itself has its entities decoded by cmark-gfm.
enum HTMLText {
    /// `&amp;`, `&nbsp;`, `&#233;`, `&#xE9;` → their characters; an unknown or unterminated
    /// entity stays as written.
    static func decodeEntities(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            if let semi = after.prefix(10).firstIndex(of: ";"), let char = character(for: after[after.index(after: amp)..<semi]) {
                out.append(char)
                rest = after[after.index(after: semi)...]
                continue
            }
            out.append("&")
            rest = after.dropFirst()
        }
        return out + rest
    }

    private static let entities: [Substring: Character] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "ndash": "–", "mdash": "—",
        "hellip": "…", "copy": "©", "reg": "®", "trade": "™", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]

    private static func character(for name: Substring) -> Character? {
        if let known = entities[name] { return known }
        guard name.hasPrefix("#") else { return nil }
        let number = name.dropFirst()
        let value = number.first == "x" || number.first == "X" ? UInt32(number.dropFirst(), radix: 16) : UInt32(number)
        return value.flatMap(Unicode.Scalar.init).map(Character.init)
    }

    /// The text of a block of HTML: tags and comments dropped, entities decoded, one line
    /// per source line, blank lines gone.
    static func text(ofBlock html: String) -> [String] {
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let tail = rest[open...]
            if tail.hasPrefix("<!--") {
                guard let end = tail.range(of: "-->") else { rest = ""; break }
                rest = tail[end.upperBound...]
            } else if let close = tail.firstIndex(of: ">"), isTag(String(tail[...close])) {
                rest = tail[tail.index(after: close)...]
            } else {
                out.append("<")
                rest = tail.dropFirst()
            }
        }
        out += rest
        return decodeEntities(out).split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    private static let elements: Set<String> = [
        "a", "b", "i", "u", "s", "em", "strong", "br", "p", "div", "span", "sup", "sub", "img", "table", "thead", "tbody",
        "tr", "td", "th", "ul", "ol", "li", "code", "pre", "kbd", "script", "style", "iframe", "font", "center", "hr",
        "details", "summary", "section", "video", "source", "object", "embed", "form", "input", "button", "svg", "h1",
        "h2", "h3", "h4", "h5", "h6", "blockquote", "dl", "dt", "dd", "caption", "colgroup", "col", "tfoot", "nobr",
    ]

    /// `<a href=…>`, `</td>`, `<br/>`, `<!-- … -->`: a tag of a known HTML element, not a
    /// placeholder such as `<servername>`.
    static func isTag(_ tag: String) -> Bool {
        guard tag.hasPrefix("<") else { return false }
        if tag.hasPrefix("<!--") { return true }
        let name = tag.utf8.dropFirst().drop(while: { $0 == UInt8(ascii: "/") }).prefix(while: { MarkdownText.isWordByte($0) })
        return elements.contains(String(decoding: name, as: UTF8.self).lowercased())
    }
}
