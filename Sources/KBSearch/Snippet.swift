import KBModel
import KBStore

/// The line of an article that best shows why it matched, and the paste's words in it.
enum Snippet {
    static let maxLength = 240

    /// The preferred line when there is one (the message the paste reproduced), else the first
    /// line holding the most of the paste's distinct words: the article's messages and title
    /// (each one line), then its sections' lines.
    static func best(in article: Article, query: AnalyzedQuery, preferred: String?) -> (line: String, words: [String]) {
        best(in: article, wanted: Wanted(query), preferred: preferred)
    }

    /// The same with the paste's words made ready, once for all of a search's results.
    static func best(in article: Article, wanted: Wanted, preferred: String?) -> (line: String, words: [String]) {
        if let preferred { return (clip(preferred), found(in: preferred, wanted)) }
        var counter = HitCounter(wanted)
        var best = (line: article.errorMessages.first ?? article.title, hits: -1)
        // Lines are read as bytes: a string is made of the best line only.
        func read(_ text: String, wholeLine: Bool) -> Bool {
            var text = text
            return text.withUTF8 { bytes in
                var start = 0
                while start <= bytes.count {
                    let end = wholeLine ? bytes.count : bytes.firstIndex(of: 0x0A, from: start)
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if !line.isBlank {
                        let hits = counter.hits(in: line)
                        if hits > best.hits { best = (String(decoding: line, as: UTF8.self).trimmed, hits) }
                        // No later line can hold more of the paste's words.
                        if best.hits == wanted.words.count { return true }
                    }
                    start = end + 1
                }
                return false
            }
        }
        _ = article.errorMessages.contains { read($0, wholeLine: true) }
            || read(article.title, wholeLine: true)
            || article.sections.contains { read($0.text, wholeLine: false) }
        return (clip(best.line), found(in: best.line, wanted))
    }

    /// A paste's distinct words, numbered so that a line's words are looked up as the
    /// tokenizer reads them (see `WordNumbering`).
    struct Wanted {
        /// The paste's tokens these were made from.
        let tokens: [String]
        /// The distinct tokens, each at its number.
        fileprivate let words: [String]
        fileprivate let numbering: WordNumbering
        fileprivate let set: Set<String>

        init(_ query: AnalyzedQuery) { self.init(tokens: query.tokens) }

        init(tokens: [String]) {
            self.tokens = tokens
            var numbering = WordNumbering()
            var words: [String] = []
            for token in tokens where numbering.insert(token) == words.count { words.append(token) }
            self.words = words
            self.numbering = numbering
            set = Set(words)
        }
    }

    /// Counts the distinct wanted words of a line.
    private struct HitCounter {
        let wanted: Wanted
        /// One bit a wanted word, cleared for each line.
        var seen: [UInt64]

        init(_ wanted: Wanted) {
            self.wanted = wanted
            seen = [UInt64](repeating: 0, count: wanted.words.count / 64 + 1)
        }

        mutating func hits(in line: UnsafeBufferPointer<UInt8>) -> Int {
            guard Tokenizer.isASCII(line) else { return found(in: String(decoding: line, as: UTF8.self), wanted).count }
            for k in seen.indices { seen[k] = 0 }
            var hits = 0
            for word in Tokenizer.hashedWords(inASCII: line) {
                guard let number = wanted.numbering.number(of: word, in: line) else { continue }
                let bit: UInt64 = 1 << UInt64(number & 63)
                if seen[number >> 6] & bit == 0 { seen[number >> 6] |= bit; hits += 1 }
            }
            return hits
        }
    }

    /// The wanted words of a line, each once, in the order the line first has them.
    private static func found(in line: String, _ wanted: Wanted) -> [String] {
        var line = line
        let ascii: [String]? = line.withUTF8 { bytes in
            guard Tokenizer.isASCII(bytes) else { return nil }
            // Read as bytes: no string is made of the line's words; a word found is the paste's own.
            var seen = [Bool](repeating: false, count: wanted.words.count)
            var words: [String] = []
            for word in Tokenizer.hashedWords(inASCII: bytes) {
                guard let number = wanted.numbering.number(of: word, in: bytes), !seen[number] else { continue }
                seen[number] = true
                words.append(wanted.words[number])
            }
            return words
        }
        if let ascii { return ascii }
        var seen = Set<String>()
        return Tokenizer.words(line).filter { wanted.set.contains($0) && seen.insert($0).inserted }
    }

    private static func clip(_ line: String) -> String {
        line.count <= maxLength ? line : String(line.prefix(maxLength - 1)) + "…"
    }
}
