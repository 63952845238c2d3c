import KBModel

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
    /// No-break spaces as plain spaces: the archive uses them where a space is meant.
    static func plainSpaces(_ s: String) -> String {
        s.includes("\u{A0}") ? String(s.map { $0 == "\u{A0}" ? " " : $0 }) : s
    }

    func withPlainSpaces() -> RawArticle {
        let plain = Self.plainSpaces
        var copy = self
        copy.title = plain(title)
        copy.product = product.map(plain)
        copy.body = body.map(plain)
        return copy
    }
}
