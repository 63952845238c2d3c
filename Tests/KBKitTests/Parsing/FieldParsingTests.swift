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

    @Test func citations() {
        #expect(ArticleID.citations(in: "see Q166599 and q123456, not Q12 or XQ111111 or Q1234567", excluding: "Q1") == ["Q166599", "Q123456"])
        #expect(ArticleID.citations(in: "Q166599 Q166599", excluding: "Q166599") == [])
    }

    @Test func hexTokensOfTheMarkdownCopy() {
        #expect(MarkdownLayoutReader.decodeHexTokens("Microsoft<AE> Windows <ab> <7F>x") == "Microsoft® Windows <ab> x")
    }
}
