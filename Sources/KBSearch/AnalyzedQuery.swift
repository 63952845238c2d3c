import KBModel
import KBStore

/// A paste made ready for search: log noise removed, tokenised as the index is, error codes
/// in their canonical spelling.
public struct AnalyzedQuery: Sendable {
    /// The paste as given.
    public var original: String
    /// The paste without log noise.
    public var cleaned: String
    /// Tokens of `cleaned`, in order, with repeats: what a message is aligned against.
    public var tokens: [String]
    /// Canonical error codes (see `ErrorCodes`).
    public var codes: [String]
    /// `tokens` with each error code in its canonical spelling: what messages are aligned with.
    public var alignmentTokens: [String]

    /// The lines of `cleaned` that hold a word, numbered as in the paste: what a long paste is
    /// searched by, line by line (`PasteSegments`).
    public var lines: [PasteLine]

    /// The error codes the paste mentions, with every spelling of each.
    var mentions: [CodeMention]
    /// How sure each token is (1 as pasted, less when spelling correction chose it): what its
    /// weight in message alignment is multiplied by, so an exact match outranks a corrected one.
    var confidence: [Double]
    /// The words spelling correction read differently, in order.
    public var corrections: [Correction] = []

    /// Longer pastes are cut: a message is a few dozen words, and alignment costs grow with length.
    public static let maxTokens = 256

    /// Analyses a paste: removes control characters and log noise, tokenises, finds codes.
    public init(_ paste: String) {
        original = paste
        // NUL and other control characters are no part of a message.
        let printable = String(String.UnicodeScalarView(paste.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }))
        let originalLines = printable.lineArray
        var cleanedLines = originalLines.map(LogNoise.stripLine)
        if let entry = EventLogEntry.find(in: originalLines) {
            // An Event Viewer entry: its header fields are those of every event. The event id
            // and source name the event and stay, as words; the description is the message.
            for index in entry.headerLines {
                switch EventLogEntry.fieldName(originalLines[index]) {
                case "source", "event source": cleanedLines[index] = entry.source ?? ""
                case "event id": cleanedLines[index] = entry.eventID.map { "event " + $0 } ?? ""
                case "description": cleanedLines[index] = String(originalLines[index].drop(while: { $0 != ":" }).dropFirst())
                default: cleanedLines[index] = ""
                }
            }
        }
        cleaned = cleanedLines.joined(by: "\n")
        var source = cleaned
        var found = Tokenizer.tokens(cleaned)
        lines = Self.linesWithWords(cleanedLines, originals: originalLines, tokens: found)
        if found.isEmpty { (source, found) = (printable, Tokenizer.tokens(printable)) }
        let bytes = Array(source.utf8)
        mentions = CodeMention.all(in: found, bytes: bytes)
        found = Array(found.prefix(Self.maxTokens))
        tokens = found.map(\.text)
        alignmentTokens = found.map { ErrorCodes.alignmentWord($0, in: bytes) }
        codes = ErrorCodes.canonical(in: printable)
        confidence = Array(repeating: 1, count: tokens.count)
    }

    /// The lines holding a token of the text they were joined into (no token spans a line
    /// break), numbered from 1, each with its tokens: the paste is tokenised once, not once
    /// more per line.
    private static func linesWithWords(_ lines: [String], originals: [String], tokens: [Tokenizer.Token]) -> [PasteLine] {
        var result: [PasteLine] = []
        var start = 0
        var token = 0
        for (index, line) in lines.enumerated() {
            let end = start + line.utf8.count
            let first = token
            while token < tokens.count, tokens[token].range.lowerBound < end { token += 1 }
            if token > first {
                var pasted = PasteLine(number: index + 1, text: line, original: originals[index])
                pasted.tokens = tokens[first..<token].map { token in
                    var shifted = token
                    shifted.range = (token.range.lowerBound - start)..<(token.range.upperBound - start)
                    return shifted
                }
                result.append(pasted)
            }
            start = end + 1
        }
        return result
    }

    /// One line of an analysed paste as a query of its own, from the tokens the paste's
    /// analysis found in it and its codes (`PasteSegments.LineTerms`): the line is not read again.
    init(line: PasteLine, codes: [String]) {
        original = line.text
        cleaned = line.text
        lines = [line]
        let bytes = Array(line.text.utf8)
        mentions = CodeMention.all(in: line.tokens, bytes: bytes)
        let found = line.tokens.prefix(Self.maxTokens)
        tokens = found.map(\.text)
        alignmentTokens = found.map { ErrorCodes.alignmentWord($0, in: bytes) }
        self.codes = codes
        confidence = Array(repeating: 1, count: tokens.count)
    }

    /// The query with spelling replacements applied (see `SpellingCorrection`).
    func correcting(_ replacements: [SpellingCorrection.Replacement]) -> AnalyzedQuery {
        var copy = self
        copy.tokens = []
        copy.alignmentTokens = []
        copy.confidence = []
        var pending = replacements[...]
        var index = 0
        while index < tokens.count {
            if let replacement = pending.first, replacement.index == index {
                copy.tokens += replacement.words
                copy.alignmentTokens += replacement.words
                copy.confidence += replacement.words.map { _ in replacement.confidence }
                copy.corrections.append(Correction(
                    pasted: tokens[index..<(index + replacement.count)].joined(by: " "),
                    read: replacement.words.joined(by: " ")))
                index += replacement.count
                pending = pending.dropFirst()
                continue
            }
            copy.tokens.append(tokens[index])
            copy.alignmentTokens.append(alignmentTokens[index])
            copy.confidence.append(confidence[index])
            index += 1
        }
        return copy
    }

    /// True when the paste holds no word or code to search for.
    public var isEmpty: Bool { tokens.isEmpty && codes.isEmpty }
}

/// One line of a paste, without its log noise.
public struct PasteLine: Sendable, Equatable {
    /// The line's number in the paste, from 1.
    public var number: Int
    /// The line without log noise.
    public var text: String
    /// The line as pasted.
    public var original: String
    /// The tokens of `text`, their ranges in it (empty for a line made by hand).
    package var tokens: [Tokenizer.Token] = []

    /// A line with no tokens recorded.
    public init(number: Int, text: String, original: String) {
        self.number = number
        self.text = text
        self.original = original
    }
}

/// A word of the paste read as another by spelling correction: "whi1e" as "while".
public struct Correction: Sendable, Equatable {
    /// The word (or two words, when a space was added inside one) as pasted, tokenised.
    public var pasted: String
    /// The word (or two words, when a space was lost) searched instead.
    public var read: String
}
