import Foundation
import GRDB
import GRDBSQLite
import KBModel

/// The full-text indexes a search asks for candidates.
package enum FullTextIndex: Sendable, CaseIterable {
    /// Titles, quoted error messages and codes (`article_head_fts`).
    case head
    /// The whole text: title, messages, body, metadata and codes (`article_fts`).
    case body

    var table: String {
        switch self {
        case .head: "article_head_fts"
        case .body: "article_fts"
        }
    }

    /// The index's columns, in order: what the bm25 weights are given for.
    package var columns: [String] {
        switch self {
        case .head: ["title", "messages", "codes"]
        case .body: ["title", "messages", "body", "meta", "codes"]
        }
    }
}

/// An article row matched by an index, with its score: bm25 for the text indexes (negative,
/// lower is better), or a score of the caller's for the pair index.
package struct ScoredRow: Sendable, Equatable {
    /// The article's row.
    package var rowid: Int64
    /// Its score in that index.
    package var score: Double

    /// A row with its score.
    package init(rowid: Int64, score: Double) {
        self.rowid = rowid
        self.score = score
    }
}

/// The `article` columns ranking needs, without the record.
package struct CandidateRow: Sendable {
    /// The article's row.
    package var rowid: Int64
    /// The article's id.
    package var id: String
    /// The article's title.
    package var title: String
    /// The article's product, if any.
    package var product: String?
    /// Identifies this version of the article.
    package var contentHash: String
    /// The quoted error messages, one per line.
    package var messages: String

    /// Reads the current row of `statement`, whose columns are, in this order: rowid, id,
    /// title, product, content_hash, messages. Read through SQLite's C interface: GRDB's
    /// record cursor spent some 4,000 instructions a row (a search reads some hundred).
    init(statement: OpaquePointer) {
        rowid = sqlite3_column_int64(statement, 0)
        id = Statement.text(statement, 1) ?? ""
        title = Statement.text(statement, 2) ?? ""
        product = Statement.text(statement, 3)
        contentHash = Statement.text(statement, 4) ?? ""
        messages = Statement.text(statement, 5) ?? ""
    }
}

