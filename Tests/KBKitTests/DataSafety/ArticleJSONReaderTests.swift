import Foundation
import GRDB
import Testing
@testable import KBModel
@testable import KBStore

/// The store reads its records with `ArticleJSONReader`, which takes exactly the writer's
/// output; any other JSON goes to the strict decoder, which must give the same article.
@Suite struct ArticleJSONReaderTests {
    private func read(_ json: String) -> Article? {
        var json = json
        return json.withUTF8(ArticleJSONReader.read)
    }

    /// Every record the store holds for the sample articles, as `JSONDecoder` reads it.
    @Test func readsEveryStoredRecordAsTheDecoderDoes() throws {
        let records = try TemporaryStore.articles.open().readIndex { reader in
            try String.fetchAll(reader.db, sql: "SELECT record FROM article")
        }
        #expect(records.count > 50)
        for record in records {
            #expect(read(record) == (try ArticleJSON.decode(Data(record.utf8))))
        }
    }

    /// A sample article, and the same with text that needs every escape the writer uses.
    private static func articles() throws -> [Article] {
        let article = try Fixtures.article("Articles/003_e36610226ab790a0.txt")
        var escaped = article
        escaped.title = "Quote \" backslash \\ tab \t cr \r bell \u{07} del \u{7F} é 日本 😀"
        escaped.summary = "line 1\nline 2 \\n is not a newline"
        escaped.product = nil
        escaped.versions = [ProductVersion(platform: nil, version: "1.0"), ProductVersion(platform: "x", version: "\"2\"")]
        escaped.sections = [Section(heading: nil, text: "")]
        escaped.lastModified = nil
        return [article, escaped]
    }

    @Test func readsBackWhatTheWriterWrote() throws {
        for article in try Self.articles() {
            #expect(read(ArticleJSON.line(article)) == article, "\(article.id)")
        }
    }

    /// Valid records the writer would not write: the reader declines them, and the store's
    /// decoding still reads them, through the strict decoder.
    @Test(arguments: ["whitespace", "another key order", "an escape the writer does not use"])
    func otherSpellingsGoToTheStrictDecoder(change: String) throws {
        let article = try Fixtures.article("Articles/003_e36610226ab790a0.txt")
        let line = ArticleJSON.line(article)
        let changed = switch change {
        case "whitespace": line.replacingOccurrences(of: "\",\"", with: "\", \"")
        case "another key order": line.replacingOccurrences(of: #"{"id":"Q128961","title":"#, with: #"{"title":"#)
            .replacingOccurrences(of: #","product":"#, with: #","id":"Q128961","product":"#)
        default: line.replacingOccurrences(of: "TCP/IP", with: #"TCP\/IP"#)
        }
        #expect(changed != line, "the change applies to the fixture")
        #expect(read(changed) == nil)
        #expect(try StoredRecord.decode(changed, sectionsOnly: false) == article)
    }

    /// A title with its escapes at each offset from the record's start, so that each falls
    /// at each place of the eight bytes the reader tests at a time, and at the end of a text.
    @Test func readsEscapesWhereverTheyFall() throws {
        var article = try Fixtures.article("Articles/003_e36610226ab790a0.txt")
        for offset in 0..<17 {
            article.title = String(repeating: "a", count: offset) + "\"q\\\n" + String(repeating: "b", count: offset % 9)
            article.summary = String(repeating: "c", count: offset) + "\\"
            #expect(read(ArticleJSON.line(article)) == article, "offset \(offset)")
        }
    }

    /// Texts made of what the reader must tell apart (quotes, runs of backslashes, the
    /// escaped control characters, text past ASCII), anywhere in a string, at its ends
    /// included: what the writer wrote is what is read, and never the strict decoder's work.
    @Test func readsRandomEscapesBackAsWritten() throws {
        var article = try Fixtures.article("Articles/003_e36610226ab790a0.txt")
        let pieces = ["a", "bc", "\"", "\\", "\\\"", "\n", "\r", "\t", "\u{01}", "\u{1F}", "é", " "]
        var generator = SeededGenerator(seed: 17)
        func text() -> String {
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<500 {
            article.title = text()
            article.errorMessages = [text(), text()]
            article.sections = [Section(heading: text(), text: text())]
            #expect(read(ArticleJSON.line(article)) == article, "\(article.title)")
        }
    }

    @Test func aRecordCutShortOrExtendedIsDeclined() throws {
        let line = ArticleJSON.line(try Fixtures.article("Articles/003_e36610226ab790a0.txt"))
        #expect(read(String(line.dropLast())) == nil)
        #expect(read(String(line.dropLast(2)) + #","extra":1}}"#) == nil)
        #expect(read(line + " ") == nil)
        #expect(throws: StoredRecord.Unreadable.self) { try StoredRecord.decode(String(line.dropLast()), sectionsOnly: false) }
    }
}
