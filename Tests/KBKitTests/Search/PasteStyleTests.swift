import Testing
@testable import KBSearch
@testable import KBStore

/// Pastes as tickets bring them, on the curated articles: retyped, read off a screenshot, or
/// a bare code and a few words.
@Suite struct PasteStyleTests {
    let engine = SearchEngine(store: try! TemporaryStore.articles.open())

    private func best(_ paste: String) throws -> SearchResult {
        try #require(try engine.search(paste, options: .init(limit: 5)).results.first)
    }

    @Test func aScreenshotReadWithConfusions() throws {
        let result = try best("The specifled path is inva1id")
        #expect(result.id == "Q60838")
        #expect(result.corrections.map(\.read).contains("invalid"))
    }

    @Test func anExactPasteIsNotCorrectedAndOutranksACorrectedOne() throws {
        let exact = try best("The specified path is invalid")
        #expect(exact.corrections.isEmpty)
        let corrected = try best("The specifled path is inva1id")
        #expect(exact.id == corrected.id)
        #expect(exact.score > corrected.score)
    }

    @Test func retypedInLowerCaseWithoutPunctuationOrShortWords() throws {
        #expect(try best("specified path invalid").id == "Q60838")
        #expect(try best("incorrect response from network").id == "Q130093")
    }

    @Test func aWin32ErrorInAnySpelling() throws {
        for paste in ["error 59 network", "System error 59", "0x8007003B network error"] {
            #expect(try best(paste).id == "Q122329", "\(paste)")
        }
    }

    @Test func aStopCodeWithoutItsPaddingOrParameters() throws {
        for paste in ["stop 0x50", "STOP 0x00000050 (0x12345678, 0x00000001, 0x8A2B3C4D, 0x00000000)", "bugcheck 50 page fault"] {
            let result = try best(paste)
            #expect(result.id == "Q266762", "\(paste)")
            #expect(result.explanation.code == 1, "\(paste)")
        }
    }
}
