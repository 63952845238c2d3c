import KBModel

/// Turns the bytes of one article file into an `Article`, or a `ParseError` saying why not.
///
/// The layout is recognised from the content, never from the file name. Parsing is pure and
/// thread-safe: call it from as many tasks as there are cores.
public enum ArticleParser {
    /// Larger files are refused: the biggest real article is far below this.
    public static let maxFileSize = ArticleLimits.fileBytes

    /// Parses one article file of any layout; `path` is recorded as its source and named in
    /// errors. `location`, the file's place in its knowledge base, makes a docs-as-code
    /// article's id; without it the file's folder and name do.
    public static func parse(_ bytes: [UInt8], path: String, location: ArticleLocation? = nil) throws(ParseError) -> Article {
        guard bytes.count <= maxFileSize else { throw .tooLarge(bytes.count) }
        let text = try TextDecoding.decode(bytes)
        let lines = text.lineArray
        let first = lines.first { !$0.isBlank } ?? ""
        let raw: RawArticle
        if DocumentLayoutReader.looksLikeDocument(first) {
            raw = try DocumentLayoutReader.read(lines: lines)
        } else if MarkdownLayoutReader.looksLikeMarkdown(first) && MarkdownLayoutReader.isArchiveCopy(lines) {
            raw = try MarkdownLayoutReader.read(lines: lines)
        } else if MarkdownLayoutReader.looksLikeMarkdown(first) || DocsLayoutReader.hasHeading(lines) {
            // Front matter that is not the archive's, or plain Markdown with a heading.
            return try DocsLayoutReader.read(lines: lines.map(RawArticle.plainSpaces), path: path, location: location)
        } else if path.lowercased().hasSuffix(".md") || path.lowercased().hasSuffix(".markdown") {
            throw .untitledMarkdown
        } else {
            throw .unknownLayout
        }
        var article = assemble(raw.withPlainSpaces(), path: path)
        article.source.knowledgeBase = location?.knowledgeBase
        // A title of only spaces is none: the record would break the schema's rule.
        guard !article.title.isEmpty else { throw .missingTitle(path) }
        return article
    }

    static func assemble(_ raw: RawArticle, path: String) -> Article {
        let body = BodyParser.parse(raw.body)
        var article = Article(id: raw.id, title: normalizeTitle(raw.title), source: Source(layout: raw.layout, path: path))
        article.product = raw.product
        article.versions = FieldParsing.versions(
            raw.versions?.nonEmpty ?? body.trailer["Version"]?.nonEmpty ?? body.preambleVersions)
        article.operatingSystems = FieldParsing.operatingSystems(raw.operatingSystems?.nonEmpty ?? body.preambleSystems)
        article.keywords = FieldParsing.words(
            raw.keywords?.nonEmpty ?? body.trailer["Keywords"]?.nonEmpty ?? body.preambleKeywords)
        article.technologies = FieldParsing.words(body.trailer["Technology"])
        article.issueType = body.trailer["Issue type"]?.nonEmpty
        article.lastModified = FieldParsing.date(raw.lastModified)
        article.appliesTo = body.appliesTo
        article.sections = body.sections
        article.additionalQueryWords = body.additionalQueryWords
        article = article.withSectionFields()
        article.errorMessages = ErrorMessageExtractor.messages(in: body.sections)
        let allText = body.sections.map(\.text).joined(separator: "\n")
        article.references = ArticleID.citations(in: allText, excluding: raw.id)
        return article
    }

    /// Titles are one line: wrapped header values and runs of spaces are folded.
    private static func normalizeTitle(_ title: String) -> String {
        title.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
