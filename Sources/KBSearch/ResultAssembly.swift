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
        let articles = try load(ranked.map(\.0.candidate))
        return ranked.enumerated().map { index, item in
            let (ranked, run) = item
            let candidate = ranked.candidate
            let article = articles[index]
            if wanted?.tokens != run.query.tokens { wanted = Snippet.Wanted(run.query) }
            let snippet = Snippet.best(in: article, wanted: wanted!, preferred: ranked.matchedMessage)
            return SearchResult(
                rank: index + 1, id: candidate.id, title: candidate.title, product: candidate.product,
                score: (ranked.score * 1000).rounded() / 1000, matchedErrorMessage: ranked.matchedMessage,
                snippet: snippet.line, matchedWords: snippet.words, explanation: ranked.explanation,
                pasteLine: run.line, twins: twins[candidate.rowid] ?? [], corrections: run.query.corrections, article: article)
        }
    }

    /// The candidates' articles, from the cache when it holds them, the others read from the
    /// store together.
    private func load(_ candidates: [Candidate]) throws -> [Article] {
        let keys = candidates.map { ArticleCache.Key(rowid: $0.rowid, contentHash: $0.contentHash) }
        var articles = keys.map { cache?.entry($0)?.article }
        let missing = articles.indices.filter { articles[$0] == nil }
        for (index, article) in zip(missing, try reader.articles(rowids: missing.map { keys[$0].rowid })) {
            articles[index] = article
            cache?.store(article, for: keys[index])
        }
        return articles.map { $0! }
    }
}
