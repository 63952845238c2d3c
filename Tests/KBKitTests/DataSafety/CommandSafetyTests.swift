import Foundation
import Testing
@testable import KBModel
@testable import KBStore

/// Commands that only read never create or change a store, and bad input is a clear error.
@Suite struct CommandSafetyTests {
    @Test(arguments: [
        ["check"], ["stats"], ["search", "x"], ["show", "Q1"], ["export"], ["serve", "--port", "18099"],
    ])
    func aMissingStoreIsRefusedNotCreated(arguments: [String]) throws {
        let folder = try TemporaryStore()
        let path = folder.folder.appendingPathComponent("mistyped.sqlite").path
        let result = try CommandRunner.run(arguments + ["--db", path])
        #expect(result.status == 1)
        #expect(result.stderr == "kb: \(path): no store here yet: run 'kb import PATH...' first\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.folder.path) == [])
    }

    /// `kb serve` runs `kb-serve` from its own folder; a `kb` copied without it says so.
    @Test func serveWithoutItsServerExecutableSaysWhatIsMissing() throws {
        let folder = try TemporaryStore()
        let kb = folder.folder.appendingPathComponent("kb").path
        try FileManager.default.copyItem(atPath: CommandRunner.executable.path, toPath: kb)
        let result = try CommandRunner.runTool(kb, ["serve", "--db", folder.path, "--port", "18098"], stdin: nil, environment: [:])
        #expect(result.status == 1)
        #expect(result.stderr == "kb: cannot start the server \(folder.folder.appendingPathComponent("kb-serve").path): No such file or directory\n")
    }

    @Test func evalOnAMissingStoreIsRefusedNotCreated() throws {
        let folder = try TemporaryStore()
        let queries = try folder.write("q.jsonl", #"{"id": "Q1", "query": "x"}"# + "\n")
        let path = folder.folder.appendingPathComponent("mistyped.sqlite").path
        let result = try CommandRunner.run(["eval", "--db", path, queries])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func checkLeavesTheStoreAsItWas() throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.path("Articles/003_e36610226ab790a0.txt")])
        try store.open().close()
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let result = try CommandRunner.run(["check", "--db", store.path])
        #expect(result.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
    }

    @Test(arguments: [
        ("", "no queries in the file"),
        ("\n  \n", "no queries in the file"),
        (#"{"id": "Q1", "query": "x"}"# + "\nnot json\n", "2: not a {\"id\" or \"path\", \"variant\", \"query\"} object"),
        (#"{"id": "Q1"}"# + "\n", "1: not a {\"id\" or \"path\", \"variant\", \"query\"} object"),
    ])
    func evalRefusesABadQueryFile(contents: String, message: String) throws {
        let folder = try TemporaryStore()
        let queries = try folder.write("q.jsonl", contents)
        let result = try CommandRunner.run(["eval", "--db", TemporaryStore.articles.path, queries])
        #expect(result.status == 2)
        let separator = message.first?.isNumber == true ? ":" : ": "
        #expect(result.stderr == "kb: \(queries)\(separator)\(message)\n")
    }

    @Test func versionNamesTheStoreSchema() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.wholeMatch(of: /kb \d+\.\d+\.\d+ \(store schema v7\)\n/) != nil)
    }

    @Test func aRealV1StoreIsUpgradedCheckedAndUpdated() throws {
        let store = try TemporaryStore()
        try FileManager.default.copyItem(atPath: Fixtures.path("Tests/Fixtures/v1-store.sqlite"), toPath: store.path)
        // The first read upgrades it; the pairs of its articles are then searchable.
        let search = try CommandRunner.run(["search", "--db", store.path, "--limit", "1", "--json", "Failed to connect to the Microsoft Exchange Server, EXCH01."])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains(#""id":"Q178511""#))
        #expect(try CommandRunner.run(["check", "--db", store.path]).status == 0)
        #expect(try CommandRunner.run(["stats", "--db", store.path]).stdout.contains("v7"))
        // An import into it adds to what it held.
        let update = try CommandRunner.run(["import", "--quiet", "--db", store.path, Fixtures.path("Articles/kb-sample")])
        #expect(update.status == 0, "\(update.stderr)")
        let check = try CommandRunner.run(["check", "--db", store.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try store.open().count > 4)
    }
}
