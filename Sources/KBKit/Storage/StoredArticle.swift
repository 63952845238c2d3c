import Foundation

/// An article in the form the `article` table holds it: the JSON record plus the text
/// columns the full-text index reads.
struct StoredArticle: Sendable {
    var id: String
    var title: String
    var product: String?
    var lastModified: String?
    var layout: Layout
    var sourcePath: String
    var contentHash: String
    var record: String
    var messages: String
    var body: String
    var meta: String
    var codes: String

    init(_ article: Article) {
        id = article.id
        title = article.title
        product = article.product
        lastModified = article.lastModified
        layout = article.source.layout
        sourcePath = article.source.path
        let (json, contentLength) = ArticleJSON.bytes(article)
        // Twins and re-imports of one article hash the same: `source` is left out.
        contentHash = ContentHash.of(json[0..<contentLength])
        record = String(decoding: json, as: UTF8.self)
        messages = article.errorMessages.joined(separator: "\n")
        body = article.sections.map { section in
            section.heading.map { "\($0)\n\(section.text)" } ?? section.text
        }.joined(separator: "\n\n")
        meta = ([article.product].compactMap { $0 } + article.appliesTo + article.keywords
            + article.additionalQueryWords).joined(separator: "\n")
        let codeSource = ([article.title] + article.errorMessages + article.sections.map(\.text)).joined(separator: "\n")
        codes = ErrorCodes.canonical(in: codeSource).joined(separator: " ")
    }
}
