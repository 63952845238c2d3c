import KBModel
import KBStore

/// Ranks articles against a pasted error message, in four steps:
///
/// 1. **Query analysis** (`AnalyzedQuery`): log noise removed, tokens, error codes. A
///    `QueryPlan` then picks, per index, the paste's rarest terms and codes within a budget
///    of rows to score, so that a search costs about the same however large the knowledge
///    base grows (`IndexQuery`).
/// 2. **Candidate retrieval** (`CandidateRetrieval`): three FTS5 indexes (titles, messages and
///    codes; the whole text; word pairs of titles and messages) each propose their best
///    matches; the lists are merged.
/// 3. **Re-ranking** (`Reranker`): candidates are ordered by how much of their quoted error
///    messages and title the paste reproduces in order (`MessageAlignment`), with bm25.
/// 4. **Result assembly** (`ResultAssembly`): the top articles, each with the line that shows
///    why it matched.
///
/// All reads of one search see one state of the store (one read transaction).
public struct SearchEngine {
    /// What one search asks for.
    public struct Options: Sendable {
        /// How many results to return at most.
        public var limit = 10
        /// Which articles may be returned.
        public var filter = ArticleFilter()
        /// When the search gives up, throwing a `StoreError` whose reason is `SearchDeadline.reason`.
        public var deadline: SearchDeadline?
        /// Options returning `limit` results among the articles `filter` selects.
        public init(limit: Int = 10, filter: ArticleFilter = ArticleFilter(), deadline: SearchDeadline? = nil) {
            self.limit = limit
            self.filter = filter
            self.deadline = deadline
        }
    }

    /// How much of each index one search reads (see `IndexQuery`). The defaults hold at any
    /// size of knowledge base; tests scale them down so that a few articles behave as a
    /// large knowledge base does.
    public struct Budgets: Sendable {
        /// Candidates taken from each index.
        public var candidates = 30
        /// Terms (and, separately, word pairs) a query may hold.
        public var termsPerQuery = 8
        /// The whole-text query scores the rows of its terms' posting lists: rarest terms
        /// first, until their document counts add up to this.
        public var bodyPostings = 400
        /// The same for the title-and-messages index, counted with whole-text frequencies.
        public var headPostings = 1_000
        /// The same for the word-pair index.
        public var pairPostings = 1_000
        /// Terms required together are asked only when the rarest one's posting list is at
        /// most this many times the budget: an intersection reads at least that list.
        public var conjunctionReadFactor = 10
        /// A paste of at most this many distinct words is read as keywords.
        public var keywords = 6

        /// The budgets that hold at any size of knowledge base.
        public init() {}
    }

    /// The store searched.
    public let store: ArticleStore
    /// Where a long-running process keeps decoded records between searches.
    public let articles: ArticleCache?
    /// How much of each index one search reads.
    public let budgets: Budgets

    /// An engine searching `store`, keeping decoded articles in `articles` when given.
    public init(store: ArticleStore, articles: ArticleCache? = nil, budgets: Budgets = Budgets()) {
        self.store = store
        self.articles = articles
        self.budgets = budgets
    }

    /// The articles that best answer a paste, best first.
    public func search(_ paste: String, options: Options = Options()) throws(StoreError) -> SearchResponse {
        let query = AnalyzedQuery(paste)
        StageTimes.mark("analysis")
        return try search(query, options: options)
    }

