import Foundation
import Testing
@testable import KBModel
@testable import KBSearch
@testable import KBStore

/// Ranking on a store of the curated articles.
@Suite struct RankingTests {
    let engine: SearchEngine

    /// The shared sample store, read only: no test here can change what another reads.
    init() throws {
        engine = SearchEngine(store: try ArticleStore(path: TemporaryStore.articles.path, access: .readOnly))
    }

    private func top(_ paste: String, limit: Int = 5) throws -> [String] {
        try engine.search(paste, options: .init(limit: limit)).results.map(\.id)
    }

    @Test func seedErrorMessagesRankTheirArticleFirst() throws {
        for seed in ["000_38bd5e6e32a2e3d6", "001_85a396cae39d0afa", "003_e36610226ab790a0"] {
            let article = try Fixtures.article("Articles/\(seed).txt")
            for message in article.errorMessages {
                #expect(try top(message).first == article.id, "\(message)")
            }
        }
    }

    @Test func theCustomersValueFillsThePlaceholder() throws {
        let results = try engine.search("Failed to connect to the Microsoft Exchange Server, EXCH01.", options: .init(limit: 3)).results
        #expect(results.first?.id == "Q178511")
        #expect(results.first?.matchedErrorMessage == "Failed to connect to the Microsoft Exchange Server, <servername>.")
        #expect(results.first?.explanation.message ?? 0 > 0.9)
    }

    @Test func logNoiseDoesNotChangeTheAnswer() throws {
        let clean = try top("Windows Sockets error Failed in Connect")
        #expect(clean.first == "Q128961")
        #expect(try top("2026-03-02 17:45:10,118 ERROR [smtp-2] Windows Sockets error Failed in Connect").first == "Q128961")
        #expect(try top("Mar  2 17:45:10 mail01 imc[881]: error: Windows Sockets error\nFailed in Connect").first == "Q128961")
    }

    @Test func aTruncatedPasteStillFindsTheArticle() throws {
        #expect(try top("Sorry! The Microsoft Exchange Server is down or the HTTP").first == "Q165712")
    }

    @Test func theTitleAndMessagesWeighMoreThanTheBody() throws {
        // "Incorrect Response from the Network" is Q130093's title and its quoted message.
        let results = try engine.search("Incorrect Response from the Network", options: .init(limit: 5)).results
        #expect(results.first?.id == "Q130093")
        let best = try #require(results.first)
        // Both the title and the quoted message matched, not just the body.
        #expect(best.explanation.title > 0.8)
        #expect(best.explanation.message > 0.9)
    }

    @Test func wordForWordBeatsSharedWords() throws {
        let results = try engine.search("The specified path is invalid", options: .init(limit: 10)).results
        #expect(results.first?.id == "Q60838")
        try #require(results.count > 1)
        #expect(results[0].score > results[1].score)
    }

    @Test func filtersRestrictResults() throws {
        let exchange = try engine.search("connect server", options: .init(limit: 20, filter: ArticleFilter(product: "exchange"))).results
        #expect(!exchange.isEmpty)
        #expect(exchange.allSatisfy { $0.product?.lowercased().contains("exchange") == true })
        let since = try engine.search("connect server", options: .init(limit: 20, filter: ArticleFilter(since: CalendarDate("2002-01-01")))).results
        #expect(!since.isEmpty)
        #expect(since.allSatisfy { ($0.article.lastModified?.description ?? "") >= "2002-01-01" })
        let keyword = try engine.search("connect", options: .init(limit: 20, filter: ArticleFilter(keyword: "KBUSAGE"))).results
        #expect(keyword.map(\.id) == ["Q178511"])
        let version = try engine.search("exchange", options: .init(limit: 20, filter: ArticleFilter(version: "4.0"))).results
        #expect(!version.isEmpty)
        #expect(version.allSatisfy { $0.article.versions.contains { $0.version == "4.0" } })
    }

    @Test(arguments: [
        "\"unbalanced quote", "NEAR(a b", "a AND OR NOT b", "col:umn *prefix -minus", "(((", "\\\\ \\",
        "\u{0}\u{0}error\u{0}", "SELECT * FROM article; DROP TABLE article;--", "{title}: x", "^caret",
    ])
    func hostilePastesNeverFail(paste: String) throws {
        let before = try engine.store.count
        let results = try engine.search(paste).results
        // Within the limit, ranked in order, and the store as it was (no query syntax ran).
        #expect(results.count <= 10)
        #expect(results.map(\.rank) == results.indices.map { $0 + 1 })
        #expect(try engine.store.count == before)
    }

    @Test func aMegabytePasteIsHandled() throws {
        let line = "2026-03-02 17:45:10 INFO [w-1] heartbeat ok sequence 1234 Windows Sockets error Failed in Connect\n"
        let paste = String(repeating: line, count: 1_048_576 / line.utf8.count)
        let results = try engine.search(paste, options: .init(limit: 3)).results
        #expect(results.first?.id == "Q128961")
    }

    @Test func aPasteWithoutWordsFindsNothing() throws {
        #expect(try engine.search(" \n\t ").results.isEmpty)
        #expect(try engine.search("!!! ??? ...").results.isEmpty)
    }
}
