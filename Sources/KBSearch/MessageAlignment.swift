import KBModel
import KBStore

/// How much of a quoted error message a paste reproduces, word for word and in order.
///
/// A weighted longest common subsequence of the paste's tokens and the message's tokens:
/// each matched paste token counts its inverse document frequency, so "the" and "is" add
/// little. A placeholder in the message (`<servername>`, `XXXX.BMP`, `%1`) matches any one
/// word of the paste.
struct MessageAlignment: Equatable {
    /// Share of the paste's weight found in the message, in order (0…1).
    var queryCoverage: Double
    /// Share of the message's words found in the paste, in order (0…1).
    var messageCoverage: Double
    /// Matched words.
    var matched: Int

    /// One score: a message fully reproduced scores 1; the first half of it typed, about 0.7.
    var score: Double { queryCoverage * messageCoverage.squareRoot() }

    static let none = MessageAlignment(queryCoverage: 0, messageCoverage: 0, matched: 0)

    /// A message token: a word, or a placeholder that stands for any word.
    enum Word: Equatable {
        case word(String)
        case placeholder
    }

    /// Tokens of an article's message, with placeholders recognised: words inside `<…>` (one
    /// placeholder per bracket pair), runs of x (`XXXX.BMP`), and `%1`-style parameters.
    static func words(of message: String) -> [Word] {
        let bytes = Array(message.utf8)
        return bytes.withUnsafeBufferPointer { bytes in
            var placeholders = Placeholders(bytes)
            return Tokenizer.tokens(message).compactMap { token in
                switch placeholders.kind(start: token.range.lowerBound, characters: token.text.count, folded: token.text.utf8) {
                case .word: .word(ErrorCodes.alignmentWord(token.text, afterMinus: placeholders.isAfterMinus(token.range.lowerBound)))
                case .placeholder: .placeholder
                case .sameBracket: nil
                }
            }
        }
    }

    /// The placeholder rules, applied to a message's words in order.
    struct Placeholders {
        /// What a word is to the alignment.
        enum Kind { case word, placeholder, sameBracket }

        private let bytes: UnsafeBufferPointer<UInt8>
        /// Byte ranges of "<...>" on one line, at most 60 bytes long: each stands for one word.
        private var brackets: [Range<Int>] = []
        private var bracket = 0
        private var lastBracket = -1

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            var i = bytes.firstIndex(of: UInt8(ascii: "<"), from: 0)
            while i < bytes.count {
                if let close = bytes[(i + 1)..<min(bytes.count, i + 60)].firstIndex(where: { $0 == UInt8(ascii: ">") || $0 == 0x0A }),
                   bytes[close] == UInt8(ascii: ">") {
                    brackets.append(i..<(close + 1))
                    i = close + 1
                } else {
                    i += 1
                }
                i = bytes.firstIndex(of: UInt8(ascii: "<"), from: i)
            }
        }

        /// The next word, which starts at byte `start`, is `characters` long and is `folded`
        /// as the index folds it: a placeholder, a later word of the same bracket pair (no word
        /// of its own), or a word.
        mutating func kind(start: Int, characters: Int, folded: some Collection<UInt8>) -> Kind {
            // Brackets and words both come in order: a word is in the first pair not before it, or in none.
            while bracket < brackets.count, brackets[bracket].upperBound <= start { bracket += 1 }
            if bracket < brackets.count, brackets[bracket].contains(start) {
                defer { lastBracket = bracket }
                return bracket == lastBracket ? .sameBracket : .placeholder
            }
            let isParameter = start > 0 && bytes[start - 1] == UInt8(ascii: "%") && characters <= 2
            let isXRun = characters >= 3 && folded.allSatisfy { $0 == UInt8(ascii: "x") }
            return isParameter || isXRun ? .placeholder : .word
        }

