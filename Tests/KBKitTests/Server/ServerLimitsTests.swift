import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBSearch
@testable import KBServer
@testable import KBStore

/// What keeps `kb serve` safe to expose: a gate on concurrent searches, uploads that cannot
/// multiply articles or show server paths, a token compared in constant time, JSON errors.
@Suite struct ServerLimitsTests {
    static let token = "s3cret-import-token"

    /// The gate lets `capacity` searches in; one more waits, and is refused once its patience
    /// is spent.
    @Test func theGateRefusesSearchesBeyondItsCapacity() async throws {
        let gate = SearchGate(capacity: 1, patience: .milliseconds(50))
        let (entered, enter) = AsyncStream<Void>.makeStream()
        let (release, finish) = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await gate.run { () async -> Bool in
                enter.yield()
                for await _ in release {}
                return true
            }
        }
        for await _ in entered { break }
        #expect(gate.count == 1)
        #expect(try await gate.run { true } == nil)
        finish.finish()
        #expect(try await holder.value == true)
        #expect(try await gate.run { true } == true)
        #expect(gate.count == 0)
    }

    /// A busy server answers 503 with Retry-After, in JSON on the API.
    @Test func aFullGateAnswers503WithRetryAfter() async throws {
        var configuration = KBServer.Configuration()
        configuration.concurrentSearches = 0
        configuration.searchPatience = .milliseconds(10)
        let server = KBServer(store: try TemporaryStore.articles.open(), configuration: configuration)
        try await server.application(logger: Logger(label: "test")).test(.router) { client in
            try await client.execute(uri: "/api/search?q=Failed+in+Connect", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                #expect(String(buffer: response.body).hasPrefix("{\"error\":"))
            }
            try await client.execute(uri: "/?q=Failed+in+Connect", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
            }
        }
    }

    /// A search past its deadline gives up with the deadline's reason.
    @Test func aSearchPastItsDeadlineGivesUp() throws {
        let engine = SearchEngine(store: try TemporaryStore.articles.open())
        let past = SearchDeadline(after: .seconds(-1))
        #expect(throws: StoreError.self) {
            _ = try engine.search("Failed in Connect", options: .init(deadline: past))
        }
        #expect(try engine.search("Failed in Connect", options: .init(deadline: SearchDeadline(after: .seconds(60)))).results.count > 0)
    }

    /// An uploaded docs-as-code article gets its id from the name sent, or its title; uploading
    /// it twice updates one article; no answer shows a server path.
    @Test func uploadsAreNamedByTheClientOrTheirTitle() async throws {
        let store = try TemporaryStore()
        let server = KBServer(store: try store.open(), configuration: .init(importToken: Self.token))
        let article = ByteBuffer(string: "# Outlook keeps asking for a password\n\n## Symptoms\n\nOutlook prompts again.\n")
        try await server.application(logger: Logger(label: "test")).test(.router) { client in
            for expected in [(1, 0), (0, 0)] {
                try await client.execute(uri: "/api/import", method: .post, headers: [.authorization: "Bearer \(Self.token)"], body: article) { response in
                    let body = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(!body.contains("/tmp") && !body.contains("kb-upload"))
                    let summary = try JSONDecoder().decode(ImportSummary.self, from: Data(buffer: response.body))
                    #expect((summary.new, summary.updated) == expected)
                }
            }
            try await client.execute(uri: "/api/import?name=outlook/prompts.md", method: .post,
                                     headers: [.authorization: "Bearer \(Self.token)"], body: article) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/import?name=../etc/passwd", method: .post,
                                     headers: [.authorization: "Bearer \(Self.token)"], body: article) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/articles/outlook/prompts", method: .get) { response in
                #expect(response.status == .ok)
                let record = try ArticleJSON.decode(Data(buffer: response.body))
                #expect(record.source.path == "outlook/prompts.md")
            }
        }
        let stored = try store.open().stats()
        #expect(stored.articles == 2)
    }

    @Test func theTokenIsComparedWhole() {
        #expect(APIRoutes.tokenMatches("Bearer abc", "Bearer abc"))
        #expect(!APIRoutes.tokenMatches("Bearer ab", "Bearer abc"))
        #expect(!APIRoutes.tokenMatches("Bearer abcd", "Bearer abc"))
        #expect(!APIRoutes.tokenMatches("Bearer abd", "Bearer abc"))
        #expect(!APIRoutes.tokenMatches("", "Bearer abc"))
    }

    /// An article route without an id answers the JSON error every route gives.
    @Test func anEmptyIdAnswersJSON() async throws {
        let server = KBServer(store: try TemporaryStore.articles.open(), configuration: .init())
        try await server.application(logger: Logger(label: "test")).test(.router) { client in
            for uri in ["/api/articles", "/api/articles/"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest)
                    #expect(String(buffer: response.body).hasPrefix("{\"error\":"))
                }
            }
        }
    }

    /// Forms are read by Hummingbird's decoder: "+" and percent escapes decoded, a key given
    /// twice refused with the JSON error (a page answers 400 too).
    @Test func formsAreDecodedAndMalformedOnesRefused() async throws {
        #expect(try FormBody.decode("q=Failed+in%20Connect&limit=2") == ["q": "Failed in Connect", "limit": "2"])
        #expect(throws: APIRoutes.RequestError.self) { try FormBody.decode("q=a&q=b") }
        let server = KBServer(store: try TemporaryStore.articles.open(), configuration: .init())
        try await server.application(logger: Logger(label: "test")).test(.router) { client in
            try await client.execute(uri: "/api/search?q=a&q=b", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("the form cannot be read"))
            }
            try await client.execute(uri: "/?q=a&q=b", method: .get) { #expect($0.status == .badRequest) }
        }
    }
}