    /// The articles that best answer an analysed paste, best first.
    ///
    /// A paste of several lines is also searched line by line, for the lines most likely to
    /// be the error (`PasteSegments`): whichever search finds the closest match leads, and a
    /// second line that matches another article's message as closely puts that article
    /// second. Results found through one line say which (`SearchResult.pasteLine`).
    public func search(_ query: AnalyzedQuery, options: Options = Options()) throws(StoreError) -> SearchResponse {
        guard !query.isEmpty, options.limit > 0 else { return SearchResponse(query: query, results: []) }
        return try store.readIndex { reader in
            let check = { () throws(StoreError) in
                if options.deadline?.hasPassed == true { throw StoreError(path: store.path, reason: SearchDeadline.reason) }
            }
            var runs = [try run(query, line: nil, reader: reader, filter: options.filter)]
            if query.lines.count >= PasteSegments.minimumLines,
               (runs[0].ranked.first?.reproduced ?? 0) < PasteSegments.explainedWhole {
                let lines = PasteSegments.terms(of: query.lines)
                let statistics = try reader.termStatistics(
                    terms: Set(lines.flatMap(\.codes)), pairs: Set(lines.flatMap(\.pairs)))
                for line in PasteSegments.likelyMessages(lines, statistics: statistics) {
                    try check()
                    runs.append(try run(AnalyzedQuery(line: line.line, codes: line.codes), line: line.line, reader: reader, filter: options.filter))
                }
            }
            try check()
            let merged = Run.merge(runs, limit: options.limit + TwinAnswers.slack)
            let answers = TwinAnswers(merged, successors: try reader.successors(of: TwinAnswers.archiveIDs(in: merged)))
            let results = try ResultAssembly(reader: reader, cache: articles)
                .results(Array(answers.ranked.prefix(options.limit)), twins: answers.twins)
            StageTimes.mark("assembly")
            return SearchResponse(query: query, results: results)
        }
    }

    /// Steps 1–3 for one query; then, when some of its words are not in the index, again with
    /// their spelling corrected, keeping the search that explains more of the paste. (The
    /// exact search cannot say it sufficed: words the index lacks weigh nothing in it, so a
    /// message matching the known words alone looks complete.)
    private func run(_ query: AnalyzedQuery, line: PasteLine?, reader: IndexReader, filter: ArticleFilter) throws -> Run {
        let (exact, statistics) = try rankedRun(query, line: line, reader: reader, filter: filter)
        let unknown = query.tokens.indices.filter { (statistics.documentFrequency[query.tokens[$0]] ?? 0) == 0 }
        // A long paste's words are corrected line by line, in the searches of its lines. An
        // empty store has no words to correct towards.
        guard !unknown.isEmpty, query.tokens.count <= SpellingCorrection.maximumTokens, statistics.articles > 0 else { return exact }
        let replacements = try SpellingCorrection(lexicon: StoreLexicon(reader: reader)).replacements(query.tokens, unknown: Set(unknown))
        guard !replacements.isEmpty else { return exact }
        let corrected = try rankedRun(query.correcting(replacements), line: line, reader: reader, filter: filter).run
        return corrected.evidence > exact.evidence ? corrected : exact
    }

    /// Steps 1–3 for one query: plan, candidates, re-ranking.
    private func rankedRun(
        _ query: AnalyzedQuery, line: PasteLine?, reader: IndexReader, filter: ArticleFilter
    ) throws -> (run: Run, statistics: TermStatistics) {
        let pastePairs = WordPairs.of(query.tokens)
        // Every spelling of the codes ("0x0005", "error 5") and its words are counted too: the
        // plan bounds how many articles quote a code however spelled, up to its budget.
        let spellings = query.mentions.flatMap(\.expression.phrases).filter { !$0.codesOnly }.map(\.words)
        let phrases = spellings.filter { $0.contains(" ") }
        let phraseWords = spellings.flatMap { $0.split(separator: " ").map(String.init) }
        let statistics = try reader.termStatistics(
            terms: Set(query.tokens + query.codes + phraseWords), pairs: Set(pastePairs), phrases: Set(phrases),
            phraseCap: budgets.bodyPostings)
        StageTimes.mark("statistics")
        let aligned = query.alignmentTokens
        let weights = zip(aligned, query.confidence).map { statistics.idf($0) * $1 }
        let lost = zip(aligned, query.confidence).reduce(0) { $0 + statistics.idf($1.0) * (1 - $1.1) }
        var run = Run(line: line, query: query, ranked: [], weight: weights.reduce(0, +) + lost)
        let plan = QueryPlan(query, pairs: pastePairs, statistics: statistics, budgets: budgets, wholePaste: line == nil)
        guard !plan.isEmpty else { return (run, statistics) }
        let candidates = try CandidateRetrieval(reader: reader, budgets: budgets, filter: filter)
            .candidates(for: plan, statistics: statistics)
        StageTimes.mark("candidate-marks")
        run.ranked = Reranker(query: aligned, weights: weights, terms: plan.terms, lostWeight: lost).rank(candidates)
        StageTimes.mark("re-ranking")
        return (run, statistics)
    }
}
