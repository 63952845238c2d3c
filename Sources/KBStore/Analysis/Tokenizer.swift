import Foundation
import KBModel


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
            guard isASCII(bytes) else { return nil }
            var result: [Token] = []
            for range in wordRanges(inASCII: bytes) { result.append(Token(text: word(bytes, range), range: range)) }
            return result
        }
    }

    /// Whether every byte is ASCII, so that `wordRanges(inASCII:)` may read the text.
    package static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.isAllASCII
    }

    /// The byte range of each word of ASCII text, in order: each run of letters and digits.
    /// For callers that look at most words without keeping them (message alignment,
    /// snippets), and so need no string of each.
    @inlinable
    package static func wordRanges(inASCII bytes: UnsafeBufferPointer<UInt8>) -> ASCIIWordRanges {
        ASCIIWordRanges(bytes: bytes)
    }

    /// See `wordRanges(inASCII:)`.
    package struct ASCIIWordRanges: Sequence, IteratorProtocol {
        @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
        @usableFromInline var position = 0

        @inlinable init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The next word's byte range; nil past the last word.
        @inlinable
        package mutating func next() -> Range<Int>? {
            // Read through a local: the stored position was written back at every byte.
            var i = position
            while i < bytes.count, !bytes[i].isASCIIAlphanumeric { i += 1 }
            guard i < bytes.count else {
                position = i
                return nil
            }
            let start = i
            while i < bytes.count, bytes[i].isASCIIAlphanumeric { i += 1 }
            position = i
            return start..<i
        }
    }

    /// The words of ASCII text as `wordRanges(inASCII:)` finds them, each with the hash of its
    /// folded bytes (`foldedHash`) made as it is read: for lookups by bytes (`WordNumbering`),
    /// which otherwise read each word twice, once to find its end and once to hash it.
    @inlinable
    package static func hashedWords(inASCII bytes: UnsafeBufferPointer<UInt8>) -> HashedASCIIWords {
        HashedASCIIWords(bytes: bytes)
    }

    /// A word of ASCII text: its byte range and the hash of its folded bytes.
    package struct HashedWord {
        /// The word's bytes in the text.
        package let range: Range<Int>
        /// The hash of its folded bytes (`foldedHash`).
        package let hash: UInt32

        @inlinable init(range: Range<Int>, hash: UInt32) {
            self.range = range
            self.hash = hash
        }
    }

    /// See `hashedWords(inASCII:)`.
    package struct HashedASCIIWords: Sequence, IteratorProtocol {
        @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
        @usableFromInline var position = 0

        @inlinable init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The next word; nil past the last.
        @inlinable
        package mutating func next() -> HashedWord? {
            guard let base = bytes.baseAddress else { return nil }
            let count = bytes.count
            var i = position
            while i < count, !base[i].isASCIIAlphanumeric { i += 1 }
            guard i < count else {
                position = i
                return nil
            }
            let start = i
            var hash = Tokenizer.hashBasis
            // A letter or digit folds by setting bit 5 (a digit has it set already).
            repeat {
                hash = (hash ^ UInt32(base[i] | 0x20)) &* Tokenizer.hashPrime
                i += 1
            } while i < count && base[i].isASCIIAlphanumeric
            position = i
            return HashedWord(range: start..<i, hash: hash)
        }
    }

    /// FNV-1a over a word's bytes folded (ASCII letters lower-cased): a word and its
    /// capitalised spelling hash alike, and as `hashedWords(inASCII:)` hashes them.
    @inlinable
    package static func foldedHash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash = hashBasis
        for byte in word { hash = (hash ^ UInt32(byte.asciiLowercased)) &* hashPrime }
        return hash
    }

    @inlinable static var hashBasis: UInt32 { 2_166_136_261 }
    @inlinable static var hashPrime: UInt32 { 16_777_619 }

    /// The word at `range` of ASCII text, folded as the index folds it (ASCII letters
    /// lower-cased).
    package static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let word = UnsafeBufferPointer(rebasing: bytes[range])
        guard word.contains(where: { $0.asciiLowercased != $0 }) else { return String(decoding: word, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: word.count) { out in
            for (k, b) in word.enumerated() { out[k] = b.asciiLowercased }
            return word.count
        }
    }

    /// The tokens' words only.
    package static func words(_ text: String) -> [String] {
        tokens(text).map(\.text)
    }
}
