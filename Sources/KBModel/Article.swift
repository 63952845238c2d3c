/// One knowledge-base article, as parsed from either dump layout.
///
/// The JSON names of these properties are the project's export contract
/// (see `Schema/article.schema.json`); change them only with a schema version bump.
public struct Article: Decodable, Equatable, Hashable, Sendable {
    /// The article number, e.g. "Q178511".
    public var id: String
    public var title: String
    public var product: String?
    public var versions: [ProductVersion]
    public var operatingSystems: [String]
    public var keywords: [String]
    public var technologies: [String]
    public var issueType: String?
    /// The date the article was last modified.
    public var lastModified: CalendarDate?
    public var appliesTo: [String]

    public var summary: String?
    public var symptoms: String?
    public var cause: String?
    public var resolution: String?
    public var workaround: String?
    public var status: String?
    public var moreInformation: String?

    /// Every section in document order, including those without a field of their own.
    public var sections: [Section]
    /// Error messages the article quotes, each on one line.
    public var errorMessages: [String]
    /// Ids of other articles this one cites.
    public var references: [String]
    public var additionalQueryWords: [String]
    public var source: Source

    public init(
        id: String, title: String, product: String? = nil, versions: [ProductVersion] = [],
        operatingSystems: [String] = [], keywords: [String] = [], technologies: [String] = [],
        issueType: String? = nil, lastModified: CalendarDate? = nil, appliesTo: [String] = [],
        summary: String? = nil, symptoms: String? = nil, cause: String? = nil,
        resolution: String? = nil, workaround: String? = nil, status: String? = nil,
        moreInformation: String? = nil, sections: [Section] = [], errorMessages: [String] = [],
        references: [String] = [], additionalQueryWords: [String] = [], source: Source
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
        self.source = source
    }
}

/// A `{platform, version}` pair from a "PROD/VER" or "Version(s)" line.
public struct ProductVersion: Decodable, Equatable, Hashable, Sendable {
    /// "WINDOWS", "winnt", … or nil when the line names none.
    public var platform: String?
    public var version: String

    public init(platform: String?, version: String) {
        self.platform = platform
        self.version = version
    }
}

/// A titled part of the article body. `heading` is nil for text that stands before any heading.
public struct Section: Decodable, Equatable, Hashable, Sendable {
    public var heading: String?
    public var text: String

    public init(heading: String?, text: String) {
        self.heading = heading
        self.text = text
    }
}

/// Where an article was read from.
public struct Source: Decodable, Equatable, Hashable, Sendable {
    public var layout: Layout
    public var path: String

    public init(layout: Layout, path: String) {
        self.layout = layout
        self.path = path
    }
}

/// The two dump layouts, plus the project's own JSON export.
public enum Layout: String, Codable, Sendable, CaseIterable {
    /// `DOCUMENT:` header, sections underlined with `=` (the `.TXT` files).
    case document
    /// `---` front matter and a tab-indented body (the `README.md` files).
    case markdown
}
