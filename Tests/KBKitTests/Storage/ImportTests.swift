import Foundation
import GRDB
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBParsing
@testable import KBSearch
@testable import KBStore

@Suite struct ImportTests {
    @Test func importsTheCuratedArticles() throws {
        let store = try TemporaryStore()
        let summary = try store.importPaths([Fixtures.articlesFolder])
        let files = FileWalker().items(for: [Fixtures.articlesFolder]).count
        #expect(summary.scanned == files)
        #expect(summary.failed == 0)
        // Articles/docs/ATTRIBUTION.md is the sample's own page, not an article.
        #expect(summary.skipped == ["README or repository file": 1])
        let stats = try store.open().stats()
        #expect(stats.articles == summary.new)
        #expect(stats.sources == files - 1)
        #expect(try store.open().check() == [])
        #expect(try store.open().article(id: "Q178511")?.errorMessages == ["Failed to connect to the Microsoft Exchange Server, <servername>."])
    }

    @Test func reimportingChangesNothing() throws {
        let store = try TemporaryStore()
        let first = try store.importPaths([Fixtures.articlesFolder])
        let before = try records(store)
        let second = try store.importPaths([Fixtures.articlesFolder])
        #expect(second.new == 0)
        #expect(second.updated == 0)
        #expect(second.unchanged == first.new + first.updated + first.unchanged)
        #expect(try records(store) == before)
    }

    @Test func twinsAreStoredOnceAsTheDocumentLayout() throws {
        let store = try TemporaryStore()
        // Markdown first: the DOCUMENT twin must still win the tie.
        try store.importPaths([Fixtures.path("Articles/kb-sample/kb/012/Q12297/README.md")])
        try store.importPaths([Fixtures.path("Articles/kb-sample/txt/012/Q12297.TXT")])
        let article = try #require(try store.open().article(id: "Q12297"))
        #expect(article.source.layout == .document)
        let stats = try store.open().stats()
        #expect(stats.articles == 1)
        #expect(stats.sources == 2)
    }

