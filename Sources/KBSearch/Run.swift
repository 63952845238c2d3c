/// One search of a paste, whole or one of its lines, with its ranked candidates.
struct Run {
    /// The line searched, or nil for the whole paste.
    var line: PasteLine?
    var query: AnalyzedQuery
    var ranked: [RankedCandidate]
    /// The summed IDF of the query's words: what a full match with it reproduces.
    var weight: Double

    /// How closely the best match reproduces this search's text: its alignment with a quoted
    /// message or the title (0…1). (bm25 is relative to each search's own best: it compares
    /// nothing across searches.)
    var closeness: Double {
        guard let top = ranked.first else { return 0 }
        return max(top.explanation.message, top.explanation.title)
    }

    /// How much of the paste the best match explains: the weight of the words it reproduces,
    /// discounted by the share of its message left unmatched. A line reproduced whole
    /// explains less than a whole paste mostly reproduced, and more than a long paste of
    /// unrelated log whose common words a long message happens to hold.
    var evidence: Double { (ranked.first?.reproduced ?? 0) * weight }

    /// A second line whose best match is at least this close, and another article than the
    /// lead's, is a second error of the paste.
    static let secondErrorCloseness = 0.8

    /// One list from the runs: the candidates of the run that explains most of the paste, or,
    /// when another line is a second error, the candidates of both runs in turn (the best of
    /// each first and second); each candidate once, with the run it came from.
    static func merge(_ runs: [Run], limit: Int) -> [(RankedCandidate, Run)] {
        // On equal evidence a line leads: it explains as much with less of the paste, and
        // the result can say which line it was.
        func key(_ item: (offset: Int, element: Run)) -> (Double, Int, Int) {
            ((item.element.evidence * 1e6).rounded(), item.element.line == nil ? 0 : 1, -item.offset)
        }
        guard let lead = runs.enumerated().max(by: { key($0) < key($1) })?.element else { return [] }
        let leadTop = lead.ranked.first?.candidate.rowid
        let second = runs.filter { run in
            run.line != nil && run.line != lead.line && run.closeness >= secondErrorCloseness
                && run.ranked.first?.candidate.rowid != leadTop
                && (lead.line == nil || !sameText(run, lead))
        }.max { $0.evidence < $1.evidence }
        // Two errors: the best article for each, then the others of each search in turn.
        // Read up to the limit only: a run ranks some sixty candidates, and each item holds
        // a copy of its run.
        let sources = [lead] + (second.map { [$0] } ?? [])
        var merged: [(RankedCandidate, Run)] = []
        var seen = Set<Int64>()
        for position in 0..<(sources.map { $0.ranked.count }.max() ?? 0) {
            for run in sources where position < run.ranked.count {
                guard merged.count < limit else { return merged }
                let candidate = run.ranked[position]
                if seen.insert(candidate.candidate.rowid).inserted { merged.append((candidate, run)) }
            }
        }
        return merged
    }

    private static func sameText(_ a: Run, _ b: Run) -> Bool { a.line?.text == b.line?.text }
}
