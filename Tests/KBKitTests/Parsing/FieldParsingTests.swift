import Testing
@testable import KBModel
@testable import KBParsing

@Suite struct FieldParsingTests {
    @Test func versionsWithPlatforms() {
        #expect(FieldParsing.versions("WINDOWS:5.0,5.5") == [
            ProductVersion(platform: "WINDOWS", version: "5.0"), ProductVersion(platform: "WINDOWS", version: "5.5"),
        ])
        #expect(FieldParsing.versions(":5.1,6.0a; MS-DOS:7.0") == [
            ProductVersion(platform: nil, version: "5.1"), ProductVersion(platform: nil, version: "6.0a"),
            ProductVersion(platform: "MS-DOS", version: "7.0"),
        ])
        #expect(FieldParsing.versions("4.0 5.0") == [
            ProductVersion(platform: nil, version: "4.0"), ProductVersion(platform: nil, version: "5.0"),
        ])
        #expect(FieldParsing.versions("WINDOWS:") == [])
        #expect(FieldParsing.versions(nil) == [])
    }

    @Test func dates() {
        #expect(FieldParsing.date("21-MAR-1999")?.description == "1999-03-21")
        #expect(FieldParsing.date("6-feb-1991")?.description == "1991-02-06")
        #expect(FieldParsing.date("32-MAR-1999") == nil)
        #expect(FieldParsing.date("yesterday") == nil)
    }

    /// ASCII fields are split byte by byte, others by characters: the words are the same.
    @Test func wordsAreSplitAsCharactersSplitThem() {
        let fields = [
            "kbusage kbprb", "ENDUSER | S_C | mspl13_c", "a,b,,a\tc", "  ", "", "win\r\nnt, x", "café | kbprb",
            "e\u{301} , \u{301}x", "a |\u{301}b", "dup dup DUP",
        ]
        for field in fields {
            var seen = Set<String>()
            let characters = field.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" || $0 == "," })
                .map(String.init).filter { seen.insert($0).inserted }
            #expect(FieldParsing.words(field) == characters, "\(field)")
        }
        #expect(FieldParsing.words("ENDUSER | S_C | mspl13_c") == ["ENDUSER", "S_C", "mspl13_c"])
        #expect(FieldParsing.words(nil) == [])
    }

    @Test func citations() {
        #expect(ArticleID.citations(in: "see Q166599 and q123456, not Q12 or XQ111111 or Q1234567", excluding: "Q1") == ["Q166599", "Q123456"])
        #expect(ArticleID.citations(in: "Q166599 Q166599", excluding: "Q166599") == [])
    }

    @Test func hexTokensOfTheMarkdownCopy() {
        #expect(MarkdownLayoutReader.decodeHexTokens("Microsoft<AE> Windows <ab> <7F>x") == "Microsoft® Windows <ab> x")
    }
}
