import Testing
@testable import KBSearch
@testable import KBStore

/// Error codes in every spelling a paste or an article uses.
@Suite struct CodeMentionTests {
    private func values(_ paste: String) -> [UInt32] {
        CodeMention.all(in: paste).map(\.value)
    }

    @Test func oneCodeWhateverItsPadding() {
        #expect(values("0x7B inaccessible boot device") == [0x7B])
        #expect(values("STOP 0x0000007B") == [0x7B])
        #expect(values("bugcheck 7b") == [0x7B])
        #expect(CodeMention(value: 0x7B).expression.fts5.contains("\"0x0000007b\""))
        #expect(CodeMention(value: 0x7B).expression.fts5.contains("\"0x7b\""))
        #expect(CodeMention(value: 0x7B).expression.fts5.contains("codes : \"x0000007b\""))
    }

    @Test func hresultsInHexDecimalAndNegative() {
        for paste in ["0x80070533", "80070533", "2147943731", "-2147023565"] {
            #expect(values("logon failed \(paste)") == [0x8007_0533], "\(paste)")
        }
        #expect(values("0xC0000005 access violation") == [0xC000_0005])
    }

    @Test func aWin32ErrorIsItsHresult() {
        #expect(values("System error 1331 has occurred") == [0x8007_0533])
        #expect(values("error code 5") == [0x8007_0005])
        // Its number is searched as the articles write it, padded too.
        let expression = CodeMention(value: 0x8007_0003).expression.fts5
        #expect(expression.contains("\"error 3\"") && expression.contains("\"error 0003\""))
    }

    @Test func stopParametersAreNoCodes() {
        #expect(values("STOP 0x0000007B (0xF78D2524, 0xC0000034, 0x00000000, 0x00000000)") == [0x7B])
    }

    @Test func numbersThatAreNoCodes() {
        #expect(values("reason code 7") == [])
        #expect(values("C:\\0x7E\\system32\\drivers") == [])
        #expect(values("Stop: A New Message") == [])
        #expect(values("version 12345678 of 2026 with 1234") == [])
    }

    /// A code a handful of articles quote names one error; one quoted by hundreds (E_FAIL,
    /// 0x80004005, in a store of 180,000) says far less, and one every article quotes nothing.
    @Test func aCodeQuotedByManyArticlesCountsLess() {
        let articles = 180_000
        #expect(CodeMention.specificity(quoting: 1, articles: articles) == 1)
        #expect(CodeMention.specificity(quoting: 10, articles: articles) == 1)
        let generic = CodeMention.specificity(quoting: 400, articles: articles)
        #expect(generic > 0.5 && generic < 0.7)
        #expect(CodeMention.specificity(quoting: 4_000, articles: articles) < generic)
        #expect(CodeMention.specificity(quoting: articles, articles: articles) == 0)
    }

    /// "error C2065", "error LNK2019", "warning CS0168": a tool's code after "error" or
    /// "warning"; a word or a year there is none.
    @Test func toolCodesAfterErrorOrWarning() {
        #expect(QueryPlan.namedCodes(in: ["main", "cpp", "error", "c2065", "undeclared"]) == ["c2065"])
        #expect(QueryPlan.namedCodes(in: ["error", "lnk2019", "warning", "cs0168", "error", "aadsts50126"]) == ["lnk2019", "cs0168", "aadsts50126"])
        #expect(QueryPlan.namedCodes(in: ["error", "in", "2019", "error", "x64", "c2065"]) == [])
    }
}
