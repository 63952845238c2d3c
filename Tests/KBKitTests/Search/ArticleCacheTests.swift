import Foundation
import Testing
@testable import KBModel
@testable import KBSearch
@testable import KBStore

@Suite struct ArticleCacheTests {
    @Test func anArticleChangedByAnImportIsNeverServedStale() throws {
        let store = try TemporaryStore()
        let original = try String(contentsOfFile: Fixtures.path("Articles/001_85a396cae39d0afa.txt"), encoding: .utf8)
        try store.importPaths([try store.write("old/Q165712.TXT", original)])
        let cache = ArticleCache()
        let engine = SearchEngine(store: try store.open(), articles: cache)
        let paste = "Sorry! The Microsoft Exchange Server is down or the HTTP service is stopped."
        let first = try #require(try engine.search(paste).results.first)
        #expect(first.article.lastModified?.description == "1999-09-10")
        #expect(cache.hits == 0)
        // Served from the cache: the same record.
        let cached = try #require(try engine.search(paste).results.first)
        #expect(cache.hits >= 1)
        #expect(cached.article == first.article)

        let newer = original
            .replacingOccurrences(of: "DOCUMENT:Q165712  10-SEP-1999", with: "DOCUMENT:Q165712  10-SEP-2001")
            .replacingOccurrences(of: "Please try your request again later.", with: "Please try again later.")
        try store.importPaths([try store.write("new/Q165712.TXT", newer)])
        let after = try #require(try engine.search(paste).results.first)
        #expect(after.id == "Q165712")
        #expect(after.article.lastModified?.description == "2001-09-10")
        #expect(after.article.errorMessages.first?.hasSuffix("Please try again later.") == true)
    }

    @Test func theCacheHoldsAtMostTwoGenerations() throws {
        let article = try Fixtures.article("Articles/001_85a396cae39d0afa.txt")
        let cache = ArticleCache(capacity: 2)
        let keys = (1...5).map { ArticleCache.Key(rowid: Int64($0), contentHash: "h\($0)") }
        cache.store(article, for: keys[0])
        cache.store(article, for: keys[1])
        // A hit in the old generation moves the entry back into the current one.
        cache.store(article, for: keys[2])
        #expect(cache.entry(keys[0]) != nil)
        cache.store(article, for: keys[3])
        cache.store(article, for: keys[4])
        #expect(cache.entry(keys[1]) == nil)
        #expect(cache.entry(keys[4]) != nil)
        #expect(cache.entry(ArticleCache.Key(rowid: 5, contentHash: "changed")) == nil)
    }
}
