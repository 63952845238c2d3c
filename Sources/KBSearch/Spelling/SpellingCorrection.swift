import Foundation

/// Corrects the words of a paste that the index does not hold: typing slips, text read off a
/// screenshot, spaces lost or added.
///
/// A word is replaced by the likeliest word of the index's vocabulary near it: likelihood is
/// the word's document frequency, lowered by how unlikely the change is. OCR confusions
/// (l/1/I, O/0, S/5, rn/m, cl/d) cost least, then one edit (a letter deleted, inserted,
/// replaced or two swapped), then a space lost or added, then two edits. Words with a digit
/// that are not OCR slips (codes, versions, ids) and words shorter than three letters are
/// left as they are.
struct SpellingCorrection {
    let lexicon: any Lexicon

    /// A replacement for one or two adjacent tokens.
    struct Replacement: Equatable {
        /// The index of the first token replaced.
        var index: Int
        /// How many tokens it replaces (2 when a space was added inside a word).
        var count: Int
        /// The words that replace them (2 when a space was lost between words).
        var words: [String]
        /// How likely the change is, 0…1: what a corrected word's weight is multiplied by.
        var confidence: Double
    }

    /// Pastes of more words are not corrected whole (a long paste is, line by line).
    static let maximumTokens = 64
    /// At most this many words are looked up two edits away: the costliest lookup.
    static let maximumTwoEditLookups = 4

    static let ocrConfidence = 0.85
    static let editConfidence = 0.75
    static let spaceConfidence = 0.8
    static let twoEditConfidence = 0.55

