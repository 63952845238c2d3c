import Testing
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
