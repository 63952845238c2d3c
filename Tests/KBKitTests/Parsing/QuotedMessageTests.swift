import Testing
@testable import KBModel
@testable import KBParsing

/// A quoted message is everything the article quotes: a dialog's lines and paragraphs, a
/// labelled message block without its labels, a JSON error body's values.
@Suite struct QuotedMessageTests {
    private func article(_ body: String) throws -> Article {
        try Fixtures.parse("# An article\n\n" + body, path: "kb/article.md")
    }

    /// A dialog quoted as its title line, then its text in a second paragraph: one message.
    @Test func aDialogQuotedOverParagraphsIsOneMessage() throws {
        let a = try article("""
            When you start Outlook, you receive the following error message:

            > Microsoft Outlook
            >
            > Cannot start Microsoft Outlook. The set of folders cannot be opened.
            >
            > The following issue(s) prevent the profile from loading.

            """)
        #expect(a.errorMessages == [
            "Microsoft Outlook Cannot start Microsoft Outlook. The set of folders cannot be opened. The following issue(s) prevent the profile from loading.",
        ])
    }

    /// Lines broken by hand in a quote (two trailing spaces) are one message too.
    @Test func hardBrokenLinesAreOneMessage() throws {
        let a = try article("The wizard shows:\n\n> Setup cannot continue.  \n> The disk is full.\n")
        #expect(a.errorMessages == ["Setup cannot continue. The disk is full."])
    }

    /// `Message Number:` names the message (a keyword to find it by); `Situation:` holds its
    /// text; `Solution:` is advice, not the message.
    @Test func aMessageBlockIsItsTextWithoutLabels() throws {
        let a = try article("""
            You receive the following message when you post the batch:

            > Message Number: 3044
            > Situation: The posting date is not within the range of allowed posting dates.
            > Solution: Change the posting date or the allowed range.

            """)
        #expect(a.errorMessages == ["The posting date is not within the range of allowed posting dates."])
        #expect(a.keywords.contains("message 3044"))
    }

    /// A JSON error body announced as the response: its values are the message.
    @Test func aJSONErrorBodyIsItsValues() throws {
        let a = try article("""
            The request returns the following error:

            ```json
            {
              "error": {
                "code": "AuthorizationFailed",
                "message": "The client does not have authorization to perform action."
              }
            }
            ```

            """)
        #expect(a.errorMessages == ["AuthorizationFailed The client does not have authorization to perform action."])
    }

    /// JSON that is sample data (no error, message or code key) is no message.
    @Test func jsonSampleDataIsNoMessage() throws {
        let a = try article("The command returns the following output:\n\n```json\n{\n  \"name\": \"contoso\",\n  \"enabled\": true\n}\n```\n")
        #expect(a.errorMessages.isEmpty)
    }

    /// A code block's output is read whole, up to `MarkdownBlocks.quotedCodeLines` lines.
    @Test func quotedOutputIsReadPastItsEighthLine() throws {
        let lines = (1...12).map { "line \($0) of the failure" }
        let a = try article("The tool prints this error:\n\n```\n" + lines.joined(separator: "\n") + "\n```\n")
        #expect(a.errorMessages == [lines.joined(separator: " ")])
    }
}
