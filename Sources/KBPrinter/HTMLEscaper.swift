/// The one HTML escaper: every value a page shows passes through it (the pages' templates
/// use it as their content type; see `Pages`).
///
/// It works on UTF-8 bytes, not on `Character`s: a quote followed by a combining mark
/// (`"` U+0301) is one grapheme to Swift, so a per-`Character` escaper lets the quote through
/// and the value out of its attribute. By byte, each of `& < > " '` is replaced wherever it
/// stands, and text in an element or in a quoted attribute value cannot become markup.
public enum HTMLEscaper {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by their character references.
    public static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
