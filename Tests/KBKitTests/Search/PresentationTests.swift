import Foundation
import Testing
@testable import KBModel
@testable import KBPrinter
@testable import KBSearch
@testable import KBServer
@testable import KBStore

/// The terminal, the page and JSON show one presentation of a result: the same matched line,
/// the same words marked, the same start of the fix.
@Suite struct PresentationTests {
    private let result: SearchResult = {
        let article = Article(
            id: "Q42", title: "Err Msg: Cannot Find Printer", resolution: "\n  Restart the spooler.  \n\nThen print again.\nCall support.",
            source: Source(layout: .document, path: "Q42.TXT"))
        return SearchResult(
            rank: 1, id: "Q42", title: article.title, product: nil, score: 1.5, matchedErrorMessage: "Cannot find printer LPT1",
            snippet: "Cannot find printer LPT1", matchedWords: ["printer", "lpt1"],
            explanation: ScoreExplanation(bm25: 1, message: 0.5, title: 0, errorTitle: 0, code: 0, terms: ["lpt1"], candidates: 3),
            article: article)
    }()

    @Test func thePresentationMarksThePastedWordsAndTrimsTheFix() {
        let p = ResultPresentation(result)
        #expect(p.matchedLine == [
            .init(text: "Cannot find ", isMatch: false), .init(text: "printer", isMatch: true),
            .init(text: " ", isMatch: false), .init(text: "LPT1", isMatch: true),
        ])
        #expect(p.remedy == .init(name: "Resolution", text: "Restart the spooler. Then print again."))
    }

    /// The fix's first lines are found without splitting the whole section: the same lines
    /// as splitting it at every line feed, with carriage returns, blank and non-ASCII lines.
    @Test func theFixsFirstLinesAreThoseOfTheWholeSection() {
        let sections = ["", "\n\n", "one", "\n  one \n\ttwo\nthree", "a\r\nb\r\n", " \r\n\r\nx", "é\u{301}\n\n日本 \n", "\n\n\nlast"]
        for text in sections {
            for count in 1...3 {
                let whole = Array(text.lineArray.map(\.trimmed).filter { !$0.isEmpty }.prefix(count))
                #expect(ResultPresentation.firstLines(of: text, count: count) == whole, "\(text.debugDescription) \(count)")
            }
        }
    }

    @Test func theTerminalShowsIt() {
        let style = TerminalStyle(color: true)
        let text = style.render(SearchText.render(result, style: style, explain: false))
        #expect(text.contains("Cannot find \u{1B}[1;31mprinter\u{1B}[0m \u{1B}[1;31mLPT1\u{1B}[0m"))
        #expect(text.contains("Resolution: \u{1B}[0mRestart the spooler. Then print again.\n"))
    }

    @Test func thePageShowsIt() {
        let html = Pages.results(ResultsView(SearchResponse(query: AnalyzedQuery("printer LPT1"), results: [result])))
        #expect(html.contains("Cannot find <mark>printer</mark> <mark>LPT1</mark>"))
        #expect(html.contains("<b>Resolution:</b> Restart the spooler. Then print again.</p>"))
    }

    @Test func jsonShowsIt() throws {
        let json = SearchJSON.render(SearchResponse(query: AnalyzedQuery("printer LPT1"), results: [result]), explain: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try #require((object["results"] as? [[String: Any]])?.first)
        #expect(first["snippet"] as? String == "Cannot find printer LPT1")
        #expect(first["matchedWords"] as? [String] == ["printer", "lpt1"])
        #expect(first["remedy"] as? [String: String] == ["name": "Resolution", "text": "Restart the spooler. Then print again."])
        let explanation = try #require(first["explanation"] as? [String: Any])
        #expect((explanation["formula"] as? String)?.hasPrefix("score 1.500 = 1.0 × bm25 1.000 + 1.5 × message 0.500") == true)
    }

    /// The result as a long paste's line 3 found it, with one word read differently.
    private var foundByALine: SearchResult {
        var found = result
        found.pasteLine = PasteLine(number: 3, text: "Cannot find printer LPT1", original: "ERROR [spool] Cannot find printer LPT1")
        found.corrections = [Correction(pasted: "prlnter", read: "printer")]
        return found
    }

    @Test func everyOutputSaysWhichLineFoundItAndHowWordsWereRead() throws {
        let text = TerminalStyle(color: false).render(SearchText.render(foundByALine, style: TerminalStyle(color: false), explain: false))
        #expect(text.contains("found by line 3: ERROR [spool] Cannot find printer LPT1\n"))
        #expect(text.contains("read as: prlnter → printer\n"))
        let html = Pages.results(ResultsView(SearchResponse(query: AnalyzedQuery("x"), results: [foundByALine])))
        #expect(html.contains("found by line 3: ERROR [spool] Cannot find printer LPT1"))
        #expect(html.contains("read as: prlnter → printer"))
        let json = SearchJSON.render(SearchResponse(query: AnalyzedQuery("x"), results: [foundByALine]), explain: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try #require((object["results"] as? [[String: Any]])?.first)
        let line = try #require(first["pasteLine"] as? [String: Any])
        #expect(line["number"] as? Int == 3)
        #expect(line["text"] as? String == "ERROR [spool] Cannot find printer LPT1")
        #expect(first["corrections"] as? [[String: String]] == [["pasted": "prlnter", "read": "printer"]])
    }

    @Test func aResultTheWholePasteFoundSaysNoLine() throws {
        #expect(ResultPresentation(result).foundBy == nil)
        #expect(ResultPresentation(result).readAs == nil)
        let json = SearchJSON.render(SearchResponse(query: AnalyzedQuery("x"), results: [result]), explain: false)
        #expect(json.contains("\"pasteLine\":null"))
        #expect(json.contains("\"corrections\":[]"))
    }

    /// A line is cut into spans by its bytes when it is ASCII: the spans the tokenizer's words
    /// give, on random lines with capitals, repeats, digits and text past ASCII.
    @Test func aLineIsCutWhereTheTokenizerFindsTheMatchedWords() {
        let words: Set<String> = ["printer", "lpt1", "the", "a"]
        let pieces = ["Printer", "PRINTER", "printers", "lpt1", "LPT1", " ", "  ", ".", "-", "the", "The", "thé", "a", "é", "(", "\t", "at"]
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<2000 {
            let line = (0..<Int.random(in: 1...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(line.utf8)
            var expected: [ResultPresentation.Span] = []
            var last = 0
            for token in Tokenizer.tokens(line) where words.contains(token.text) {
                if token.range.lowerBound > last {
                    expected.append(.init(text: String(decoding: bytes[last..<token.range.lowerBound], as: UTF8.self), isMatch: false))
                }
                expected.append(.init(text: String(decoding: bytes[token.range], as: UTF8.self), isMatch: true))
                last = token.range.upperBound
            }
            if last < bytes.count { expected.append(.init(text: String(decoding: bytes[last...], as: UTF8.self), isMatch: false)) }
            #expect(ResultPresentation.spans(line, words: Array(words)) == expected, "\(line)")
        }
    }
}
