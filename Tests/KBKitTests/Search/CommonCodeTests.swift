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

    /// A Win32 error written "Error 59" is asked in every spelling ("error 59", 0x8007003B and
    /// its code), and many articles may write "error 59" that the import did not read as the
    /// code: the plan counts them all, so that the code is narrowed by its rarest words, not
    /// asked with every word of the paste (in a million generated articles, a search of
    /// such a paste had some 40,000 rows scored).
    @Test func aCodeIsCountedInEverySpelling() throws {
        let query = AnalyzedQuery("CoTuSiEx failure: Extended Error 59 corabri past")
        let mention = try #require(query.mentions.first)
        #expect(mention.value == 0x8007_003B)
        var statistics = TermStatistics(articles: 1_000_000, documentFrequency: [
            "x8007003b": 10, "error": 900_000, "59": 40_000, "cotusiex": 50, "corabri": 80,
            "failure": 200_000, "extended": 100_000, "past": 150_000,
        ])
        statistics.codeFrequency["x8007003b"] = 10
        // 10 articles hold the code, 40,000 at most "error 59"; "error 059" and the hex
        // spelling, whose words no article holds, none.
        #expect(statistics.upperBound(ofLookedUp: mention.expression) == 10 + 40_000)
        let plan = QueryPlan(query, pairs: [], statistics: statistics, budgets: SearchEngine.Budgets())
        let code = try #require(plan.codes.first)
        // 40,000 × 50 / 1M = 2 rows, + 40,000 × 80 / 1M = 3.2: within the budget of 400;
        // "extended" would add 4,000.
        #expect(code.expression == .all([mention.expression, .any([.phrase("cotusiex"), .phrase("corabri")])]))
        #expect(!code.alone)
        // Counted (a search counts a code's spellings of several words), "error 59" is written
        // by 90 articles: the code is asked with every word of the paste fewer than half hold.
        statistics.documentFrequency["error 59"] = 90
        #expect(statistics.upperBound(ofLookedUp: mention.expression) == 10 + 90)
        let counted = try #require(QueryPlan(query, pairs: [], statistics: statistics, budgets: SearchEngine.Budgets()).codes.first)
        #expect(counted.alone)
        #expect(counted.expression == .all([mention.expression, .any(["cotusiex", "corabri", "extended", "past", "failure"].map(MatchExpression.phrase))]))
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