    /// Replacements for the tokens at the `unknown` indices (words the index does not hold),
    /// left to right. The lexicon is asked only for tokens that can be corrected or joined: a
    /// paste whose unknown words are all names or numbers costs no lookup.
    func replacements(_ tokens: [String], unknown: Set<Int>) throws -> [Replacement] {
        // A space added inside a word ("restori ng"): the joins next to unknown tokens.
        var joins: Set<String> = []
        for index in unknown {
            for first in [index - 1, index] where first >= 0 && first + 1 < tokens.count {
                if let join = joinable(tokens[first], tokens[first + 1]) { joins.insert(join) }
            }
        }
        let joined = try lexicon.frequencies(joins)
        var result: [Replacement] = []
        var twoEditLookups = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            defer { index += 1 }
            guard unknown.contains(index) else { continue }
            if index + 1 < tokens.count, let join = joinable(token, tokens[index + 1]), joined[join] != nil {
                result.append(Replacement(index: index, count: 2, words: [join], confidence: Self.spaceConfidence))
                index += 1
                continue
            }
            if index > 0, result.last.map({ $0.index + $0.count <= index - 1 }) ?? true,
               let join = joinable(tokens[index - 1], token), joined[join] != nil {
                result.append(Replacement(index: index - 1, count: 2, words: [join], confidence: Self.spaceConfidence))
                continue
            }
            guard Self.isCorrectable(token) else { continue }
            if let best = try bestWord(for: token, twoEdits: &twoEditLookups) {
                result.append(Replacement(index: index, count: 1, words: best.words, confidence: best.confidence))
            }
        }
        return result
    }

    /// The longest token corrected. Its variants number about 60 per letter and each is as
    /// long as the token, so correction costs the square of its length: a token longer than
    /// any word of the index (or than `maximumRun` words run together) is left as it is, and
    /// a paste of one 1 MB word costs what a paste of short words does.
    static let maximumCorrectable = maximumRun

    /// Letters, or letters with digits that OCR makes of letters ("whi1e", "setting5"), of
    /// 3 to `maximumCorrectable` characters.
    static func isCorrectable(_ token: String) -> Bool {
        guard (3...maximumCorrectable).contains(token.utf8.count) else { return false }
        let letters = token.filter(\.isLetter).count
        guard letters >= 2 else { return false }
        return token.allSatisfy { $0.isLetter || "015".contains($0) } && token.unicodeScalars.allSatisfy(\.isASCII)
    }

    /// Two tokens of letters that may be one word split by a space.
    private func joinable(_ a: String, _ b: String) -> String? {
        let joined = a + b
        return (5...Self.maximumCorrectable).contains(joined.utf8.count) && a.allSatisfy(\.isLetter) && b.allSatisfy(\.isLetter) ? joined : nil
    }

    private func bestWord(for token: String, twoEdits lookups: inout Int) throws -> (words: [String], confidence: Double)? {
        let variants = Self.ocrVariants(token)
        let edits = Self.edits(token)
        // Words run together, as typed or as OCR reads them ("c0ntrol" with its digits as letters).
        let runs = Set([token, Self.digitsAsLetters(token)]).map(Array.init)
        let pieces = runs.flatMap { Self.pieces(of: $0) }
        let known = try lexicon.frequencies(Set(variants.keys).union(edits).union(pieces))

        var best: (words: [String], confidence: Double, likelihood: Double)?
        func consider(_ words: [String], _ confidence: Double, _ frequencies: [String: Int] = known) {
            let frequency = words.map { Double(frequencies[$0] ?? 0) }.min() ?? 0
            guard frequency > 0 else { return }
            let likelihood = confidence * confidence * log(frequency + 1)
            if best == nil || likelihood > best!.likelihood { best = (words, confidence, likelihood) }
        }
        for (candidate, confusions) in variants { consider([candidate], pow(Self.ocrConfidence, Double(confusions))) }
        for candidate in edits { consider([candidate], Self.editConfidence) }
        // Spaces lost between words ("accessdenied", "cannotstartapplication"), weighed against
        // the single words: a rare word one confusion away ("testcontrol") against two common ones.
        for run in runs {
            guard let words = Self.segmentation(of: run, known: known) else { continue }
            let ocr = String(run) == token ? 1 : Self.ocrConfidence
            consider(words, ocr * pow(Self.spaceConfidence, Double(words.count - 1)))
        }
        if best == nil, token.count >= 6, lookups < Self.maximumTwoEditLookups, let first = token.first, first.isLetter {
            lookups += 1
            // Words sharing the first letter (two slips and the first letter among them are
            // rare; the lookup is then a range of the snapshot's key).
            let near = try lexicon.words(startingWith: first, lengths: (token.count - 2)...(token.count + 2))
            for candidate in near.keys where Self.withinTwoEdits(token, candidate) {
                consider([candidate], Self.twoEditConfidence, near)
            }
        }
        return best.map { ($0.words, $0.confidence) }
    }

    /// Pieces a token run together from words may split into: every substring of two letters
    /// or more but the whole (a long token is not split: it is no run of a few words).
    static func pieces(of characters: [Character]) -> [String] {
        guard (4...maximumRun).contains(characters.count) else { return [] }
        return (0...(characters.count - 2)).flatMap { start in
            let last = start == 0 ? characters.count - 1 : characters.count
            return (start + 2...last).map { String(characters[start..<$0]) }
        }
    }

    /// The longest token split into words.
    static let maximumRun = 32

    /// `characters` split into the fewest words the lexicon knows, two at least, each of two letters
    /// or more and two and a half on average; among splits into as many words, the one whose words
    /// are commonest.
    static func segmentation(of characters: [Character], known: [String: Int]) -> [String]? {
        guard (4...maximumRun).contains(characters.count) else { return nil }
        // best[end]: the best split of the first `end` characters (words, summed log frequency).
        var best: [(words: [String], score: Double)?] = Array(repeating: nil, count: characters.count + 1)
        best[0] = ([], 0)
        for end in 2...characters.count {
            for start in 0...(end - 2) where end - start < characters.count {
                let piece = String(characters[start..<end])
                guard let before = best[start], let frequency = known[piece] else { continue }
                let candidate = (words: before.words + [piece], score: before.score + log(Double(frequency) + 1))
                if let current = best[end],
                   (current.words.count, -current.score) <= (candidate.words.count, -candidate.score) { continue }
                best[end] = candidate
            }
        }
        guard let split = best[characters.count]?.words, split.count >= 2, 2 * characters.count >= 5 * split.count else { return nil }
        return split
    }

    /// The token with the digits OCR reads for letters made letters again (0→o, 1→l, 5→s).
    static func digitsAsLetters(_ token: String) -> String {
        String(token.map { character in
            switch character {
            case "0": "o"
            case "1": "l"
            case "5": "s"
            default: character
            }
        })
    }

    /// What OCR makes of letters, undone: one or two confusions, each as likely as `ocrConfidence`.
    private static let confusions: [(String, String)] = [
        ("1", "l"), ("1", "i"), ("l", "i"), ("i", "l"), ("0", "o"), ("5", "s"), ("rn", "m"), ("m", "rn"),
        ("cl", "d"), ("c", "e"), ("e", "c"), ("b", "h"), ("vv", "w"), ("ii", "u"),
    ]

    /// Each variant with the number of confusions undone to make it (1 or 2).
    static func ocrVariants(_ token: String) -> [String: Int] {
        var variants: [String: Int] = [:]
        var frontier: Set<String> = [token]
        for step in 1...2 {
            var next: Set<String> = []
            for word in frontier {
                for (from, to) in confusions {
                    var search = word.startIndex..<word.endIndex
                    while let range = word.range(of: from, range: search) {
                        next.insert(word.replacingCharacters(in: range, with: to))
                        search = range.upperBound..<word.endIndex
                    }
                }
            }
            for variant in next where variant != token && variants[variant] == nil { variants[variant] = step }
            frontier = next
        }
        return variants
    }

    private static let letters = Array("abcdefghijklmnopqrstuvwxyz")

    /// Every string one edit away: a letter deleted, two swapped, one replaced or inserted.
    static func edits(_ word: String) -> Set<String> {
        let w = Array(word)
        var result: Set<String> = []
        for i in 0...w.count {
            if i < w.count { result.insert(String(w[..<i] + w[(i + 1)...])) }
            if i + 1 < w.count {
                var swapped = w
                swapped.swapAt(i, i + 1)
                result.insert(String(swapped))
            }
            for letter in letters {
                if i < w.count, letter != w[i] {
                    var replaced = w
                    replaced[i] = letter
                    result.insert(String(replaced))
                }
                result.insert(String(w[..<i] + [letter] + w[i...]))
            }
        }
        result.remove(word)
        return result
    }

    /// Whether two words are at most two edits apart (insertions, deletions, replacements and
    /// swaps of adjacent letters): the optimal string alignment distance, cut off at 3.
    static func withinTwoEdits(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard abs(x.count - y.count) <= 2 else { return false }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(1, y.count) where j <= y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > 2 { return false }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count] <= 2
    }
}
