import KBModel
import KBStore

/// The line of an article that best shows why it matched, and the paste's words in it.
enum Snippet {
    static let maxLength = 240

    /// The preferred line when there is one (the message the paste reproduced), else the first
    /// line holding the most of the paste's distinct words: the article's messages and title
    /// (each one line), then its sections' lines.
    static func best(in article: Article, query: AnalyzedQuery, preferred: String?) -> (line: String, words: [String]) {
        let wanted = Set(query.tokens)
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
                        if best.hits == wanted.count { return true }
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

    /// Counts the distinct wanted words of a line.
    private struct HitCounter {
        let wanted: Set<String>
        let numbering: WordNumbering
        /// One bit a wanted word, cleared for each line.
        var seen: [UInt64]

        init(_ wanted: Set<String>) {
            self.wanted = wanted
            numbering = WordNumbering(wanted)
            seen = [UInt64](repeating: 0, count: wanted.count / 64 + 1)
        }

        mutating func hits(in line: UnsafeBufferPointer<UInt8>) -> Int {
            guard Tokenizer.isASCII(line) else { return found(in: String(decoding: line, as: UTF8.self), wanted).count }
            for k in seen.indices { seen[k] = 0 }
            var hits = 0
            for range in Tokenizer.wordRanges(inASCII: line) {
                guard let number = numbering.number(at: range, in: line) else { continue }
                let bit: UInt64 = 1 << UInt64(number & 63)
                if seen[number >> 6] & bit == 0 { seen[number >> 6] |= bit; hits += 1 }
            }
            return hits
        }
    }

    private static func found(in line: String, _ wanted: Set<String>) -> [String] {
        var seen = Set<String>()
        return Tokenizer.words(line).filter { wanted.contains($0) && seen.insert($0).inserted }
    }

    private static func clip(_ line: String) -> String {
        line.count <= maxLength ? line : String(line.prefix(maxLength - 1)) + "…"
    }
}
