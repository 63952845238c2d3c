import Foundation


/// Splits text into the same tokens as the full-text index's `unicode61 remove_diacritics 2`
/// tokenizer: runs of letters and digits, lower-cased, accents removed.
///
/// ASCII text, most of it, is split here byte by byte; any other text is handed to SQLite's
/// own tokenizer (`Unicode61`), so that a word is searched exactly as it was indexed, whatever
/// Unicode's case folding, ligatures or combining marks make of it.
package enum Tokenizer {
    /// A word of a text as the index holds it.
    package struct Token: Equatable, Sendable {
        /// The word, folded as the index folds it.
        package var text: String
        /// Byte range in the source string, for highlighting.
        package var range: Range<Int>
    }

    /// The tokens of `text`, in order (ASCII text takes a fast path).
    package static func tokens(_ text: String) -> [Token] {
        asciiTokens(text) ?? Unicode61.shared.tokens(text)
    }

    /// The same for text that is all ASCII, the common case, read byte by byte; nil otherwise.
    private static func asciiTokens(_ text: String) -> [Token]? {
        var text = text
        return text.withUTF8 { bytes -> [Token]? in
            var result: [Token] = []
            var i = 0
            while i < bytes.count {
                guard bytes[i] < 0x80 else { return nil }
                guard wordByte(bytes[i]) != nil else { i += 1; continue }
                // A word: the run of letters and digits from here (a byte past ASCII ends it,
                // and is refused on the next turn).
                let start = i
                var folded = false
                while i < bytes.count, let b = wordByte(bytes[i]) {
                    folded = folded || b != bytes[i]
                    i += 1
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                let text = folded
                    ? String(unsafeUninitializedCapacity: word.count) { out in
                        for (k, b) in word.enumerated() { out[k] = wordByte(b)! }
                        return word.count
                    }
                    : String(decoding: word, as: UTF8.self)
                result.append(Token(text: text, range: start..<i))
            }
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

    /// The tokens' words only.
    package static func words(_ text: String) -> [String] {
        tokens(text).map(\.text)
    }
}
