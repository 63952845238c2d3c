import Testing
@testable import KBSearch
@testable import KBStore

/// Spelling correction against a small vocabulary made by hand.
@Suite struct SpellingCorrectionTests {
    let correction = SpellingCorrection(lexicon: MemoryLexicon(words: [
        "while": 900, "white": 40, "perform": 300, "operation": 500, "start": 800, "strata": 2,
        "access": 2_000, "denied": 700, "restoring": 30, "application": 1_500, "modem": 60, "modern": 20,
        "the": 50_000, "is": 40_000, "invalid": 600, "path": 900, "specified": 800,
        "cannot": 3_000, "can": 9_000, "not": 20_000, "test": 700, "control": 1_200, "tart": 3, "ca": 50, "nn": 4, "testcontrol": 1,
    ]))

    private func read(_ paste: String) throws -> [String] {
        let tokens = Tokenizer.words(paste)
        let unknown = Set(try tokens.indices.filter { try correction.lexicon.frequencies([tokens[$0]]).isEmpty })
        return AnalyzedQuery(paste).correcting(try correction.replacements(tokens, unknown: unknown)).tokens
    }

    @Test func ocrConfusionsAreUndone() throws {
        #expect(try read("whi1e") == ["while"])
        #expect(try read("pcrform 0peration") == ["perform", "operation"])
        #expect(try read("rnodern") == ["modern"])
    }

    @Test func oneEditAwayPicksTheCommonerWord() throws {
        #expect(try read("strat") == ["start"])
        #expect(try read("specifed path") == ["specified", "path"])
    }

    @Test func twoEditsAwayForLongerWords() throws {
        #expect(try read("aplicaton") == ["application"])
    }

    @Test func spacesLostOrAdded() throws {
        #expect(try read("accessdenied") == ["access", "denied"])
        #expect(try read("restori ng") == ["restoring"])
    }

    /// Several words run together split into the fewest known words: "cannot" whole, not
    /// "can not", though both are words; two common words before a rare one a confusion away
    /// ("testcontrol"); no split into pieces shorter than words are.
    @Test func severalWordsRunTogether() throws {
        #expect(try read("cannotstartapplication") == ["cannot", "start", "application"])
        #expect(try read("testc0ntrol") == ["test", "control"])
        #expect(try read("nnca") == ["nnca"])
    }

    @Test func knownWordsAndCodesStayAsTheyAre() throws {
        #expect(try read("the path is invalid") == ["the", "path", "is", "invalid"])
        #expect(try read("ws2032 mailhub") == ["ws2032", "mailhub"])
    }

    @Test func correctedWordsWeighLessThanPastedOnes() throws {
        let tokens = Tokenizer.words("whi1e the")
        let query = AnalyzedQuery("whi1e the").correcting(try correction.replacements(tokens, unknown: [0]))
        #expect(query.confidence[0] < 1)
        #expect(query.confidence[1] == 1)
        #expect(query.corrections == [Correction(pasted: "whi1e", read: "while")])
    }

    @Test func theDistanceIsCutOffAtTwo() throws {
        #expect(SpellingCorrection.withinTwoEdits("application", "aplicaton"))
        #expect(SpellingCorrection.withinTwoEdits("start", "strat"))
        #expect(!SpellingCorrection.withinTwoEdits("start", "stop"))
    }
}
