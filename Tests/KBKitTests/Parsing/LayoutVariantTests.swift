import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBParsing

/// The variants found in real dumps, each on a real article kept under `Articles/kb-sample`.
@Suite struct LayoutVariantTests {
    /// A DOCUMENT body line loses one leading space character: a space with a combining mark
    /// after it is another character, and stays.
    @Test func aDocumentBodyLineLosesOneLeadingSpace() {
        #expect(DocumentLayoutReader.withoutLeadingSpace(" abc") == "abc")
        #expect(DocumentLayoutReader.withoutLeadingSpace("  x") == " x")
        #expect(DocumentLayoutReader.withoutLeadingSpace(" ") == "")
        #expect(DocumentLayoutReader.withoutLeadingSpace(" \u{E9}t\u{E9}") == "\u{E9}t\u{E9}")
        #expect(DocumentLayoutReader.withoutLeadingSpace(" \u{301}x") == " \u{301}x")
        #expect(DocumentLayoutReader.withoutLeadingSpace("\tx") == "\tx")
    }

    /// Articles present in both layouts, chosen for the markdown copy's artifacts:
    /// shifted indentation, `<A0>` hex tokens, HTML-escaped titles, Latin-1 bytes.
    @Test(arguments: ["Q12297", "Q166151", "Q202086", "Q237681", "Q111742", "Q134901", "Q192582", "Q120423", "Q130093"])
    func twinsGiveTheSameRecord(id: String) throws {
        let document = try Fixtures.sample(id, .document)
        let markdown = try Fixtures.sample(id, .markdown)
        #expect(document.source.layout == .document)
        #expect(markdown.source.layout == .markdown)
        #expect(document.withoutSource == markdown.withoutSource)
    }

    @Test func windows1252BytesAreDecoded() throws {
        let a = try Fixtures.sample("Q192582", .document)
        #expect(a.sections.contains { $0.text.contains("the character \u{201C}ñ\u{201D} (Alt 0241)") })
        let bullet = try Fixtures.sample("Q111742", .document)
        #expect(bullet.sections.contains { $0.text.contains("· Is the printer plugged in?") })
    }

    @Test func controlCharactersAreRemoved() throws {
        let a = try Fixtures.sample("Q202086", .document)
        #expect(a.title == "SMS: Purchase Date in New Product Shows a \"\" instead of a \"2\"")
        #expect(!a.sections.contains { $0.text.unicodeScalars.contains { $0.value == 0x7F } })
    }

    @Test func noBreakSpacesBecomePlainSpaces() throws {
        let a = try Fixtures.sample("Q166151", .markdown)
        #expect(a.sections.allSatisfy { !$0.text.contains("\u{A0}") && !$0.text.contains("<A0>") })
    }

    @Test func oldPreambleBlockFillsEmptyHeaderFields() throws {
        let a = try Fixtures.sample("Q120423", .document)
        #expect(a.versions == [ProductVersion(platform: nil, version: "3.50")])
        #expect(a.operatingSystems == ["WINDOWS"])
        #expect(a.keywords == ["kbui", "kb3rdparty", "kbbug3.50"])
        #expect(a.appliesTo == ["Microsoft Windows NT Workstation version 3.5", "Microsoft Windows NT Server version 3.5"])
        #expect(a.sections.first?.heading == "SYMPTOMS")
    }

    @Test func articleWithoutAppliesToStartsWithItsSummary() throws {
        let a = try Fixtures.sample("Q50559", .document)
        #expect(a.appliesTo == [])
        #expect(a.summary?.hasPrefix("People who have difficulties reading") == true)
        #expect(a.additionalQueryWords.first == "disability")
    }

    @Test func articleWithoutHeadingsKeepsAllItsText() throws {
        let a = try Fixtures.sample("Q31994", .markdown)
        #expect(a.sections.count == 1)
        #expect(a.sections[0].heading == nil)
        #expect(a.sections[0].text.hasPrefix("The overlay linker uses an interrupt to call in overlaid files."))
        #expect(a.sections[0].text.contains("INT     3Fh         ; can change # with /OVERLAYINTERRUPT:#"))
        #expect(a.operatingSystems == ["MS-DOS"])
        #expect(a.product == "See article")
        #expect(a.lastModified?.description == "1990-01-26")
    }

    @Test func questionAndResponseBecomeSections() throws {
        let a = try Fixtures.sample("Q66432", .markdown)
        #expect(a.sections.map(\.heading) == ["Question", "Response"])
        #expect(a.title == "\"QC Is Already Running\" Message Appears")
        #expect(a.errorMessages.contains("QC is already running Exit?"))
    }

    @Test func oldMarkdownMetadataWithBars() throws {
        let a = try Fixtures.sample("Q68073", .markdown)
        #expect(a.versions == [ProductVersion(platform: nil, version: "6.00"), ProductVersion(platform: nil, version: "6.00a")])
        #expect(a.operatingSystems == ["MS-DOS", "OS/2"])
        #expect(a.keywords == ["ENDUSER", "buglist6.00", "buglist6.00a", "mspl13_c"])
        #expect(a.lastModified?.description == "1991-02-06")
    }

    @Test func everyCuratedArticleParses() throws {
        var outcomes: [ArticleSource.Outcome] = []
        ArticleSource().forEachBatch(FileWalker().items(for: [Fixtures.articlesFolder])) { outcomes += $0 }
        let failures = outcomes.compactMap { if case .failure(let p, let r) = $0 { "\(p): \(r)" } else { nil } }
        #expect(failures == [])
        #expect(outcomes.count >= 80)
    }
}
