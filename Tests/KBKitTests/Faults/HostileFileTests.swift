import Foundation
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBParsing
@testable import KBStore

/// Whatever a dump folder holds, each bad file gets a one-line error naming it and the good
/// files beside it are stored.
@Suite struct HostileFileTests {
    @Test func aDumpOfBadFilesBesideGoodOnes() throws {
        let store = try TemporaryStore()
        let dump = store.folder.appendingPathComponent("dump")
        let good = try Fixtures.bytes("Articles/003_e36610226ab790a0.txt")
        func put(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: dump.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true)
        try put("good.txt", good)
        try put("empty.txt", [])
        var generator = SystemRandomNumberGenerator()
        try put("random.txt", (0..<65536).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try put("utf16.txt", [0xFF, 0xFE] + Array("DOCUMENT:Q1  01-JAN-2000\r\n".utf8).flatMap { [$0, 0] })
        try put("nul.txt", Array(good.prefix(200)) + [0, 0, 0] + Array(good.dropFirst(200)))
        try put("no-id.txt", Array("DOCUMENT:  01-JAN-2000  [x]\r\nTITLE   :Something\r\n".utf8))
        try put("unclosed.md", Array("---\nlayout: page\ntitle: \"Q1: x\"\n\n## Q1: x\n\tArticle: Q1\n".utf8))
        // One 30 MB line: refused by size, read only up to the limit.
        try put("huge.txt", [UInt8](repeating: UInt8(ascii: "a"), count: 30 * 1024 * 1024))
        // A symbolic link loop and a dangling link.
        try FileManager.default.createSymbolicLink(atPath: dump.appendingPathComponent("loop").path, withDestinationPath: dump.path)
        try FileManager.default.createSymbolicLink(atPath: dump.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/x")

        let summary = try store.importPaths([dump.path])
        #expect(summary.new == 1)
        let reasons = Dictionary(uniqueKeysWithValues: summary.errors.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason) })
        #expect(reasons["empty.txt"] == "empty file")
        #expect(reasons["random.txt"]?.hasPrefix("not a text file") == true)
        #expect(reasons["utf16.txt"] == "UTF-16 text is not supported: convert the file to UTF-8")
        #expect(reasons["nul.txt"] == "not a text file (NUL byte at offset 200)")
        #expect(reasons["no-id.txt"] == "no article id: line 1 should read 'DOCUMENT:Q<number> …'")
        #expect(reasons["unclosed.md"] == "front matter opened on line 1 is never closed with '---'")
        #expect(reasons["huge.txt"] == "too large: over the 16 MiB limit for one article or record")
        #expect(reasons["gone.txt"] == "broken symbolic link")
        #expect(summary.failed == 8, "\(summary.errors.map { "\($0.path): \($0.reason)" })")
        // Every reason is one line.
        #expect(summary.errors.allSatisfy { !$0.reason.contains("\n") })
        #expect(try store.open().check() == [])
    }

    /// A binary file whose first byte opens a JSON object or array is not read as an export
    /// line by line: it fails once, as a file that is not text.
    @Test(arguments: ["{", " [", "{\"id\": \"Q1\"}\n"])
    func aBinaryFileThatStartsLikeJSONFailsOnce(start: String) throws {
        let store = try TemporaryStore()
        var bytes = Array(start.utf8)
        for n in 0..<5_000 { bytes += [UInt8(truncatingIfNeeded: n * 7919 >> 3) | 0x80, n % 50 == 0 ? 10 : 1] }
        bytes[600] = 0
        let path = try store.write("binary.json", "")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let summary = try store.importPaths([path])
        #expect(summary.errors.map(\.path) == [path])
        #expect(summary.errors.map(\.reason) == ["not a text file (NUL byte at offset 600)"])
    }

    @Test func everyTruncationOfARealArticleParsesOrFails() throws {
        for name in ["Articles/001_85a396cae39d0afa.txt", "Articles/000_38bd5e6e32a2e3d6.txt"] {
            let bytes = try Fixtures.bytes(name)
            var outcomes = (parsed: 0, failed: 0)
            for end in 0...bytes.count {
                do {
                    let article = try ArticleParser.parse(Array(bytes[0..<end]), path: "cut")
                    #expect(article.id.hasPrefix("Q"))
                    outcomes.parsed += 1
                } catch {
                    // A reason fit for a one-line "PATH: reason" message.
                    #expect(!error.description.isEmpty && !error.description.contains("\n"))
                    outcomes.failed += 1
                }
            }
            // Prefixes without a whole header fail; those past it parse.
            #expect(outcomes.failed > 0)
            #expect(outcomes.parsed > bytes.count / 2)
        }
    }

    @Test func aFileThatVanishesIsReported() throws {
        let store = try TemporaryStore()
        let path = try store.write("soon-gone.txt", "DOCUMENT:Q1\n")
        let items = FileWalker().items(for: [path])
        try FileManager.default.removeItem(atPath: path)
        let summary = try Importer(store: store.open()).run(items)
        #expect(summary.errors == [ImportSummary.Failure(path: path, reason: "cannot open: No such file or directory")])
    }

    /// Root reads any file whatever its mode: this case only exists for other users.
    @Test(.enabled(if: getuid() != 0, "root reads files whatever their mode"))
    func unreadableFilesAreReported() throws {
        let store = try TemporaryStore()
        let path = try store.write("secret.txt", "DOCUMENT:Q1\n")
        chmod(path, 0)
        let summary = try store.importPaths([path])
        #expect(summary.errors.first?.reason == "cannot open: Permission denied")
    }
}

/// Inputs the fuzzer found interesting or crashing are replayed on every test run.
@Suite struct FuzzRegressionTests {
    @Test func everyKeptFuzzInputParsesOrFails() throws {
        var count = 0
        for folder in ["Tests/Fuzz/corpus", "Tests/Fuzz/crashes"] {
            let path = Fixtures.path(folder)
            // The crashes folder exists only once the fuzzer has found one; the corpus always.
            if folder.hasSuffix("crashes") && !FileManager.default.fileExists(atPath: path) { continue }
            for name in try FileManager.default.contentsOfDirectory(atPath: path) {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
                if let article = try? ArticleParser.parse(bytes, path: name) {
                    // The archive's layouts fill the section fields from the section headings
                    // alone (so the store keeps their sections only); docs-as-code articles
                    // also fill them from front matter, and are stored whole.
                    if article.source.layout != .docs { #expect(article.withSectionFields() == article) }
                    #expect(try ArticleJSON.decode(Data(ArticleJSON.line(article).utf8)) == article)
                }
                count += 1
            }
        }
        #expect(count > 100)
    }
}
