import Foundation
import Testing
@testable import KBModel

/// `kb search` end to end: error codes in every spelling, and what --explain shows.
@Suite struct SearchCommandTests {
    /// Three articles with the same words; only one quotes the code.
    static let store: TemporaryStore = {
        let store = try! TemporaryStore()
        func article(_ id: Int, _ message: String) -> String {
            """
            DOCUMENT:Q\(id)  01-JAN-2001  [x]
            TITLE   :Registry key cannot be opened during setup (\(id))
            PRODUCT :Test Product

            SYMPTOMS
            ========

            When you run setup, you may receive the following error message:

               \(message)

            """
        }
        let files = [
            try! store.write("a.txt", article(500001, "Setup failed: unable to open registry key")),
            try! store.write("b.txt", article(500002, "Error 0x80004005: unable to open registry key")),
            try! store.write("c.txt", article(500003, "Setup cannot open the registry key")),
        ]
        try! store.importPaths(files)
        return store
    }()

    @Test(arguments: [
        "0x80004005 registry key", "80004005 registry key", "2147500037 registry key", "-2147467259 registry key",
        "0X80004005 registry", "HRESULT 0x80004005",
    ])
    func everySpellingOfACodeFindsTheArticleThatQuotesIt(paste: String) throws {
        // A paste that starts with '-' (a negative code) is a paste, not an option.
        let result = try CommandRunner.run(["search", "--db", Self.store.path, "--json", "--limit", "3", paste])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let ids = try #require(json["results"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.first == "Q500002", "\(paste): \(ids)")
    }

    @Test func aMistypedOptionIsAUsageErrorNotAPaste() throws {
        let result = try CommandRunner.run(["search", "--db", Self.store.path, "--limt", "3", "registry"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: Unknown option '--limt'"))
    }

    @Test func explainShowsHowTheScoreWasMade() throws {
        let text = try CommandRunner.run(["search", "--db", Self.store.path, "--explain", "--limit", "1", "0x80004005 unable to open registry key"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("1. Q500002") == true)
        let score = try #require(lines.first { $0.contains("score ") })
        #expect(score.contains("bm25") && score.contains("message") && score.contains("terms:"))
        #expect(score.contains("x80004005"))

        let json = try CommandRunner.run(["search", "--db", Self.store.path, "--explain", "--json", "--limit", "1", "0x80004005 unable to open registry key"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((object["results"] as? [[String: Any]])?.first)
        let explanation = try #require(first["explanation"] as? [String: Any])
        #expect((explanation["message"] as? Double ?? 0) > 0.9)
        #expect(explanation["terms"] != nil)
        // Without --explain there is none.
        let plain = try CommandRunner.run(["search", "--db", Self.store.path, "--json", "--limit", "1", "0x80004005"])
        #expect(!plain.stdout.contains("\"explanation\""))
    }
}