        /// Whether a '-' is just before byte `start`: a negative decimal code.
        func isAfterMinus(_ start: Int) -> Bool {
            start > 0 && bytes[start - 1] == UInt8(ascii: "-")
        }
    }

    /// The alignment of a paste's words (with their weights) with a message's. `unmatched`
    /// is weight the paste has that no message can match (see `Reranker.lostWeight`).
    static func align(query: [String], weights: [Double], message: [Word], unmatched: Double = 0) -> MessageAlignment {
        let query = Query(words: query, weights: weights)
        return align(query, message: query.numbers(of: message), unmatched: unmatched)
    }

    /// The same for a numbered paste and message (see `Query`).
    static func align(_ query: Query, message: [Int], unmatched: Double = 0) -> MessageAlignment {
        guard !query.numbers.isEmpty, !message.isEmpty else { return .none }
        let totalWeight = query.totalWeight + unmatched
        guard totalWeight > 0 else { return .none }
        // A message holding none of the paste's words and no placeholder aligns with nothing.
        guard message.contains(where: { $0 != Query.otherWord }) else { return .none }
        let n = message.count
        // dp[j] = (weight, count) of the best alignment of the paste's words so far with
        // message[0..<j], one row a paste word, kept in one row updated in place. A row never
        // decreases along j, so a cell that is no match and whose left neighbour kept its
        // value keeps its own: only the cells from a match on are computed, as long as they
        // change. The matches are found through links from each word's first position to its
        // next (a placeholder stands for any word). All of it lives on the stack: a search
        // aligns some hundred messages, and a new array each time cost a run-time lookup of
        // its type as well as its memory.
        let end = n + 1
        let (weight, count) = withUnsafeTemporaryAllocation(of: Int.self, capacity: query.distinctWords + end + 1) { links in
            // first[w]: the first position (1...n) of paste word w; next[j]: the next
            // position of the word at j; end when there is none.
            let first = UnsafeMutableBufferPointer(rebasing: links[0..<query.distinctWords])
            let next = UnsafeMutableBufferPointer(rebasing: links[query.distinctWords...])
            first.initialize(repeating: end)
            next.initialize(repeating: end)
            var firstPlaceholder = end
            for j in stride(from: n, through: 1, by: -1) {
                let word = message[j - 1]
                if word >= 0 {
                    next[j] = first[word]
                    first[word] = j
                } else if word == Query.placeholder {
                    next[j] = firstPlaceholder
                    firstPlaceholder = j
                }
            }
            return withUnsafeTemporaryAllocation(of: (Double, Int).self, capacity: end) { row in
                row.initialize(repeating: (0, 0))
                for (i, token) in query.numbers.enumerated() {
                    var tokenAt = first[token]
                    var placeholderAt = firstPlaceholder
                    guard tokenAt < end || placeholderAt < end else { continue }
                    let w = query.weights[i]
                    var j = 0
                    // The previous row's value of cell j - 1, and whether this row changed it.
                    var left = (0.0, 0)
                    var changed = false
                    while true {
                        if changed {
                            j += 1
                        } else {
                            j = min(tokenAt, placeholderAt)
                            left = row[j - 1]
                        }
                        if j >= end { break }
                        let old = row[j]
                        var best = old.0 >= row[j - 1].0 ? old : row[j - 1]
                        if j == tokenAt || j == placeholderAt {
                            let gain = j == tokenAt ? w : w * 0.5
                            let candidate = (left.0 + gain, left.1 + 1)
                            if candidate.0 > best.0 { best = candidate }
                            if j == tokenAt { tokenAt = next[j] } else { placeholderAt = next[j] }
                        }
                        row[j] = best
                        changed = best != old
                        left = old
                    }
                }
                return row[n]
            }
        }
        return MessageAlignment(
            queryCoverage: min(1, weight / totalWeight),
            messageCoverage: min(1, Double(count) / Double(n)),
            matched: count)
    }

    /// The share of a paste's words found in a message in any order (a title, read as keywords).
    static func overlap(query: [String], weights: [Double], message: [Word], unmatched: Double = 0) -> MessageAlignment {
        let query = Query(words: query, weights: weights)
        return overlap(query, message: query.numbers(of: message), unmatched: unmatched)
    }

    /// The same for a numbered paste and message (see `Query`).
    static func overlap(_ query: Query, message: [Int], unmatched: Double = 0) -> MessageAlignment {
        guard !query.numbers.isEmpty, !message.isEmpty else { return .none }
        let totalWeight = query.totalWeight + unmatched
        guard totalWeight > 0 else { return .none }
        // Marks on the stack, one a paste word (0: not in the message, 1: in it, 2: counted),
        // rather than two sets of numbers hashed word by word.
        let (weight, matched) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: query.distinctWords) { marks in
            marks.initialize(repeating: 0)
            for word in message where word >= 0 { marks[word] = 1 }
            var weight = 0.0
            var matched = 0
            for (i, token) in query.numbers.enumerated() where marks[token] == 1 {
                marks[token] = 2
                weight += query.weights[i]
                matched += 1
            }
            return (weight, matched)
        }
        return MessageAlignment(
            queryCoverage: min(1, weight / totalWeight),
            messageCoverage: min(1, Double(matched) / Double(message.count)),
            matched: matched)
    }

    /// A paste's words numbered, each distinct word once, so that a message's words are
    /// looked up once each and the alignment compares integers, not strings (a search aligns
    /// every message of some fifty candidates).
    struct Query {
        /// Each word's number, in the paste's order.
        let numbers: [Int]
        /// Each word's weight, in the paste's order.
        let weights: [Double]
        /// The weights' sum.
        let totalWeight: Double
        /// How many distinct words the paste has (numbered from 0).
        var distinctWords: Int { numbering.count }
        private let numbering: WordNumbering
        /// Whether a paste word starts with a digit or an `x` (a code's canonical spelling,
        /// "x80004005"): only then can a message word starting with a digit be one of them.
        /// Most messages hold numbers, and spelling each canonically costs some 3,000
        /// instructions.
        private let mayHoldCodes: Bool

        /// A message word that is none of the paste's.
        static let otherWord = -1
        /// A placeholder, which stands for any word.
        static let placeholder = -2

        init(words: [String], weights: [Double]) {
            var numbering = WordNumbering()
            numbers = words.map { numbering.insert($0) }
            self.numbering = numbering
            mayHoldCodes = words.contains { word in
                word.utf8.first.map { (0x30...0x39).contains($0) || $0 == UInt8(ascii: "x") } ?? false
            }
            self.weights = weights
            totalWeight = weights.reduce(0, +)
        }

        /// A message's words as numbers, the same as `numbers(of: MessageAlignment.words(of: message))`.
        /// ASCII text, most of it, is read byte by byte (see `WordNumbering`).
        func numbers(ofMessage message: String) -> [Int] {
            var text = message
            return text.withUTF8 { bytes in
                guard Tokenizer.isASCII(bytes) else { return numbers(of: MessageAlignment.words(of: message)) }
                var placeholders = Placeholders(bytes)
                var result: [Int] = []
                result.reserveCapacity(bytes.count / 4)
                for word in Tokenizer.hashedWords(inASCII: bytes) {
                    let range = word.range
                    let start = range.lowerBound
                    switch placeholders.kind(start: start, characters: range.count, folded: bytes[range].lazy.map(\.asciiLowercased)) {
                    case .placeholder: result.append(Self.placeholder)
                    case .sameBracket: break
                    case .word where (0x30...0x39).contains(bytes[start]):
                        // Perhaps a code, compared in its canonical spelling, if the paste may hold one.
                        guard mayHoldCodes else { result.append(Self.otherWord); continue }
                        let code = ErrorCodes.alignmentWord(Tokenizer.word(bytes, range), afterMinus: placeholders.isAfterMinus(start))
                        result.append(numbering[code] ?? Self.otherWord)
                    case .word:
                        result.append(numbering.number(of: word, in: bytes) ?? Self.otherWord)
                    }
                }
                return result
            }
        }

        /// A message's words as numbers: a paste word's, `otherWord` or `placeholder`.
        func numbers(of message: [Word]) -> [Int] {
            message.map { word in
                switch word {
                case .word(let text): numbering[text] ?? Self.otherWord
                case .placeholder: Self.placeholder
                }
            }
        }
    }
}