/// The reads one search makes, all inside one read transaction so that they see one state of
/// the store. Only `ArticleStore.readIndex` makes one.
package struct IndexReader {
    let db: Database

    /// Document frequencies of the terms, word pairs and phrases (see `TermStatistics`).
    package func termStatistics(terms: Set<String>, pairs: Set<String>, phrases: Set<String> = [], phraseCap: Int = 0) throws -> TermStatistics {
        try TermStatistics(db: db, terms: terms, pairs: pairs, phrases: phrases, phraseCap: phraseCap)
    }

    /// Those of `words` the statistics snapshot holds, with their document frequencies: the
    /// words spelling correction may choose.
    package func wordFrequencies(_ words: Set<String>) throws -> [String: Int] {
        try TermStatistics.wordFrequencies(db, words)
    }

    /// The snapshot's words starting with `prefix` whose length is in `lengths`.
    package func words(startingWith prefix: String, lengths: ClosedRange<Int>) throws -> [String: Int] {
        try TermStatistics.words(db, startingWith: prefix, lengths: lengths)
    }

    /// The best `limit` rows of `index` for a `match` expression, by bm25 with these
    /// column weights, best first; with a filter, only the articles it selects.
    /// With `statistics`, FTS5 is spared counting the rows of each phrase of `match` that
    /// they count (`SnapshotBM25`), and the rows are ranked after the query (`MatchedRows`):
    /// when they are at most `sparseRowsPerChunk` to a chunk of stored lengths, reading the
    /// lengths of only those that may be among the best.
    package func rankedMatches(
        in index: FullTextIndex, match: MatchExpression, weights: [Double], limit: Int, filter: ArticleFilter,
        statistics: TermStatistics? = nil, sparseRowsPerChunk: Int = MatchedRows.rowsPerChunk
    ) throws -> [ScoredRow] {
        let table = index.table
        let columnWeights = weights.map { String($0) }.joined(by: ", ")
        let condition = filter.isEmpty ? nil : filter.sql()
        let filterArguments = condition?.arguments ?? StatementArguments()
        guard let statistics else {
            let sql = selection("bm25(\(table), \(columnWeights))", in: table, condition: condition?.condition, rankedTo: limit)
            return try db.cachedStatement(sql: sql).rows(arguments: [match.fts5] + filterArguments) {
                ScoredRow(rowid: $0[0], score: $0[1])
            }
        }
        let counts = SnapshotBM25.countsArgument(match.phrases.map {
            statistics.rows(holding: $0.words, codesOnly: $0.codesOnly, in: index)
        })
        // The second parameter is the collector, bound as a pointer over the NULL given here.
        let statement = try db.cachedStatement(sql: selection(
            "\(SnapshotBM25.name)(\(table), ?, '\(table)', ?, \(columnWeights))", in: table, condition: condition?.condition))
        try statement.setArguments([counts, nil, match.fts5] + filterArguments)
        let matched = MatchedRows()
        try matched.bind(to: statement, parameter: 2) { try statement.step { _ in } }
        let chunks = max(1, statistics.articles / Int(IndexLengths.chunkRows))
        return try matched.best(limit, sparseUpTo: sparseRowsPerChunk * chunks) { rowid in
            try IndexLengths.indexedLength(ofRow: rowid, in: index, db)
        }
    }

    /// A query of `rank` for the rows of `table` matching an expression (the parameter after
    /// those of `rank`), and a filter's `condition` on `article a` (its parameters after); with
    /// `rankedTo`, of each row's rowid and score, the best first, that many. Without a filter
    /// the index is queried alone: joining `article` first would look up every matching row
    /// before the LIMIT applies.
    private func selection(_ rank: String, in table: String, condition: String?, rankedTo limit: Int? = nil) -> String {
        let rowid = condition == nil ? "rowid" : "a.rowid AS rowid"
        let columns = limit == nil ? rank : "\(rowid), \(rank) AS score"
        let order = limit.map { "ORDER BY score LIMIT \($0)" } ?? ""
        guard let condition else {
            return "SELECT \(columns) FROM \(table) WHERE \(table) MATCH ? \(order)"
        }
        return """
            SELECT \(columns)
            FROM \(table) JOIN article a ON a.rowid = \(table).rowid
            WHERE \(table) MATCH ? AND \(condition)
            \(order)
            """
    }

    /// Which of `rowids` `index` matches for a `match` expression.
    ///
    /// Two ways, by cost: asking for each row (`rowid IN (…)`) costs one seek into the
    /// expression's posting lists per row, about as much as reading `seekCost` rows of them in
    /// order (measured on the whole store). So an expression matching fewer rows than
    /// `rowids.count × seekCost` is read whole and intersected; one known (`expectedRows`) or
    /// found to match more is asked row by row.
    package func matches(in index: FullTextIndex, match: MatchExpression, among rowids: [Int64], expectedRows: Int? = nil) throws -> Set<Int64> {
        let table = index.table
        let match = match.fts5
        let readLimit = rowids.count * Self.seekCost
        if expectedRows.map({ $0 <= readLimit }) ?? true {
            let listed = try db.cachedStatement(sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ? ORDER BY rowid LIMIT ?")
                .rowids(arguments: [match, readLimit + 1])
            if listed.count <= readLimit { return Self.rows(of: rowids, inAscending: listed) }
        }
        return try Set(db.cachedStatement(sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ? AND rowid IN (\(SQLList.values))")
            .rowids(arguments: [match, SQLList.json(rowids)]))
    }

    /// Which of `rowids` hold the word `term` in the whole-text index: from the word's bitmap
    /// when it is common (`TermRows`), else as `matches` finds them. `articles` is how many
    /// articles hold the word, when the term statistics say; a word they do not count has
    /// no bitmap either.
    package func holders(ofWord term: String, among rowids: [Int64], articles: Int?) throws -> Set<Int64> {
        if articles != nil, let rows = try TermRows.rows(of: rowids, holding: term, in: db) { return rows }
        return try matches(in: .body, match: .phrase(term), among: rowids, expectedRows: articles)
    }

    /// The rows of `rowids` that a posting list read in rowid order (`listed`) holds, found by
    /// stepping through both in order. Hashing each listed row into a set, as many as 100 a
    /// candidate, cost more instructions than FTS5 spent reading them.
    static func rows(of rowids: [Int64], inAscending listed: [Int64]) -> Set<Int64> {
        let wanted = rowids.sorted()
        var found = Set<Int64>(minimumCapacity: min(wanted.count, listed.count))
        var (l, w) = (0, 0)
        while l < listed.count && w < wanted.count {
            if listed[l] < wanted[w] {
                l += 1
            } else if listed[l] > wanted[w] {
                w += 1
            } else {
                found.insert(listed[l])
                l += 1
                w += 1
            }
        }
        return found
    }

    /// How many rows of a posting list are read in the time of one seek into it. Counted in
    /// instructions over 120 dev queries on the archive and docs-as-code store (callgrind, rows
    /// read by `Statement.rowids`): 50 spent 1.015× what 100 did, 150 1.003×.
    static let seekCost = 100

    /// The rows of the word-pair index that hold every pair of the `match` expression. The
    /// index keeps no positions, so it cannot score them.
    package func pairMatches(_ match: MatchExpression) throws -> [Int64] {
        try db.cachedStatement(sql: Self.pairRows).rowids(arguments: [match.fts5])
    }

    /// The rows of the word-pair index matching an expression.
    static let pairRows = "SELECT rowid FROM article_pair_fts WHERE article_pair_fts MATCH ?"

    /// The candidate columns of these rows, by rowid.
    package func candidateRows(_ rowids: [Int64]) throws -> [Int64: CandidateRow] {
        guard !rowids.isEmpty else { return [:] }
        var rows: [Int64: CandidateRow] = [:]
        rows.reserveCapacity(rowids.count)
        try db.cachedStatement(sql: """
            SELECT a.rowid, a.id, a.title, a.product, a.content_hash, a.messages
            FROM \(SQLList.table) JOIN article a ON a.rowid = l.value
            """).step(arguments: [SQLList.json(rowids)]) { statement in
            let row = CandidateRow(statement: statement)
            if rows[row.rowid] == nil { rows[row.rowid] = row }
        }
        return rows
    }

    /// Those of these rows that `filter` selects (their columns are read later, once, with
    /// the other candidates').
    package func rows(_ rowids: [Int64], selectedBy filter: ArticleFilter) throws -> Set<Int64> {
        guard !rowids.isEmpty else { return [] }
        let (condition, filterArguments) = filter.sql()
        return try Set(Int64.fetchAll(
            db.cachedStatement(sql: "SELECT rowid FROM article a WHERE rowid IN (\(SQLList.values)) AND \(condition)"),
            arguments: [SQLList.json(rowids)] + filterArguments))
    }

    /// For each of `ids`, the articles that state it as their KB number (`Article.kbNumbers`):
    /// an archive article's successors.
    package func successors(of ids: [String]) throws -> [String: [String]] {
        guard !ids.isEmpty else { return [:] }
        var successors: [String: [String]] = [:]
        try db.cachedStatement(sql: "SELECT x.alias, x.article_id FROM \(SQLList.table) JOIN article_alias x ON x.alias = l.value ORDER BY x.article_id")
            .step(arguments: [SQLList.json(Set(ids))]) { statement in  // a join repeats a repeated id's rows
                successors[Statement.text(statement, 0) ?? "", default: []].append(Statement.text(statement, 1) ?? "")
            }
        return successors
    }

    /// The articles stored in these rows, in their order, read by one statement through
    /// SQLite's C interface, each record decoded where it lies in the row: a statement
    /// execution a row, stepped through GRDB's row cursor, cost a search some 0.4 M
    /// instructions more (callgrind, ten dev pastes).
    package func articles(rowids: [Int64]) throws -> [Article] {
        guard !rowids.isEmpty else { return [] }
        var stored: [Int64: Article] = [:]
        try db.cachedStatement(sql: "SELECT a.rowid, a.record, a.sections_only FROM \(SQLList.table) JOIN article a ON a.rowid = l.value")
            .step(arguments: [SQLList.json(rowids)]) { statement in
                stored[sqlite3_column_int64(statement, 0)] = try StoredRecord.decode(
                    utf8: Statement.bytes(statement, 1), sectionsOnly: sqlite3_column_int(statement, 2) != 0)
            }
        return try rowids.map { rowid in
            guard let article = stored[rowid] else { throw StoredRecord.Unreadable(description: "no article in row \(rowid)") }
            return article
        }
    }
}

extension ArticleStore {
    /// Runs the reads of one search in one read transaction.
    package func readIndex<T>(_ body: (IndexReader) throws -> T) throws(StoreError) -> T {
        try read { db in try body(IndexReader(db: db)) }
    }
}
