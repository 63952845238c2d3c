import Testing
@testable import KBModel
@testable import KBParsing

/// Files that are not articles get a specific error, never a crash.
@Suite struct ParseErrorTests {
    private func error(for bytes: [UInt8]) -> ParseError? {
        do {
            _ = try ArticleParser.parse(bytes, path: "x")
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyAndBlankFiles() {
        #expect(error(for: []) == .empty)
        #expect(error(for: Array(" \r\n\t\n".utf8)) == .empty)
    }

    @Test func binaryFiles() {
        #expect(error(for: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]) == .binary("NUL byte at offset 6"))
        var noise: [UInt8] = []
        var state: UInt32 = 12345
        for _ in 0..<4096 {
            state = state &* 1_103_515_245 &+ 12345
            noise.append(UInt8(truncatingIfNeeded: state >> 16) | 1)  // no NUL: the control-byte rule must catch it
        }
        guard case .binary = error(for: noise) else {
            Issue.record("random bytes were not refused as binary")
            return
        }
    }

    @Test func utf16IsRefusedWithAHint() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("DOCUMENT:Q1".utf8).flatMap { [$0, 0] }
        #expect(error(for: utf16) == .utf16)
    }

    @Test func unknownLayout() {
        #expect(error(for: Array("just some notes\nabout a printer\n".utf8)) == .unknownLayout)
    }

    @Test func documentHeaderWithoutID() {
        #expect(error(for: Array("DOCUMENT:  10-SEP-1999  [exchange]\nTITLE   :x\n".utf8)) == .missingID(.document))
        #expect(error(for: Array("DOCUMENT:Q12  10-SEP-1999\nPRODUCT :x\n".utf8)) == .missingTitle("Q12"))
    }

    @Test func unclosedFrontMatter() {
        let text = "---\nlayout: page\ntitle: \"Q1: x\"\n\n## Q1: x\n\tArticle: Q1\n"
        #expect(error(for: Array(text.utf8)) == .unclosedFrontMatter(line: 1))
        #expect(ParseError.unclosedFrontMatter(line: 1).description == "front matter opened on line 1 is never closed with '---'")
    }

    @Test func markdownWithoutID() {
        #expect(error(for: Array("---\nlayout: page\npermalink: /kb/011/Q11697/\n---\n\n## A title\n\n\tSome text\n".utf8)) == .missingID(.markdown))
    }

    /// Every prefix of a real article either parses or gets an error: no crash, no hang. A
    /// prefix that holds the whole header parses as the same article; a shorter one fails.
    @Test func everyTruncationOfARealArticleIsHandled() throws {
        let bytes = try Fixtures.bytes("Articles/000_38bd5e6e32a2e3d6.txt")
        let whole = try ArticleParser.parse(bytes, path: "x")
        // The heading that names the article ("## Q178511: title") ends its header.
        let text = String(decoding: bytes, as: UTF8.self)
        let heading = try #require(text.range(of: "## \(whole.id): "))
        let headingStart = text.utf8.distance(from: text.startIndex, to: heading.lowerBound)
        let headingEnd = text.utf8.distance(from: text.startIndex, to: try #require(text[heading.upperBound...].firstIndex(of: "\n")))
        let articleLine = try #require(text.range(of: "Article: \(whole.id)\n"))
        let articleLineEnd = text.utf8.distance(from: text.startIndex, to: articleLine.upperBound)
        for end in stride(from: 0, through: bytes.count, by: 7) {
            let prefix = Array(bytes[0..<end])
            if end <= headingStart {
                #expect(throws: ParseError.self, "cut at \(end)") { try ArticleParser.parse(prefix, path: "x") }
            } else if end > headingEnd {
                // The id may still be cut short on the "Article:" line; the title is whole.
                let article = try ArticleParser.parse(prefix, path: "x")
                #expect(article.title == whole.title, "cut at \(end)")
                if end > articleLineEnd { #expect(article.id == whole.id, "cut at \(end)") }
            } else {
                _ = try? ArticleParser.parse(prefix, path: "x")
            }
        }
    }
}
