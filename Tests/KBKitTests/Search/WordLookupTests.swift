import Foundation
import KBModel
import Testing
@testable import KBSearch
@testable import KBStore

/// Message alignment, snippets and paste analysis read text as bytes (or scalars) rather
/// than through Foundation's searches; these pin what they find.
@Suite struct WordLookupTests {
    @Test func aMessageIsNumberedWordByWordWithItsPlaceholdersAndCodes() {
        let query = MessageAlignment.Query(words: ["error", "x80004005", "bmp"], weights: [1, 1, 1])
        // error, 0x80004005 (the code), at, <path name>, in, %1, XXXX, BMP.
        #expect(query.numbers(ofMessage: "Error 0x80004005 at <path name> in %1 XXXX.BMP")
            == [0, 1, -1, -2, -1, -2, -2, 2])
        // A negative decimal is the same code; an unclosed bracket is no placeholder.
        #expect(query.numbers(ofMessage: "ERROR -2147467259 <bmp") == [0, 1, 2])
        // Text past ASCII is read by SQLite's tokenizer, accents folded.
        #expect(query.numbers(ofMessage: "Érror bmp <chemin d'accès>") == [0, 2, -2])
    }

    /// The byte reading agrees with the word list the tests above the alignment use, on
    /// random text made of what the rules look at.
    /// The second paste has no word a code could be (none starts with a digit or an x), which
    /// the reading skips to.
    @Test(arguments: [["the", "file", "x80004005", "1", "a", "c2065", "bmp", "xx"], ["the", "file", "a", "c2065", "bmp"]])
    func readingBytesAgreesWithTheWordList(words: [String]) {
        let query = MessageAlignment.Query(words: words, weights: [Double](repeating: 1, count: words.count))
        let pieces = ["the", "File", "FILE", " ", " ", "<", ">", "%", "-", "0x80004005", "2147500037", "2147467259", "1", "XXXX", "xx",
                      "a", "C2065", ".", "\n", "bmp", "é", "files", "fie", "0", "12"]
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            let message = (0..<Int.random(in: 1...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(query.numbers(ofMessage: message) == query.numbers(of: MessageAlignment.words(of: message)), "\(message)")
        }
    }

    /// A word of ASCII text is looked up by its bytes, folded: the number its string has, on
    /// enough words that the table grows several times, and nil for other words.
    @Test func aWordIsFoundByItsBytesAsByItsString() {
        var generator = SeededGenerator(seed: 11)
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        func randomWord() -> String {
            String(decoding: (0..<Int.random(in: 1...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }, as: UTF8.self)
        }
        let words = (0..<600).map { _ in randomWord() }
        // A word past ASCII is numbered but never read from ASCII text; one with capitals
        // is not a folded word, so no text finds it.
        let numbering = WordNumbering(words + ["café", "Printer"])
        for word in (words + (0..<600).map { _ in randomWord() }) + ["printer", "PRINTER", "caf"] {
            let text = "(" + (Bool.random(using: &generator) ? word.uppercased() : word) + ")"
            let found = Array(text.utf8).withUnsafeBufferPointer { bytes in
                Tokenizer.hashedWords(inASCII: bytes).map { numbering.number(of: $0, in: bytes) }
            }
            #expect(found == [numbering[word]], "\(text)")
        }
        #expect(numbering.count == Set(words).count + 2)
    }

    /// Words are found with their hashes as found one by one and hashed after: the same
    /// ranges, and the hash of each folded word, on random ASCII text (every ASCII byte).
    @Test func aWordsHashIsMadeAsItIsRead() {
        var generator = SeededGenerator(seed: 5)
        let pieces = ["a", "Z", "q9", "0", "9", "Error", "ACCESSDENIED", "abcdefgh", "0x80004005", " ", "\n", "-", "@", "[", "`", "{"]
            + (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                let words = Array(Tokenizer.hashedWords(inASCII: bytes))
                #expect(words.map(\.range) == Array(Tokenizer.wordRanges(inASCII: bytes)), "\(text)")
                for word in words {
                    let folded = Array(Tokenizer.word(bytes, word.range).utf8)
                    #expect(word.hash == folded.withUnsafeBufferPointer { Tokenizer.foldedHash($0) }, "\(text)")
                }
            }
        }
    }

    @Test func theLastArrowIsFoundBetweenCharacters() {
        let line: Substring = "ticket 4 -> popup -> Access denied"
        #expect(line.lastRange(ofASCII: " -> ").map { line[$0.upperBound...] } == "Access denied")
        // A combining mark on the last arrow's space makes it another character: the arrow before counts.
        let marked: Substring = "ticket 4 -> popup -> \u{301}Access denied"
        #expect(marked.lastRange(ofASCII: " -> ").map { marked[$0.upperBound...] } == "popup -> \u{301}Access denied")
        #expect(line.lastRange(ofASCII: " => ") == nil)
    }

    @Test func structuredLinesAreTrimmedOfUnicodeSpaces() {
        #expect(StructuredLine.trimmingSpaces("\u{3000}\t level=error msg=\"Access denied\" \u{00A0}") == "level=error msg=\"Access denied\"")
        #expect(StructuredLine.trimmingSpaces(" \t\u{2003}") == "")
        // A line break is no space: it stays.
        #expect(StructuredLine.trimmingSpaces("\nmsg=x ") == "\nmsg=x")
        // What Foundation's trimming of `.whitespaces` gives.
        for line: Substring in ["\u{3000}\t a=b \u{00A0}", " \t\u{2003}", "\nmsg=x ", "\u{200B}x\u{202F}", " e\u{301} ", "\u{180E}x\u{FEFF}", "\u{2028}x\u{1680}", "\u{85}x\u{205F}"] {
            #expect(StructuredLine.trimmingSpaces(line) == line.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func theSnippetIsTheFirstLineWithTheMostDistinctWords() {
        let article = Article(
            id: "Q1", title: "Printer problems",
            sections: [Section(heading: "Symptoms", text: "printer printer printer printer printer\n\n  Cannot find printer LPT1  \nfind the printer LPT1")],
            source: Source(layout: .docs, path: "q1.md"))
        let snippet = Snippet.best(in: article, query: AnalyzedQuery("cannot find the printer on LPT1"), preferred: nil)
        #expect(snippet.line == "Cannot find printer LPT1")
        #expect(snippet.words == ["cannot", "find", "printer", "lpt1"])
    }

    /// A line's paste words are found by reading its bytes: the same words, in the same order,
    /// as the tokenizer's word list gives, on random lines of what the reading looks at.
    @Test func aSnippetLinesWordsAreWhatTheTokenizerFinds() {
        let wanted = Snippet.Wanted(tokens: ["printer", "lpt1", "the", "printer", "x80004005", "a", "cannot", "é"])
        let article = Article(id: "Q3", title: "Printing", source: Source(layout: .docs, path: "q3.md"))
        let pieces = ["Printer", "PRINTER", "printers", "lpt1", "LPT1", " ", "  ", ".", "-", "the", "The", "thé", "a", "é",
                      "0x80004005", "x80004005", "cannot", "can", "not", "\t", "'", "print"]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let line = (0..<Int.random(in: 1...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var seen = Set<String>()
            let expected = Tokenizer.words(line).filter { ["printer", "lpt1", "the", "x80004005", "a", "cannot", "é"].contains($0) && seen.insert($0).inserted }
            #expect(Snippet.best(in: article, wanted: wanted, preferred: line).words == expected, "\(line)")
        }
    }

    @Test func aSnippetLinePastASCIICountsItsWords() {
        let article = Article(
            id: "Q2", title: "Impression",
            sections: [Section(heading: nil, text: "imprimante\nL'imprimante LPT1 est introuvable")],
            source: Source(layout: .docs, path: "q2.md"))
        let snippet = Snippet.best(in: article, query: AnalyzedQuery("imprimante LPT1 introuvable"), preferred: nil)
        #expect(snippet.line == "L'imprimante LPT1 est introuvable")
    }
}

/// A small deterministic generator (SplitMix64), so that a failure repeats.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
