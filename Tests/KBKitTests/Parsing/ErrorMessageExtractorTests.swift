import Testing
@testable import KBModel
@testable import KBParsing
@testable import KBStore

@Suite struct ErrorMessageExtractorTests {
    @Test func indentedBlocksAfterAnAnnouncement() {
        let text = """
            You may receive one of the following error messages:

              Cannot find the file
              C:\\WINDOWS\\WIN.INI.

              Access denied.

            This happens when the file is missing.
            """
        #expect(ErrorMessageExtractor.messages(inText: text) == ["Cannot find the file C:\\WINDOWS\\WIN.INI.", "Access denied."])
    }

    /// An event quoted in the older layout (Event ID, Source, Type, Category, then the text):
    /// the text is the message, the header fields are not.
    @Test func aQuotedEventIsItsDescription() {
        let text = """
            The Microsoft Exchange Server Directory service logs the following event:

              Event ID: 1166
              Source: MSExchangeDS
              Type: Information
              Category: Internal Processing
              Error 8 has occurred (Internal ID 30f0090). Contact Microsoft Technical
              Support for assistance.

            This happens after a restore.
            """
        #expect(ErrorMessageExtractor.messages(inText: text) == [
            "Error 8 has occurred (Internal ID 30f0090). Contact Microsoft Technical Support for assistance.",
        ])
    }

    /// Two events, each field a paragraph of its own: each description, once.
    @Test func eventsWhoseFieldsAreParagraphsAreEachTheirDescription() {
        let text = """
            The following events are logged in the application log:

              Event Type:	Information

              Event Source:	SNA Server

              Event ID:	38

              Computer:	name

              Description:

              APPC session deactivated abnormally

              Event Type:	Error

              Event Source:	SNA Server

              Event ID:	39

              Computer:	name

              Description: The session limit was reached.

            The sessions are not activated again.
            """
        #expect(ErrorMessageExtractor.messages(inText: text) == ["APPC session deactivated abnormally", "The session limit was reached."])
    }

    /// "…the following events:" announces events only: other indented text is no message.
    /// Curly quotes are quotes too, and an announcement may end in blanks after its colon.
    @Test func curlyQuotesAndAnAnnouncementEndingInBlanks() {
        let quoted = "When you save, you receive the error message \u{201C}Access is denied to the folder\u{201D} at once."
        #expect(ErrorMessageExtractor.messages(inText: quoted) == ["Access is denied to the folder"])
        let announced = "Setup stops, and you receive the following error message: \t \n\n    Setup cannot copy the file.\n"
        #expect(ErrorMessageExtractor.messages(inText: announced) == ["Setup cannot copy the file."])
    }

    /// A field name is read whatever precedes the colon, and read in full where it is not
    /// ASCII (the Kelvin sign lower-cases to "k").
    @Test func eventFieldNamesAreReadOnlyBeforeTheColon() {
        #expect(EventLogEntry.fieldName("Event ID:      7000") == "event id")
        #expect(EventLogEntry.fieldName("  \tEvent Category \t: (3)") == "event category")
        #expect(EventLogEntry.fieldName("\u{212A}eywords: Classic") == "keywords")
        #expect(EventLogEntry.fieldName("Event Categoryy: (3)") == nil)
        #expect(EventLogEntry.fieldName("The service could not start: error 5") == nil)
        #expect(EventLogEntry.fieldName("Source") == nil)
        #expect(EventLogEntry.fieldNames.map(\.utf8.count).max() == EventLogEntry.longestFieldName)
    }

    @Test func anEventAnnouncementQuotesOnlyEvents() {
        let text = """
            To prevent this, follow these steps:

              Click Start, and then click Run.
            """
        #expect(ErrorMessageExtractor.messages(inText: text) == [])
    }

    @Test func codeAfterAnAnnouncementIsNotAMessage() {
        let text = """
            The following code causes the error:

              #include <stdio.h>
              main() { printf("x"); }
            """
        #expect(ErrorMessageExtractor.messages(inText: text) == [])
    }

    @Test func indentedTextWithoutAnnouncementIsNotAMessage() {
        let text = "Type the following:\n\n  ping <ip address>\n"
        #expect(ErrorMessageExtractor.messages(inText: text) == [])
    }

    @Test func inlineQuotedMessages() {
        let text = "When you connect, the error message \"Access Denied\" appears. Type \"winipcfg\" to check."
        #expect(ErrorMessageExtractor.messages(inText: text) == ["Access Denied"])
    }
}
