import Foundation
import Testing
@testable import KBModel
@testable import KBSearch

/// A large knowledge base in miniature: every word of the paste is in most articles, and the
/// search budgets are scaled down to match, so no single word is rare enough to ask an index
/// for. The article is found by its word pairs.
@Suite struct CommonWordsTests {
    static let words = ["the", "file", "cannot", "be", "opened", "network", "path", "specified", "disk", "access", "denied", "server"]
    static let target = "The network path specified cannot be opened"

    /// 200 articles, each quoting seven of the twelve words in its own order; Q5000 quotes `target`.
    static let store: TemporaryStore = {
        let store = try! TemporaryStore()
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        var paths: [String] = []
        for k in 0..<200 {
            var pool = words
            for i in pool.indices.reversed() { pool.swapAt(i, next() % (i + 1)) }
            let message = k == 0 ? target : pool.prefix(7).joined(separator: " ")
            paths.append(try! store.write("Q\(5000 + k).txt", """
                DOCUMENT:Q\(5000 + k)  01-JAN-2001  [kb]
                TITLE   :Article \(k)
                PRODUCT :Microsoft Test

                SYMPTOMS
                ========

                You may receive the following error message:

                   \(message)

                """))
        }
        try! store.importPaths(paths)
        return store
    }()

    var scaledDown: SearchEngine.Budgets {
        var budgets = SearchEngine.Budgets()
        budgets.bodyPostings = 20
        budgets.headPostings = 20
        budgets.pairPostings = 40
        budgets.conjunctionReadFactor = 2
        return budgets
    }

    @Test func theArticleIsFoundByItsWordPairs() throws {
        let engine = SearchEngine(store: try Self.store.open(), budgets: scaledDown)
        let results = try engine.search("2026-03-02 17:45:10 ERROR " + Self.target.lowercased()).results
        let best = try #require(results.first)
        #expect(best.id == "Q5000")
        #expect(best.matchedErrorMessage == Self.target)
        // No single word was asked for: only pairs.
        #expect(!best.explanation.terms.isEmpty)
        #expect(best.explanation.terms.allSatisfy { $0.contains("_") })
    }

    @Test func whenEvenThePairsAreCommonTheRarestAreRequiredTogether() throws {
        var budgets = scaledDown
        budgets.pairPostings = 2
        let engine = SearchEngine(store: try Self.store.open(), budgets: budgets)
        let best = try #require(try engine.search(Self.target).results.first)
        #expect(best.id == "Q5000")
        #expect(best.explanation.terms.count >= 2)
        #expect(best.explanation.terms.allSatisfy { $0.contains("_") })
    }

    @Test func theSameWordsInAnotherOrderDoNotMatchThePairs() throws {
        let engine = SearchEngine(store: try Self.store.open(), budgets: scaledDown)
        let shuffled = "opened be cannot specified path network the"
        let results = try engine.search(shuffled).results
        // The words still find articles; the pairs asked for are the shuffled paste's, none
        // of the target's, so they do not single the target out.
        let first = try #require(results.first)
        let words = Self.target.lowercased().split(separator: " ")
        let targetPairs = Set(zip(words, words.dropFirst()).map { "\($0)_\($1)" })
        #expect(first.explanation.terms.contains { $0.contains("_") })
        #expect(targetPairs.isDisjoint(with: first.explanation.terms))
        #expect(first.id != "Q5000")
    }

    @Test func fullBudgetsRankItFirstToo() throws {
        let results = try SearchEngine(store: try Self.store.open()).search(Self.target).results
        #expect(results.first?.id == "Q5000")
    }
}
