import KBModel
import KBStore

/// Step 2 of a search: the candidates the three indexes propose for a query plan, merged into
/// one list. Each index's bm25 scores are made relative to its best match, so that lists from
/// indexes of different sizes can be merged; a candidate keeps its best relative score.
struct CandidateRetrieval {
    /// bm25 weights of the head index's columns: title, messages, codes.
    static let headWeights = [10.0, 8.0, 6.0]
    /// bm25 weights of the whole-text index's columns: title, messages, body, meta, codes.
    static let bodyWeights = [10.0, 8.0, 1.0, 2.0, 6.0]

    let reader: IndexReader
    let budgets: SearchEngine.Budgets
    let filter: ArticleFilter

    func candidates(for plan: QueryPlan, statistics: TermStatistics) throws -> [Candidate] {
        let lists: [[ScoredRow]] = try [
            plan.head.expression.map { try ranked(in: .head, match: $0, weights: Self.headWeights, statistics: statistics) } ?? [],
            plan.body.expression.map { try ranked(in: .body, match: $0, weights: Self.bodyWeights, statistics: statistics) } ?? [],
            pairMatches(plan.pairs, statistics: statistics),
        ] + plan.codes.map { code in
            // Articles quoting the code with the paste's words; failing those, with the code
            // alone, unless it is too common to be asked alone.
            guard let expression = code.expression else { return [] }
            let withWords = try ranked(in: .body, match: expression, weights: Self.bodyWeights, statistics: statistics)
            return withWords.isEmpty && code.alone && expression != code.mention.expression
                ? try ranked(in: .body, match: code.mention.expression, weights: Self.bodyWeights, statistics: statistics) : withWords
        }
        StageTimes.mark("full-text")
        // The lists overlap: each article's columns are read once for all of them.
        let read = try reader.candidateRows(Array(Set(lists.joined().map(\.rowid)))).mapValues { Candidate($0, bm25: 0) }
        StageTimes.mark("candidate-rows")
        var merged = merge(lists.map { list in
            list.compactMap { scored in read[scored.rowid].map { var candidate = $0; candidate.bm25 = scored.score; return candidate } }
        })
        try markCodes(plan.codes.map(\.mention), named: plan.named, in: &merged, statistics: statistics)
        try markKeywords(plan.keywords, in: &merged, codes: !plan.codes.isEmpty || !plan.named.isEmpty, statistics: statistics)
        return merged
    }

    /// Records in each candidate the share of the paste's codes its article quotes, plain
    /// and counted by each code's specificity.
    private func markCodes(
        _ mentions: [CodeMention], named: [(expression: MatchExpression, quoting: Int)], in candidates: inout [Candidate], statistics: TermStatistics
    ) throws {
        guard !mentions.isEmpty || !named.isEmpty else { return }
        let expressions = mentions.map(\.expression) + named.map(\.expression)
        let specificity = mentions.map { $0.specificity(statistics) }
            + named.map { CodeMention.specificity(quoting: $0.quoting, articles: statistics.articles) }
        guard !candidates.isEmpty else { return }
        // Each code is looked up once; an article holding it gains its specificity and one count.
        let holding = try holders(expressions, among: candidates, statistics: statistics)
        let weighted = Self.sums(holding, weights: specificity)
        let held = Self.sums(holding, weights: specificity.map { _ in 1 })
        let count = Double(expressions.count)
        for index in candidates.indices {
            candidates[index].codeShare = (weighted[candidates[index].rowid] ?? 0) / count
            candidates[index].codesHeld = (held[candidates[index].rowid] ?? 0) / count
        }
    }

    /// Records in each candidate the share of the paste's keyword weight its text holds. When
    /// the paste names codes, the words decide among the articles quoting them: an article
    /// that does not gets no share.
    private func markKeywords(
        _ keywords: [(word: String, weight: Double)], in candidates: inout [Candidate], codes: Bool, statistics: TermStatistics
    ) throws {
        let total = keywords.map(\.weight).reduce(0, +)
        guard total > 0, !candidates.isEmpty else { return }
        let rowids = candidates.map(\.rowid)
        // A common word is answered by its bitmap, a rarer one from the index.
        let holding = try keywords.map {
            try reader.holders(ofWord: $0.word, among: rowids, articles: statistics.documentFrequency[$0.word])
        }
        let shares = Self.sums(holding, weights: keywords.map(\.weight)).mapValues { $0 / total }
        for index in candidates.indices {
            let share = shares[candidates[index].rowid] ?? 0
            candidates[index].keywordShare = codes ? share * candidates[index].codesHeld : share
        }
    }

