import KBStore

/// What one full-text index is asked for: articles with any of the rare terms, or with all of
/// a few more common ones, or with one of the paste's error codes.
///
/// The cost of a query is the number of rows it scores (bm25 reads every matching row's
/// column sizes) and the postings it reads. Terms are therefore chosen rarest first until
/// their posting lists reach a budget; when fewer than two fit, the next rarest are required
/// together, as many as it takes to expect no more rows than the budget — but only while the
/// rarest of them is itself within a read limit: an intersection reads (at least) its
/// shortest list, and lists grow with the knowledge base. The word-pair index covers pastes
/// made only of common words: its queries are built the same way from the paste's pairs.
struct IndexQuery: Equatable {
    /// Terms any one of which makes a candidate, rarest first.
    var anyOf: [String] = []
    /// Terms that make a candidate together.
    var allOf: [String] = []
    /// Canonical error codes, matched in the codes column.
    var codes: [String] = []

    /// The terms sent to the index, rarest first.
    var terms: [String] { anyOf + allOf }

    /// The query for the index: any of `anyOf`, all of `allOf`, or a code; nil when empty.
    var expression: MatchExpression? {
        var parts = anyOf.map(MatchExpression.phrase)
        if !allOf.isEmpty { parts.append(.all(allOf.map(MatchExpression.phrase))) }
        parts += codes.map(MatchExpression.code)
        return parts.isEmpty ? nil : .any(parts)
    }
}

extension TermStatistics {
    /// The index query for a paste: its error codes and distinct terms present in the index,
    /// rarest first, within the posting budget; then, if fewer than two terms fit, a
    /// conjunction of the next rarest if it is expected to fit and its rarest term's list is at
    /// most `readLimit` long. When nothing fits, the query is empty unless `always` is set:
    /// then the terms are required together whatever they cost.
    func indexQuery(
        tokens: [String], codes: [String], limit: Int, postingBudget: Int, readLimit: Int, always: Bool = false
    ) -> IndexQuery {
        var seen = Set<String>()
        let present = tokens.filter { (documentFrequency[$0] ?? 0) > 0 && seen.insert($0).inserted }
        // Each term's frequency looked up once, not at each comparison of the sort.
        let ordered = present.map { (documentFrequency[$0]!, $0) }.sorted { $0 < $1 }.prefix(limit).map(\.1)
        var query = IndexQuery()
        var postings = 0
        // Codes first: an error code is the most specific thing a paste holds.
        for code in codes.sorted(by: { (documentFrequency[$0] ?? 0, $0) < (documentFrequency[$1] ?? 0, $1) }) {
            let df = documentFrequency[code] ?? 0
            if df == 0 || postings + df > postingBudget { continue }
            query.codes.append(code)
            postings += df
        }
        for term in ordered {
            let df = documentFrequency[term]!
            if postings + df > postingBudget { break }
            query.anyOf.append(term)
            postings += df
        }
        let rest = ordered.dropFirst(query.anyOf.count)
        let nothingFits = query.anyOf.isEmpty && query.codes.isEmpty
        if query.anyOf.count < 2, rest.count >= 2 {
            // The fewest next-rarest terms expected (as if independent) to share at most a
            // budget of articles. An intersection costs little to read (FTS5 steps through
            // the shortest list and seeks in the others) but every row in it is scored.
            let n = Double(max(articles, 1))
            var group: [String] = []
            var expected = n
            for term in rest {
                group.append(term)
                expected *= Double(documentFrequency[term]!) / n
                if group.count >= 2, expected <= Double(postingBudget) { break }
            }
            let affordable = documentFrequency[group[0]]! <= readLimit
            if (expected <= Double(postingBudget) && affordable) || (nothingFits && always) { query.allOf = group }
        } else if nothingFits, always {
            // A single term: nothing to narrow it with.
            query.anyOf = Array(rest)
        }
        return query
    }
}
