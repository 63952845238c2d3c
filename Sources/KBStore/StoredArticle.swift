import Foundation
import KBModel


/// An article in the form the store holds it: the `article` row and the text the full-text
/// index receives for it.
package struct StoredArticle: Sendable {
    var id: String
    var title: String
    var product: String?
    var lastModified: String?
    var layout: Layout
    var knowledgeBase: String?
    /// The archive ids the article also answers to (`Article.kbNumbers`).
    var aliases: [String]
    var sourcePath: String
    var contentHash: String
    var record: String
    /// The stored record's size in bytes.
    package var recordBytes: Int { record.utf8.count }
    var sectionsOnly: Bool
    var index: IndexedText

    /// The rows of an article as stored.
    package init(_ article: Article) {
        id = article.id
        title = article.title
        product = article.product
        lastModified = article.lastModified?.description
        layout = article.source.layout
        knowledgeBase = article.source.knowledgeBase
        aliases = article.kbNumbers
        sourcePath = article.source.path
        // Parsed articles always have section fields that `sections` rebuilds: store the compact
        // form. The hash covers what the record determines; twins and re-imports of one article
        // hash the same because `source` is left out.
        let compact = article.withoutSectionFields()
        sectionsOnly = compact.withSectionFields() == article
        let (json, contentLength) = ArticleJSON.bytes(sectionsOnly ? compact : article)
        contentHash = (sectionsOnly ? "s" : "f") + ContentHash.of(json[0..<contentLength])
        record = String(decoding: json, as: UTF8.self)
        index = IndexedText(article)
    }
}

/// The columns of the full-text indexes for one article.
struct IndexedText: Sendable {
    var title: String
    var messages: String
    var body: String
    var meta: String
    var codes: String
    /// Word pairs of the title and messages (`article_pair_fts`).
    var pairs: String

    /// The rows of an article as stored.
    package init(_ article: Article) {
        title = article.title
        messages = article.errorMessages.joined(separator: "\n")
        body = article.sections.map { section in
            section.heading.map { "\($0)\n\(section.text)" } ?? section.text
        }.joined(separator: "\n\n")
        meta = ([article.product].compactMap { $0 } + article.appliesTo + article.keywords
            + article.additionalQueryWords + article.kbNumbers + article.kbNumbers.map { String($0.dropFirst()) })
            .joined(separator: "\n")
        codes = ErrorCodes.canonical(in: [article.title] + article.errorMessages + article.sections.map(\.text)).joined(separator: " ")
        pairs = WordPairs.indexed(title: title, messages: messages)
    }
}
