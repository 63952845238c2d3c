import KBModel
import KBStore

/// Distinct words numbered from 0, which words of a text are looked up in as the tokenizer
/// reads them. A search looks up every word of its candidates' messages and titles, and of its
/// results' text, and most are no paste word: a word of ASCII text is looked up by its bytes,
/// in a table of the ASCII words' bytes, without a string being made of it or hashed by the
/// standard library's hasher (which seeds, mixes and finalizes each string: three times the
/// instructions of the whole byte lookup).
struct WordNumbering {
    private var numbers: [String: Int] = [:]
    /// The ASCII words' bytes, end to end.
    private var asciiBytes: [UInt8] = []
    /// Each ASCII word as its slot holds it (hash, number, first byte in `asciiBytes` and
    /// length), kept to fill a larger table.
    private var asciiWords: [Slot] = []
    /// Open addressing over the ASCII words by their folded hash (`Tokenizer.foldedHash`).
    /// Its count is a power of two, at least twice the words'. A slot holds the word's hash,
    /// so that a word that is none of these is told from one that is, most of the time,
    /// without its bytes being compared.
    private var slots = [Slot](repeating: .empty, count: 16)

    private struct Slot {
        var hash: UInt32
        var number: Int32
        var start: Int32
        var length: Int32
        static let empty = Slot(hash: 0, number: -1, start: 0, length: 0)
    }

    init() {}

    init(_ words: some Sequence<String>) {
        for word in words { _ = insert(word) }
    }

    /// How many words are numbered.
    var count: Int { numbers.count }

    /// The word's number, a new word getting the next.
    mutating func insert(_ word: String) -> Int {
        if let number = numbers[word] { return number }
        let number = numbers.count
        numbers[word] = number
        if !word.utf8.isEmpty, word.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(word.utf8)
            let hash = bytes.withUnsafeBufferPointer { Tokenizer.foldedHash($0) }
            asciiWords.append(Slot(hash: hash, number: Int32(number), start: Int32(asciiBytes.count), length: Int32(bytes.count)))
            asciiBytes.append(contentsOf: bytes)
            if asciiWords.count * 2 > slots.count {
                slots = [Slot](repeating: .empty, count: slots.count * 2)
                for word in asciiWords { place(word) }
            } else {
                place(asciiWords[asciiWords.count - 1])
            }
        }
        return number
    }

    /// The word's number, nil when it is none of these.
    subscript(word: String) -> Int? { numbers[word] }

    /// The number of a word of ASCII text (`Tokenizer.hashedWords(inASCII:)`), folded as the
    /// index folds it (ASCII letters lower-cased); nil when it is none of these.
    func number(of word: Tokenizer.HashedWord, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = Int(word.hash) & mask
            while true {
                let slot = slots[index]
                if slot.number < 0 { return nil }
                if slot.hash == word.hash, Int(slot.length) == word.range.count,
                   asciiBytes.withUnsafeBufferPointer({ Self.folded(bytes, word.range, equals: $0, from: Int(slot.start)) }) {
                    return Int(slot.number)
                }
                index = (index &+ 1) & mask
            }
        }
    }

    /// Puts the word in the first free slot from its hash's.
    private mutating func place(_ word: Slot) {
        let mask = slots.count - 1
        var index = Int(word.hash) & mask
        while slots[index].number >= 0 { index = (index &+ 1) & mask }
        slots[index] = word
    }

    /// Whether the word at `range` of `bytes` folded is the stored word starting at `start`
    /// (of the same length).
    private static func folded(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, equals stored: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Bool {
        for offset in 0..<range.count where bytes[range.lowerBound + offset].asciiLowercased != stored[start + offset] { return false }
        return true
    }
}
