/// What a layout reader extracts before the shared body parsing: the header fields as written
/// and the body lines, with indentation made the same for both layouts.
struct RawArticle {
    var layout: Layout
    var id: String
    var title: String
    var product: String?
    var versions: String?
    var operatingSystems: String?
    var keywords: String?
    var lastModified: String?
    /// Body lines with canonical indentation: the markdown layout's (one space less than the
    /// DOCUMENT layout's), so that twins compare equal.
    var body: [String]

    /// No-break spaces become plain spaces, once the readers have settled indentation: the
    /// DOCUMENT layout's leading space is only dropped when it is a plain one.
    func withPlainSpaces() -> RawArticle {
        func plain(_ s: String) -> String {
            s.includes("\u{A0}") ? String(s.map { $0 == "\u{A0}" ? " " : $0 }) : s
        }
        var copy = self
        copy.title = plain(title)
        copy.product = product.map(plain)
        copy.body = body.map(plain)
        return copy
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmed: String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == bytes.startIndex && bytes.index(after: last) == bytes.endIndex { return self }
        return String(self[first...last])
    }

    /// Nil when the trimmed string is empty.
    var nonEmpty: String? {
        let t = trimmed
        return t.isEmpty ? nil : t
    }

    /// Number of leading spaces (a tab counts as one).
    var indentation: Int {
        var n = 0
        for c in utf8 {
            guard c == 0x20 || c == 0x09 else { break }
            n += 1
        }
        return n
    }

    var isBlank: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// True for a line made only of `character` (at least `minimum` of them), like a `=====` rule.
    func isRule(of character: UInt8, minimum: Int = 3) -> Bool {
        var count = 0
        for c in utf8 {
            if c == character { count += 1 } else if c != 0x20 && c != 0x09 { return false }
        }
        return count >= minimum
    }
}
