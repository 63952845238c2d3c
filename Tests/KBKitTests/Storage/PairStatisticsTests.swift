import GRDB
import Testing
@testable import KBStore

/// A word pair the statistics snapshot leaves out (one in fewer than `Counts.pairMinimum`
/// articles) is counted from the pair index: as many articles as the pair vocabulary says.
@Suite struct PairStatisticsTests {
    @Test func aPairTheSnapshotLacksIsCountedAsTheVocabularyCountsIt() throws {
        try TemporaryStore.articles.open().readIndex { reader in
            let db = reader.db
            let vocabulary = try Row.fetchAll(db, sql: """
                SELECT term, doc FROM article_pair_vocab
                WHERE term NOT IN (SELECT term FROM term_stats) ORDER BY doc DESC, term LIMIT 40
                """).map { ($0[0] as String, $0[1] as Int) }
            try #require(vocabulary.count >= 10)
            // Pairs held by several articles among them, and one no article holds.
            #expect(vocabulary.contains { $0.1 > 1 })
            let pairs = Set(vocabulary.map(\.0) + ["nosuchword_anywhere"])
            let statistics = try TermStatistics(db: db, terms: [], pairs: pairs)
            for (pair, articles) in vocabulary {
                #expect(statistics.documentFrequency[pair] == articles, "\(pair)")
            }
            #expect(statistics.documentFrequency["nosuchword_anywhere"] == nil)
        }
    }
}
