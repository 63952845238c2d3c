import Foundation

/// Splits text into the same tokens as the full-text index's `unicode61 remove_diacritics 2`
/// tokenizer: runs of letters and digits, lower-cased, accents removed.
public enum Tokenizer {
    public struct Token: Equatable, Sendable {
        public var text: String
        /// Byte range in the source string, for highlighting.
        public var range: Range<Int>
    }

    public static func tokens(_ text: String) -> [Token] {
        if let ascii = asciiTokens(text) { return ascii }
        var result: [Token] = []
        var current: [UInt8] = []
        var start = 0
        var offset = 0
        var asciiOnly = true
        func flush(_ end: Int) {
            guard !current.isEmpty else { return }
            var token = String(decoding: current, as: UTF8.self)
            if !asciiOnly {
                token = token.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            }
            result.append(Token(text: token, range: start..<end))
            current.removeAll(keepingCapacity: true)
            asciiOnly = true
        }
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            let v = scalar.value
            if v < 0x80 {
                if let b = wordByte(UInt8(v)) {
                    if current.isEmpty { start = offset }
                    current.append(b)
                } else {
                    flush(offset)
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if current.isEmpty { start = offset }
                current.append(contentsOf: String(scalar).utf8)
                asciiOnly = false
            } else {
                flush(offset)
            }
            offset += width
        }
        flush(offset)
        return result
    }

    /// The same for text that is all ASCII, the common case, read byte by byte; nil otherwise.
    private static func asciiTokens(_ text: String) -> [Token]? {
        var text = text
        return text.withUTF8 { bytes -> [Token]? in
            var result: [Token] = []
            var word: [UInt8] = []
            var start = 0
            for (offset, b) in bytes.enumerated() {
                guard b < 0x80 else { return nil }
                if let folded = wordByte(b) {
                    if word.isEmpty { start = offset }
                    word.append(folded)
                } else if !word.isEmpty {
                    result.append(Token(text: String(decoding: word, as: UTF8.self), range: start..<offset))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { result.append(Token(text: String(decoding: word, as: UTF8.self), range: start..<bytes.count)) }
            return result
        }
    }

    /// An ASCII letter or digit as the index stores it (letters lower-cased); nil for any other byte.
    private static func wordByte(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39, 0x61...0x7A: b
        case 0x41...0x5A: b | 0x20
        default: nil
        }
    }

    public static func words(_ text: String) -> [String] {
        tokens(text).map(\.text)
    }
}
