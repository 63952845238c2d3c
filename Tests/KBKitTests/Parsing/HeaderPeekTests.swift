import Testing
@testable import KBModel
@testable import KBParsing

/// An archive README's id and date, read from its first lines for the twin check, and nothing
/// read from a file of another layout.
@Suite struct HeaderPeekTests {
    private let readme = """
        ---\r
        layout: page\r
        title: "Q50559: Software Documentation Available for Blind Customers"\r
        ---\r
        \r
        {% raw %}\r
        \r
        \tArticle: Q50559\r
        \tProduct(s): Microsoft Product Support Information\r
        \tLast Modified: 30-JUL-2001\r
        """

    @Test func aReadmeGivesItsIdAndDate() throws {
        let header = try #require(HeaderPeek.peek(Array(readme.utf8)))
        #expect(header.layout == .markdown)
        #expect(header.id == "Q50559")
        #expect(header.lastModified == "2001-07-30")
    }

    /// Blank lines, a byte order mark or a stray control character before the front matter
    /// hide no README: the text is read as decoded.
    @Test func whatDecodingDropsOrSkipsBeforeTheFrontMatterHidesNoReadme() {
        for before in ["\r\n  \n\t\r\n", "\u{FEFF}", "\u{0C}", "\u{7F}\n"] {
            #expect(HeaderPeek.peek(Array((before + readme).utf8))?.id == "Q50559", "\(Array(before.utf8))")
        }
        #expect(HeaderPeek.peek(Array(("\n x" + readme).utf8)) == nil)
    }

    /// Plain ASCII is read as it is, other text as decoded: the two agree. Random headers of
    /// id, date and other lines, each read with line feeds (plain) and with CR LF (decoded).
    @Test func plainTextIsReadAsDecodedTextIs() {
        var random = SystemRandomNumberGenerator()
        let lines = ["\tArticle: Q50559", "\tArticle: Q123", "Article: Q7", "\tLast Modified: 30-JUL-2001",
                     "  Last Modified: 02-JAN-1999", "\tLast Modified: soon", "\tProduct(s): Windows", "", "  ",
                     "Article:", "Lasting"]
        var found = 0
        for _ in 0..<500 {
            let body = (0..<Int.random(in: 0...45, using: &random)).map { _ in lines.randomElement(using: &random)! }
            let text = ([Bool.random(using: &random) ? "---" : "--- x", "title: x"] + body).joined(separator: "\n")
            let plain = HeaderPeek.peek(Array(text.utf8))
            let decoded = HeaderPeek.peek(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
            #expect(plain?.id == decoded?.id, "\(text)")
            #expect(plain?.lastModified == decoded?.lastModified, "\(text)")
            if plain != nil { found += 1 }
        }
        #expect(found > 100)
    }

    /// The last id and date line of the first 40 count.
    @Test func theLastLineOfEachKindCounts() {
        let text = "---\n\tArticle: Q1\n\tLast Modified: 02-JAN-1999\n\tArticle: Q2\n\tLast Modified: 30-JUL-2001\n"
        #expect(HeaderPeek.peek(Array(text.utf8))?.id == "Q2")
        #expect(HeaderPeek.peek(Array(text.utf8))?.lastModified == "2001-07-30")
    }

    @Test func otherLayoutsAndLateLinesGiveNothing() {
        #expect(HeaderPeek.peek(Array("DOCUMENT:Q50559  30-JUL-2001  [kbenable]\r\nTITLE   :Software\r\n".utf8)) == nil)
        // Only the first 40 lines are read: an Article line after them is not seen.
        let late = "---\ntitle: x\n---\n" + String(repeating: "text\n", count: 37) + "\tArticle: Q50559\n"
        #expect(HeaderPeek.peek(Array(late.utf8)) == nil)
        let inTime = "---\ntitle: x\n---\n" + String(repeating: "text\n", count: 36) + "\tArticle: Q50559\nmore\n"
        #expect(HeaderPeek.peek(Array(inTime.utf8))?.id == "Q50559")
    }
}
