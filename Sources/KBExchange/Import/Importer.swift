import Foundation
import KBModel
import KBParsing
import KBStore


/// Imports article files into the store.
///
/// - One row per article id. Twins and newer dumps are merged by `MergePolicy`; every source
///   path is remembered.
/// - Each batch is one transaction: a crash leaves whole articles only, and running the same
///   import again completes the store (unchanged articles are skipped by content hash).
/// - Parsing runs on all cores while this single writer inserts, and (`run(walking:with:)`)
///   while the folders are still walked. Markdown files are read last, so that twins of
///   DOCUMENT files already read need no parsing (`TwinShortcut`).
public struct Importer: Sendable {
    /// The store written to.
    public let store: ArticleStore
    /// Files read and parsed together, on all cores.
    public var batchSize = 256
    /// Articles written per transaction (or one second's worth, if fewer): a crash loses at
    /// most these, and a re-run redoes them.
    public var articlesPerTransaction = 4096

    /// An importer into `store` (opened read-write).
    public init(store: ArticleStore) {
        self.store = store
    }

    /// An input item read, parsed and turned into table rows: the CPU-heavy part, run on all cores.
    enum Prepared: Sendable {
        case article(StoredArticle)
        /// A markdown twin that cannot replace the DOCUMENT copy: only its path is recorded.
        case twin(path: String, id: String, lastModified: String?)
        case failure(path: String, reason: String)
        case skipped(SkipReason)
        /// Markdown files wait for the second pass (see `TwinShortcut`), with what their
        /// first lines say.
        case deferred(FileWalker.Item, HeaderPeek.Header)
        /// A kb JSON export, streamed by the producer rather than read whole.
        case export(ExportStream)
        /// How many input files a batch finished, for progress.
        case filesDone(Int)
    }

    /// Prepares an item of the first pass. A markdown file is deferred with its header.
    static func prepare(_ item: FileWalker.Item, twins: TwinShortcut) -> [Prepared] {
        opened(item, twins: twins) { bytes in
            guard case .file = item, let header = HeaderPeek.peek(bytes) else { return nil }
            return .deferred(item, header)
        }
    }

    /// Prepares a markdown file of the second pass, given its header from the first: a twin
    /// the DOCUMENT copy outranks is recorded without the file being read again (about half
    /// the files of the archive), any other file is read and parsed.
    static func prepareDeferred(_ item: FileWalker.Item, header: HeaderPeek.Header?, twins: TwinShortcut) -> [Prepared] {
        if let header, case .file(let path, _, _) = item,
           twins.isRedundant(id: header.id, lastModified: header.lastModified) {
            return [.twin(path: path, id: header.id, lastModified: header.lastModified)]
        }
        return opened(item, twins: twins) { _ in nil }
    }

    /// Opens an item and prepares what it holds; `take` may answer for an article file from
    /// its bytes before they are parsed.
    private static func opened(_ item: FileWalker.Item, twins: TwinShortcut, take: ([UInt8]) -> Prepared?) -> [Prepared] {
        switch ArticleSource.open(item) {
        case .failure(let failure):
            return [.failure(path: failure.path, reason: failure.reason)]
        case .success(.export(let stream)):
            return [.export(stream)]
        case .success(.skipped(_, let reason)):
            return [.skipped(reason)]
        case .success(.article(let bytes, let path, let location, let repositoryPage)):
            if let taken = take(bytes) { return [taken] }
            return [prepared(ArticleSource.parse(bytes, path: path, location: location, repositoryPage: repositoryPage), twins: twins)]
        }
    }

    static func prepared(_ outcome: ArticleSource.Outcome, twins: TwinShortcut) -> Prepared {
        switch outcome {
        case .article(let article):
            if article.source.layout == .document {
                twins.recordDocument(id: article.id, lastModified: article.lastModified?.description)
            }
            let stored = StoredArticle(article)
            if let problem = Self.exportProblem(article, stored: stored) { return .failure(path: article.source.path, reason: problem) }
            return .article(stored)
        case .failure(let path, let reason):
            return .failure(path: path, reason: reason)
        case .skipped(_, let reason):
            return .skipped(reason)
        }
    }

    /// Why an article cannot be stored, when its export record would be over the record limit
    /// (an export of it could not be imported again). Only a large article's record is made:
    /// the export form is at most a few times the stored one.
    static func exportProblem(_ article: Article, stored: StoredArticle) -> String? {
        guard stored.recordBytes * 4 > ArticleLimits.recordBytes else { return nil }
        let bytes = ArticleJSON.line(article).utf8.count
        guard bytes > ArticleLimits.recordBytes else { return nil }
        return "too large: its JSON record would be \(bytes >> 20) MiB, over the \(ArticleLimits.recordBytes >> 20) MiB limit for one record"
    }

