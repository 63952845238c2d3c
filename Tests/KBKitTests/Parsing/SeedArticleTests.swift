import Testing
@testable import KBModel
@testable import KBStore

/// Every field of the four articles the project was specified from, pinned to exact values.
@Suite struct SeedArticleTests {
    @Test func markdownSeedQ178511() throws {
        let a = try Fixtures.article("Articles/000_38bd5e6e32a2e3d6.txt")
        #expect(a.id == "Q178511")
        #expect(a.title == "XWEB: Err Msg: Failed to Connect to Microsoft Exchange Server")
        #expect(a.product == "Microsoft Exchange")
        #expect(a.versions == [
            ProductVersion(platform: "WINDOWS", version: "5.0"), ProductVersion(platform: "WINDOWS", version: "5.5"),
        ])
        #expect(a.operatingSystems == [])
        #expect(a.keywords == ["kbusage"])
        #expect(a.technologies == [
            "kbOutlookSearch", "kbExchangeSearch", "kbExchange500", "kbExchange550", "kbZNotKeyword2",
            "kbOWASearch", "kbOWA550",
        ])
        #expect(a.issueType == "kbprb")
        #expect(a.lastModified?.description == "1999-03-21")
        #expect(a.appliesTo == [
            "Microsoft Exchange Server, versions 5.0, 5.5", "Microsoft Outlook Web Access, version 5.5",
        ])
        #expect(a.summary == nil)
        #expect(a.symptoms == """
            When you are attempting to log on to a Microsoft Exchange Server computer using
            Microsoft Outlook Web Access (OWA), you may receive the following error
            message:

              Failed to connect to the Microsoft Exchange Server, <servername>.
            """)
        #expect(a.cause == """
            This error can be caused by incorrect permissions being set on the Winnt
            directory or all of its sub-directories or both. Additionally, incorrect
            permissions on the Exchsrvr\\Webdata directory and all of its sub- directories,
            or incorrect permissions on the Exchsrvr\\Webtemp directory and all of its
            sub-directories may cause the error to occur.
            """)
        let workaround = try #require(a.workaround)
        #expect(workaround.hasPrefix("If you are using Exchange Server version 5.0, the Winnt directory and all of its\n"))
        #expect(workaround.hasSuffix("of its sub-directories to Read. Verify also that the Exchsrvr\\Webtemp directory\nand all of its sub-directories are set to Change."))
        #expect(workaround.split(separator: "\n", omittingEmptySubsequences: false).count == 31)
        #expect(a.resolution == nil)
        #expect(a.status == nil)
        #expect(a.moreInformation == nil)
        #expect(a.sections.map(\.heading) == ["SYMPTOMS", "CAUSE", "WORKAROUND"])
        #expect(a.sections.map(\.text) == [a.symptoms, a.cause, a.workaround].compactMap { $0 })
        #expect(a.errorMessages == ["Failed to connect to the Microsoft Exchange Server, <servername>."])
        #expect(a.references == ["Q166599"])
        #expect(a.additionalQueryWords == [])
        #expect(a.source == Source(layout: .markdown, path: "Articles/000_38bd5e6e32a2e3d6.txt"))
    }

    @Test func documentSeedQ165712() throws {
        let a = try Fixtures.article("Articles/001_85a396cae39d0afa.txt")
        #expect(a.id == "Q165712")
        #expect(a.title == "XFOR: Err Msg: The Microsoft Exchange Server is Down")
        #expect(a.product == "Microsoft Exchange")
        #expect(a.versions == [ProductVersion(platform: "winnt", version: "5.0")])
        #expect(a.operatingSystems == [])
        #expect(a.keywords == [])
        #expect(a.technologies == ["kbiisSearch", "kbExchangeSearch", "kbExchange500", "kbiis300", "kbiis200", "kbZNotKeyword2"])
        #expect(a.issueType == "kbprb")
        #expect(a.lastModified?.description == "1999-09-10")
        #expect(a.appliesTo == [
            "Microsoft Exchange Server, version 5.0", "Microsoft Internet Information Server versions 2.0, 3.0",
        ])
        #expect(a.summary == nil)
        #expect(a.symptoms == """
            When you attempt to connect to an Exchange Server version 5.0 mailbox from an
            Internet browser, you may get the error message:

              Sorry! The Microsoft Exchange Server is down or the HTTP Service has been
              disabled by an administrator. Please try your request again later.

            This error message may occur even though the Exchange Server has been properly
            configured to receive browser requests for mail delivery and the HTTP Service
            has not been disabled.
            """)
        #expect(a.cause == """
            This problem has been seen to occur when Allow Anonymous Access is enabled on
            the Service tab of the Properties Dialog Box for the WWW Service in the
            Microsoft Internet Service Manager for Microsoft Internet Information Server
            (IIS). This problem has also been reported to occur if the LDAP protocol has
            been disabled for the Exchange Server that you are attempting to connect to.
            """)
        #expect(a.workaround == """
            It is sometimes possible to workaround this problem by following these steps:

            1. Install an Exchange Client and create a profile on the computer that is
              running IIS and the Microsoft Exchange Server Active Server components.

            2. Deselect the Allow Anonymous Access option for the WWW Service in IIS.

            3. Stop the IIS services and then the Exchange Services.

            4. Start the Exchange Services and then the IIS services. You can also restart
              the entire computer instead of performing steps 2 and 3.

            5. Log into the Exchange Server via the web as an authenticated user.

            6. At this point you can enable Allow Anonymous Access again.
            """)
        #expect(a.status == """
            Microsoft has confirmed this to be a problem in Microsoft Exchange Server,
            version 5.0. We are researching this problem and will post new information here
            in the Microsoft Knowledge Base as it becomes available.
            """)
        #expect(a.resolution == nil)
        #expect(a.moreInformation == nil)
        #expect(a.sections.map(\.heading) == ["SYMPTOMS", "CAUSE", "WORKAROUND", "STATUS"])
        #expect(a.errorMessages == [
            "Sorry! The Microsoft Exchange Server is down or the HTTP Service has been disabled by an administrator. Please try your request again later.",
        ])
        #expect(a.references == [])
        #expect(a.additionalQueryWords == [])
        #expect(a.source == Source(layout: .document, path: "Articles/001_85a396cae39d0afa.txt"))
        // The disclaimer closing every article is dropped.
        #expect(!a.sections.contains { $0.text.contains("WITHOUT WARRANTY") })
    }

    @Test func documentSeedQ184463() throws {
        let a = try Fixtures.article("Articles/002_72433639bc469248.txt")
        #expect(a.id == "Q184463")
        #expect(a.title == "XFOR: Cannot Connect to Server with POP3 Client")
        #expect(a.product == "Microsoft Exchange")
        #expect(a.versions == [ProductVersion(platform: nil, version: "5.0"), ProductVersion(platform: nil, version: "5.5")])
        #expect(a.operatingSystems == [])
        #expect(a.keywords == ["exc5", "exc55"])
        #expect(a.technologies == [
            "kbExchangeSearch", "kbExchange500", "kbExchange550", "kbZNotKeyword2", "kbExchange2000Search",
            "kbExchange2000Serv",
        ])
        #expect(a.issueType == "kbprb")
        #expect(a.lastModified?.description == "2002-08-06")
        #expect(a.appliesTo == ["Microsoft Exchange 2000 Server", "Microsoft Exchange Server, versions 5.0, 5.5"])
        #expect(a.symptoms == """
            You may be unable to connect to a computer running Microsoft Exchange Server
            with a Post Office Protocol version 3 (POP3) or Internet Messaging Access
            Protocol 4 (IMAP) e-mail client. No error messages are displayed.
            """)
        #expect(a.cause?.hasPrefix("This problem can occur when your Microsoft Exchange Server mailbox name is\n") == true)
        #expect(a.cause?.hasSuffix("authenticate your user account and password.") == true)
        let workaround = try #require(a.workaround)
        #expect(workaround.contains("""
            3. In the Mailbox box, type

              "<domain>\\<username>\\<mailbox>" (without the quotation
              marks)

            where <domain> is your Windows NT domain, <username> is your Windows
            """))
        #expect(workaround.hasSuffix("4. Click OK, and then click OK again."))
        #expect(a.moreInformation?.hasPrefix("If you specify your mailbox name in the properties for the Microsoft Exchange\n") == true)
        #expect(a.moreInformation?.hasSuffix("not, the server is unable to locate your mailbox.") == true)
        #expect(a.summary == nil)
        #expect(a.resolution == nil)
        #expect(a.status == nil)
        #expect(a.sections.map(\.heading) == ["SYMPTOMS", "CAUSE", "WORKAROUND", "MORE INFORMATION"])
        #expect(a.errorMessages == [])
        #expect(a.references == [])
        #expect(a.additionalQueryWords == [])
        #expect(a.source.layout == .document)
    }

    @Test func documentSeedQ128961() throws {
        let a = try Fixtures.article("Articles/003_e36610226ab790a0.txt")
        #expect(a.id == "Q128961")
        #expect(a.title == "XCLN: Err Msg: Windows Sockets Error: Failed in Connect")
        #expect(a.product == "Microsoft Exchange")
        #expect(a.versions == [ProductVersion(platform: nil, version: "4.0"), ProductVersion(platform: nil, version: "5.0")])
        #expect(a.operatingSystems == [])
        #expect(a.keywords == ["kbenv", "kbnetwork"])
        #expect(a.technologies == ["kbExchangeSearch", "kbExchange400", "kbZNotKeyword2"])
        #expect(a.issueType == nil)
        #expect(a.lastModified?.description == "1999-03-08")
        #expect(a.appliesTo == ["Microsoft Exchange Server, version 4.0"])
        #expect(a.symptoms == """
            The following error may occur when you use the Microsoft Exchange Internet Mail
            service:

              Windows Sockets error
              Failed in Connect
            """)
        #expect(a.cause == """
            One of the following two events has occurred:

            - The TCP/IP software on the local computer is not installed or configured
              properly.

            - The other host is down.
            """)
        let resolution = try #require(a.resolution)
        #expect(resolution.hasPrefix("1. To check for proper installation and configuration, follow the steps below:\n\n  a. In the Microsoft Windows 95 Control Panel"))
        #expect(resolution.contains("\n  ping <ip address of other host>\n"))
        #expect(resolution.hasSuffix("     and is ready for messages."))
        #expect(a.workaround == nil)
        #expect(a.summary == nil)
        #expect(a.status == nil)
        #expect(a.moreInformation == nil)
        #expect(a.sections.map(\.heading) == ["SYMPTOMS", "CAUSE", "RESOLUTION"])
        #expect(a.errorMessages == ["Windows Sockets error Failed in Connect"])
        #expect(a.references == [])
        #expect(a.additionalQueryWords == ["tcpip"])
    }
}
