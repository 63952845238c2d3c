import KBModel

/// One ranked article and why it matched.
public struct SearchResult: Sendable {
    /// The position in the results, from 1.
    public var rank: Int
    /// The article's id.
    public var id: String
    /// The article's title.
    public var title: String
    /// The article's product.
    public var product: String?
    /// The score the results are ordered by (see `ScoreExplanation`), to 3 decimals.
    public var score: Double
    /// The article's quoted error message the paste matched best, if any matched.
    public var matchedErrorMessage: String?
    /// The line of the article that matched best.
    public var snippet: String
    /// Words of the paste found in `snippet`, for highlighting.
    public var matchedWords: [String]
    /// How `score` was made.
    public var explanation: ScoreExplanation
    /// The line of a long paste this article was found by, when it was found by one line
    /// rather than by the whole paste.
    public var pasteLine: PasteLine? = nil
    /// Archive articles the search also found that this article states it replaces (its KB
    /// numbers, `Article.kbNumbers`): one answer, shown once, under the newer article.
    public var twins: [String] = []
    /// The paste's words that spelling correction read as others to find this article.
    public var corrections: [Correction] = []
    /// The whole article.
    public var article: Article
}

/// How a score was made: `score = bm25Weight·bm25 + messageWeight·message + titleWeight·title
/// + errorTitle + codeWeight·code + keywordWeight·keywords` (the weights are `Reranker`'s).
public struct ScoreExplanation: Sendable, Equatable {
    /// The full-text score relative to the best candidate's (0…1).
    public var bm25: Double
    /// Alignment with the best-matching quoted error message (0…1).
    public var message: Double
    /// Alignment with the title (0…1).
    public var title: Double
    /// The bonus for an article whose title says it is about the matched error message.
    public var errorTitle: Double
    /// The share of the paste's error codes the article quotes, in any spelling (0…1).
    public var code: Double
    /// For a paste of a few words: the share of their weight the article's text holds (0…1).
    public var keywords: Double = 0
    /// The terms sent to the index, rarest first.
    public var terms: [String]
    /// How many candidates the indexes proposed.
    public var candidates: Int
}

/// The results of one search, with the paste as analysed.
public struct SearchResponse: Sendable {
    /// The paste, as the search analysed it.
    public var query: AnalyzedQuery
    /// The results, best first.
    public var results: [SearchResult]

    /// A response with these results.
    public init(query: AnalyzedQuery, results: [SearchResult]) {
        self.query = query
        self.results = results
    }
}
