import Foundation
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBParsing

/// A hostile set of articles (titles missing or empty, a huge body, control characters in
/// every field, every field at its limit): what import accepts, export writes and import
/// reads back, byte for byte; what it refuses, it refuses both times.
@Suite struct HostileRoundTripTests {
    static let controls = "\u{00}\u{01}\u{07}\u{08}\u{0B}\u{0C}\u{1B}[2J\u{1F}\u{7F}\u{85}\u{9B}\u{2028}\u{202E}\r\t\n\"\\/"

    /// Records from a curated article, each made hostile in one way.
    static func hostileRecords() throws -> [String] {
        let base = try Fixtures.article("Articles/003_e36610226ab790a0.txt")
        var records: [String] = []
        // Control characters in every string field.
        var controls = base
        controls.id = "Q900001"
        controls.title = "Title " + Self.controls
        controls.product = "Product " + Self.controls
        controls.keywords = ["k" + Self.controls]
        controls.appliesTo = ["Applies " + Self.controls]
        controls.errorMessages = ["Message " + Self.controls]
        controls.sections = [Section(heading: "Symptoms " + Self.controls, text: "Text " + Self.controls)]
        records.append(ArticleJSON.line(controls))
        // A huge body: 4 MiB of text.
        var huge = base
        huge.id = "Q900002"
        huge.sections = [Section(heading: "More Information", text: String(repeating: "word ", count: 4 << 18))]
        records.append(ArticleJSON.line(huge))
        // Ids at their limits: the longest archive number, a long path id.
        var longest = base
        longest.id = "Q" + String(repeating: "9", count: ArticleID.maximumNumberDigits)
        records.append(ArticleJSON.line(longest))
        var path = base
        path.id = "kb/" + String(repeating: "a", count: 200) + "/" + String(repeating: "b-", count: 100) + "c"
        path.source.layout = .docs
        records.append(ArticleJSON.line(path))
        // Refused both times: an empty title, and a record with no title at all.
        var empty = base
        empty.id = "Q900003"
        empty.title = ""
        records.append(ArticleJSON.line(empty))
        records.append(ArticleJSON.line(base).replacingOccurrences(of: "\"title\":", with: "\"titel\":"))
        return records
    }

    @Test func whatImportAcceptsExportWritesAndImportReadsBackByteForByte() throws {
        let first = try TemporaryStore()
        let records = try Self.hostileRecords()
        let input = try first.write("hostile.jsonl", records.joined(separator: "\n") + "\n")
        let imported = try first.importPaths([input])
        #expect(imported.new == 4)
        #expect(imported.failed == 2)
        let exported = try ExportRoundTripTests.exportAll(first, in: first)

        let second = try TemporaryStore()
        let again = try second.importPaths([exported])
        #expect(again.new == 4 && again.failed == 0, "\(again.errors)")
        let reexported = try ExportRoundTripTests.exportAll(second, in: second)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: exported))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: reexported))))
        // Every accepted record came back as it went in (the huge one whole, the controls intact).
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        let articles = try lines.map { try ArticleJSON.decode(Data($0.utf8)) }
        #expect(articles.first { $0.id == "Q900001" }?.title == "Title " + Self.controls)
        #expect(articles.first { $0.id == "Q900002" }?.sections.first?.text.utf8.count == "word ".utf8.count * (4 << 18))
    }
}
