import Testing
@testable import KBModel
@testable import KBParsing

/// The CommonMark and GFM rules that decide what kb extracts from a docs-as-code article, one
/// case each, in the spec's own terms (CommonMark 0.29 sections "Block quotes", "Fenced code
/// blocks", "Setext headings", "Link reference definitions", "List items", "Entity and
/// numeric character references"; GFM "Tables (extension)"). Each case was a misreading of
/// the line-by-line reader kb had before cmark-gfm.
@Suite struct MarkdownSpecTests {
    private func article(_ body: String) throws -> Article {
        try Fixtures.parse("# An article\n\n" + body, path: "kb/article.md")
    }

    /// Block quotes: a paragraph continues on a line without `>` ("lazy continuation").
    @Test func aQuotedMessageContinuesOnLazyLines() throws {
        let a = try article("You receive the following error message:\n\n> The operation failed because\nthe file is locked by another user.\n\nText after.\n")
        #expect(a.errorMessages == ["The operation failed because the file is locked by another user."])
    }

    /// Block quotes: `> >` nests; the inner quote's text is still what the article quotes.
    @Test func aNestedQuoteIsQuoted() throws {
        let a = try article("The log shows:\n\n> > Error 0x80070005: Access is denied.\n")
        #expect(a.errorMessages == ["Error 0x80070005: Access is denied."])
    }

    /// Fenced code blocks: a closing fence has no info string, so "```cpp" inside an open
    /// fence is content, and the text after the real close is not swallowed.
    @Test func aFenceIsClosedOnlyByABareFence() throws {
        let a = try article("The build prints this error:\n\n```\nerror LNK2019: unresolved external symbol\n```cpp\n```\n\nAfterwards it stops.\n")
        #expect(a.errorMessages == ["error LNK2019: unresolved external symbol ```cpp"])
        #expect(a.sections[0].text.hasSuffix("Afterwards it stops."))
    }

    /// Fenced code blocks: a longer fence holds a shorter one.
    @Test func aLongerFenceHoldsAShorterOne() throws {
        let a = try article("````\n```\nnot a close\n````\n\n## Cause\n\nA cause.\n")
        #expect(a.cause == "A cause.")
        #expect(a.sections[0].text.contains("    not a close"))
    }

    /// Setext headings: text underlined with `===` or `---` is a heading.
    @Test func setextHeadingsMakeTheTitleAndSections() throws {
        let a = try Fixtures.parse("Printer offline\n===============\n\nSymptoms\n--------\n\nThe printer shows as offline.\n", path: "kb/p.md")
        #expect(a.title == "Printer offline")
        #expect(a.symptoms == "The printer shows as offline.")
    }

    /// Link reference definitions: `[text][ref]` takes its target from a definition elsewhere.
    @Test func referenceLinksAreReferences() throws {
        let a = try article("See [the printer article][printer] and [KB 926179][kb].\n\n[printer]: printing/offline.md\n[kb]: https://support.microsoft.com/help/926179\n")
        #expect(a.references == ["kb/printing/offline", "Q926179"])
        #expect(a.sections[0].text == "See the printer article and KB 926179.")
    }

    /// Tables: `\|` is a pipe inside a cell, not a cell boundary; a column headed "Error
    /// message" quotes messages.
    @Test func escapedPipesStayInTheirCell() throws {
        let a = try article("| Error message | Fix |\n|---|---|\n| Cannot open a \\| b: the file is locked | Close it |\n")
        #expect(a.sections[0].text == "Error message | Fix\nCannot open a | b: the file is locked | Close it")
        #expect(a.errorMessages == ["Cannot open a | b: the file is locked"])
    }

    /// A long table of messages is an index of errors, not what the article quotes.
    @Test func aLongTableOfMessagesQuotesNone() throws {
        let rows = (1...13).map { "| E\($0) | The operation number \($0) failed badly |" }.joined(separator: "\n")
        let a = try article("| Error | Message |\n|---|---|\n" + rows + "\n")
        #expect(a.errorMessages.isEmpty)
        #expect(a.sections[0].text.hasSuffix("E13 | The operation number 13 failed badly"))
        let short = try article("| Error | Message |\n|---|---|\n| E1 | The operation number 1 failed badly |\n")
        #expect(short.errorMessages == ["The operation number 1 failed badly"])
    }

    /// List items: nested lists keep their items in order, indented, with their markers.
    @Test func nestedListsKeepTheirItems() throws {
        let a = try article("1. Open Registry Editor.\n2. Find the key:\n   - HKLM\\Software\\A\n   - HKLM\\Software\\B\n3. Restart.\n")
        #expect(a.sections[0].text == "1. Open Registry Editor.\n2. Find the key:\n   - HKLM\\Software\\A\n   - HKLM\\Software\\B\n3. Restart.")
    }

    /// A list quoted in a block quote is a list, not a message.
    @Test func aQuotedListIsNoMessage() throws {
        let a = try article("> - first step\n> - second step\n")
        #expect(a.errorMessages.isEmpty)
    }

    /// Entity and numeric character references are decoded, in text and in messages.
    @Test func entitiesAreDecoded() throws {
        let a = try article("You see this message:\n\n> Cannot reach &lt;server&gt; &#x2014; retry&#33; &copy;\n")
        #expect(a.errorMessages == ["Cannot reach <server> — retry! ©"])
    }

    /// A FAQ numbers its questions "## Q1: …": that is no archive article, whose marks are
    /// its front matter's `/kb/` permalink and `{% raw %}`.
    @Test func aFAQWithNumberedQuestionsIsADocsArticle() throws {
        let a = try Fixtures.parse("---\ntitle: Teams FAQ\n---\n\n# Teams FAQ\n\n## Q1: Why can't I sign in?\n\nCheck the account.\n", path: "kb/faq.md")
        #expect(a.source.layout == .docs)
        #expect(a.sections.compactMap(\.heading) == ["Q1: Why can't I sign in?"])
    }

    /// Markdown with no title at all is a snippet, not an article.
    @Test func markdownWithoutATitleIsNoArticle() {
        #expect(throws: ParseError.untitledMarkdown) { try Fixtures.parse("Just a note.\n\nNo heading.\n", path: "note.md") }
        #expect(throws: ParseError.unknownLayout) { try Fixtures.parse("Just a note.\n\nNo heading.\n", path: "note.txt") }
    }
}
