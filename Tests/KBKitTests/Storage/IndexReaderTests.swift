import Foundation
import GRDB
import Testing
@testable import KBStore

/// `IndexReader.matches` reads an expression's rows whole or asks row by row, by cost; both
/// ways must find the same rows.
@Suite struct IndexReaderTests {
    @Test(arguments: ["error", "the", "exchange", "0x0000007b", "nosuchwordanywhere"])
    func eitherWayFindsTheSameRows(word: String) throws {
        let match = MatchExpression.phrase(word)
        try TemporaryStore.articles.open().readIndex { reader in
            let everyRow = try Int64.fetchAll(reader.db, sql: "SELECT rowid FROM article ORDER BY rowid")
            let expected = try Set(Int64.fetchAll(
                reader.db, sql: "SELECT rowid FROM article_fts WHERE article_fts MATCH ?", arguments: [match.fts5]))
            // One candidate in three, and the last row alone: its read limit (20 rows, in rowid
            // order) is below what a common word matches, so a read cut there would miss it.
            for among in [everyRow.enumerated().filter { $0.offset % 3 == 0 }.map(\.element), [everyRow.last!]] {
                let wanted = expected.intersection(among)
                for rows in [nil, 0, Int.max] {
                    #expect(try reader.matches(in: .body, match: match, among: among, expectedRows: rows) == wanted)
                }
            }
        }
    }
}

/// Only `MatchExpression` writes FTS5 syntax: phrases quoted, their quotes doubled, so a paste
/// is never read as query syntax.
@Suite struct MatchExpressionTests {
    @Test func everyPhraseIsQuotedAndCombinationsAreBracketed() {
        let expression = MatchExpression.any([
            .phrase("near"), .phrase("x\"y"), .all([.phrase("and"), .phrase("not")]), .code("x80004005"),
            .all([.phrase("event 7000"), .any([.phrase("a"), .phrase("b")])]),
        ])
        #expect(expression.fts5
            == "\"near\" OR \"x\"\"y\" OR (\"and\" AND \"not\") OR codes : \"x80004005\" OR (\"event 7000\" AND (\"a\" OR \"b\"))")
    }
}
