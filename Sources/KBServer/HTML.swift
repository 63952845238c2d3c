import KBKit

/// HTML output: every piece of article or user text goes through `escape`.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `text` escaped, with the given words (lower-case tokens) wrapped in `<mark>`.
    static func highlight(_ text: String, words: Set<String>) -> String {
        guard !words.isEmpty else { return escape(text) }
        let bytes = Array(text.utf8)
        var out = ""
        var last = 0
        for token in Tokenizer.tokens(text) where words.contains(token.text) {
            out += escape(String(decoding: bytes[last..<token.range.lowerBound], as: UTF8.self))
            out += "<mark>" + escape(String(decoding: bytes[token.range], as: UTF8.self)) + "</mark>"
            last = token.range.upperBound
        }
        return out + escape(String(decoding: bytes[last...], as: UTF8.self))
    }

    /// A percent-encoded query-string value.
    static func queryValue(_ text: String) -> String {
        var allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)
        allowed.remove(UInt8(ascii: "+"))
        var out = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
