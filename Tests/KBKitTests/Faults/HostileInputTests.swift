import Foundation
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBParsing
@testable import KBPrinter
@testable import KBSearch
@testable import KBServer
@testable import KBStore

/// Input a hostile or unlucky user gives: one long word, markup hidden behind combining marks,
/// control characters for the terminal, hostile ids, files and databases.
@Suite struct HostileInputTests {
    /// A lexicon that counts the characters it is asked for: what correction costs.
    final class CountingLexicon: Lexicon, @unchecked Sendable {
        var asked = 0
        func frequencies(_ words: Set<String>) -> [String: Int] {
            asked += words.reduce(0) { $0 + $1.count }
            return [:]
        }
        func words(startingWith first: Character, lengths: ClosedRange<Int>) -> [String: Int] {
            asked += 1
            return [:]
        }
    }

    /// A word longer than any word of the index is not corrected: its variants (60 a letter,
    /// each as long as it) made correction cost the square of its length.
    @Test func aLongWordCostsNoCorrection() throws {
        let lexicon = CountingLexicon()
        let word = String(repeating: "a", count: 200)
        _ = try SpellingCorrection(lexicon: lexicon).replacements([word], unknown: [0])
        #expect(lexicon.asked == 0)
        // A word of ordinary length still is.
        _ = try SpellingCorrection(lexicon: lexicon).replacements(["aplicaton"], unknown: [0])
        #expect(lexicon.asked > 0)
    }

