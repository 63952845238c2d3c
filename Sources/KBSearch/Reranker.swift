import KBModel

/// Step 3 of a search: orders candidates by how much of their quoted error messages the paste
/// reproduces in order (`MessageAlignment`) and of their title in any order, added to their
/// relative bm25:
///
///     score = bm25Weight·bm25 + messageWeight·message + titleWeight·title + errorTitle
///             + codeWeight·code + keywordWeight·keywords
///
/// Pure: it reads nothing but its arguments, so tests drive it without a store.
package struct Reranker: Sendable {
    /// Weight of the full-text score.
    package static let bm25Weight = 1.0
    /// Weight of the best message alignment: a reproduced message outweighs a full-text match.
    package static let messageWeight = 1.5
    /// Weight of the title's alignment with the paste.
    package static let titleWeight = 1.0
    /// A later quoted message counts a little less: the first is the article's subject.
    static let laterMessageFactor = 0.95
    /// Added when the title says the article is about an error message and the paste matches
    /// one of its messages: such an article is the one written for that message.
    package static let errorTitleBonus = 0.15
    /// Times the share of the paste's error codes the article quotes: a code names one error
    /// exactly, so the articles quoting it come first and the words decide among them.
    package static let codeWeight = 1.0
    /// Times the share of a short paste's word weight the article's text holds anywhere: a
    /// few keywords ("0x7B boot scsi") are no message to align, and an article holding all of
    /// them is the likelier answer (`QueryPlan.keywords`).
    package static let keywordWeight = 2.0

    /// The paste's words as messages are aligned with them (codes canonical), with each
    /// word's inverse document frequency.
    let query: MessageAlignment.Query
    /// The terms sent to the indexes, for the explanation.
    let terms: [String]

    /// Weight the paste's words lost to spelling correction: counted in what a message
    /// should reproduce but never matched, so an exact paste outscores a corrected one.
    let lostWeight: Double

    /// A re-ranker for one paste: its alignment tokens with their weights, and the index terms it was searched by.
    package init(query: [String], weights: [Double], terms: [String], lostWeight: Double = 0) {
        self.query = MessageAlignment.Query(words: query, weights: weights)
        self.terms = terms
        self.lostWeight = lostWeight
    }

    /// The candidates best first (ties by id). When no candidate has any full-text score
    /// (every term is in most articles), nothing tells them apart: they keep the order given,
    /// with a score of 0.
    package func rank(_ candidates: [Candidate]) -> [RankedCandidate] {
        guard let best = candidates.map(\.bm25).max(), best > 0 else {
            return candidates.map { candidate in
                RankedCandidate(
                    candidate: candidate, score: 0,
                    explanation: ScoreExplanation(bm25: 0, message: 0, title: 0, errorTitle: 0, code: 0, terms: terms, candidates: candidates.count),
                    matchedMessage: nil, reproduced: 0)
            }
        }
        return candidates.map { score($0, among: candidates.count) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.candidate.id < $1.candidate.id }
    }

    private func score(_ candidate: Candidate, among count: Int) -> RankedCandidate {
        var bestMessage: (text: String, score: Double, alignment: MessageAlignment)?
        for (index, message) in candidate.messages.enumerated() {
            let words = query.numbers(ofMessage: message)
            // A message counts from two matched words on; it cannot match more words than it
            // has paste words and placeholders, and most candidates' messages have fewer than two.
            guard words.count(where: { $0 != MessageAlignment.Query.otherWord }) >= 2 else { continue }
            let a = MessageAlignment.align(query, message: words, unmatched: lostWeight)
            let score = a.score * (index == 0 ? 1 : Self.laterMessageFactor)
            if a.matched >= 2, score > (bestMessage?.score ?? 0) { bestMessage = (message, score, a) }
        }
        let titleWords = query.numbers(ofMessage: candidate.title)
        // A title is matched in any order: a paste reproduces a message, and names a subject.
        let title = MessageAlignment.overlap(query, message: titleWords, unmatched: lostWeight)
        var explanation = ScoreExplanation(
            bm25: candidate.bm25, message: bestMessage?.score ?? 0, title: title.matched >= 2 ? title.score : 0,
            errorTitle: 0, code: candidate.codeShare, terms: terms, candidates: count)
        // KB titles mark articles about an error message ("Err Msg:", "Error Message:"); the
        // title is read only for a candidate whose message matches.
        explanation.errorTitle = explanation.message > 0.5 && Self.isAboutAnError(title: candidate.title) ? Self.errorTitleBonus : 0
        explanation.keywords = candidate.keywordShare
        let text: Double = Self.bm25Weight * explanation.bm25 + Self.messageWeight * explanation.message
        let named: Double = Self.titleWeight * explanation.title + Self.codeWeight * explanation.code
        let score = text + named + explanation.errorTitle + Self.keywordWeight * explanation.keywords
        let covered = max(
            bestMessage.map { $0.alignment.queryCoverage * $0.alignment.messageCoverage } ?? 0,
            title.matched >= 2 ? title.queryCoverage * title.messageCoverage : 0)
        return RankedCandidate(
            candidate: candidate, score: score, explanation: explanation, matchedMessage: bestMessage?.text, reproduced: covered)
    }

    /// Whether a title marks its article as being about an error message.
    static func isAboutAnError(title: String) -> Bool {
        let lowerTitle = title.asciiLowercased
        return lowerTitle.includes("err msg") || lowerTitle.includes("errmsg") || lowerTitle.includes("error message")
    }
}
