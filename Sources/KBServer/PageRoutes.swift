import Foundation
import Hummingbird
import KBModel
import KBPrinter
import KBSearch
import KBStore


/// The search page (`GET /?q=…`, `POST /` for long pastes) and article pages (`/articles/{id}`).
struct PageRoutes {
    let server: KBServer

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ -> Response in
            // Form encoding: a browser's GET form writes spaces as "+".
            do {
                return try await page(try FormBody.decode(request.uri.query ?? ""))
            } catch let error as APIRoutes.RequestError {
                return Self.badRequest(error)
            }
        }
        router.post("/") { request, _ -> Response in
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: server.configuration.maxFormBody)
            } catch {
                return Response.html(Pages.message(title: "Paste too long", "Pastes are limited to \(PasteLimit.bytes >> 20) MiB."),
                             status: .contentTooLarge)
            }
            // A long body is decoded through the long pastes' gate, off the event loop: a flood of
            // them must not keep the event loops from other requests.
            let values: [String: String]
            do {
                if body.readableBytes > server.configuration.longPasteBytes {
                    let server = self.server
                    guard let decoded = try await server.longPasteGate.run({ try await server.offload { try FormBody.decode(String(buffer: body)) } })
                    else { return Self.busy() }
                    values = decoded
                } else {
                    values = try FormBody.decode(String(buffer: body))
                }
            } catch let error as APIRoutes.RequestError {
                return Self.badRequest(error)
            }
            if let refusal = PasteLimit.refusal(byteCount: values["q"]?.utf8.count ?? 0) {
                return Response.html(Pages.message(title: "Paste too long", "Kb cannot search it: \(refusal)."), status: .contentTooLarge)
            }
            return try await page(values)
        }
        // Ids of docs-as-code articles are paths: "/articles/officedocs/outlook/…".
        router.get("/articles/**") { _, context -> Response in
            let id = context.parameters.getCatchAll().joined(separator: "/")
            let server = self.server
            guard let normalized = ArticleID.normalize(id),
                  let (article, successors) = try await server.offload({ () throws(StoreError) -> (Article, [String])? in
                      guard let article = try server.store.article(id: normalized) else { return nil }
                      return (article, try server.store.successors(of: article.id))
                  })
            else {
                return Response.html(Pages.message(title: "Not found", "There is no article \(id)."), status: .notFound)
            }
            return .html(Pages.article(article, successors: successors))
        }
    }

    /// 503 with Retry-After, as a page: the search gate stayed full or the search ran too long.
    private static func busy() -> Response {
        Response.busy(Pages.message(title: "Busy", "The server is busy: try again in a moment."))
    }

    /// 400, as a page: a form that cannot be read.
    private static func badRequest(_ error: APIRoutes.RequestError) -> Response {
        Response.html(Pages.message(title: "Bad request", error.message), status: .badRequest)
    }

    private func page(_ values: [String: String]) async throws -> Response {
        let form = Pages.SearchForm(query: values["q"] ?? "", product: values["product"] ?? "", version: values["version"] ?? "")
        let fragment = values["fragment"] == "1"
        let server = self.server
        var results: ResultsView?
        if !PasteLimit.isEmpty(form.query) {
            switch APIRoutes.SearchRequest.parse(values) {
            case .failure(let error):
                results = ResultsView(error: error.message)
            case .success(let request):
                guard let view = try await server.gated(request, { ResultsView(try server.search(request)) }) else {
                    return Self.busy()
                }
                results = view
            }
        }
        if fragment { return .html(results.map(Pages.results) ?? "") }
        let products = try await server.offload { try server.store.topProducts() }
        return .html(Pages.search(form: form, products: products, results: results))
    }
}

/// `application/x-www-form-urlencoded` query strings and bodies, read by Hummingbird's decoder.
enum FormBody {
    /// The form's values by name; a malformed form (a key given twice, brackets that make no
    /// structure) is a `RequestError` naming what is wrong.
    static func decode(_ body: String) throws(APIRoutes.RequestError) -> [String: String] {
        do {
            return try URLEncodedFormDecoder().decode([String: String].self, from: body)
        } catch {
            throw APIRoutes.RequestError("the form cannot be read: \(error)")
        }
    }
}
