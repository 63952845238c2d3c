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

    /// The rows read to count such a pair are the ones the search would read for it, kept so
    /// that it does not read them again.
    @Test func theRowsReadToCountAPairAreKept() throws {
        try TemporaryStore.articles.open().readIndex { reader in
            let db = reader.db
            let pairs = try String.fetchAll(db, sql: """
                SELECT term FROM article_pair_vocab WHERE term NOT IN (SELECT term FROM term_stats) ORDER BY doc DESC, term LIMIT 10
                """)
            try #require(pairs.count == 10)
            let statistics = try TermStatistics(db: db, terms: [], pairs: Set(pairs + ["nosuchword_anywhere"]))
            for pair in pairs {
                let rows = try reader.pairMatches(.phrase(pair))
                #expect(!rows.isEmpty)
                #expect(statistics.rows(holdingPair: pair) == rows, "\(pair)")
            }
            #expect(statistics.rows(holdingPair: "nosuchword_anywhere") == [])
            // A pair the snapshot holds is not read to be counted.
            let common = try #require(try String.fetchOne(db, sql: "SELECT term FROM term_stats WHERE instr(term, '_') > 0 LIMIT 1"))
            #expect(try TermStatistics(db: db, terms: [], pairs: [common]).rows(holdingPair: common) == nil)
        }
    }
}
