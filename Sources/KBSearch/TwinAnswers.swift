import KBModel

/// An archive article and the docs-as-code article that states its KB number ("Original KB
/// number: 243444") are one answer: the newer article is shown, at the better of the two
/// places, with the archive one noted under it, never both as rivals.
struct TwinAnswers {
    /// Results ranked past the limit, so that a twin folded into another leaves no gap.
    static let slack = 5

    /// The ranked articles, twins folded.
    var ranked: [(RankedCandidate, Run)] = []
    /// For a newer article (by row), the archive ids folded into it.
    var twins: [Int64: [String]] = [:]

    /// The archive ids among the ranked articles: those that may have a successor.
    static func archiveIDs(in ranked: [(RankedCandidate, Run)]) -> [String] {
        ranked.map(\.0.candidate.id).filter(ArticleID.isArchiveID)
    }

    /// Folds the archive articles in `ranked` whose successor (`successors`, archive id →
    /// the ids that state it) is ranked too.
    init(_ ranked: [(RankedCandidate, Run)], successors: [String: [String]]) {
        let byID = Dictionary(ranked.map { ($0.0.candidate.id, $0) }, uniquingKeysWith: { first, _ in first })
        var shown = Set<String>()
        for item in ranked {
            let id = item.0.candidate.id
            guard !shown.contains(id) else { continue }
            if let successor = successors[id]?.compactMap({ byID[$0] }).first {
                // The newer article takes this place, if it is not shown already.
                twins[successor.0.candidate.rowid, default: []].append(id)
                shown.insert(id)
                if shown.insert(successor.0.candidate.id).inserted { self.ranked.append(successor) }
            } else {
                shown.insert(id)
                self.ranked.append(item)
            }
        }
    }
}