    /// The paste limit is one definition: the command refuses a longer paste with a message
    /// that names the limit, and exits 2.
    @Test func theCommandRefusesAPasteOverTheLimit() throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.path("Articles/003_e36610226ab790a0.txt")])
        let paste = String(repeating: "Failed in Connect ", count: PasteLimit.bytes / 18 + 2)
        let over = try CommandRunner.run(["search", "--db", store.path], stdin: paste)
        #expect(over.status == 2)
        #expect(over.stderr.contains("longer than 1 MiB"))
        let within = try CommandRunner.run(["search", "--db", store.path], stdin: String(paste.prefix(PasteLimit.bytes - 100)))
        #expect(within.status == 0)
    }

    /// A quote followed by a combining mark is one `Character`: escaped by byte, it cannot
    /// end an attribute.
    @Test func theEscaperWorksByteByByte() {
        #expect(HTMLEscaper.escape("\"\u{301} onfocus=alert(1)") == "&quot;\u{301} onfocus=alert(1)")
        #expect(HTMLEscaper.escape("<\u{338}script>'&") == "&lt;\u{338}script&gt;&#39;&amp;")
    }

    /// Every page, rendered with hostile values in every field, holds no quote or angle
    /// bracket of them unescaped.
    @Test func everyPageEscapesQuotesBeforeCombiningMarks() throws {
        let hostile = "\"\u{301} autofocus onfocus=alert(1) x=\"\u{301}<\u{338}img src=x onerror=alert(2)>"
        var article = Article(id: "Q178511", title: hostile, source: Source(layout: .document, path: hostile))
        article.product = hostile
        article.appliesTo = [hostile]
        article.errorMessages = [hostile]
        article.sections = [Section(heading: hostile, text: hostile)]
        let pages = [
            Pages.search(form: Pages.SearchForm(query: hostile, product: hostile, version: hostile), products: [hostile], results: nil),
            Pages.search(form: Pages.SearchForm(query: hostile), products: [], results: ResultsView(error: hostile)),
            Pages.article(article, successors: []),
            Pages.message(title: hostile, hostile),
        ]
        for page in pages {
            let bytes = Array(page.utf8)
            // `"` or `<` right before U+0301 / U+0338 (0xCC 0x81 / 0xCC 0xB8): the value's own.
            let unescaped = bytes.indices.dropLast(2).contains { (i: Int) -> Bool in
                let markup: Bool = bytes[i] == 0x22 || bytes[i] == 0x3C
                let mark: Bool = bytes[i + 1] == 0xCC && (bytes[i + 2] == 0x81 || bytes[i + 2] == 0xB8)
                return markup && mark
            }
            #expect(!unescaped, "a hostile value's quote or bracket is not escaped")
            #expect(page.contains("&quot;\u{301}"))
        }
    }

    /// ESC, BEL and C1 controls in an article reach the terminal as visible codes; the only
    /// escape sequences printed are kb's own colours.
    @Test func terminalOutputNeutralisesControlCharacters() throws {
        let evil = "Evil \u{1B}]0;pwned\u{07} \u{1B}[2J \u{9B}31m \u{202E}txt.exe"
        var article = Article(id: "Q128961", title: evil, source: Source(layout: .document, path: "x"))
        article.product = evil
        article.errorMessages = [evil]
        article.sections = [Section(heading: evil, text: evil)]
        for color in [true, false] {
            let style = TerminalStyle(color: color)
            let printed = style.render(ArticleText.render(article, style: style))
            // kb's own colours removed, nothing a terminal obeys may be left.
            let withoutStyles = printed.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(!withoutStyles.unicodeScalars.contains(where: TerminalSanitizer.isUnsafe))
            #expect(printed.contains("Evil \\x1B]0;pwned\\x07 \\x1B[2J \\x9B31m \\u{202E}txt.exe"))
            #expect(color == printed.contains("\u{1B}[1m"))
        }
    }

    /// The same through the command line, from a JSON import (the path that let them through).
    @Test func showAndSearchPrintNoControlCharacters() throws {
        let store = try TemporaryStore()
        var record = try Fixtures.article("Articles/003_e36610226ab790a0.txt")
        record.title = "Evil \u{1B}[2J\u{07} title"
        record.errorMessages = ["Failed in Connect \u{1B}]0;pwned\u{07}"]
        let file = try store.write("evil.jsonl", ArticleJSON.line(record) + "\n")
        #expect(try store.importPaths([file]).new == 1)
        for arguments in [["show", "Q128961"], ["search", "Failed in Connect"]] {
            let output = try CommandRunner.run(arguments + ["--db", store.path])
            #expect(output.status == 0)
            #expect(!output.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
            #expect(output.stdout.contains("Evil \\x1B[2J\\x07 title"))
        }
    }

    /// Ids have one spelling: leading zeros go, and what no article can have is refused.
    @Test func idsAreNormalisedInOnePlace() {
        #expect(ArticleID.normalize("Q00178511") == "Q178511")
        #expect(ArticleID.normalize("q178511") == "Q178511")
        #expect(ArticleID.normalize("Q0") == nil)
        #expect(ArticleID.normalize("Q" + String(repeating: "1", count: 30)) == nil)
        #expect(Article.isArticleID("Q178511"))
        #expect(!Article.isArticleID("Q00178511"))
        #expect(!Article.isArticleID("Q0"))
    }

    /// A file with "#" alone has no title: refused on import, as its record would be on re-import.
    @Test func aHeadingWithoutTextIsNoTitle() throws {
        let store = try TemporaryStore()
        let file = try store.write("kb/empty.md", "#\n\nSome text.\n")
        let summary = try store.importPaths([file])
        #expect(summary.new == 0 && summary.failed == 1)
        #expect(summary.errors.first?.reason.contains("no title") == true)
    }

    /// An article whose export record would be over the record limit is refused at import:
    /// an export of it could not be imported again.
    @Test func anArticleWhoseRecordWouldBeTooLargeIsRefused() throws {
        var article = try Fixtures.article("Articles/003_e36610226ab790a0.txt")
        // Control characters are written as \u00XX: six bytes each, in sections and section fields.
        let text = String(repeating: "\u{01}", count: ArticleLimits.recordBytes / 10)
        article.sections = [Section(heading: "Symptoms", text: text)]
        article.symptoms = text
        let stored = StoredArticle(article)
        #expect(Importer.exportProblem(article, stored: stored)?.contains("over the 64 MiB limit") == true)
        #expect(Importer.exportProblem(try Fixtures.article("Articles/003_e36610226ab790a0.txt"),
                                       stored: StoredArticle(try Fixtures.article("Articles/003_e36610226ab790a0.txt"))) == nil)
    }

    /// Another program's database is not turned into a store (no tables added, no WAL).
    @Test func anotherProgramsDatabaseIsRefused() throws {
        let store = try TemporaryStore()
        let sqlite = try CommandRunner.runTool("/usr/bin/env", ["python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table orders(x)'); c.commit()", store.path])
        #expect(sqlite.status == 0)
        let output = try CommandRunner.run(["import", "--quiet", "--db", store.path, Fixtures.path("Articles/003_e36610226ab790a0.txt")])
        #expect(output.status == 1)
        #expect(output.stderr.contains("not a kb store"))
        #expect(!FileManager.default.fileExists(atPath: store.path + "-wal"))
        let special = try CommandRunner.run(["search", "--db", "/dev/null", "x"])
        #expect(special.status == 1)
        #expect(special.stderr.contains("/dev/null: not a kb store: it is a device or special file"))
    }

    /// A link out of the imported folder is listed as skipped, not followed; a name that is
    /// not UTF-8 is called that, not a broken link.
    @Test func linksOutOfTheTreeAndBadNamesAreReportedAsSuch() throws {
        let store = try TemporaryStore()
        let article = try store.write("kb/article.md", "# A title\n\nText.\n")
        let outside = try store.write("outside/secret.md", "# Secret\n\nNot for the store.\n")
        let folder = (article as NSString).deletingLastPathComponent
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.md", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: folder + "/inside.md", withDestinationPath: article)
        let badName = Array((folder + "/bad").utf8) + [0xFF] + Array(".md".utf8) + [0]
        let fd = badName.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        let items = FileWalker().items(for: [folder])
        let failures = items.compactMap { item -> String? in
            if case .failure(_, let reason) = item { return reason }
            return nil
        }
        #expect(failures.contains { $0.hasPrefix("skipped: a symbolic link to ") && $0.contains("outside/secret.md") })
        #expect(failures.contains { $0.contains("not valid UTF-8") })
        #expect(!failures.contains { $0.contains("broken symbolic link") })
        #expect(items.filter { if case .file = $0 { true } else { false } }.count == 2)
        let followed = FileWalker(followSymlinks: true).items(for: [folder])
        #expect(followed.filter { if case .file = $0 { true } else { false } }.count == 3)
    }

    /// A store in a folder this process cannot write, without its -shm file, is read as
    /// immutable (root can write anywhere, so the test needs another user).
    @Test(.enabled(if: getuid() != 0, "root writes any folder: run as another user"))
    func aStoreInAReadOnlyFolderIsRead() throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.path("Articles/003_e36610226ab790a0.txt")])
        for suffix in ["-shm", "-wal"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: store.folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: store.folder.path) }
        let output = try CommandRunner.run(["search", "--db", store.path, "Failed in Connect"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Q128961"))
    }
}
