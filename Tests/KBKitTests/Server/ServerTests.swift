import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
@testable import KBPrinter
@testable import KBExchange
@testable import KBModel
@testable import KBStore
@testable import KBServer

/// Every endpoint of `kb serve`, its limits, the import token and HTML escaping.
@Suite struct ServerTests {
    static let token = "s3cret-import-token"

    private func withServer(
        _ store: TemporaryStore? = nil, token: String? = ServerTests.token,
        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let server = KBServer(store: try (store ?? TemporaryStore.articles).open(), configuration: .init(importToken: token))
        try await server.application(logger: Logger(label: "test")).test(.router) { client in try await test(client) }
    }

    private func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func searchReturnsTheSameEncodingAsTheCommandLine() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/search?q=Windows+Sockets+error+Failed+in+Connect&limit=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try self.json(response)
                #expect(body["query"] as? String == "Windows Sockets error Failed in Connect")
                let results = try #require(body["results"] as? [[String: Any]])
                #expect(results.count == 2)
                #expect(results[0]["id"] as? String == "Q128961")
                let article = try JSONSerialization.data(withJSONObject: results[0]["article"]!)
                #expect(try ArticleJSON.decode(article) == (try Fixtures.article("Articles/003_e36610226ab790a0.txt")).withSourcePath(
                    Fixtures.path("Articles/003_e36610226ab790a0.txt")))
            }
            try await client.execute(uri: "/api/search?q=connect&product=exchange&limit=50", method: .get) { response in
                let results = try #require(try self.json(response)["results"] as? [[String: Any]])
                #expect(!results.isEmpty)
                #expect(results.allSatisfy { ($0["product"] as? String)?.contains("Exchange") == true })
            }
        }
    }

    @Test func repeatedPastesShareResultsButKeepTheirOwnQuery() async throws {
        let server = KBServer(store: try TemporaryStore.articles.open(), configuration: .init())
        try await server.application(logger: Logger(label: "test")).test(.router) { client in
            var first: [[String: Any]] = []
            for (index, paste) in ["2026-03-02 17:45:10,118 ERROR [smtp-2] Windows Sockets error Failed in Connect",
                                   "2026-03-02 17:46:55,007 ERROR [smtp-7] Windows Sockets error Failed in Connect"].enumerated() {
                let uri = "/api/search?limit=3&q=" + paste.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                try await client.execute(uri: uri, method: .get) { response in
                    let body = try self.json(response)
                    // The response echoes this request's paste, not the one whose results were cached.
                    #expect(body["query"] as? String == paste)
                    let results = try #require(body["results"] as? [[String: Any]])
                    #expect(results.first?["id"] as? String == "Q128961")
                    if index == 0 { first = results } else { #expect(results.map { $0["id"] as? String } == first.map { $0["id"] as? String }) }
                }
            }
        }
        // The second paste, another log line with the same message, was answered from the cache.
        #expect(server.cache.hits == 1)
    }

    @Test func theResultCacheAnswersRepeatsUntilAnImportChangesTheStore() async throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.path("Articles/003_e36610226ab790a0.txt")])
        let server = KBServer(store: try store.open(), configuration: .init(importToken: Self.token))
        let paste = "/api/search?limit=3&q=Sorry%21+The+Microsoft+Exchange+Server+is+down"
        try await server.application(logger: Logger(label: "test")).test(.router) { client in
            func ids() async throws -> [String] {
                try await client.execute(uri: paste, method: .get) { response in
                    try #require(try self.json(response)["results"] as? [[String: Any]]).compactMap { $0["id"] as? String }
                }
            }
            let before = try await ids()
            #expect(server.cache.hits == 0)
            #expect(try await ids() == before)
            #expect(server.cache.hits == 1)
            // The answer arrives: the cached results must not hide it.
            let article = ByteBuffer(bytes: try Fixtures.bytes("Articles/001_85a396cae39d0afa.txt"))
            try await client.execute(uri: "/api/import", method: .post, headers: [.authorization: "Bearer \(Self.token)"], body: article) { response in
                #expect(response.status == .ok)
            }
            #expect(try await ids().first == "Q165712")
            #expect(server.cache.hits == 1)
            _ = try await ids()
            #expect(server.cache.hits == 2)
        }
    }

    @Test func withTheCacheOffEverySearchRuns() async throws {
        var configuration = KBServer.Configuration()
        configuration.cacheEntries = 0
        let server = KBServer(store: try TemporaryStore.articles.open(), configuration: configuration)
        try await server.application(logger: Logger(label: "test")).test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/api/search?q=Failed+in+Connect", method: .get) { response in
                    #expect(response.status == .ok)
                    // Each request searched and answered, with nothing kept between them.
                    #expect(String(buffer: response.body).contains("\"id\":\"Q"))
                }
            }
        }
        #expect(server.cache.hits == 0)
    }

    @Test func aHostileRecordNeverReachesAPageUnescaped() async throws {
        // Import refuses it...
        var record = try Fixtures.article("Articles/003_e36610226ab790a0.txt")
        record.references = ["Q1\"><script>alert(1)</script>"]
        let store = try TemporaryStore()
        let line = ArticleJSON.line(record)
        try await withServer(store) { client in
            try await client.execute(uri: "/api/import", method: .post, headers: [.authorization: "Bearer \(Self.token)"],
                                     body: ByteBuffer(string: line)) { response in
                let summary = try JSONDecoder().decode(ImportSummary.self, from: Data(buffer: response.body))
                #expect(summary.new == 0 && summary.failed == 1)
                #expect(summary.errors.first?.reason.contains("'references[0]'") == true)
            }
        }
        // ...and were it stored some other way, the page escapes every field of it.
        record.title = "<b>title</b>"
        record.appliesTo = ["<i>x</i>"]
        record.sections = [Section(heading: "<h1>", text: "<script>1</script>")]
        let page = Pages.article(record)
        #expect(!page.contains("<script>"))
        #expect(!page.contains("<b>") && !page.contains("<i>") && !page.contains("<h1>&"))
        #expect(page.contains("Q1&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func badParametersGet400() async throws {
        try await withServer { client in
            for uri in ["/api/search", "/api/search?q=", "/api/search?q=x&limit=0", "/api/search?q=x&limit=abc",
                        "/api/search?q=x&since=yesterday", "/api/articles/not-an-id"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = try self.json(response)
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(body["error"] is String)
                }
            }
        }
    }

    @Test func articlesAndStats() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/articles/q178511", method: .get) { response in
                let article = try ArticleJSON.decode(Data(buffer: response.body))
                #expect(response.status == .ok)
                #expect(article.id == "Q178511")
            }
            try await client.execute(uri: "/api/articles/Q999999", method: .get) { response in
                let body = try self.json(response)
                #expect(response.status == .notFound)
                #expect(body["error"] as? String == "no article Q999999")
            }
            try await client.execute(uri: "/api/stats", method: .get) { response in
                let body = try self.json(response)
                let expected = try TemporaryStore.articles.open().stats().articles
                #expect(body["articles"] as? Int == expected)
            }
        }
    }

    @Test func sizeLimits() async throws {
        try await withServer { client in
            let long = String(repeating: "a", count: 9000)
            try await client.execute(uri: "/api/search?q=\(long)", method: .get) { response in
                #expect(response.status == .uriTooLong)
            }
            let paste = ByteBuffer(string: "q=" + String(repeating: "b", count: 1_100_000))
            try await client.execute(uri: "/", method: .post, body: paste) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func importNeedsTheToken() async throws {
        let store = try TemporaryStore()
        let article = ByteBuffer(bytes: try Fixtures.bytes("Articles/001_85a396cae39d0afa.txt"))
        try await withServer(store) { client in
            try await client.execute(uri: "/api/import", method: .post, body: article) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/import", method: .post, headers: [.authorization: "Bearer wrong"], body: article) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/import", method: .post, headers: [.authorization: "Bearer \(Self.token)"], body: article) { response in
                #expect(response.status == .ok)
                let summary = try JSONDecoder().decode(ImportSummary.self, from: Data(buffer: response.body))
                #expect(summary.new == 1)
            }
            try await client.execute(uri: "/api/articles/Q165712", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        try await withServer(store, token: nil) { client in
            try await client.execute(uri: "/api/import", method: .post, headers: [.authorization: "Bearer \(Self.token)"], body: article) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func hostileArticleTextIsEscaped() async throws {
        let store = try TemporaryStore()
        let hostile = """
            DOCUMENT:Q4242  01-JAN-2001  [x]
            TITLE   :Err Msg: <script>alert("title")</script> & "quotes"
            PRODUCT :<img src=x onerror=alert(1)>

            SYMPTOMS
            ========

            You may receive the following error message:

               <script>document.title='owned'</script> failed to load

            """
        try store.importPaths([try store.write("hostile.txt", hostile)])
        try await withServer(store) { client in
            for uri in ["/articles/Q4242", "/?q=script+failed+to+load", "/?q=%3Cscript%3E"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(!html.contains("<script>alert"), "\(uri)")
                    #expect(!html.contains("<script>document"), "\(uri)")
                    #expect(!html.contains("<img src=x"), "\(uri)")
                }
            }
            try await client.execute(uri: "/articles/Q4242", method: .get) { response in
                #expect(String(buffer: response.body).contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp;"))
            }
        }
    }

    @Test func docsArticlesHavePathIdsInTheirURLs() async throws {
        try await withServer { client in
            try await client.execute(uri: "/articles/team-kb/printing/printer-offline", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Printer shows as offline after the print server moved"))
            }
            try await client.execute(uri: "/api/articles/cpp/docs/error-messages/compiler-errors-1/compiler-error-c2065", method: .get) { response in
                #expect(response.status == .ok)
                let article = try ArticleJSON.decode(Data(buffer: response.body))
                #expect(article.id == "cpp/docs/error-messages/compiler-errors-1/compiler-error-c2065")
            }
            try await client.execute(uri: "/api/search?q=Printer+HR-3+is+offline&kb=officedocs", method: .get) { response in
                let results = try #require(try self.json(response)["results"] as? [[String: Any]])
                #expect(results.allSatisfy { $0["knowledgeBase"] as? String == "officedocs" })
            }
            try await client.execute(uri: "/api/search?q=Printer+HR-3+is+offline&kb=team-kb", method: .get) { response in
                let results = try #require(try self.json(response)["results"] as? [[String: Any]])
                #expect(results.first?["id"] as? String == "team-kb/printing/printer-offline")
            }
        }
    }

    @Test func rawHTMLInADocsArticleNeverReachesThePage() async throws {
        try await withServer { client in
            for uri in ["/articles/team-kb/printing/html-in-article", "/?q=Label+size+mismatch"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(html.contains("Label"), "\(uri)")
                    // As markup, never; as text (a code block shows the vendor's page), escaped.
                    for hostile in ["<script>alert", "<img src=x", "href=\"javascript:", "<div onmouseover"] {
                        #expect(!html.contains(hostile), "\(uri): \(hostile)")
                    }
                }
            }
            try await client.execute(uri: "/articles/team-kb/printing/html-in-article", method: .get) { response in
                #expect(String(buffer: response.body).contains("&lt;script&gt;alert(7)&lt;/script&gt;&lt;img src=x onerror=alert(8)&gt;"))
            }
        }
    }

    @Test func theSearchPageWorksWithoutJavaScript() async throws {
        try await withServer { client in
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<form id=\"search\" method=\"post\" action=\"/\">"))
                #expect(html.contains("<option value=\"Microsoft Exchange\">"))
            }
            let form = ByteBuffer(string: "q=Failed+to+connect+to+the+Microsoft+Exchange+Server%2C+EXCH01.&product=")
            try await client.execute(uri: "/", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: form) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<a class=\"title\" href=\"/articles/Q178511\">"))
                #expect(html.contains("<mark>"))
            }
            try await client.execute(uri: "/articles/Q999999", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}

extension Article {
    /// As an import of the repository's `Articles/` stores it: its path, and the repository's
    /// folder as its knowledge base (the nearest folder with a `.git`).
    func withSourcePath(_ path: String) -> Article {
        var copy = self
        copy.source.path = path
        copy.source.knowledgeBase = Fixtures.root.lastPathComponent
        return copy
    }
}
