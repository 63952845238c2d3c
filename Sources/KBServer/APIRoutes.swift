import Foundation
import Hummingbird
import KBExchange
import KBModel
import KBPrinter
import KBSearch
import KBStore


/// The JSON API: `GET /api/search`, `GET /api/articles/{id}`, `GET /api/stats`, `POST /api/import`.
struct APIRoutes {
    let server: KBServer

    func add(to router: Router<BasicRequestContext>) {
        router.get("/api/search") { request, _ -> Response in try await search(request) }
        router.get("/api/articles/**") { _, context -> Response in
            try await article(context.parameters.getCatchAll().joined(separator: "/"))
        }
        router.get("/api/articles") { _, _ -> Response in
            JSONError.response(.badRequest, "an article id is required: /api/articles/Q178511")
        }
        router.get("/api/stats") { _, _ -> Response in try await stats() }
        router.post("/api/import") { request, context -> Response in try await importBody(request, context: context) }
    }

    /// Query parameters shared by the API and the page: q, limit, product, version, keyword,
    /// since, kb (a knowledge base).
    struct SearchRequest {
        var query: String
        var limit: Int
        var filter: ArticleFilter

        /// What the results depend on: the paste's tokens and codes (not its log noise), the
        /// limit and the filters.
        func cacheKey(_ analyzed: AnalyzedQuery) -> String {
            [analyzed.tokens.joined(separator: " "), analyzed.codes.joined(separator: " "), String(limit),
             filter.product ?? "", filter.version ?? "", filter.keyword ?? "", filter.since?.description ?? "",
             filter.knowledgeBase ?? ""]
                .joined(separator: "\u{1F}")
        }

        /// nil and a message when a parameter is invalid.
        static func parse(_ values: [String: String]) -> Result<SearchRequest, RequestError> {
            let query = values["q"] ?? ""
            guard !PasteLimit.isEmpty(query) else {
                return .failure(RequestError("parameter 'q' is required: the error message to search for"))
            }
            var limit = 10
            if let text = values["limit"], !text.isEmpty {
                guard let value = Int(text), (1...100).contains(value) else {
                    return .failure(RequestError("parameter 'limit' must be a whole number from 1 to 100, not '\(text)'"))
                }
                limit = value
            }
            func optional(_ name: String) -> String? {
                guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
                return value
            }
            var since: CalendarDate?
            if let text = optional("since") {
                guard let date = CalendarDate(text) else {
                    return .failure(RequestError("parameter 'since' must be a real date as YYYY-MM-DD, not '\(text)'"))
                }
                since = date
            }
            return .success(SearchRequest(
                query: query, limit: limit,
                filter: ArticleFilter(product: optional("product"), version: optional("version"),
                                      keyword: optional("keyword"), since: since, knowledgeBase: optional("kb"))))
        }
    }

    struct RequestError: Error, Sendable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private func search(_ request: Request) async throws -> Response {
        let values: [String: String]
        do { values = try FormBody.decode(request.uri.query ?? "") } catch { return JSONError.response(.badRequest, error.message) }
        let parsed: SearchRequest
        switch SearchRequest.parse(values) {
        case .success(let value): parsed = value
        case .failure(let error): return JSONError.response(.badRequest, error.message)
        }
        let server = self.server
        guard let json = try await server.gated(parsed, { () throws -> String in
            SearchJSON.render(try server.search(parsed), explain: false)
        }) else {
            return JSONError.busy()
        }
        return .json(json)
    }

    private func article(_ id: String) async throws -> Response {
        guard let normalized = ArticleID.normalize(id) else {
            return JSONError.response(.badRequest, "'\(id)' is not an article id such as Q178511")
        }
        let server = self.server
        guard let article = try await server.offload({ try server.store.article(id: normalized) }) else {
            return JSONError.response(.notFound, "no article \(normalized)")
        }
        return .json(ArticleJSON.line(article))
    }

    private func stats() async throws -> Response {
        let server = self.server
        let stats = try await server.offload { try server.store.stats() }
        return .json(ReportJSON.render(stats))
    }

    /// A name a client may give an upload (`?name=`): a relative path of safe characters, which
    /// a docs-as-code article's id is made of (`outlook/x.md` → `outlook/x`).
    static func isUploadName(_ name: String) -> Bool {
        name.utf8.count <= 255
            && name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { ArticleID.isPathPart($0, upperCase: true) }
    }

    /// Whether `given` is the token, in time that does not depend on where they first differ.
    static func tokenMatches(_ given: String, _ token: String) -> Bool {
        let a = Array(given.utf8), b = Array(token.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }

    /// A dump file or JSON Lines in the body, only with the configured bearer token; `?name=`
    /// names a docs-as-code article (its id), else its title does.
    private func importBody(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let token = server.configuration.importToken else {
            return JSONError.response(.forbidden, "import is disabled: start kb serve with --import-token")
        }
        guard let authorization = request.headers[.authorization], Self.tokenMatches(authorization, "Bearer \(token)") else {
            return JSONError.response(.unauthorized, "a valid 'Authorization: Bearer <token>' header is required")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: server.configuration.maxImportBody)
        } catch {
            return JSONError.response(.contentTooLarge, "request body larger than \(server.configuration.maxImportBody) bytes")
        }
        let values: [String: String]
        do { values = try FormBody.decode(request.uri.query ?? "") } catch { return JSONError.response(.badRequest, error.message) }
        let name = values["name"] ?? "upload"
        guard Self.isUploadName(name) else {
            return JSONError.response(.badRequest,
                "parameter 'name' must be a relative path such as outlook/prompts-for-password.md (letters, digits, '.', '_', '-' and '/'), not '\(name)'")
        }
        let server = self.server
        let bytes = Array(buffer: body)
        let summary = try await server.offload { () throws -> ImportSummary in
            // The server reads through read-only connections; an import opens the one writer
            // for its own duration.
            let writer = try ArticleStore(path: server.store.path, access: .readWrite)
            defer { writer.close() }
            return try Importer(store: writer).run([.upload(bytes, name: name)])
        }
        return .json(ReportJSON.render(summary),
                     status: summary.failed > 0 && summary.new + summary.updated + summary.unchanged == 0 ? .unprocessableContent : .ok)
    }
}
