import KBStore

/// An article a full-text index proposed for a paste, with what re-ranking needs of it.
package struct Candidate: Sendable, Equatable {
    /// The article's row in the store.
    package var rowid: Int64
    /// The article's id (`Q243444`, `officedocs/outlook/…`).
    package var id: String
    /// The article's title.
    package var title: String
    /// The article's product, if it names one.
    package var product: String?
    /// Identifies this version of the article (see `ArticleCache`).
    package var contentHash: String
    /// The error messages the article quotes, in order.
    package var messages: [String]
    /// The full-text score relative to the best of its index's list (0…1, higher is better).
    package var bm25: Double
    /// The share of the paste's error codes the article quotes, in any spelling, each code
    /// counted by its specificity (`CodeMention.specificity`) (0…1).
    package var codeShare: Double = 0
    /// The plain share of the paste's codes the article quotes (0…1).
    package var codesHeld: Double = 0
    /// For a short paste: the share of its words' weight the article's text holds (0…1).
    package var keywordShare: Double = 0

    /// A candidate with no code or keyword share yet.
    package init(
        rowid: Int64, id: String, title: String, product: String? = nil, contentHash: String = "",
        messages: [String], bm25: Double
    ) {
        self.rowid = rowid
        self.id = id
        self.title = title
        self.product = product
        self.contentHash = contentHash
        self.messages = messages
        self.bm25 = bm25
    }

    init(_ row: CandidateRow, bm25: Double) {
        self.init(
            rowid: row.rowid, id: row.id, title: row.title, product: row.product, contentHash: row.contentHash,
            messages: row.messages.isEmpty ? [] : row.messages.lineArray.filter { !$0.isEmpty }, bm25: bm25)
    }
}

/// A candidate after re-ranking: its score and how it was made.
package struct RankedCandidate: Sendable {
    /// The candidate as retrieval proposed it.
    package var candidate: Candidate
    /// Its score after re-ranking (higher is better).
    package var score: Double
    /// The terms the score adds up.
    package var explanation: ScoreExplanation
    /// The quoted message the paste matched best, if any matched.
    package var matchedMessage: String?
    /// How much of the paste and of its best message (or title) reproduce each other: the
    /// share of the paste's weight found in it times the share of its words found in the
    /// paste (0…1). Unlike the score's message term it does not forgive a partial message.
    package var reproduced: Double = 0
}
