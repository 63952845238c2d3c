import ArgumentParser
import Testing
@testable import kb

/// `kb search`'s own reader of plain command lines against ArgumentParser: whatever the reader
/// accepts, ArgumentParser must read the same way, and the common forms must not fall back.
@Suite struct SearchCommandLineTests {
    /// Every field a search uses, as text, so two commands compare in one `#expect`.
    static func fields(_ request: SearchRequest) -> [String] {
        let filter = request.filter
        return [
            "db=\(request.storePath ?? "-")", "limit=\(request.limit)", "json=\(request.json)", "explain=\(request.explain)",
            "product=\(filter.product ?? "-")", "version=\(filter.version ?? "-")", "keyword=\(filter.keyword ?? "-")",
            "since=\(filter.since.map { "\($0)" } ?? "-")", "kb=\(filter.knowledgeBase ?? "-")", "ids=\(filter.ids)",
            "text=\(request.text)",
        ]
    }

    /// ArgumentParser's reading, or nil when it refuses the line.
    static func argumentParser(_ arguments: [String]) -> [String]? {
        guard let command = try? KB.parseAsRoot(arguments) else { return nil }
        return (command as? SearchCommand).map { fields($0.request) }
    }

    @Test(arguments: [
        ["search", "The system cannot find the file specified"],
        ["search"],
        ["search", "--db", "kb.sqlite", "--json", "--limit", "3", "Setup", "failed"],
        ["search", "--db=kb.sqlite", "-2147467259", "registry", "key"],
        ["search", "error", "--explain", "0x80004005", "--limit=1"],
        ["search", "--product", "Exchange", "--version", "5.5", "--keyword", "kberrmsg", "--since", "1999-02-03", "--kb", "txt", "x"],
    ])
    func theCommonFormsAreReadWithoutArgumentParser(arguments: [String]) throws {
        let command = try #require(SearchCommandLine.parse(arguments))
        #expect(Self.fields(command) == Self.argumentParser(arguments))
    }

    @Test(arguments: [
        ["search", "--help"], ["search", "-h"], ["search", "--", "-x"], ["search", "--limt", "3", "x"],
        ["search", "--limit", "0", "x"], ["search", "--limit", "ten", "x"], ["search", "--since", "2001-13-01", "x"],
        ["search", "--db", "a", "--db", "b", "x"], ["search", "--json", "--json", "x"], ["search", "--json=yes", "x"],
        ["search", "x", "--db"], ["search", "--db", "--json", "x"], ["search", "-", "x"], ["--version"], ["show", "Q1"],
    ])
    func everythingElseIsLeftToArgumentParser(arguments: [String]) {
        #expect(SearchCommandLine.parse(arguments) == nil)
    }

    @Test func kbVersionIsAnsweredAsArgumentParserAnswersIt() throws {
        let answer = try #require(KB.versionAnswer(["--version"]))
        var parserSays: String?
        do {
            _ = try KB.parseAsRoot(["--version"])
        } catch {
            parserSays = KB.fullMessage(for: error)
        }
        #expect(answer == parserSays)
        for other in [["--version", "x"], ["search", "--version"], ["--help"], []] {
            #expect(KB.versionAnswer(other) == nil)
        }
    }

    /// Random command lines built from kb's options, their bad values and paste words that look
    /// like options: each one the reader accepts, ArgumentParser reads alike.
    @Test func whateverTheReaderAcceptsArgumentParserReadsAlike() {
        let pieces: [[String]] = [
            ["--db", "kb.sqlite"], ["--db=other.sqlite"], ["--limit", "3"], ["--limit=25"], ["--limit", "0"], ["--limit", "-1"],
            ["--json"], ["--explain"], ["--product", "Word"], ["--product=Excel 97"], ["--version", "5.0"],
            ["--keyword", "kbsetup"], ["--since", "2001-01-31"], ["--since", "2001-02-30"], ["--kb=txt"], ["--kb", ""],
            ["error"], ["0x80004005"], ["-2147467259"], ["-1.5"], ["-1x"], ["C:\\Windows\\setup.log"], ["a=b"],
            ["-"], ["-h"], ["--"], ["--help"], ["--limt"], ["-db"], ["Stop 0x0000000A"], [""], ["--db"],
        ]
        var random = SeededGenerator(seed: 20261204)
        var accepted = 0
        for _ in 0..<500 {
            var arguments = ["search"]
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                arguments += pieces.randomElement(using: &random)!
            }
            guard let command = SearchCommandLine.parse(arguments) else { continue }
            accepted += 1
            #expect(Self.fields(command) == Self.argumentParser(arguments), "\(arguments)")
        }
        // The comparison means something only if many lines were accepted.
        #expect(accepted > 100)
    }
}
