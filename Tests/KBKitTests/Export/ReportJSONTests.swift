import Foundation
import Testing
@testable import KBPrinter
@testable import KBStore

/// The reports' JSON, written by kb's one JSON writer, says what Foundation's encoder says of
/// the same values: same keys, same values, for a store and for an import with every field set.
@Suite struct ReportJSONTests {
    private func object(_ json: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
    }

    private func encoded<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    @Test func importSummaryAsFoundationEncodesIt() throws {
        var summary = ImportSummary()
        (summary.scanned, summary.new, summary.updated, summary.unchanged, summary.failed) = (12, 5, 2, 1, 2)
        summary.errors = [.init(path: "kb/a \"b\".md", reason: "line 3: bad\u{1B}[31m"), .init(path: "x/é.txt", reason: "empty file")]
        summary.skipped = ["no title": 1, "README or repository file": 3]
        #expect(try object(ReportJSON.render(summary)) == object(encoded(summary)))
        #expect(try JSONDecoder().decode(ImportSummary.self, from: Data(ReportJSON.render(summary).utf8)) == summary)
    }

    @Test func storeStatsAsFoundationEncodesIt() throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.articlesFolder])
        let stats = try store.open().stats()
        #expect(stats.lastImport != nil)
        #expect(try object(ReportJSON.render(stats)) == object(encoded(stats)))
    }
}