    /// For each expression, the candidates whose whole text matches it: one lookup each.
    private func holders(_ expressions: [MatchExpression], among candidates: [Candidate], statistics: TermStatistics) throws -> [Set<Int64>] {
        let rowids = candidates.map(\.rowid)
        // How many rows each may match decides how it is read (a common phrase row by row).
        return try expressions.map { try reader.matches(in: .body, match: $0, among: rowids, expectedRows: statistics.upperBound(of: $0)) }
    }

    /// Per row, the summed weights of the lookups it is among the holders of.
    private static func sums(_ holders: [Set<Int64>], weights: [Double]) -> [Int64: Double] {
        var sums: [Int64: Double] = [:]
        for (rows, weight) in zip(holders, weights) {
            for rowid in rows { sums[rowid, default: 0] += weight }
        }
        return sums
    }

    private func ranked(in index: FullTextIndex, match: MatchExpression, weights: [Double], statistics: TermStatistics) throws -> [ScoredRow] {
        try reader.rankedMatches(
            in: index, match: match, weights: weights, limit: budgets.candidates, filter: filter,
            statistics: statistics)
    }

    /// The best rows of the pair index: the articles holding one of the rare pairs or all of
    /// the group, scored by the sum of the matched pairs' IDFs (negated: lower is better, as
    /// with bm25).
    private func pairMatches(_ pairs: IndexQuery, statistics: TermStatistics) throws -> [ScoredRow] {
        var asked = pairs.anyOf.map { ([$0], statistics.idf($0)) }
        if !pairs.allOf.isEmpty { asked.append((pairs.allOf, pairs.allOf.map(statistics.idf).reduce(0, +))) }
        let matches = try asked.map { group, weight in
            // A rare pair's rows were read to count it.
            let known = group.count == 1 ? statistics.rows(holdingPair: group[0]) : nil
            return (rows: try known ?? reader.pairMatches(IndexQuery(allOf: group).expression!), weight: weight)
        }
        // Room for every row at once: reserving it group by group rehashed the sums each time.
        var sums: [Int64: Double] = [:]
        sums.reserveCapacity(matches.reduce(0) { $0 + $1.rows.count })
        for (rows, weight) in matches {
            for rowid in rows { sums[rowid, default: 0] += weight }
        }
        let scored = sums.map { ScoredRow(rowid: $0.key, score: -$0.value) }
        let isBetter = { (a: ScoredRow, b: ScoredRow) in (a.score, a.rowid) < (b.score, b.rowid) }
        guard !filter.isEmpty else { return scored.smallest(budgets.candidates, by: isBetter) }
        let ranked = scored.sorted(by: isBetter)
        // With a filter, matches are checked best first until enough pass.
        var found: [ScoredRow] = []
        for chunk in ranked.chunked(500) where found.count < budgets.candidates {
            let passing = try reader.rows(chunk.map(\.rowid), selectedBy: filter)
            found += chunk.filter { passing.contains($0.rowid) }
        }
        return Array(found.prefix(budgets.candidates))
    }

    /// One list from several; scores become relative to each list's best (bm25 is negative).
    func merge(_ lists: [[Candidate]]) -> [Candidate] {
        var byRow: [Int64: Candidate] = [:]
        for list in lists {
            guard let best = list.map(\.bm25).min(), best < 0 else { continue }
            for var candidate in list {
                candidate.bm25 = candidate.bm25 / best
                if let existing = byRow[candidate.rowid], existing.bm25 >= candidate.bm25 { continue }
                byRow[candidate.rowid] = candidate
            }
        }
        return byRow.values.sorted { $0.bm25 > $1.bm25 }
    }
}
