import KBModel
import KBStore

/// Distinct words numbered from 0, which words of a text are looked up in as the tokenizer
/// reads them. A word whose shape (length, first and last letter) none of them has is known
/// not to be one without a string being made of it or hashed: a search looks up every word of
/// its candidates' messages and titles, and of its results' text, and most are no paste word.
struct WordNumbering {
    private var numbers: [String: Int] = [:]
    /// The shapes of the ASCII words, a 1,024-bit filter.
    private var shapes = [UInt64](repeating: 0, count: 16)

    init() {}

    init(_ words: some Sequence<String>) {
        for word in words { _ = insert(word) }
    }

    /// How many words are numbered.
    var count: Int { numbers.count }

    /// The word's number, a new word getting the next.
    mutating func insert(_ word: String) -> Int {
        if let number = numbers[word] { return number }
        numbers[word] = numbers.count
        if let first = word.utf8.first, let last = word.utf8.last, word.utf8.allSatisfy({ $0 < 0x80 }) {
            let slot = Self.slot(length: word.utf8.count, first: first, last: last)
            shapes[slot >> 6] |= 1 << UInt64(slot & 63)
        }
        return numbers.count - 1
    }

    /// The word's number, nil when it is none of these.
    subscript(word: String) -> Int? { numbers[word] }

    /// The number of the word at `range` of ASCII text, folded as the index folds it; nil when
    /// it is none of these.
    func number(at range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let slot = Self.slot(
            length: range.count, first: bytes[range.lowerBound].asciiLowercased, last: bytes[range.upperBound - 1].asciiLowercased)
        guard shapes[slot >> 6] & (1 << UInt64(slot & 63)) != 0 else { return nil }
        return numbers[Tokenizer.word(bytes, range)]
    }

    private static func slot(length: Int, first: UInt8, last: UInt8) -> Int {
        ((Int(first) &* 31 &+ Int(last)) &* 31 &+ min(length, 63)) & 1023
    }
}