    /// A markdown twin the DOCUMENT copy outranks is recorded from the header its first pass
    /// read: its file is not opened again (here it is gone), so half the archive's files are
    /// read once.
    @Test func aRedundantTwinIsRecordedWithoutReadingItsFileAgain() throws {
        let twins = TwinShortcut()
        twins.recordDocument(id: "Q12297", lastModified: "2001-07-30")
        let gone = FileWalker.Item.file("/nonexistent/kb/012/Q12297/README.md")
        let header = HeaderPeek.Header(layout: .markdown, id: "Q12297", lastModified: "2001-07-30")
        let prepared = Importer.prepareDeferred(gone, header: header, twins: twins)
        guard case .twin(let path, let id, let date) = try #require(prepared.first) else {
            Issue.record("not recorded as a twin: \(prepared)")
            return
        }
        #expect(path == "/nonexistent/kb/012/Q12297/README.md")
        #expect(id == "Q12297")
        #expect(date == "2001-07-30")
        // A newer markdown copy is read and parsed: here, the missing file is a failure.
        let newer = HeaderPeek.Header(layout: .markdown, id: "Q12297", lastModified: "2002-01-01")
        guard case .failure = try #require(Importer.prepareDeferred(gone, header: newer, twins: twins).first) else {
            Issue.record("a newer copy was not read")
            return
        }
    }

    @Test func aNewerDumpReplacesAnOlderArticle() throws {
        let store = try TemporaryStore()
        let original = try String(contentsOfFile: Fixtures.path("Articles/001_85a396cae39d0afa.txt"), encoding: .utf8)
        try store.importPaths([try store.write("old/Q165712.TXT", original)])
        let newer = original
            .replacingOccurrences(of: "DOCUMENT:Q165712  10-SEP-1999", with: "DOCUMENT:Q165712  10-SEP-2001")
            .replacingOccurrences(of: "Please try your request again later.", with: "Please try again later.")
        let summary = try store.importPaths([try store.write("new/Q165712.TXT", newer)])
        #expect(summary.updated == 1)
        let article = try #require(try store.open().article(id: "Q165712"))
        #expect(article.lastModified?.description == "2001-09-10")
        #expect(article.errorMessages.first?.hasSuffix("Please try again later.") == true)
        // Importing the older dump again keeps the newer version.
        let again = try store.importPaths([store.folder.appendingPathComponent("old").path])
        #expect(again.unchanged == 1)
        #expect(try store.open().article(id: "Q165712")?.lastModified?.description == "2001-09-10")
        #expect(try store.open().check() == [])
    }

    /// A folder `dump` of three files: an article (a.txt), a file that is none (b.txt) and an
    /// empty one (`empty`, under `dump`); returns the folder.
    private func writeDump(_ store: TemporaryStore, empty: String = "c.txt") throws -> String {
        let good = try String(contentsOfFile: Fixtures.path("Articles/003_e36610226ab790a0.txt"), encoding: .utf8)
        try store.write("dump/a.txt", good)
        try store.write("dump/b.txt", "this is not an article\n")
        try store.write("dump/\(empty)", "")
        return store.folder.appendingPathComponent("dump").path
    }

    @Test func aFailedFileDoesNotStopTheOthers() throws {
        let store = try TemporaryStore()
        let summary = try store.importPaths([writeDump(store)])
        #expect(summary.new == 1)
        #expect(summary.failed == 2)
        #expect(summary.errors.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["b.txt", "c.txt"])
        #expect(summary.errors[1].reason == "empty file")
    }

    @Test func filesFoundWhileImportingAreCountedInTheSummaryTheRunAndTheLastProgress() throws {
        let store = try TemporaryStore()
        let dump = try writeDump(store, empty: "c/d.txt")
        var reports: [ImportProgress] = []
        let summary = try Importer(store: store.open()).run(walking: [dump], with: FileWalker()) { reports.append($0) }
        #expect(summary.scanned == 3)
        let recorded = try DatabaseQueue(path: store.path).read { db in try Int.fetchOne(db, sql: "SELECT scanned FROM import_run") }
        #expect(recorded == 3)
        #expect(reports.last.map { [$0.filesDone, $0.filesTotal] } == [3, 3])
    }

    @Test func aWalkStopsWhenAskedTo() throws {
        let store = try TemporaryStore()
        for name in ["a.txt", "b/c.txt", "b/d.txt", "e.txt"] { try store.write("dump/\(name)", "x") }
        var found: [String] = []
        FileWalker().walk([store.folder.appendingPathComponent("dump").path]) { item in
            if case .file(let path, _, _) = item { found.append(KnowledgeBaseRoot.name(of: path)) }
            return found.count < 2
        }
        #expect(found == ["a.txt", "c.txt"])
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let store = try TemporaryStore()
        try Data("just some text, not SQLite\n".utf8).write(to: URL(fileURLWithPath: store.path))
        #expect(throws: StoreError(path: store.path, reason: "not a kb store (the file is not an SQLite database)")) {
            _ = try ArticleStore(path: store.path, access: .readWrite)
        }
        // Nothing was written to it.
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == "just some text, not SQLite\n")
    }

    @Test func aNewerSchemaIsRefused() throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.path("Articles/003_e36610226ab790a0.txt")])
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99')") }
        let newer = StoreError(path: store.path, reason: "this store has a newer schema than this kb knows (v7): upgrade kb")
        #expect(throws: newer) { _ = try ArticleStore(path: store.path, access: .readWrite) }
        #expect(throws: newer) { _ = try ArticleStore(path: store.path, access: .readOnly) }
    }

    @Test func anotherProgramsDatabaseIsRefusedToReadAndToWrite() throws {
        let tables = try TemporaryStore()
        try DatabaseQueue(path: tables.path).write { db in try db.execute(sql: "CREATE TABLE notes(text)") }
        let marked = try TemporaryStore()
        try DatabaseQueue(path: marked.path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = 42") }
        for store in [tables, marked] {
            let refusal = StoreError(path: store.path, reason: "not a kb store: this SQLite database belongs to another program (kb uses only an empty file or its own store)")
            #expect(throws: refusal) { _ = try ArticleStore(path: store.path, access: .readOnly) }
            #expect(throws: refusal) { _ = try ArticleStore(path: store.path, access: .readWrite) }
        }
        // Nothing was added to them.
        let names = try DatabaseQueue(path: tables.path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        #expect(names == ["notes"])
    }

    @Test func aStoreOfTheFirstSchemaIsUpgradedWhenFirstRead() throws {
        let store = try TemporaryStore()
        try store.importPaths([Fixtures.path("Articles/003_e36610226ab790a0.txt"), Fixtures.path("Articles/001_85a396cae39d0afa.txt")])
        // What a v1 store is: this one without what v2 added.
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "DROP TABLE article_pair_vocab; DROP TABLE article_pair_fts; DELETE FROM grdb_migrations WHERE identifier = 'v2'")
        }
        let reader = try ArticleStore(path: store.path, access: .readOnly)
        // Upgraded by the reader itself, before any import opens the store to write.
        #expect(try reader.read { db in try db.tableExists("article_pair_fts") })
        #expect(try reader.stats().schemaVersion == "v7")
        #expect(try store.open().check() == [])
        // Every stored article's pairs are indexed, and their frequencies known to search.
        let (indexed, counted) = try reader.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM article_pair_fts_docsize"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM article_pair_vocab WHERE term = 'microsoft_exchange'"))
        }
        #expect(indexed == 2)
        #expect(counted == 1)
        let results = try SearchEngine(store: reader).search("The Microsoft Exchange Server is down").results
        #expect(results.first?.id == "Q165712")
        #expect(results.first?.explanation.terms.contains("exchange_server") == true)
    }

    @Test func readingAMissingStoreSaysHowToCreateIt() throws {
        let store = try TemporaryStore()
        #expect(throws: StoreError(path: store.path, reason: "no store here yet: run 'kb import PATH...' first")) {
            _ = try ArticleStore(path: store.path, access: .readOnly)
        }
    }

    @Test func anImportLeavesEachIndexInOneSegment() throws {
        let store = try TemporaryStore()
        var importer = try Importer(store: store.open())
        importer.articlesPerTransaction = 2  // a segment per transaction, before the merge
        let summary = try importer.run(FileWalker().items(for: [Fixtures.articlesFolder]))
        #expect(summary.new > 4)
        let segments = try DatabaseQueue(path: store.path).read { db in
            try IndexSegments.tables.map { try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM \($0)_idx") }
        }
        #expect(segments == [1, 1, 1])
        #expect(try store.open().check() == [])
    }

    @Test func anImportDefersTheIndexMergesToItsEndThenPutsFTS5sSettingsBack() throws {
        let store = try TemporaryStore()
        let writer = try store.open()
        let settings = { (db: Database) in
            try Dictionary(uniqueKeysWithValues: IndexSegments.tables.map { table in
                (table, try Row.fetchAll(db, sql: "SELECT k, v FROM \(table)_config WHERE k != 'version'")
                    .map { "\($0["k"] as String)=\($0["v"] as Int)" }.sorted())
            })
        }
        // Read through a second connection, as a search would while the import runs.
        var during: [String: [String]] = [:]
        try writer.importRun(startedAt: Date(), articlesPerTransaction: 1) { _ in
            during = try DatabaseQueue(path: store.path).read(settings)
            return ImportCounts()
        }
        let after = try DatabaseQueue(path: store.path).read(settings)
        for table in IndexSegments.tables {
            #expect(during[table] == ["automerge=0", "crisismerge=1000", "hashsize=33554432"])
            #expect(after[table] == ["automerge=4", "crisismerge=16", "hashsize=1048576"])
        }
    }

    private func records(_ store: TemporaryStore) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in
            try String.fetchAll(db, sql: "SELECT id || content_hash || record FROM article ORDER BY id")
        }
    }
}

