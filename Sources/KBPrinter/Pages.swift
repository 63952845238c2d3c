import Foundation
import KBModel
import KBSearch
import Mustache


/// The pages `kb serve` renders: the search page and one page per article. They work without
/// JavaScript; a few lines of script fetch results as the user types.
///
/// Every page is a Mustache template (`Templates/`) whose first line makes `HTMLEscaper` its
/// content type, so every value it is given is escaped byte by byte: no HTML is put together
/// from strings here, so text from an article or a paste cannot become markup. (Mustache's
/// own HTML type escapes by `Character` and lets a quote with a combining mark through.)
package enum Pages {
    /// The content type every template names in its first line.
    struct EscapedHTML: MustacheContentType {
        static let name = "KBHTML"
        func escapeText(_ text: String) -> String { HTMLEscaper.escape(text) }
    }

    /// What the search form holds: the paste and the filters chosen.
    package struct SearchForm {
        /// The paste.
        package var query = ""
        /// The product chosen, or "" for all.
        package var product = ""
        /// The version typed, or "".
        package var version = ""

        /// The form as submitted.
        package init(query: String = "", product: String = "", version: String = "") {
            self.query = query
            self.product = product
            self.version = version
        }
    }

    /// The templates, compiled into the binary and parsed once.
    static let library: MustacheLibrary = {
        MustacheContentTypes.register(EscapedHTML(), named: EscapedHTML.name)
        var library = MustacheLibrary()
        let templates: [(String, [UInt8])] = [
            ("layout", PackageResources.layout_mustache), ("search", PackageResources.search_mustache),
            ("results", PackageResources.results_mustache), ("article", PackageResources.article_mustache),
            ("message", PackageResources.message_mustache),
        ]
        for (name, bytes) in templates {
            // A template that does not parse is a programming error, caught by any test of a page.
            try! library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        return library
    }()

    private static func render(_ view: Any, _ template: String) -> String {
        library.render(view, withTemplate: template) ?? ""
    }

    /// The search page, with its results when a paste was searched.
    package static func search(form: SearchForm, products: [String], results: ResultsView?) -> String {
        render(SearchView(form: form, products: products, results: results), "search")
    }

    /// The results alone, as the page's script fetches them while the user types.
    package static func results(_ view: ResultsView) -> String {
        render(view, "results")
    }

    /// One article's page, with the docs-as-code articles that replace it.
    package static func article(_ a: Article, successors: [String] = []) -> String {
        render(ArticleView(a, successors: successors), "article")
    }

    /// A page that says one thing: not found, busy, a bad request.
    package static func message(title: String, _ text: String) -> String {
        render(["title": title, "text": text], "message")
    }
}

/// The search page's values.
struct SearchView {
    struct ProductOption {
        var value: String
        var label: String
        var selected: Bool
    }

    var query: String
    var hasQuery: Bool
    var titleQuery: String
    var version: String
    var products: [ProductOption]
    var results: ResultsView?

    init(form: Pages.SearchForm, products: [String], results: ResultsView?) {
        query = form.query
        hasQuery = !form.query.isEmpty
        titleQuery = String(form.query.prefix(60))
        version = form.version
        self.products = ([""] + products).map {
            ProductOption(value: $0, label: $0.isEmpty ? "All products" : $0, selected: $0 == form.product)
        }
        self.results = results
    }
}

/// A list of results, or why there is none: each result as its `ResultPresentation` shows it.
package struct ResultsView {
    struct Item {
        var id: String
        var title: String
        var product: String?
        /// The knowledge base the article was imported from.
        var knowledgeBase: String?
        /// The matched line; the template marks the spans that are words of the paste.
        var snippet: [ResultPresentation.Span]
        var remedy: ResultPresentation.Remedy?
        /// "line 14: …" when one line of a long paste found the article.
        var foundBy: String?
        /// "whi1e → while" when spelling correction found it.
        var readAs: String?
        /// Archive articles folded into this one, each with its page.
        var twins: [String]
    }

    var error: String?
    var items: [Item] = []

    /// The results part saying why there are none.
    package init(error: String) { self.error = error }

    /// The results of a search.
    package init(_ response: SearchResponse) {
        items = response.results.map(ResultPresentation.init).map { p in
            Item(id: p.result.id, title: p.result.title, product: p.result.product,
                 knowledgeBase: p.result.article.source.knowledgeBase, snippet: p.matchedLine, remedy: p.remedy,
                 foundBy: p.foundBy, readAs: p.readAs, twins: p.result.twins)
        }
    }
}

/// An article page's values.
struct ArticleView {
    struct Fact {
        var name: String
        var value: String
    }

    var id: String
    var title: String
    var facts: [Fact]
    var appliesTo: [String]
    var errorMessages: [String]
    var sections: [Section]
    var references: [String]
    /// Docs-as-code articles that state this archive article's id as their KB number.
    var successors: [String]

    init(_ a: Article, successors: [String]) {
        id = a.id
        title = a.title
        facts = a.facts.map { Fact(name: $0.0, value: $0.1) }
        appliesTo = a.appliesTo
        errorMessages = a.errorMessages
        sections = a.sections
        references = a.references
        self.successors = successors
    }
}
