import Foundation
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBParsing

/// The docs-as-code layout: Markdown with YAML front matter (or none), read from the sample
/// files in `Articles/docs` (see its ATTRIBUTION.md), every field pinned.
@Suite struct DocsLayoutTests {
    /// The files of `Articles/docs` as an import reads them: with their place in their knowledge base.
    private static let articles: [String: Article] = {
        var found: [String: Article] = [:]
        ArticleSource().forEachBatch(FileWalker().items(for: [Fixtures.path("Articles/docs")])) { outcomes in
            for case .article(let article) in outcomes { found[article.id] = article }
        }
        return found
    }()

    private func article(_ id: String) throws -> Article {
        try #require(Self.articles[id], "no article \(id) among \(Self.articles.keys.sorted())")
    }

    @Test func everyFileIsAnArticleAndNoneOfTheRepositorysOwnFilesIs() {
        #expect(Self.articles.keys.sorted() == [
            "cpp/docs/error-messages/compiler-errors-1/compiler-error-c2065",
            "officedocs/skypeforbusiness/skypehybrid/hybrid-conferencing/there-is-a-duplicate-key-sequence",
            "officedocs/skypeforbusiness/skypehybrid/hybrid-move-sfb-online/cannot-move-users-from-different-ad-domain",
            "officedocs/skypeforbusiness/skypehybrid/hybrid-sign-in/sso-no-longer-works",
            "team-kb/network/vpn-error-809",
            "team-kb/printing/html-in-article",
            "team-kb/printing/printer-offline",
        ])
    }

    @Test func aCompilerErrorPage() throws {
        let a = try article("cpp/docs/error-messages/compiler-errors-1/compiler-error-c2065")
        #expect(a.title == "Compiler Error C2065")
        #expect(a.source == Source(
            layout: .docs, path: Fixtures.path("Articles/docs/cpp/docs/error-messages/compiler-errors-1/compiler-error-c2065.md"),
            knowledgeBase: "cpp"))
        #expect(a.summary == "Learn more about: Compiler Error C2065")
        #expect(a.lastModified == CalendarDate(year: 2022, month: 6, day: 29))
        #expect(a.keywords == ["C2065"])
        // The message quoted under the title, as the compiler prints it; the placeholder in italics.
        #expect(a.errorMessages == ["error C2065: '<identifier>' : undeclared identifier", "Compiler Error C2065"])
        #expect(a.references.first == "cpp/docs/cpp/declarations-and-definitions-cpp")
        #expect(a.sections.map(\.heading).prefix(3) == [nil, "Remarks", "The identifier is undeclared"])
        // Code blocks stay blocks, indented; the inline markup is gone.
        let example = try #require(a.sections.first { $0.heading == "Example: misspelled identifier" }).text
        #expect(example.contains("\n    // C2065_spell.cpp\n"))
        #expect(!a.sections.map(\.text).joined().contains("**"))
    }

    @Test func aSupportArticleWithItsKBNumberAndAnAdmonition() throws {
        let a = try article("officedocs/skypeforbusiness/skypehybrid/hybrid-sign-in/sso-no-longer-works")
        #expect(a.title == "Can't sign in using SSO if ADAL and AD FS used in Skype for Business")
        #expect(a.summary == "Provides a workaround for sign-in issues when using SSO if ADAL and AD FS are used in Skype for Business 2016.")
        #expect(a.lastModified == CalendarDate(year: 2022, month: 3, day: 31))
        #expect(a.appliesTo == ["Skype for Business 2019", "Skype for Business 2016", "Skype for Business Online"])
        #expect(a.product == "Skype for Business")
        #expect(a.versions == [
            ProductVersion(platform: "Skype for Business", version: "2019"),
            ProductVersion(platform: "Skype for Business", version: "2016"),
        ])
        #expect(a.kbNumbers == ["Q4508931"])
        // The KB number it states, and the article a link inside its admonition cites.
        #expect(a.references == ["Q4508931", "Q322756"])
        #expect(a.errorMessages == ["An error occurred."])
        #expect(a.sections.map(\.heading) == ["Symptoms", "Cause", "Workaround", "More information"])
        #expect(a.cause == "This issue occurs because the default authentication method changes to Web Account Manager (WAM) after upgrading to Microsoft Office 2016 version 16.0.7967.0000 or a later version.")
        #expect(a.workaround?.hasPrefix("Important: Follow the steps in this section carefully. Serious problems can occur if you modify the registry incorrectly. Back up the registry for restoration in case problems occur.\n\nAdd one of the following registry keys:") == true)
        #expect(a.moreInformation == "To prevent this issue, use Modern Hybrid Authentication. For more information, see Hybrid modern authentication overview and prerequisites for using it with on-premises Skype for Business and Exchange servers.")
    }

    @Test func aMessageInBoldWithAnEscapedPlaceholder() throws {
        let a = try article("officedocs/skypeforbusiness/skypehybrid/hybrid-move-sfb-online/cannot-move-users-from-different-ad-domain")
        #expect(a.errorMessages == ["Cannot find user in Active Directory with the following SIP URI: <SipAddress>."])
        #expect(a.workaround == "To work around this issue, use the Move-CsUser cmdlet together with the DomainController parameter.")
    }

    @Test func aFencedMessageAndAMessageQuotedInTheTitle() throws {
        let a = try article("officedocs/skypeforbusiness/skypehybrid/hybrid-conferencing/there-is-a-duplicate-key-sequence")
        #expect(a.errorMessages == [
            "There is a duplicate key sequence \"LYNCONLINE\" for the 'urn:schema:Microsoft.Rtc.Management.Settings.Edge.2008:ProviderName' key or unique identity constraint.",
            "There is a duplicate key sequence",
        ])
        // "## Problem" is the symptoms; the cmdlet in a code block is not a message.
        #expect(a.symptoms?.hasPrefix("Consider the following scenario:") == true)
        #expect(a.resolution != nil)
    }

    @Test func plainMarkdownWithoutFrontMatter() throws {
        let a = try article("team-kb/network/vpn-error-809")
        #expect(a.title == "VPN connection fails with error 809")
        #expect(a.summary == "Remote users on home routers cannot connect to the office VPN.")
        #expect(a.lastModified == nil)
        #expect(a.errorMessages == [
            "The network connection between your computer and the VPN server could not be established because the remote server is not responding.",
            "RasClient 20227: The user dialed a connection named Office VPN which has failed. The error code returned on failure is 809.",
            "VPN connection fails with error 809",
        ])
        #expect(a.cause == "Windows does not accept IPsec security associations to a server behind NAT by default.")
        // A table becomes rows of text; links keep their text.
        #expect(a.resolution == """
            1. Open Registry Editor.
            2. Set HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent\\AssumeUDPEncapsulationContextOnSendRule to 2.
            3. Restart the computer.

            Setting | Value
            AssumeUDPEncapsulationContextOnSendRule | 2
            """)
        #expect(a.references == ["team-kb/printing/printer-offline", "Q926179"])
        #expect(try #require(a.sections.last).text == "- Printer shows as offline\n- KB 926179 describes the registry value.")
    }

    @Test func hugoFrontMatterAndAnItalicPlaceholder() throws {
        let a = try article("team-kb/printing/printer-offline")
        #expect(a.lastModified == CalendarDate(year: 2024, month: 5, day: 2))
        #expect(a.keywords == ["spooler", "offline printer", "printing", "print-server", "Windows"])
        #expect(a.summary == "A printer mapped by group policy shows Offline after the print server is replaced.")
        // A quotation is what the user saw, announced by a colon or not.
        #expect(a.errorMessages == ["Printer <printername> is offline. Check that the printer is turned on and connected.", "Printing paused"])
        // "## Fix" is the resolution, "## Workarounds" the workaround; the tip is a labelled note.
        #expect(a.resolution == """
            Map the printer again with the new server's name:

                rundll32 printui.dll,PrintUIEntry /in /n \\\\PRINT02\\printername

            Tip: Remove the old mapping first: rundll32 printui.dll,PrintUIEntry /dn /n \\\\PRINT01\\printername.
            """)
        #expect(a.workaround == "Print to the printer's IP address directly.")
    }

    @Test func theSameIdsWhicheverFolderIsImported() {
        func ids(_ relative: String, slashes: String = "") -> Set<String> {
            var found = Set<String>()
            ArticleSource().forEachBatch(FileWalker().items(for: [Fixtures.path(relative) + slashes])) { outcomes in
                for case .article(let article) in outcomes { found.insert(article.id) }
            }
            return found
        }
        let whole = ids("Articles/docs")
        let part = ids("Articles/docs/officedocs/SkypeforBusiness/SkypeHybrid")
        let file = ids("Articles/docs/officedocs/SkypeforBusiness/SkypeHybrid/hybrid-sign-in/sso-no-longer-works.md")
        #expect(part.count == 3)
        #expect(part.isSubset(of: whole))
        #expect(file == ["officedocs/skypeforbusiness/skypehybrid/hybrid-sign-in/sso-no-longer-works"])
        // A folder named with a trailing slash, as a shell completes it, is the same folder.
        #expect(ids("Articles/docs", slashes: "/") == whole)
        #expect(ids("Articles/docs", slashes: "//") == whole)
        #expect(ids("Articles/docs/officedocs/SkypeforBusiness/SkypeHybrid", slashes: "/") == part)
    }

    @Test func frontMatterThatIsNotYAMLIsAnErrorWithItsLine() {
        #expect(throws: ParseError.invalidFrontMatter(line: 3, "invalid YAML in the front matter: mapping values are not allowed in this context")) {
            try Fixtures.parse("---\ntitle: ok\nbad: value: more\n---\n# Title\n", path: "x.md")
        }
        #expect(throws: ParseError.unclosedFrontMatter(line: 1)) {
            try Fixtures.parse("---\ntitle: ok\n\n# Title\n", path: "x.md")
        }
    }

    @Test func idsAreLowerCasePathsWithoutExtension() {
        #expect(ArticleID.of(ArticleLocation(knowledgeBase: "OfficeDocs", relativePath: "Outlook/Client/A b+c.md")) == "officedocs/outlook/client/a-b-c")
        #expect(ArticleID.normalize("OfficeDocs/Outlook/x") == "officedocs/outlook/x")
        #expect(ArticleID.normalize("officedocs/../x") == nil)
        #expect(ArticleID.normalize("q178511") == "Q178511")
    }
}
