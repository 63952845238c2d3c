import KBModel
import KBStore

/// Step 4 of a search: the top ranked candidates become results, each with its article (from
/// the cache when it holds it) and the line that shows why it matched.
struct ResultAssembly {
    let reader: IndexReader
    let cache: ArticleCache?

    /// Results for ranked candidates, each with the search (whole paste or one line) that found
    /// it and the archive twins shown under it.
    func results(_ ranked: [(RankedCandidate, Run)], twins: [Int64: [String]] = [:]) throws -> [SearchResult] {
        // The paste's words made ready for snippets once for the results of each search.
        var wanted: Snippet.Wanted?
        return try ranked.enumerated().map { index, item in
            let (ranked, run) = item
            let candidate = ranked.candidate
            let article = try load(candidate)
            if wanted?.tokens != run.query.tokens { wanted = Snippet.Wanted(run.query) }
            let snippet = Snippet.best(in: article, wanted: wanted!, preferred: ranked.matchedMessage)
            return SearchResult(
                rank: index + 1, id: candidate.id, title: candidate.title, product: candidate.product,
                score: (ranked.score * 1000).rounded() / 1000, matchedErrorMessage: ranked.matchedMessage,
                snippet: snippet.line, matchedWords: snippet.words, explanation: ranked.explanation,
                pasteLine: run.line, twins: twins[candidate.rowid] ?? [], corrections: run.query.corrections, article: article)
        }
    }

    /// The article, from the cache when it holds it.
    private func load(_ candidate: Candidate) throws -> Article {
        let key = ArticleCache.Key(rowid: candidate.rowid, contentHash: candidate.contentHash)
        if let entry = cache?.entry(key) { return entry.article }
        let article = try reader.article(rowid: candidate.rowid)
        cache?.store(article, for: key)
        return article
    }
}
