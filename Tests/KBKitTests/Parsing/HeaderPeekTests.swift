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

    @Test func otherLayoutsAndLateLinesGiveNothing() {
        #expect(HeaderPeek.peek(Array("DOCUMENT:Q50559  30-JUL-2001  [kbenable]\r\nTITLE   :Software\r\n".utf8)) == nil)
        // Only the first 40 lines are read: an Article line after them is not seen.
        let late = "---\ntitle: x\n---\n" + String(repeating: "text\n", count: 37) + "\tArticle: Q50559\n"
        #expect(HeaderPeek.peek(Array(late.utf8)) == nil)
        let inTime = "---\ntitle: x\n---\n" + String(repeating: "text\n", count: 36) + "\tArticle: Q50559\nmore\n"
        #expect(HeaderPeek.peek(Array(inTime.utf8))?.id == "Q50559")
    }
}