@Suite struct MergePolicyTests {
    typealias V = MergePolicy.Version

    @Test func laterDateWins() {
        #expect(MergePolicy.decide(stored: V(lastModified: "1999-01-01", layout: .document, contentHash: "a"),
                                   incoming: V(lastModified: "2000-01-01", layout: .markdown, contentHash: "b"))
                == .replace(contentChanged: true))
        #expect(MergePolicy.decide(stored: V(lastModified: "2000-01-01", layout: .markdown, contentHash: "a"),
                                   incoming: V(lastModified: "1999-01-01", layout: .document, contentHash: "b")) == .keep)
    }

    @Test func onATieTheDocumentLayoutWins() {
        #expect(MergePolicy.decide(stored: V(lastModified: "1999-01-01", layout: .markdown, contentHash: "a"),
                                   incoming: V(lastModified: "1999-01-01", layout: .document, contentHash: "a"))
                == .replace(contentChanged: false))
        #expect(MergePolicy.decide(stored: V(lastModified: "1999-01-01", layout: .document, contentHash: "a"),
                                   incoming: V(lastModified: "1999-01-01", layout: .markdown, contentHash: "b")) == .keep)
    }

    @Test func sameContentAgainIsKept() {
        #expect(MergePolicy.decide(stored: V(lastModified: "1999-01-01", layout: .document, contentHash: "a"),
                                   incoming: V(lastModified: "1999-01-01", layout: .document, contentHash: "a")) == .keep)
        #expect(MergePolicy.decide(stored: V(lastModified: "1999-01-01", layout: .document, contentHash: "a", knowledgeBase: "kb"),
                                   incoming: V(lastModified: "1999-01-01", layout: .document, contentHash: "a", knowledgeBase: "kb")) == .keep)
    }

    @Test func sameContentFromAnotherKnowledgeBaseReplacesOnlyTheSource() {
        #expect(MergePolicy.decide(stored: V(lastModified: "1999-01-01", layout: .document, contentHash: "a"),
                                   incoming: V(lastModified: "1999-01-01", layout: .document, contentHash: "a", knowledgeBase: "kb"))
                == .replace(contentChanged: false))
        #expect(MergePolicy.decide(stored: V(lastModified: "1999-01-01", layout: .document, contentHash: "a", knowledgeBase: "old"),
                                   incoming: V(lastModified: "1999-01-01", layout: .document, contentHash: "a", knowledgeBase: "new"))
                == .replace(contentChanged: false))
    }
}
