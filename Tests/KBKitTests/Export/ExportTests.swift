import Foundation
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBStore

@Suite struct ExportTests {
    private func export(_ store: TemporaryStore, _ arguments: [String]) throws -> CommandRunner.Output {
        try CommandRunner.run(["export", "--db", store.path] + arguments)
    }

    @Test(arguments: ["json", "jsonl"])
    func exportsValidateAgainstTheSchema(format: String) throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.articlesFolder])
        let file = store.folder.appendingPathComponent("export.\(format)").path
        let result = try export(store, ["--format", format, "-o", file])
        #expect(result.status == 0, "\(result.stderr)")
        let validation = try CommandRunner.runTool(Fixtures.path("Scripts/validate-export"), [file])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        #expect(validation.stdout == "\(try store.open().stats().articles) records valid\n")
    }

    @Test(arguments: ["json", "jsonl"])
    func roundTripIsByteForByte(format: String) throws {
        let first = try TemporaryStore()
        try first.importPaths([Fixtures.articlesFolder])
        let exported = try export(first, ["--format", format])
        #expect(exported.status == 0)
        let file = try first.write("dump.\(format)", exported.stdout)

        let second = try TemporaryStore()
        let summary = try second.importPaths([file])
        #expect(summary.failed == 0)
        #expect(summary.new == (try first.open().stats().articles))
        let again = try export(second, ["--format", format])
        #expect(again.stdout == exported.stdout)
        #expect(!again.stdout.isEmpty)
    }

    @Test func jsonIsOneArrayAndJSONLinesOneRecordALine() throws {
        let store = try TemporaryStore.articles
        let json = try export(store, ["--format", "json", "--id", "Q178511", "--id", "Q128961"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == ["Q128961", "Q178511"])
        let lines = try export(store, ["--id", "Q178511", "--id", "Q128961"]).stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(try ArticleJSON.decode(Data(lines[1].utf8)).id == "Q178511")
    }

    @Test func filtersAndQuerySelectArticles() throws {
        let store = try TemporaryStore.articles
        let exchange = try export(store, ["--product", "Exchange"]).stdout.split(separator: "\n")
            .map { try ArticleJSON.decode(Data($0.utf8)) }
        #expect(!exchange.isEmpty)
        #expect(exchange.allSatisfy { $0.product?.contains("Exchange") == true })
        #expect(exchange.map(\.id) == exchange.map(\.id).sorted())
        let ranked = try export(store, ["--query", "Windows Sockets error Failed in Connect", "--limit", "3"]).stdout
            .split(separator: "\n").map { try ArticleJSON.decode(Data($0.utf8)) }
        #expect(ranked.first?.id == "Q128961")
        #expect(ranked.count == 3)
    }

    @Test func anUnknownIDIsReportedWithStatus1() throws {
        let result = try export(TemporaryStore.articles, ["--id", "Q178511", "--id", "Q999999"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no article Q999999"))
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test func anUnwritablePathLeavesNoFile() throws {
        let store = try TemporaryStore()
        let target = store.folder.appendingPathComponent("missing/folder/out.jsonl").path
        let result = try export(TemporaryStore.articles, ["-o", target])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("kb: \(target): no such folder"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func theFileAppearsOnlyWhenComplete() throws {
        let store = try TemporaryStore()
        let target = try store.write("out.jsonl", "previous export\n")
        let file = try AtomicFile(target)
        try file.write("{\"partial\":")
        // Not committed: the destination still holds the previous file.
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "previous export\n")
        file.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.folder.path) == ["out.jsonl"])

        let result = try export(TemporaryStore.articles, ["-o", target, "--id", "Q128961"])
        #expect(result.status == 0)
        #expect(try ArticleJSON.decode(Data(contentsOf: URL(fileURLWithPath: target))).id == "Q128961")
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.folder.path) == ["out.jsonl"])
    }

    @Test func importRejectsRecordsThatAreNotArticles() throws {
        let store = try TemporaryStore()
        let file = try store.write("bad.jsonl", "{\"id\": \"Q1\"}\nnot json\n")
        let summary = try store.importPaths([file])
        #expect(summary.failed == 2)
        #expect(summary.errors.map(\.reason) == ["not a kb JSON record: missing field 'title'", "not a kb JSON record: invalid JSON"])
        #expect(summary.errors.map(\.path) == ["\(file):1", "\(file):2"])
    }
}
