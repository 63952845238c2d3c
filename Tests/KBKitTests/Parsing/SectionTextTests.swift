import Testing
@testable import KBParsing

/// A section's text from its lines: blanks cut at line ends, blank runs made one, blank lines
/// at the ends dropped, the shared indentation removed, by characters as Swift counts them.
@Suite struct SectionTextTests {
    @Test func blanksAndTheSharedIndentationAreCut() {
        let lines = ["", "   ", "    Cannot find the file.  \t", "", "", "      C:\\WIN.INI\t", "   ", ""]
        #expect(SectionText.format(lines) == "Cannot find the file.\n\n  C:\\WIN.INI")
        #expect(SectionText.format(["", " \t"]) == "")
        #expect(SectionText.format(["  a\r", "b"]) == "  a\r\nb")
    }

    /// A combining mark after a space makes one character of both: it is neither a blank to
    /// cut nor part of the indentation's count of characters.
    @Test func aSpaceWithACombiningMarkIsOneCharacter() {
        #expect(SectionText.format(["  \u{301}x", "  y"]) == "x\ny")
        #expect(SectionText.format(["  caf\u{E9}  ", "    d \u{301}"]) == "caf\u{E9}\n  d \u{301}")
    }
}
