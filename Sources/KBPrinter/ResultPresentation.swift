import Foundation
import KBModel
import KBSearch
import KBStore

/// What is shown of one search result, whatever the output: the terminal, the search page
/// and JSON all render this, so they show the same line, the same highlights and the same
/// excerpt of the fix.
public struct ResultPresentation: Sendable {
    /// A piece of the matched line: a word of the paste (`isMatch`), or the text between.
    public struct Span: Sendable, Equatable {
        /// The text, as it stands in the line.
        public var text: String
        /// True for a word of the paste.
        public var isMatch: Bool

        /// A span of text.
        public init(text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    /// The start of what fixes the problem: the resolution, else the workaround.
    public struct Remedy: Sendable, Equatable {
        /// "Resolution" or "Workaround".
        public var name: String
        /// The section's first two non-empty lines, trimmed and joined by a space.
        public var text: String
    }

    /// The result itself, with its article.
    public var result: SearchResult
    /// The line that shows why the article matched, cut into plain and matched spans.
    public var matchedLine: [Span]
    /// The start of the fix, when the article has one.
    public var remedy: Remedy?
    /// Which line of a long paste found the article, as "line 14: <the line>", when one did.
    public var foundBy: String? {
        result.pasteLine.map { "line \($0.number): \($0.original.trimmed.prefix(Self.pasteLineLength))" }
    }
    /// Paste lines are cut to this many characters when shown.
    public static let pasteLineLength = 120

    /// The archive articles folded into this one, as "also Q243444, Q243445", when any were.
    public var alsoAnswers: String? {
        result.twins.isEmpty ? nil : "also " + result.twins.joined(by: ", ")
    }

    /// The words spelling correction read differently, as "whi1e → while, pcrform → perform".
    public var readAs: String? {
        result.corrections.isEmpty ? nil : result.corrections.map { "\($0.pasted) → \($0.read)" }.joined(by: ", ")
    }

    /// How the score was made, as one line of arithmetic: derived from `result` when asked
    /// for (`--explain`), not for every result shown.
    public var explanation: String {
        let e = result.explanation
        return String(
            format: "score %.3f = %.1f × bm25 %.3f + %.1f × message %.3f + %.1f × title %.3f + error title %.2f + %.1f × code %.2f + %.1f × keywords %.2f",
            result.score, Reranker.bm25Weight, e.bm25, Reranker.messageWeight, e.message,
            Reranker.titleWeight, e.title, e.errorTitle, Reranker.codeWeight, e.code, Reranker.keywordWeight, e.keywords)
            + "  (\(e.candidates) candidates; terms: \(e.terms.joined(by: " ")))"
    }

    /// Lines of the remedy shown with a result.
    public static let remedyLines = 2

    /// How `result` is shown.
    public init(_ result: SearchResult) {
        self.result = result
        matchedLine = Self.spans(result.snippet, words: result.matchedWords)
        remedy = result.article.remedy.flatMap { heading, text in
            let lines = Self.firstLines(of: text, count: Self.remedyLines)
            return lines.isEmpty ? nil : Remedy(name: heading, text: lines.joined(by: " "))
        }
    }

    /// The first `count` non-empty lines of `text` (split at line feeds), trimmed; the rest of
    /// a long section is not read.
    static func firstLines(of text: String, count: Int) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while lines.count < count, !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: 0x0A) ?? rest.endIndex
            let line = String(rest[..<end]).trimmed
            if !line.isEmpty { lines.append(line) }
            rest = end < rest.endIndex ? rest[rest.utf8.index(after: end)...] : ""
        }
        return lines
    }

    /// `text` cut into plain and matched spans; the words are lower-case tokens.
    static func spans(_ text: String, words: [String]) -> [Span] {
        let bytes = Array(text.utf8)
        let matched: [Range<Int>] = bytes.withUnsafeBufferPointer { line in
            guard Tokenizer.isASCII(line) else {
                let wanted = Set(words)
                return Tokenizer.tokens(text).filter { wanted.contains($0.text) }.map(\.range)
            }
            // ASCII, most lines: each word compared by its bytes, folded, with the few matched
            // words, rather than a string made of each.
            var ranges: [Range<Int>] = []
            var wordRanges = Tokenizer.wordRanges(inASCII: line)
            while let range = wordRanges.next() {
                let folded = line[range].lazy.map(\.asciiLowercased)
                if words.contains(where: { $0.utf8.count == range.count && $0.utf8.elementsEqual(folded) }) { ranges.append(range) }
            }
            return ranges
        }
        var spans: [Span] = []
        spans.reserveCapacity(matched.count * 2 + 1)
        var last = 0
        for range in matched {
            if range.lowerBound > last {
                spans.append(Span(text: String(decoding: bytes[last..<range.lowerBound], as: UTF8.self), isMatch: false))
            }
            spans.append(Span(text: String(decoding: bytes[range], as: UTF8.self), isMatch: true))
            last = range.upperBound
        }
        if last < bytes.count { spans.append(Span(text: String(decoding: bytes[last...], as: UTF8.self), isMatch: false)) }
        return spans
    }
}
