/// Markdown inline markup to plain text: links keep their text and lose their target, images
/// and emphasis markers go, code spans keep their text, backslash escapes and HTML entities
/// are undone, and HTML tags are dropped. With `placeholders`, italic text and escaped angle
/// brackets (`*identifier*`, `\<servername\>`) become `<identifier>`: the placeholder form
/// message alignment matches any word with.
///
/// A byte scanner rather than regular expressions: it runs over every line of every article.
enum MarkdownInline {
    static func plain(_ text: String, placeholders: Bool = false) -> String {
        guard text.utf8.contains(where: { special.contains($0) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        render(Array(text.utf8)[...], placeholders: placeholders, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes that can start markup.
    private static let special: Set<UInt8> = Set("\\`*_[]!<&".utf8)

    private static func render(_ s: ArraySlice<UInt8>, placeholders: Bool, into out: inout [UInt8]) {
        var i = s.startIndex
        while i < s.endIndex {
            let b = s[i]
            switch b {
            case UInt8(ascii: "\\"):
                // "\<" and "\>" around a word: an escaped placeholder.
                if i + 1 < s.endIndex, isPunctuation(s[i + 1]) {
                    out.append(s[i + 1])
                    i += 2
                    continue
                }
            case UInt8(ascii: "`"):
                let ticks = runEnd(of: b, in: s, from: i)
                let run = ticks - i
                if let close = find(run: run, of: b, in: s, from: ticks) {
                    out.append(contentsOf: trimmedSpaces(s[ticks..<close]))
                    i = close + run
                    continue
                }
                out.append(contentsOf: s[i..<ticks])
                i = ticks
                continue
            case UInt8(ascii: "!"):
                if i + 1 < s.endIndex, s[i + 1] == UInt8(ascii: "["), let (_, end) = link(s, at: i + 1) {
                    i = end  // an image: nothing of it is text
                    continue
                }
            case UInt8(ascii: "["):
                if let (label, end) = link(s, at: i) {
                    render(label, placeholders: placeholders, into: &out)
                    i = end
                    continue
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                let run = runEnd(of: b, in: s, from: i)
                let count = run - i
                let before = i > s.startIndex ? s[i - 1] : 0x20
                // "_" inside a word (snake_case) is no emphasis.
                if b == UInt8(ascii: "_"), isWordByte(before) { out.append(contentsOf: s[i..<run]); i = run; continue }
                if count <= 3, run < s.endIndex, s[run] != 0x20,
                   let close = findEmphasisClose(count: count, of: b, in: s, from: run) {
                    let inner = s[run..<close]
                    if placeholders && count == 1 && inner.allSatisfy({ isWordByte($0) || $0 == 0x2D || $0 == 0x20 }) {
                        out.append(UInt8(ascii: "<"))
                        out.append(contentsOf: inner)
                        out.append(UInt8(ascii: ">"))
                    } else {
                        render(inner, placeholders: placeholders, into: &out)
                    }
                    i = close + count
                    continue
                }
                out.append(contentsOf: s[i..<run])
                i = run
                continue
            case UInt8(ascii: "<"):
                if let close = s[i...].firstIndex(of: UInt8(ascii: ">")), close - i <= 200 {
                    let inner = s[(i + 1)..<close]
                    if inner.starts(with: "http://".utf8) || inner.starts(with: "https://".utf8) || inner.starts(with: "mailto:".utf8) {
                        out.append(contentsOf: inner)
                        i = close + 1
                        continue
                    }
                    if isHTMLTag(inner) { i = close + 1; continue }
                }
            case UInt8(ascii: "&"):
                if let (decoded, end) = entity(s, at: i) {
                    out.append(contentsOf: decoded.utf8)
                    i = end
                    continue
                }
            default:
                break
            }
            out.append(b)
            i += 1
        }
    }

    /// `[label](target)`, `[label][ref]` or `[label]()`: the label and the index past the link.
    private static func link(_ s: ArraySlice<UInt8>, at open: Int) -> (ArraySlice<UInt8>, Int)? {
        var depth = 0
        var i = open
        var close: Int?
        while i < s.endIndex {
            if s[i] == UInt8(ascii: "\\") { i += 2; continue }
            if s[i] == UInt8(ascii: "[") { depth += 1 }
            if s[i] == UInt8(ascii: "]") { depth -= 1; if depth == 0 { close = i; break } }
            i += 1
        }
        guard let close, close + 1 < s.endIndex else { return nil }
        let next = s[close + 1]
        let closer: UInt8 = next == UInt8(ascii: "(") ? UInt8(ascii: ")") : next == UInt8(ascii: "[") ? UInt8(ascii: "]") : 0
        guard closer != 0 else { return nil }
        var j = close + 2
        var parens = 0
        while j < s.endIndex {
            if closer == UInt8(ascii: ")") && s[j] == UInt8(ascii: "(") { parens += 1 }
            if s[j] == closer { if parens == 0 { break }; parens -= 1 }
            j += 1
        }
        guard j < s.endIndex else { return nil }
        return (s[(open + 1)..<close], j + 1)
    }

    /// Where a run of `b` starting at `start` ends: the first index past it.
    private static func runEnd(of b: UInt8, in s: ArraySlice<UInt8>, from start: Int) -> Int {
        var end = start
        while end < s.endIndex, s[end] == b { end += 1 }
        return end
    }

    private static func find(run: Int, of b: UInt8, in s: ArraySlice<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < s.endIndex {
            if s[i] == b {
                let j = runEnd(of: b, in: s, from: i)
                if j - i == run { return i }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    /// The closing run of an emphasis: the same markers, after a non-space, not followed by a
    /// word byte when the marker is "_".
    private static func findEmphasisClose(count: Int, of b: UInt8, in s: ArraySlice<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < s.endIndex {
            if s[i] == UInt8(ascii: "`"), let end = s[(i + 1)...].firstIndex(of: UInt8(ascii: "`")) { i = end + 1; continue }
            if s[i] == b {
                let j = runEnd(of: b, in: s, from: i)
                let after = j < s.endIndex ? s[j] : 0x20
                if j - i == count, i > start, s[i - 1] != 0x20, !(b == UInt8(ascii: "_") && isWordByte(after)) { return i }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    private static let htmlTags: Set<String> = [
        "a", "b", "i", "u", "s", "em", "strong", "br", "p", "div", "span", "sup", "sub", "img", "table", "thead", "tbody",
        "tr", "td", "th", "ul", "ol", "li", "code", "pre", "kbd", "script", "style", "iframe", "font", "center", "hr",
        "details", "summary", "section", "video", "source", "object", "embed", "form", "input", "button", "svg", "!--",
    ]

    /// "a href=...", "/td", "br/", "!-- comment --": an HTML tag of a known element.
    private static func isHTMLTag(_ inner: ArraySlice<UInt8>) -> Bool {
        var name = inner.drop(while: { $0 == UInt8(ascii: "/") })
        if name.starts(with: "!--".utf8) { return true }
        name = name.prefix(while: { isWordByte($0) })
        return htmlTags.contains(String(decoding: name, as: UTF8.self).lowercased())
    }

    private static let entities: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#39": "'", "ndash": "–", "mdash": "—",
        "hellip": "…", "copy": "©", "reg": "®", "trade": "™", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]

    private static func entity(_ s: ArraySlice<UInt8>, at i: Int) -> (String, Int)? {
        guard let semi = s[i...].prefix(10).firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let name = String(decoding: s[(i + 1)..<semi], as: UTF8.self)
        if let known = entities[name] { return (known, semi + 1) }
        if name.hasPrefix("#"), let value = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst()),
           let scalar = Unicode.Scalar(value) {
            return (String(Character(scalar)), semi + 1)
        }
        return nil
    }

    private static func trimmedSpaces(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard s.count >= 2, s.first == 0x20, s.last == 0x20 else { return s }
        return s.dropFirst().dropLast()
    }

    private static func isPunctuation(_ b: UInt8) -> Bool {
        (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b >= 0x80
    }
}
