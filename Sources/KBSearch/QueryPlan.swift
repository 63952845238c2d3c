import KBStore

/// What one search asks of each index: the title-and-messages index, the whole text and the
/// word pairs, each within its budget (`IndexQuery`).
struct QueryPlan {
    var head: IndexQuery
    var body: IndexQuery
    var pairs: IndexQuery
    /// For each code the paste mentions: the whole-text query for articles quoting it (any
    /// spelling) with one of the paste's other words, when it has any, and whether the code
    /// may be asked alone (when no article quotes it with those words: `CandidateRetrieval`).
    /// A code quoted by more articles than the whole-text budget is asked only with words
    /// rare enough to narrow it to that budget, never alone: every row a query finds is
    /// scored. Its expression is nil when no word narrows it.
    var codes: [(mention: CodeMention, expression: MatchExpression?, alone: Bool)] = []
    /// What the paste names its error by besides numeric codes, each as a whole-text query
    /// with the number of articles holding it: codes a tool names an error by, written after
    /// "error" or "warning" (`error C2065`, `error LNK2019`, `warning CS0168`), and events
    /// (`Event ID 7000`, written "event 7000" or "event id 7000" by articles).
    var named: [(expression: MatchExpression, quoting: Int)] = []
    /// For a short paste (a few keywords, not a message): its distinct words other than codes,
    /// each with its weight, looked for anywhere in the candidates' text.
    var keywords: [(word: String, weight: Double)] = []

    /// The words and pairs asked for, rarest first within each index.
    var terms: [String] { head.terms + pairs.terms }
    /// Nothing of the paste is in the knowledge base.
    var isEmpty: Bool { head.expression == nil && pairs.expression == nil && codes.isEmpty }

    init(_ query: AnalyzedQuery, pairs pastePairs: [String], statistics: TermStatistics, budgets: SearchEngine.Budgets, wholePaste: Bool = true) {
        func plan(_ tokens: [String], codes: [String] = [], budget: Int, always: Bool = false) -> IndexQuery {
            statistics.indexQuery(
                tokens: tokens, codes: codes, limit: budgets.termsPerQuery, postingBudget: budget,
                readLimit: budgets.conjunctionReadFactor * budget, always: always)
        }
        // Each index is asked for what fits its budget. When nothing does (every word and
        // pair of the paste is common), the rarest pairs are required together, else the
        // rarest words: something must be read, and pairs are the more precise.
        head = plan(query.tokens, codes: query.codes, budget: budgets.headPostings)
        body = plan(query.tokens, codes: query.codes, budget: budgets.bodyPostings)
        pairs = plan(pastePairs, budget: budgets.pairPostings, always: head.expression == nil)
        if head.expression == nil, pairs.expression == nil {
            head = plan(query.tokens, codes: query.codes, budget: budgets.headPostings, always: true)
        }
        codes = query.mentions.map { mention in
            // Words held by fewer than half the articles: none in a store of one article (a
            // range 1..<0 would trap).
            let held = Set(query.tokens).subtracting(mention.tokens)
                .filter { word in
                    let holding = statistics.documentFrequency[word] ?? 0
                    return holding >= 1 && holding < statistics.articles / 2
                }
                .map { (word: $0, holding: statistics.documentFrequency[$0]!) }
                .sorted { ($0.holding, $0.word) < ($1.holding, $1.word) }
                .prefix(budgets.termsPerQuery)
            // However the code is spelled: an article may write a Win32 error as "error 59"
            // without the import reading it as the code, and the query matches every spelling.
            let quoting = max(statistics.documentFrequency[ErrorCodes.spelled(mention.value)] ?? 0,
                              statistics.upperBound(ofLookedUp: mention.expression))
            let common = quoting > budgets.bodyPostings
            let words = common
                ? Self.narrowing(Array(held), quoting: quoting, articles: statistics.articles, budget: budgets.bodyPostings)
                : held.map(\.word)
            let expression: MatchExpression? = words.isEmpty ? (common ? nil : mention.expression)
                : .all([mention.expression, .any(words.map(MatchExpression.phrase))])
            return (mention, expression, !common)
        }
        named = Self.namedCodes(in: query.tokens).compactMap { code in
            statistics.documentFrequency[code].map { (MatchExpression.phrase(code), $0) }
        }
        let events = Self.namedEvents(in: query.tokens).filter { (statistics.documentFrequency[$0.number] ?? 0) > 0 }
        named += events.map { event in
            let spellings = ["event ", "event id ", "eventid "].map { MatchExpression.phrase($0 + event.number) }
            return (.any(spellings), statistics.documentFrequency[event.number]!)
        }
        // A line of a long paste is part of a message or log, never a list of keywords.
        guard wholePaste else { return }
        var codeTokens = query.mentions.reduce(into: Set<String>()) { $0.formUnion($1.tokens) }
        // "Event ID 7000 Service Control Manager": the event is named; its source's words decide.
        for event in events { codeTokens.formUnion(event.tokens) }
        let distinct = Set(query.tokens).subtracting(codeTokens)
        if distinct.count <= budgets.keywords {
            keywords = distinct.sorted().filter { (statistics.documentFrequency[$0] ?? 0) > 0 }.map { ($0, statistics.idf($0)) }
        }
    }

    /// The rarest of `words` (rarest first, each with the number of articles holding it)
    /// expected, as if independent of the code, to leave at most `budget` of the `quoting`
    /// articles that quote a code: a common code (0x80070005 in a large knowledge base) and
    /// a common word would have every article quoting both scored.
    static func narrowing(_ words: [(word: String, holding: Int)], quoting: Int, articles: Int, budget: Int) -> [String] {
        let n = Double(max(articles, 1))
        var expected = 0.0
        var kept: [String] = []
        for (word, holding) in words {
            expected += Double(quoting) * Double(holding) / n
            guard expected <= Double(budget) else { break }
            kept.append(word)
        }
        return kept
    }

    /// Tokens after "error" or "warning" shaped as a tool's error code: one to eight letters
    /// then four to six digits ("c2065", "lnk2019", "cs0168", "aadsts50126"). Numeric codes
    /// (hex, HRESULTs, Win32 numbers) are `CodeMention`s.
    static func namedCodes(in tokens: [String]) -> [String] {
        var found: [String] = []
        for (index, token) in tokens.enumerated().dropFirst() where tokens[index - 1] == "error" || tokens[index - 1] == "warning" {
            let letters = token.utf8.prefix(while: { (0x61...0x7A).contains($0) }).count
            let digits = token.utf8.count - letters
            guard (1...8).contains(letters), (4...6).contains(digits), token.utf8.dropFirst(letters).allSatisfy({ (0x30...0x39).contains($0) }),
                  !found.contains(token) else { continue }
            found.append(token)
        }
        return found
    }

    /// Events a paste names: "event 7000", "event id 7000", "eventid 7000" (an Event Viewer
    /// entry's `Event ID:` line is read as "event 7000" already, see `AnalyzedQuery`), with
    /// the tokens that name each.
    static func namedEvents(in tokens: [String]) -> [(number: String, tokens: Set<String>)] {
        var found: [(number: String, tokens: Set<String>)] = []
        for (index, token) in tokens.enumerated() where (1...5).contains(token.utf8.count) && token.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            let previous = index > 0 ? tokens[index - 1] : ""
            let named: Set<String>
            if previous == "event" || previous == "eventid" {
                named = [previous, token]
            } else if previous == "id", index > 1, tokens[index - 2] == "event" {
                named = ["event", "id", token]
            } else {
                continue
            }
            if !found.contains(where: { $0.number == token }) { found.append((token, named)) }
        }
        return found
    }
}
