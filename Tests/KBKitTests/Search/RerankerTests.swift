import Testing
@testable import KBSearch
@testable import KBStore

/// The re-ranker alone, without a store: candidates and word weights made by hand.
@Suite struct RerankerTests {
    /// Every word weighs 1 except the common ones, which weigh 0.1.
    private func reranker(_ paste: String) -> Reranker {
        let words = Tokenizer.words(paste)
        let common: Set = ["the", "is", "to", "a", "of"]
        return Reranker(query: words, weights: words.map { common.contains($0) ? 0.1 : 1 }, terms: words)
    }

    private func candidate(_ id: String, title: String, messages: [String] = [], bm25: Double) -> Candidate {
        Candidate(rowid: Int64(id.dropFirst())!, id: id, title: title, messages: messages, bm25: bm25)
    }

    @Test func theArticleQuotingThePasteBeatsABetterFullTextScore() {
        let ranked = reranker("The disk in drive A is not formatted").rank([
            candidate("Q1", title: "Formatting disks in drive A", bm25: 1.0),
            candidate("Q2", title: "Disk errors", messages: ["The disk in drive A is not formatted."], bm25: 0.4),
        ])
        #expect(ranked.map(\.candidate.id) == ["Q2", "Q1"])
        #expect(ranked[0].matchedMessage == "The disk in drive A is not formatted.")
        #expect(ranked[0].explanation.message == 1)
        #expect(ranked[1].matchedMessage == nil)
    }

    @Test func scoresAddUpAsTheExplanationSays() throws {
        let ranked = reranker("Not enough memory to run Setup").rank([
            candidate("Q7", title: "Err Msg: Not Enough Memory to Run Setup", messages: ["Not enough memory to run Setup"], bm25: 0.5),
        ])
        let e = try #require(ranked.first).explanation
        #expect(e.errorTitle == Reranker.errorTitleBonus)
        #expect(ranked[0].score == Reranker.bm25Weight * 0.5 + Reranker.messageWeight * e.message + Reranker.titleWeight * e.title + e.errorTitle)
    }

    /// Two matched words make a message count; one does not, nor a message holding one of
    /// the paste's words twice.
    @Test func aMessageCountsFromTwoMatchedWords() {
        let ranked = reranker("access denied").rank([
            candidate("Q3", title: "Sharing", messages: ["Access denied."], bm25: 0.5),
            candidate("Q4", title: "Sharing", messages: ["Access access."], bm25: 0.5),
            candidate("Q5", title: "Sharing", messages: ["Denied."], bm25: 0.5),
        ])
        #expect(ranked.map(\.matchedMessage) == ["Access denied.", nil, nil])
        #expect(ranked[0].explanation.message == 1)
    }

    @Test func aTitleIsMatchedInAnyOrder() {
        let ranked = reranker("found object").rank([
            candidate("Q8", title: "Queue Object Not Found", bm25: 0.5),
            candidate("Q9", title: "Queue Not Found", bm25: 0.5),
        ])
        #expect(ranked.map(\.candidate.id) == ["Q8", "Q9"])
        #expect(ranked[0].explanation.title > 0)
    }

    @Test func scoresAddTheKeywordShare() throws {
        // The candidate holding the keywords has the higher id: only its share can put it first.
        var keywords = candidate("Q11", title: "Startup", bm25: 0.5)
        keywords.keywordShare = 1
        let ranked = reranker("scsi controller").rank([candidate("Q10", title: "Startup", bm25: 0.5), keywords])
        #expect(ranked.map(\.candidate.id) == ["Q11", "Q10"])
        #expect(ranked[0].explanation.keywords == 1)
        #expect(ranked[0].score - ranked[1].score == Reranker.keywordWeight)
    }

    @Test func theFirstQuotedMessageCountsMoreThanALaterOne() {
        let ranked = reranker("Access denied on share").rank([
            candidate("Q5", title: "Share problems", messages: ["Path not found", "Access denied on share"], bm25: 0.5),
            candidate("Q6", title: "Share problems", messages: ["Access denied on share"], bm25: 0.5),
        ])
        #expect(ranked.map(\.candidate.id) == ["Q6", "Q5"])
        #expect(ranked[1].explanation.message < ranked[0].explanation.message)
    }

    @Test func equalScoresAreOrderedById() {
        let ranked = reranker("printer offline").rank([
            candidate("Q9", title: "Unrelated", bm25: 0.5),
            candidate("Q3", title: "Unrelated", bm25: 0.5),
        ])
        #expect(ranked.map(\.candidate.id) == ["Q3", "Q9"])
    }

    @Test func withoutAnyFullTextScoreTheIndexOrderStands() {
        let ranked = reranker("the is a").rank([
            candidate("Q9", title: "The", messages: ["the is a"], bm25: 0),
            candidate("Q3", title: "A", bm25: 0),
        ])
        #expect(ranked.map(\.candidate.id) == ["Q9", "Q3"])
        #expect(ranked.allSatisfy { $0.score == 0 && $0.matchedMessage == nil })
    }
}
