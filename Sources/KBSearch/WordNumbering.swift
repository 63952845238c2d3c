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
    /// Each ASCII word's number, first byte in `asciiBytes` and length.
    private var asciiWords: [(number: Int32, start: Int32, length: Int32)] = []
    /// Open addressing over `asciiWords` by `hash`: an index into it, or -1 for an empty slot.
    /// Its count is a power of two, at least twice the words'.
    private var slots = [Int32](repeating: -1, count: 16)

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
            asciiWords.append((Int32(number), Int32(asciiBytes.count), Int32(word.utf8.count)))
            asciiBytes.append(contentsOf: word.utf8)
            if asciiWords.count * 2 > slots.count {
                slots = [Int32](repeating: -1, count: slots.count * 2)
                for index in asciiWords.indices { place(index) }
            } else {
                place(asciiWords.count - 1)
            }
        }
        return number
    }

    /// The word's number, nil when it is none of these.
    subscript(word: String) -> Int? { numbers[word] }

    /// The number of the word at `range` of ASCII text, folded as the index folds it (ASCII
    /// letters lower-cased); nil when it is none of these.
    func number(at range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let word = UnsafeBufferPointer(rebasing: bytes[range])
        let mask = slots.count - 1
        var slot = Self.hash(word) & mask
        return asciiBytes.withUnsafeBufferPointer { stored in
            while true {
                let index = Int(slots[slot])
                if index < 0 { return nil }
                let entry = asciiWords[index]
                if Int(entry.length) == word.count, Self.folded(word, equals: stored, from: Int(entry.start)) {
                    return Int(entry.number)
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Puts the word at `index` of `asciiWords` in the first free slot from its hash's.
    private mutating func place(_ index: Int) {
        let entry = asciiWords[index]
        let mask = slots.count - 1
        var slot = asciiBytes.withUnsafeBufferPointer { bytes in
            Self.hash(UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start + entry.length)]))
        } & mask
        while slots[slot] >= 0 { slot = (slot &+ 1) & mask }
        slots[slot] = Int32(index)
    }

    /// FNV-1a over the bytes folded: a word and its capitalised spelling hash alike.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte.asciiLowercased)) &* 16_777_619 }
        return Int(hash)
    }

    /// Whether `word` folded is the stored word starting at `start` (of the same length).
    private static func folded(_ word: UnsafeBufferPointer<UInt8>, equals stored: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        for offset in word.indices where word[offset].asciiLowercased != stored[start + offset] { return false }
        return true
    }
}
