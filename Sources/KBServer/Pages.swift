import Foundation
import KBKit
import Mustache

/// The server-rendered pages: the search page and one page per article. They work without
/// JavaScript; a few lines of script fetch results as the user types.
///
/// Every page is a Mustache template (`Templates/`), which HTML-escapes every value it is
/// given: no HTML is put together from strings here, so text from an article or a paste
/// cannot become markup.
enum Pages {
    struct SearchForm {
        var query = ""
        var product = ""
        var version = ""
    }

    /// The templates, compiled into the binary and parsed once.
    static let library: MustacheLibrary = {
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

    static func search(form: SearchForm, products: [String], results: ResultsView?) -> String {
        render(SearchView(form: form, products: products, results: results), "search")
    }

    static func results(_ view: ResultsView) -> String {
        render(view, "results")
    }

    static func article(_ a: Article) -> String {
        render(ArticleView(a), "article")
    }

    static func message(title: String, _ text: String) -> String {
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

/// A list of results, or why there is none.
struct ResultsView {
    /// A piece of the matched line; `marked` pieces are the pasted words, highlighted.
    struct Segment {
        var text: String
        var marked: Bool
    }

    struct Remedy {
        var name: String
        var text: String
    }

    struct Item {
        var id: String
        var title: String
        var product: String?
        var snippet: [Segment]
        var remedy: Remedy?
    }

    var error: String?
    var items: [Item] = []

    init(error: String) { self.error = error }

    init(_ response: SearchResponse) {
        items = response.results.map { r in
            Item(id: r.id, title: r.title, product: r.product,
                 snippet: Self.segments(r.snippet, words: Set(r.matchedWords)),
                 remedy: r.article.remedy.map { name, text in
                     Remedy(name: name, text: text.split(separator: "\n").prefix(2).joined(separator: " "))
                 })
        }
    }

    /// `text` cut into plain and highlighted pieces: the given words (lower-case tokens) are marked.
    static func segments(_ text: String, words: Set<String>) -> [Segment] {
        let bytes = Array(text.utf8)
        var segments: [Segment] = []
        var last = 0
        for token in Tokenizer.tokens(text) where words.contains(token.text) {
            if token.range.lowerBound > last {
                segments.append(Segment(text: String(decoding: bytes[last..<token.range.lowerBound], as: UTF8.self), marked: false))
            }
            segments.append(Segment(text: String(decoding: bytes[token.range], as: UTF8.self), marked: true))
            last = token.range.upperBound
        }
        if last < bytes.count { segments.append(Segment(text: String(decoding: bytes[last...], as: UTF8.self), marked: false)) }
        return segments
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

    init(_ a: Article) {
        id = a.id
        title = a.title
        facts = a.facts.map { Fact(name: $0.0, value: $0.1) }
        appliesTo = a.appliesTo
        errorMessages = a.errorMessages
        sections = a.sections
        references = a.references
    }
}
