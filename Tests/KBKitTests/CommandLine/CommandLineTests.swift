import Foundation
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBStore

/// The `kb` command as a user runs it: exit statuses, messages, output formats.
@Suite struct CommandLineTests {
    @Test func parsePrintsJSONLinesAndReportsBadFiles() throws {
        let store = try TemporaryStore()
        let bad = try store.write("notes.txt", "shopping list\n")
        let result = try CommandRunner.run(["parse", "--json", Fixtures.path("Articles/003_e36610226ab790a0.txt"), bad])
        #expect(result.status == 1)
        let record = try ArticleJSON.decode(Data(result.stdout.utf8))
        #expect(record.id == "Q128961")
        #expect(result.stderr.hasPrefix("\(bad): not a KB article"))
    }

    @Test func importFromStandardInputThenSearchAndShow() throws {
        let store = try TemporaryStore()
        let article = try String(contentsOfFile: Fixtures.path("Articles/001_85a396cae39d0afa.txt"), encoding: .utf8)
        let imported = try CommandRunner.run(["import", "--json", "--db", store.path, "-"], stdin: article)
        #expect(imported.status == 0)
        let summary = try JSONDecoder().decode(ImportSummary.self, from: Data(imported.stdout.utf8))
        #expect(summary.scanned == 1 && summary.new == 1 && summary.failed == 0 && summary.errors.isEmpty)

        let search = try CommandRunner.run(["search", "--db", store.path, "--json", "HTTP Service has been disabled by an administrator"])
        #expect(search.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.first?["id"] as? String == "Q165712")
        for key in ["id", "title", "score", "product", "matchedErrorMessage", "snippet", "article"] {
            #expect(results.first?[key] != nil, "missing \(key)")
        }

        let show = try CommandRunner.run(["show", "--db", store.path, "--json", "Q165712"])
        #expect(show.status == 0)
        let shown = try ArticleJSON.decode(Data(show.stdout.utf8))
        #expect(shown.id == "Q165712")
        #expect(shown.source.path == "-")
        // One record encoding across commands.
        let embedded = try JSONSerialization.data(withJSONObject: results[0]["article"]!)
        #expect(try ArticleJSON.decode(embedded) == shown)

        let readable = try CommandRunner.run(["show", "--db", store.path, "Q165712"])
        #expect(readable.stdout.contains("Error messages\n  > Sorry! The Microsoft Exchange Server is down"))
    }

