import Foundation
import Hummingbird
import KBPrinter
import KBSearch
import KBStore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle


/// `kb serve`: the JSON API and the search page over one store.
public struct KBServer: Sendable {
    /// Where the server listens and what it accepts.
    public struct Configuration: Sendable {
        /// The address to listen on.
        public var host = "127.0.0.1"
        /// The port to listen on (0: any free port).
        public var port = 8080
        /// When set, `POST /api/import` accepts requests bearing this token.
        public var importToken: String?
        /// The longest query string accepted, in bytes.
        public var maxQueryString = 8 * 1024
        /// The largest form body accepted, in bytes: a paste at `PasteLimit` once form-encoded
        /// (each byte at most three).
        public var maxFormBody = 3 * PasteLimit.bytes + 4096
        /// Searches of ordinary pastes run at once; more wait up to `searchPatience`, then get 503.
        public var concurrentSearches = 4 * ProcessInfo.processInfo.activeProcessorCount
        /// Pastes longer than this many bytes cost up to seconds (a whole log, a dump): they
        /// take the narrow gate, so a flood of them leaves the other cores to ordinary searches.
        public var longPasteBytes = 16 * 1024
        /// Searches of long pastes run at once.
        public var concurrentLongSearches = max(1, ProcessInfo.processInfo.activeProcessorCount / 2)
        /// How long a search waits for a free place before it is refused.
        public var searchPatience = Duration.seconds(2)
        /// How long one search may take before it gives up (503).
        public var searchDeadline = Duration.seconds(10)
        /// The largest import body accepted, in bytes.
        public var maxImportBody = 64 * 1024 * 1024
        /// Search results kept for repeated pastes; 0 turns the cache off.
        public var cacheEntries = 1024
        /// Decoded article records kept between searches (each generation of `ArticleCache`).
        public var articleCacheEntries = 2048

        /// A configuration; without `importToken`, `POST /api/import` is refused.
        public init(host: String = "127.0.0.1", port: Int = 8080, importToken: String? = nil) {
            self.host = host
            self.port = port
            self.importToken = importToken
        }
    }

    /// The store searched and shown.
    public let store: ArticleStore
    /// Where it listens and what it accepts.
    public let configuration: Configuration
    let cache: ResultCache<[SearchResult]>
    let articles: ArticleCache
    let gate: SearchGate
    let longPasteGate: SearchGate
    /// Raised by SIGTERM or SIGINT: searches stop at their next step.
    let stopSignal = StopSignal()

    /// A server of `store`.
    public init(store: ArticleStore, configuration: Configuration) {
        self.store = store
        self.configuration = configuration
        cache = ResultCache(capacity: configuration.cacheEntries)
        articles = ArticleCache(capacity: configuration.articleCacheEntries)
        gate = SearchGate(capacity: configuration.concurrentSearches, patience: configuration.searchPatience)
        longPasteGate = SearchGate(capacity: configuration.concurrentLongSearches, patience: configuration.searchPatience)
    }

    /// The routes: pages, the JSON API and health.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: LimitsMiddleware(maxQueryString: configuration.maxQueryString))
        APIRoutes(server: self).add(to: router)
        PageRoutes(server: self).add(to: router)
        return router
    }

    /// The application to run, logging requests to `logger`.
    public func application(logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "kb"),
            logger: logger)
    }

    /// Runs until SIGINT or SIGTERM, then finishes the requests under way.
    public func run(logger: Logger) async throws {
        let services = ServiceGroup(configuration: .init(
            services: [.init(service: application(logger: logger)), .init(service: stopSignal, successTerminationBehavior: .ignore)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await services.run()
    }

    /// Runs blocking store work off the event loops.
    func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(body)
    }

    /// Runs the search of `request` (`body`, which calls `search`) through its gate, the
    /// narrow one for a long paste: nil when the server is too busy (the gate stayed full) or
    /// the search passed its deadline; answer 503 then.
    func gated<T: Sendable>(_ request: APIRoutes.SearchRequest, _ body: @escaping @Sendable () throws -> T) async throws -> T? {
        let gate = request.query.utf8.count > configuration.longPasteBytes ? longPasteGate : gate
        guard !stopSignal.isRaised else { return nil }
        do {
            return try await gate.run { try await offload(body) }
        } catch let error as StoreError where error.reason == SearchDeadline.reason {
            return nil
        }
    }

    /// Searches, or reuses the results of the same paste (log noise aside) while the store is
    /// unchanged. Blocking: call it through `offload`.
    func search(_ request: APIRoutes.SearchRequest) throws -> SearchResponse {
        let query = AnalyzedQuery(request.query)
        let key = request.cacheKey(query)
        let generation = try generation()
        if let results = cache.value(for: key, generation: generation) { return SearchResponse(query: query, results: results) }
        let response = try SearchEngine(store: store, articles: articles).search(query, options: .init(
            limit: request.limit, filter: request.filter,
            deadline: SearchDeadline(after: configuration.searchDeadline, cancelled: { [stopSignal] in stopSignal.isRaised })))
        cache.store(response.results, for: key, generation: generation)
        return response
    }

    /// Changes whenever articles are added or an import finishes, in this process or another.
    func generation() throws -> String {
        try store.generation()
    }
}

/// 414 for a query string over the limit, before any route sees it.
struct LimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxQueryString: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if (request.uri.query?.utf8.count ?? 0) > maxQueryString {
            return JSONError.response(.uriTooLong, "query string longer than \(maxQueryString) bytes")
        }
        return try await next(request, context)
    }
}

enum JSONError {
    static func response(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: ErrorJSON.render(message))))
    }

    /// 503 with Retry-After: the search gate stayed full, or the search passed its deadline.
    static func busy() -> Response {
        var response = response(.serviceUnavailable, "the server is busy or the search took too long: try again in a moment")
        response.headers[.retryAfter] = "1"
        return response
    }
}

extension Response {
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text.hasSuffix("\n") ? text : text + "\n")))
    }

    /// A page answering 503 with Retry-After.
    static func busy(_ page: String) -> Response {
        var response = html(page, status: .serviceUnavailable)
        response.headers[.retryAfter] = "1"
        return response
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
