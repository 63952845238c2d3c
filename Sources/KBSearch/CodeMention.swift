import Foundation
import KBStore

/// An error code as a paste writes it, with the spellings an article may use for it: STOP
/// 0x7B is `0x7B` or `0x0000007B`; HRESULT 0x80070533 is also `-2147023565`, `2147943731`,
/// or the Win32 error 1331 it wraps ("error 1331", "System error 1331").
struct CodeMention: Equatable {
    /// The code's 32-bit value.
    var value: UInt32

    /// The whole-text index terms of every spelling: tokens as the tokenizer makes them, the
    /// codes column's canonical form, and the Win32 number after the word "error".
    var expression: MatchExpression {
        .any(hexSpellings.map(MatchExpression.phrase) + [.code(ErrorCodes.spelled(value))]
            + win32Spellings.map { .phrase("error " + $0) })
    }

    /// "0xa", "0x0a", "0x00a", … "0x0000000a": the code with every zero padding.
    var hexSpellings: [String] {
        let digits = String(value, radix: 16)
        return (digits.count...8).map { "0x" + String(repeating: "0", count: $0 - digits.count) + digits }
    }

    /// For an HRESULT that wraps a Win32 error: its number, also zero-padded to four digits
    /// ("3", "03", "003", "0003"), as "Error 0003:" is written.
    var win32Spellings: [String] {
        guard value & 0xFFFF_0000 == 0x8007_0000 else { return [] }
        let number = String(value & 0xFFFF)
        return (number.count...max(4, number.count)).map { String(repeating: "0", count: $0 - number.count) + number }
    }

    /// Articles that may quote a code before it says less: a code that names one error is
    /// quoted by a handful of articles.
    static let specificArticles = 10

    /// How much an article's quoting this code tells (0…1): 1 for a code at most
    /// `specificArticles` articles quote, falling with the log of how many more do, to 0 for
    /// a code every article quotes. 0x80004005 ("Unspecified error") is quoted by hundreds of
    /// articles about unrelated failures: that an article quotes it is weak evidence.
    func specificity(_ statistics: TermStatistics) -> Double {
        Self.specificity(quoting: statistics.documentFrequency[ErrorCodes.spelled(value)] ?? 0, articles: statistics.articles)
    }

    /// The same for any code, from how many articles quote it.
    static func specificity(quoting: Int, articles: Int) -> Double {
        guard quoting > Self.specificArticles, articles > Self.specificArticles else { return 1 }
        return max(0, min(1, log(Double(articles) / Double(quoting)) / log(Double(articles) / Double(Self.specificArticles))))
    }

    /// The tokens of the paste that spell this code, left out of the words that decide among
    /// the articles quoting it.
    var tokens: Set<String> {
        var tokens = Set(hexSpellings + [ErrorCodes.spelled(value)])
        tokens.formUnion(win32Spellings)
        return tokens
    }

    /// The codes a paste mentions, in order, at most `limit`: hex codes (`0x7B`, `C0000005`,
    /// a STOP or bugcheck code written bare), HRESULTs in decimal, and Win32 errors written as
    /// "error N" or "error code N" (a Win32 error N is the HRESULT 0x8007xxxx). A STOP code's
    /// parameters, in parentheses after it, differ from crash to crash: they are no codes of
    /// their own (they stay words of the paste, which an article quoting the same screen
    /// matches).
    static func all(in text: String, limit: Int = 3) -> [CodeMention] {
        all(in: Tokenizer.tokens(text), bytes: Array(text.utf8), limit: limit)
    }

    /// The same for the tokens of a text already tokenised, with its bytes.
    static func all(in tokens: [Tokenizer.Token], bytes: [UInt8], limit: Int = 3) -> [CodeMention] {
        var found: [CodeMention] = []
        var skipUntil = -1
        for (index, token) in tokens.enumerated() where token.range.lowerBound > skipUntil {
            let previous = index > 0 ? tokens[index - 1].text : ""
            let errorCode = previous == "error" || (previous == "code" && index > 1 && tokens[index - 2].text == "error")
            guard !isInPath(token, in: bytes),
                  let value = value(of: token, after: previous, errorCode: errorCode, in: bytes), value != 0 else { continue }
            let mention = CodeMention(value: value)
            if !found.contains(mention) { found.append(mention) }
            if previous == "stop" || previous == "bugcheck" { skipUntil = parametersEnd(after: token.range.upperBound, in: bytes) }
        }
        return Array(found.prefix(limit))
    }

    /// "C:\\0x7E\\system32": a folder's name, not a code.
    private static func isInPath(_ token: Tokenizer.Token, in bytes: [UInt8]) -> Bool {
        let separators: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "/")]
        let before = token.range.lowerBound > 0 ? bytes[token.range.lowerBound - 1] : 0
        let after = token.range.upperBound < bytes.count ? bytes[token.range.upperBound] : 0
        return separators.contains(before) || separators.contains(after)
    }

    private static func value(of token: Tokenizer.Token, after previous: String, errorCode: Bool, in bytes: [UInt8]) -> UInt32? {
        let text = token.text
        if text.hasPrefix("0x"), (3...10).contains(text.count) { return UInt32(text.dropFirst(2), radix: 16) }
        if let canonical = ErrorCodes.alignmentWord(token, in: bytes) as String?, canonical != text {
            return UInt32(canonical.dropFirst(), radix: 16)
        }
        if previous == "stop" || previous == "bugcheck", text.count <= 8, text.contains(where: \.isNumber),
           let value = UInt32(text, radix: 16) { return value }
        if errorCode, text.count <= 5, text.allSatisfy(\.isNumber), let n = UInt32(text), n > 0, n < 0x1_0000 {
            return 0x8007_0000 | n
        }
        return nil
    }

    /// The end of "(0x…, 0x…, …)" right after a STOP code, or -1 when none follows.
    private static func parametersEnd(after offset: Int, in bytes: [UInt8]) -> Int {
        var i = offset
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: ":") { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "("),
              let close = bytes[i...].prefix(120).firstIndex(of: UInt8(ascii: ")")) else { return -1 }
        return close
    }
}
