import Testing
@testable import KBSearch
@testable import KBStore

/// What a search asks about a code many articles quote (0x80070005 in a million articles):
/// only what a budget of rows can answer, so that its cost does not grow with the store.
@Suite struct CommonCodeTests {
    /// A code quoted by 30,000 of 1,000,000 articles keeps the rarest words whose expected
    /// share of those articles fits the budget, rarest first; none when even the rarest
    /// does not fit.
    @Test func aCommonCodeIsNarrowedByTheRarestWordsThatFitTheBudget() {
        let words = [(word: "drosto", holding: 100), (word: "cotuxe", holding: 5_000), (word: "incorrect", holding: 20_000)]
        // 30,000 × 100 / 1M = 3 rows; + 30,000 × 5,000 / 1M = 150 more; + 600 more is over 400.
        #expect(QueryPlan.narrowing(words, quoting: 30_000, articles: 1_000_000, budget: 400) == ["drosto", "cotuxe"])
        #expect(QueryPlan.narrowing(words, quoting: 30_000, articles: 1_000_000, budget: 100) == ["drosto"])
        #expect(QueryPlan.narrowing([(word: "error", holding: 900_000)], quoting: 30_000, articles: 1_000_000, budget: 400).isEmpty)
    }

    /// A phrase of several words each held by more articles than the limit is not counted:
    /// its rarest word's count stands in. Any rarer word, or one not counted, leaves it to FTS5.
    @Test func aPhraseOfCommonWordsIsBoundedByItsRarestWord() {
        let limit = TermStatistics.phraseCountLimit
        let statistics = TermStatistics(
            articles: 1_000_000, documentFrequency: ["error": limit * 18, "5": limit * 13, "53": limit / 2, "x": 7])
        #expect(statistics.rows(holding: "error 5", codesOnly: false, in: .body) == limit * 13)
        #expect(statistics.rows(holding: "error 53", codesOnly: false, in: .body) == nil)
        #expect(statistics.rows(holding: "error 0005", codesOnly: false, in: .body) == nil)
        #expect(statistics.rows(holding: "x", codesOnly: false, in: .body) == 7)
        // The bound of an expression adds its phrases' counts, a phrase counted as its rarest word.
        #expect(statistics.upperBound(of: .any([.phrase("x"), .phrase("error 53")])) == 7 + limit / 2)
        #expect(statistics.upperBound(of: .any([.phrase("x"), .phrase("error 0005")])) == nil)
    }
}
