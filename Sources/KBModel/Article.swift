/// One knowledge-base article, as parsed from either dump layout.
///
/// The JSON names of these properties are the project's export contract
/// (see `Schema/article.schema.json`); change them only with a schema version bump.
public struct Article: Decodable, Equatable, Hashable, Sendable {
    /// The article number, e.g. "Q178511".
    public var id: String
    /// The article's title, e.g. "Err Msg: Not Enough Memory".
    public var title: String
    /// The product the article is about, as its header names it.
    public var product: String?
    /// The product versions it applies to.
    public var versions: [ProductVersion]
    /// The operating systems it names, e.g. "WINDOWS".
    public var operatingSystems: [String]
    /// Its keywords, e.g. "kberrmsg".
    public var keywords: [String]
    /// Its technology codes, e.g. "kbAudDeveloper".
    public var technologies: [String]
    /// Its issue type, e.g. "kbprb" or "kbbug".
    public var issueType: String?
    /// The date the article was last modified.
    public var lastModified: CalendarDate?
    /// The products and versions of its "applies to" list, one per entry.
    public var appliesTo: [String]

    /// The text of the Summary section.
    public var summary: String?
    /// The text of the Symptoms section.
    public var symptoms: String?
    /// The text of the Cause section.
    public var cause: String?
    /// The text of the Resolution section.
    public var resolution: String?
    /// The text of the Workaround section.
    public var workaround: String?
    /// The text of the Status section.
    public var status: String?
    /// The text of the More Information section.
    public var moreInformation: String?

    /// Every section in document order, including those without a field of their own.
    public var sections: [Section]
    /// Error messages the article quotes, each on one line.
    public var errorMessages: [String]
    /// Ids of other articles this one cites.
    public var references: [String]
    /// Words the article lists for search ("Additional query words").
    public var additionalQueryWords: [String]
    /// The archive KB numbers this article states it was published as ("Original KB number:
    /// 2027064" → "Q2027064"): `kb show` and search find it by them too.
    public var kbNumbers: [String]
    /// The file the article was read from.
    public var source: Source

    /// An article with the given fields; lists default to empty and other fields to nil.
    public init(
        id: String, title: String, product: String? = nil, versions: [ProductVersion] = [],
        operatingSystems: [String] = [], keywords: [String] = [], technologies: [String] = [],
        issueType: String? = nil, lastModified: CalendarDate? = nil, appliesTo: [String] = [],
        summary: String? = nil, symptoms: String? = nil, cause: String? = nil,
        resolution: String? = nil, workaround: String? = nil, status: String? = nil,
        moreInformation: String? = nil, sections: [Section] = [], errorMessages: [String] = [],
        references: [String] = [], additionalQueryWords: [String] = [], kbNumbers: [String] = [], source: Source
    ) {
        self.id = id
        self.title = title
        self.product = product
        self.versions = versions
        self.operatingSystems = operatingSystems
        self.keywords = keywords
        self.technologies = technologies
        self.issueType = issueType
        self.lastModified = lastModified
        self.appliesTo = appliesTo
        self.summary = summary
        self.symptoms = symptoms
        self.cause = cause
        self.resolution = resolution
        self.workaround = workaround
        self.status = status
        self.moreInformation = moreInformation
        self.sections = sections
        self.errorMessages = errorMessages
        self.references = references
        self.additionalQueryWords = additionalQueryWords
        self.kbNumbers = kbNumbers
        self.source = source
    }
}

/// A `{platform, version}` pair from a "PROD/VER" or "Version(s)" line.
public struct ProductVersion: Decodable, Equatable, Hashable, Sendable {
    /// "WINDOWS", "winnt", … or nil when the line names none.
    public var platform: String?
    /// The version number, e.g. "5.0".
    public var version: String

    /// A version on a platform (nil when none is named).
    public init(platform: String?, version: String) {
        self.platform = platform
        self.version = version
    }
}

/// A titled part of the article body. `heading` is nil for text that stands before any heading.
public struct Section: Decodable, Equatable, Hashable, Sendable {
    /// The heading, as the article writes it.
    public var heading: String?
    /// The section's text, lines joined by newlines.
    public var text: String

    /// A section with this heading and text.
    public init(heading: String?, text: String) {
        self.heading = heading
        self.text = text
    }
}

/// Where an article was read from.
public struct Source: Decodable, Equatable, Hashable, Sendable {
    /// The layout the file was written in.
    public var layout: Layout
    /// The file's path as given to the parser.
    public var path: String
    /// The knowledge base the file belongs to: the name of its root folder (see
    /// `ArticleLocation`). Nil for records stored before knowledge bases were recorded.
    public var knowledgeBase: String?

    /// A source of this layout at this path, in this knowledge base.
    public init(layout: Layout, path: String, knowledgeBase: String? = nil) {
        self.layout = layout
        self.path = path
        self.knowledgeBase = knowledgeBase
    }
}

/// The layouts an article file can be written in.
public enum Layout: String, Codable, Sendable, CaseIterable {
    /// `DOCUMENT:` header, sections underlined with `=` (the `.TXT` files).
    case document
    /// `---` front matter and a tab-indented body (the `README.md` files).
    case markdown
    /// Docs-as-code Markdown: optional YAML front matter, `#` title, `##` sections.
    case docs
}
