import Testing
@testable import KBSearch
@testable import KBStore

/// Spelling correction against a small vocabulary made by hand.
@Suite struct SpellingCorrectionTests {
    let correction = SpellingCorrection(lexicon: Lexicon([
        "while": 900, "white": 40, "perform": 300, "operation": 500, "start": 800, "strata": 2,
        "access": 2_000, "denied": 700, "restoring": 30, "application": 1_500, "modem": 60, "modern": 20,
        "the": 50_000, "is": 40_000, "invalid": 600, "path": 900, "specified": 800,
    ]))

    private func read(_ paste: String) -> [String] {
        let tokens = Tokenizer.words(paste)
        let unknown = Set(tokens.indices.filter { correction.lexicon.frequency[tokens[$0]] == nil })
        return AnalyzedQuery(paste).correcting(correction.replacements(tokens, unknown: unknown)).tokens
    }

    @Test func ocrConfusionsAreUndone() {
        #expect(read("whi1e") == ["while"])
        #expect(read("pcrform 0peration") == ["perform", "operation"])
        #expect(read("rnodern") == ["modern"])
    }

    @Test func oneEditAwayPicksTheCommonerWord() {
        #expect(read("strat") == ["start"])
        #expect(read("specifed path") == ["specified", "path"])
    }

    @Test func twoEditsAwayForLongerWords() {
        #expect(read("aplicaton") == ["application"])
    }

    @Test func spacesLostOrAdded() {
        #expect(read("accessdenied") == ["access", "denied"])
        #expect(read("restori ng") == ["restoring"])
    }

    @Test func knownWordsAndCodesStayAsTheyAre() {
        #expect(read("the path is invalid") == ["the", "path", "is", "invalid"])
        #expect(read("ws2032 mailhub") == ["ws2032", "mailhub"])
    }

    @Test func correctedWordsWeighLessThanPastedOnes() {
        let tokens = Tokenizer.words("whi1e the")
        let query = AnalyzedQuery("whi1e the").correcting(correction.replacements(tokens, unknown: [0]))
        #expect(query.confidence[0] < 1)
        #expect(query.confidence[1] == 1)
        #expect(query.corrections == [Correction(pasted: "whi1e", read: "while")])
    }

    @Test func theDistanceIsCutOffAtTwo() {
        #expect(SpellingCorrection.withinTwoEdits("application", "aplicaton"))
        #expect(SpellingCorrection.withinTwoEdits("start", "strat"))
        #expect(!SpellingCorrection.withinTwoEdits("start", "stop"))
    }
}
