import Foundation
import Testing
@testable import KBExchange
@testable import KBStore
@testable import KBModel
@testable import KBParsing

/// An export of any size imports back whole, record by record, and a bad record is reported
/// by its place in the file without stopping the rest.
@Suite struct ExportRoundTripTests {
    /// Copies of the curated articles under new ids, until the export passes `bytes`.
    static func largeExport(in store: TemporaryStore, over bytes: Int) throws -> (path: String, count: Int) {
        let records = try String(contentsOfFile: try exportAll(TemporaryStore.articles, in: store), encoding: .utf8)
            .split(separator: "\n").map { try ArticleJSON.decode(Data($0.utf8)) }
        var lines: [String] = []
        var size = 0
        var next = 9_000_000
        while size <= bytes {
            for var record in records {
                record.id = "Q\(next)"
                next += 1
                let line = ArticleJSON.line(record)
                lines.append(line)
                size += line.utf8.count + 1
            }
        }
        let path = try store.write("large.jsonl", lines.joined(separator: "\n") + "\n")
        return (path, lines.count)
    }

    static func exportAll(_ source: TemporaryStore, in store: TemporaryStore) throws -> String {
        let path = store.folder.appendingPathComponent("export-\(UUID().uuidString).jsonl").path
        let result = try CommandRunner.run(["export", "--db", source.path, "--format", "jsonl", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    @Test func anExportLargerThanTheArticleLimitImportsWhole() throws {
        let store = try TemporaryStore()
        let (path, count) = try Self.largeExport(in: store, over: ArticleParser.maxFileSize + 1_000_000)
        let summary = try store.importPaths([path])
        #expect(summary.failed == 0, "\(summary.errors.prefix(3))")
        #expect(summary.new == count)
        #expect(try store.open().count == count)
        // And it exports back to the same bytes.
        let again = try Self.exportAll(store, in: store)
        #expect(FileManager.default.contentsEqual(atPath: path, andPath: again))
    }

    @Test func aJSONArrayIsReadElementByElement() throws {
        let store = try TemporaryStore()
        let lines = try String(contentsOfFile: try Self.exportAll(TemporaryStore.articles, in: store), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        // One bad element in the middle, with brackets and commas inside its strings.
        let bad = #"{"id": "Q1", "title": "a, [b] {c} \"d\""}"#
        let array = "[\n" + (lines.prefix(3) + [bad] + lines.dropFirst(3)).joined(separator: ",\n") + "\n]\n"
        let path = try store.write("all.json", array)
        let summary = try store.importPaths([path])
        #expect(summary.new == lines.count)
        #expect(summary.errors == [ImportSummary.Failure(path: "\(path)[3]", reason: "not a kb JSON record: missing field 'product'")])
    }

    @Test func aCutArrayKeepsItsWholeRecordsAndSaysItIsCut() throws {
        let store = try TemporaryStore()
        let lines = try String(contentsOfFile: try Self.exportAll(TemporaryStore.articles, in: store), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let whole = "[" + lines.prefix(5).joined(separator: ",")
        let path = try store.write("cut.json", String(whole.dropLast(40)))
        let summary = try store.importPaths([path])
        #expect(summary.new == 4)
        #expect(summary.errors.map(\.path) == ["\(path)[4]"])
        #expect(summary.errors.first?.reason.contains("not closed") == true)
    }

    @Test func aRecordOverTheLimitIsRefusedAndTheRestImported() throws {
        let store = try TemporaryStore()
        let lines = try String(contentsOfFile: try Self.exportAll(TemporaryStore.articles, in: store), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        var huge = try ArticleJSON.decode(Data(lines[0].utf8))
        huge.id = "Q8000001"
        huge.moreInformation = String(repeating: "x", count: ArticleLimits.recordBytes + 10)
        let path = try store.write("huge.jsonl", ([ArticleJSON.line(huge)] + lines).joined(separator: "\n"))
        let summary = try store.importPaths([path])
        #expect(summary.new == lines.count)
        #expect(summary.errors == [ImportSummary.Failure(path: "\(path):1", reason: "too large: over the 64 MiB limit for one article or record")])
    }

    @Test func anArticleFileOverTheLimitIsRefusedNotCut() throws {
        let store = try TemporaryStore()
        var bytes = try Fixtures.bytes("Articles/003_e36610226ab790a0.txt")
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: ArticleParser.maxFileSize)
        let path = store.folder.appendingPathComponent("big.txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let summary = try store.importPaths([path])
        #expect(summary.new == 0)
        #expect(summary.errors == [ImportSummary.Failure(path: path, reason: "too large: over the 16 MiB limit for one article or record")])
    }

    @Test func anExportOnStandardInputIsStreamedToo() throws {
        let store = try TemporaryStore()
        let export = try String(contentsOfFile: try Self.exportAll(TemporaryStore.articles, in: store), encoding: .utf8)
        let result = try CommandRunner.run(["import", "--json", "--db", store.path, "-"], stdin: export)
        #expect(result.status == 0)
        let summary = try JSONDecoder().decode(ImportSummary.self, from: Data(result.stdout.utf8))
        #expect(summary.new == export.split(separator: "\n").count)
    }
}