    /// Reads and prepares every item in batches (`ArticleSource.readBatches`) as `nextItems`
    /// gives them: all but markdown files first, then those.
    private func produce(_ nextItems: () -> [FileWalker.Item]?, emit: ([Prepared]) -> Bool) {
        let twins = TwinShortcut()
        var deferred: [FileWalker.Item] = []
        var headers: [String: HeaderPeek.Header] = [:]  // of deferred files, by path
        var items = nextItems()
        var pass = 1
        while let batch = items {
            var stopped = false
            var deferredInBatch = 0
            // The first pass's closure holds no copy of `headers`: one it held while the pass
            // added to them would have the dictionary copied whole at each batch (its time grew
            // with the square of the files deferred: 0.8% of an import of 200,000 files).
            let prepare: @Sendable (FileWalker.Item) -> [Prepared]
            if pass == 1 {
                prepare = { item in Self.prepare(item, twins: twins) }
            } else {
                let known = headers
                prepare = { item in
                    let header: HeaderPeek.Header? = if case .file(let path, _, _) = item { known[path] } else { nil }
                    return Self.prepareDeferred(item, header: header, twins: twins)
                }
            }
            ArticleSource.readBatches(
                batch, batchSize: batchSize,
                prepare: prepare,
                export: { if case .export(let stream) = $0 { stream } else { nil } },
                record: { Self.prepared($0, twins: twins) }
            ) { prepared, itemsDone in
                var ready: [Prepared] = []
                for item in prepared {
                    if case .deferred(let file, let header) = item {
                        deferred.append(file)
                        if case .file(let path, _, _) = file { headers[path] = header }
                        deferredInBatch += 1
                    } else {
                        ready.append(item)
                    }
                }
                if itemsDone > 0 {
                    ready.append(.filesDone(itemsDone - deferredInBatch))
                    deferredInBatch = 0
                }
                stopped = !emit(ready)
                return !stopped
            }
            if stopped { return }
            items = pass == 1 ? nextItems() : nil
            if items == nil, pass == 1 { (items, pass) = (deferred, 2) }
        }
    }

    /// Imports what `walker` finds under `paths` (see `FileWalker.walk`), parsing the first
    /// files while it walks on; otherwise as `run(_:progress:)`.
    public func run(
        walking paths: [String], with walker: FileWalker, progress: (ImportProgress) -> Void = { _ in }
    ) throws(StoreError) -> ImportSummary {
        let batchSize = self.batchSize
        // Items are small, and the walk is quick: it never waits for the import.
        let walk = BatchPipeline<FileWalker.Item>(depth: 1 << 20) { emit in
            var batch: [FileWalker.Item] = []
            var goOn = true
            walker.walk(paths) { item in
                batch.append(item)
                if batch.count == batchSize { (goOn, batch) = (emit(batch), []) }
                return goOn
            }
            if goOn, !batch.isEmpty { _ = emit(batch) }
        }
        defer { walk.cancel() }
        return try run(walk, progress: progress)
    }

    /// Imports the items, calling `progress` after each batch, and says what was done. A
    /// file that cannot be imported is counted in the summary; only a store failure throws.
    public func run(
        _ items: [FileWalker.Item], progress: (ImportProgress) -> Void = { _ in }
    ) throws(StoreError) -> ImportSummary {
        let given = BatchPipeline<FileWalker.Item>(depth: 1) { emit in _ = emit(items) }
        defer { given.cancel() }
        return try run(given, progress: progress)
    }

    /// Imports the items `input` gives, a batch at a time.
    private func run(
        _ input: BatchPipeline<FileWalker.Item>, progress: (ImportProgress) -> Void
    ) throws(StoreError) -> ImportSummary {
        var summary = ImportSummary()
        let started = Date()
        let pipeline = BatchPipeline<Prepared> { [self] emit in produce(input.next, emit: emit) }
        defer { pipeline.cancel() }
        try store.importRun(startedAt: started, articlesPerTransaction: articlesPerTransaction) { session in
            var filesDone = 0
            var last: ImportProgress?
            while let batch = pipeline.next() {
                for prepared in batch {
                    switch prepared {
                    case .article(let article):
                        switch try session.store(article) {
                        case .new: summary.new += 1
                        case .updated: summary.updated += 1
                        case .unchanged: summary.unchanged += 1
                        }
                    case .twin(let path, let id, let lastModified):
                        try session.recordTwin(path: path, id: id, lastModified: lastModified)
                        summary.unchanged += 1
                    case .failure(let path, let reason):
                        summary.failed += 1
                        summary.errors.append(.init(path: path, reason: reason))
                    case .skipped(let reason):
                        summary.skipped[reason.rawValue, default: 0] += 1
                    case .filesDone(let count):
                        filesDone += count
                    case .deferred, .export:
                        break
                    }
                }
                try session.commitIfDue()
                last = ImportProgress(
                    filesDone: filesDone, filesTotal: input.total,
                    articles: summary.new + summary.updated + summary.unchanged,
                    elapsed: Date().timeIntervalSince(started))
                progress(last!)
            }
            // Every item is read by now, so the walk has ended.
            summary.scanned = input.total ?? 0
            // The last batch may have come before the walk knew its count.
            if var last, last.filesTotal == nil {
                last.filesTotal = summary.scanned
                progress(last)
            }
            return ImportCounts(
                scanned: summary.scanned, new: summary.new, updated: summary.updated, unchanged: summary.unchanged,
                failed: summary.failed)
        }
        return summary
    }
}