    @Test func searchReadsAPasteFromStandardInput() throws {
        let paste = "2026-03-02 17:45:10,118 ERROR [imc] Windows Sockets error\n2026-03-02 17:45:10,119 ERROR [imc] Failed in Connect\n"
        let result = try CommandRunner.run(["search", "--db", TemporaryStore.articles.path, "--limit", "1"], stdin: paste)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("1. Q128961"))
    }

    @Test func aBlankPasteIsAUsageError() throws {
        let result = try CommandRunner.run(["search", "--db", TemporaryStore.articles.path], stdin: "  \n ")
        #expect(result.status == 2)
        #expect(result.stderr.contains("nothing to search for"))
    }

    @Test func usageErrorsExitWithStatus2() throws {
        #expect(try CommandRunner.run(["import"]).status == 2)
        #expect(try CommandRunner.run(["search", "--limit", "0", "x"]).status == 2)
    }

    @Test func importExitsWith1WhenAFileFailed() throws {
        let store = try TemporaryStore()
        let bad = try store.write("bad.txt", "---\ntitle: x\n")
        let result = try CommandRunner.run(["import", "--db", store.path, Fixtures.path("Articles/003_e36610226ab790a0.txt"), bad])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad): front matter opened on line 1 is never closed"))
        #expect(result.stderr.contains("2 files: 1 new, 0 updated, 0 unchanged, 1 failed"))
    }

    @Test func aStoreThatIsNotADatabaseGetsOneLine() throws {
        let store = try TemporaryStore()
        let notADatabase = try store.write("kb.sqlite", String(repeating: "garbage ", count: 1000))
        let result = try CommandRunner.run(["stats", "--db", notADatabase])
        #expect(result.status == 1)
        #expect(result.stderr == "kb: \(notADatabase): not a kb store (the file is not an SQLite database)\n")
    }

    @Test func theStoreLocationFollowsTheEnvironment() throws {
        let store = try TemporaryStore()
        let imported = try CommandRunner.run(
            ["import", "--quiet", Fixtures.path("Articles/003_e36610226ab790a0.txt")],
            environment: ["KB_DB": "", "XDG_DATA_HOME": store.folder.path])
        #expect(imported.status == 0)
        #expect(FileManager.default.fileExists(atPath: store.folder.appendingPathComponent("kb/kb.sqlite").path))
        #expect(StoreLocation.resolve(option: nil, environment: { ["KB_DB": "/x.sqlite", "HOME": "/h"][$0] }) == "/x.sqlite")
        #expect(StoreLocation.resolve(option: "/o.sqlite", environment: { ["KB_DB": "/x.sqlite"][$0] }) == "/o.sqlite")
        #expect(StoreLocation.resolve(option: nil, environment: { ["HOME": "/h"][$0] }) == "/h/.local/share/kb/kb.sqlite")
    }

    @Test func checkPassesOnAGoodStore() throws {
        let result = try CommandRunner.run(["check", "--db", TemporaryStore.articles.path])
        #expect(result.status == 0)
    }

    /// A query naming a rival is counted once in each of its groups, variant or not.
    @Test func evalCountsEachRivalOnce() throws {
        let store = try TemporaryStore.articles
        let queries = try store.write("rivals.jsonl", """
            {"id": "Q178511", "query": "Failed to connect to the Microsoft Exchange Server, EXCH01.", "rival": "Q999999"}
            {"id": "Q178511", "variant": "clean", "query": "Failed to connect to the Microsoft Exchange Server, EXCH01.", "rival": "Q178511"}
            """)
        let result = try CommandRunner.run(["eval", "--db", store.path, queries])
        #expect(result.status == 0, "\(result.stderr)")
        let rivals = result.stdout.split(separator: "\n").filter { $0.hasPrefix("rival ") }
        #expect(rivals == [
            "rival all: the answer above its rival in 1 of 2 (0.500)",
            "rival clean: the answer above its rival in 0 of 1 (0.000)",
        ])
    }

    @Test func evalTakesPathKeyedQueries() throws {
        let store = try TemporaryStore.articles
        let queries = try store.write("queries.jsonl", """
            {"path": "cpp/docs/error-messages/compiler-errors-1/compiler-error-c2065.md", "variant": "clean", "query": "main.cpp(3,5): error C2065: 'total': undeclared identifier"}
            {"path": "officedocs/SkypeforBusiness/SkypeHybrid/hybrid-sign-in/sso-no-longer-works.md", "variant": "clean", "query": "An error occurred. New users cannot sign in with SSO"}
            {"id": "Q178511", "variant": "clean", "query": "Failed to connect to the Microsoft Exchange Server, EXCH01."}
            """)
        let result = try CommandRunner.run(["eval", "--db", store.path, queries])
        #expect(result.status == 0, "\(result.stderr)")
        // Each line: group, queries, MRR@10, recall@1, recall@10.
        let rows = Dictionary(uniqueKeysWithValues: result.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
            guard let range = line.range(of: "MRR@10") else { return nil }
            let head = line[..<range.lowerBound].split(separator: " ")
            return (head.dropLast().joined(separator: " "), head.last! + " " + line[range.lowerBound...])
        })
        #expect(rows["all"] == "3 MRR@10 1.000  recall@1 1.000  recall@10 1.000")
        #expect(rows["kb cpp"] == "1 MRR@10 1.000  recall@1 1.000  recall@10 1.000")
        #expect(rows["kb officedocs"] == "1 MRR@10 1.000  recall@1 1.000  recall@10 1.000")
    }

    @Test func aFolderYieldsOnlyItsArticleFilesAndOtherJSONFailsOnce() throws {
        let files = FileWalker().items(for: [Fixtures.path("Articles/docs")]).compactMap { item -> String? in
            if case .file(let path, _, false) = item { return (path as NSString).lastPathComponent } else { return nil }
        }
        #expect(files.sorted() == [
            "cannot-move-users-from-different-ad-domain.md", "compiler-error-c2065.md", "html-in-article.md",
            "printer-offline.md", "sso-no-longer-works.md", "there-is-a-duplicate-key-sequence.md", "vpn-error-809.md",
        ])
        let store = try TemporaryStore()
        let other = try store.write("queries.jsonl", "{\"path\": \"a.md\", \"query\": \"x\"}\n{\"path\": \"b.md\", \"query\": \"y\"}\n")
        let summary = try store.importPaths([other])
        #expect(summary.errors == [.init(path: other, reason: "not a kb export: its first record is not a kb record (1: not a kb JSON record: 'path': a field the schema does not have)")])
    }
}
