import KBModel
import KBStore

/// One ranked article and why it matched.
public struct SearchResult: Sendable {
    public var rank: Int
    public var id: String
    public var title: String
    public var product: String?
    public var score: Double
    /// The article's quoted error message the paste matched best, if any matched.
    public var matchedErrorMessage: String?
    /// The line of the article that matched best.
    public var snippet: String
    /// Words of the paste found in `snippet`, for highlighting.
    public var matchedWords: [String]
    public var explanation: ScoreExplanation
    public var article: Article
    /// `article` as JSON, when a cache had it ready.
    public var articleJSON: [UInt8]? = nil
}

/// How a score was made: `score = bm25Weight·bm25 + messageWeight·message + titleWeight·title
/// + errorTitle`
/// (the weights are `SearchEngine`'s).
public struct ScoreExplanation: Sendable, Equatable {
    /// The full-text score relative to the best candidate's (0…1).
    public var bm25: Double
    /// Alignment with the best-matching quoted error message (0…1).
    public var message: Double
    /// Alignment with the title (0…1).
    public var title: Double
    /// The bonus for an article whose title says it is about the matched error message.
    public var errorTitle: Double
    /// The terms sent to the index, rarest first.
    public var terms: [String]
    public var candidates: Int
}

public struct SearchResponse: Sendable {
    public var query: AnalyzedQuery
    public var results: [SearchResult]

    public init(query: AnalyzedQuery, results: [SearchResult]) {
        self.query = query
        self.results = results
    }
}
