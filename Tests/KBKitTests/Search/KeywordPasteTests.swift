import Testing
@testable import KBSearch

/// A paste of a code and a few words, not a message: the articles quoting the code come first,
/// and among them the one whose text holds the words, wherever it holds them.
@Suite struct KeywordPasteTests {
    /// Five articles quote STOP 0x0000007B with the same message; only Q7003 speaks of a SCSI
    /// controller, and only in its cause. Two more speak of SCSI controllers in their titles
    /// but quote no code.
    static let store: TemporaryStore = {
        let store = try! TemporaryStore()
        let causes = [
            "The boot partition was moved to another disk.",
            "A third-party disk encryption driver is loaded too late.",
            "The registry hive that lists the boot drivers is damaged.",
            "The SCSI controller driver is not loaded during startup.",
            "The system volume was converted to a dynamic volume.",
        ]
        var paths: [String] = []
        for (k, cause) in causes.enumerated() {
            paths.append(try! store.write("Q\(7000 + k).txt", """
                DOCUMENT:Q\(7000 + k)  01-JAN-2001  [kb]
                TITLE   :Computer Does Not Start After Change \(k)
                PRODUCT :Microsoft Test

                SYMPTOMS
                ========

                The computer stops with the following error message:

                   STOP 0x0000007B INACCESSIBLE_BOOT_DEVICE

                CAUSE
                =====

                \(cause)

                """))
        }
        for k in 0..<2 {
            paths.append(try! store.write("Q\(7100 + k).txt", """
                DOCUMENT:Q\(7100 + k)  01-JAN-2001  [kb]
                TITLE   :How to Update the Driver of a SCSI Controller \(k)
                PRODUCT :Microsoft Test

                SUMMARY
                =======

                A SCSI controller driver can be updated from Device Manager.

                """))
        }
        try! store.importPaths(paths)
        return store
    }()

    @Test func theWordsDecideAmongTheArticlesQuotingTheCode() throws {
        let engine = SearchEngine(store: try Self.store.open())
        let results = try engine.search("0x7B scsi controller").results
        let best = try #require(results.first)
        #expect(best.id == "Q7003")
        #expect(best.explanation.code == 1)
        #expect(best.explanation.keywords == 1)
        // Every article quoting the code ranks above those that only hold the words.
        let quoting = results.prefix { $0.id.hasPrefix("Q70") }
        #expect(quoting.count == 5)
    }

    @Test func withoutACodeTheArticleHoldingEveryWordComesFirst() throws {
        let engine = SearchEngine(store: try Self.store.open())
        let best = try #require(try engine.search("encryption driver late").results.first)
        #expect(best.id == "Q7001")
        #expect(best.explanation.keywords == 1)
    }

    @Test func aLongPasteIsNoKeywordList() throws {
        let engine = SearchEngine(store: try Self.store.open())
        let best = try #require(try engine.search("STOP 0x0000007B INACCESSIBLE_BOOT_DEVICE the computer stops during startup after the change").results.first)
        #expect(best.explanation.keywords == 0)
    }
}
