import Foundation
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBParsing

/// JSON import checks every rule of `Schema/article.schema.json` and names the field that breaks one.
@Suite struct RecordValidationTests {
    private func reason(_ change: (inout [String: Any]) -> Void) throws -> String? {
        let line = ArticleJSON.line(try Fixtures.article("Articles/003_e36610226ab790a0.txt"))
        var record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        change(&record)
        let bytes = Array(try JSONSerialization.data(withJSONObject: record))
        switch ExportRecord.outcome(.json(bytes, location: "x:1")) {
        case .article: return nil
        case .skipped(_, let reason): return reason.rawValue
        case .failure(_, let reason): return reason
        }
    }

    @Test func theUnchangedRecordIsAccepted() throws {
        #expect(try reason { _ in } == nil)
    }

    /// Each case: a field, its new value as JSON, and the reason expected.
    @Test(arguments: [
        ("references", #"["Q1\"><script>alert(1)</script>"]"#, #"'references[0]' must look like Q178511 or kb/path/to/article, not 'Q1"><script>alert(1)</script>'"#),
        ("id", #""178511""#, "'id' must look like Q178511 or kb/path/to/article, not '178511'"),
        ("id", #""Q12a""#, "'id' must look like Q178511 or kb/path/to/article, not 'Q12a'"),
        ("lastModified", #""1999-02-31""#, "'lastModified': '1999-02-31' is not a real date as YYYY-MM-DD"),
        ("lastModified", #""2001-9-1""#, "'lastModified': '2001-9-1' is not a real date as YYYY-MM-DD"),
        ("title", #""""#, "'title' is empty"),
        ("title", "42", "wrong type for 'title'"),
        ("keywords", #"["ok", ""]"#, "'keywords[1]' is empty"),
        ("versions", #"[{"platform": null, "version": ""}]"#, "'versions[0].version' is empty"),
        ("versions", #"[{"platform": null}]"#, "missing field 'versions[0].version'"),
        ("source", #"{"layout": "pdf", "path": "x"}"#, "'source.layout': Cannot initialize Layout from invalid String value pdf"),
        ("extra", "1", "'extra': a field the schema does not have"),
    ])
    func aBrokenRuleIsNamed(field: String, json: String, expected: String) throws {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        #expect(try reason { $0[field] = value } == "not a kb JSON record: \(expected)")
    }

    @Test func aMissingFieldIsNamed() throws {
        #expect(try reason { $0["summary"] = nil } == "not a kb JSON record: missing field 'summary'")
    }

    @Test func realCalendarDatesOnly() {
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("1900-02-29") == nil)
        #expect(CalendarDate("1999-02-29") == nil)
        #expect(CalendarDate("1999-04-31") == nil)
        #expect(CalendarDate("1999-13-01") == nil)
        #expect(CalendarDate("1999-12-31")?.description == "1999-12-31")
        #expect(FieldParsing.date("31-FEB-1999") == nil)
        #expect(FieldParsing.date("29-FEB-1996")?.description == "1996-02-29")
    }

    @Test func anImpossibleDateInAnArticleIsNull() throws {
        let text = "DOCUMENT:Q1234  31-FEB-1999  [x]\nTITLE   :Some title\n\nSYMPTOMS\n========\n\nText.\n"
        let article = try ArticleParser.parse(Array(text.utf8), path: "x")
        #expect(article.lastModified == nil)
        #expect(ArticleJSON.line(article).contains("\"lastModified\":null"))
    }

    @Test func filtersRefuseImpossibleDates() throws {
        let result = try CommandRunner.run(["search", "--db", TemporaryStore.articles.path, "--since", "2001-02-30", "x"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("2001-02-30"))
    }
}
