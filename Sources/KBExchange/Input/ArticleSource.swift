import Foundation
import KBModel
import KBParsing


/// Reads and parses the files a walk found, in batches on all cores, calling back in input order.
/// Memory stays bounded by the batch size, whatever the number of files.
///
/// A file is either an article in one of the dump layouts or the project's own export (a JSON
/// array or JSON Lines), recognised by content.
public struct ArticleSource: Sendable {
    /// What reading one article gave.
    public enum Outcome: Sendable {
        case article(Article)
        /// A file that is not an article (a README, Markdown without a title): counted, not failed.
        case skipped(path: String, reason: SkipReason)
        case failure(path: String, reason: String)
    }

    /// Files read and parsed together, on all cores.
    public var batchSize = 256

    /// A reader with the default batch size.
    public init() {}

    /// Calls `body` with the outcomes of the items in input order, a batch at a time: files
    /// are read and parsed on all cores, exports streamed a batch of records at a time.
    public func forEachBatch(_ items: [FileWalker.Item], _ body: ([Outcome]) -> Void) {
        Self.readBatches(
            items, batchSize: batchSize, prepare: { [Self.prepare($0)] },
            export: { if case .export(let stream) = $0 { stream } else { nil } },
            record: Prepared.article
        ) { prepared, _ in
            body(prepared.compactMap { if case .article(let outcome) = $0 { outcome } else { nil } })
            return true
        }
    }

    /// How both `kb parse` and the import read their inputs: `batchSize` items at a time,
    /// prepared on all cores, the results handed to `emit` in input order. An export among
    /// them (`export` finds its stream in a result) is streamed in its place, `batchSize`
    /// records at a time, each record made a result by `record`. `emit` also gets how many
    /// items the results complete (0 for the part of a batch before an export and for an
    /// export's records); reading stops when it returns false.
    static func readBatches<Prepared: Sendable>(
        _ items: [FileWalker.Item], batchSize: Int,
        prepare: @escaping @Sendable (FileWalker.Item) -> [Prepared],
        export: (Prepared) -> ExportStream?,
        record: (Outcome) -> Prepared,
        emit: ([Prepared], _ itemsDone: Int) -> Bool
    ) {
        for start in stride(from: 0, to: items.count, by: batchSize) {
            let batch = Array(items[start..<Swift.min(start + batchSize, items.count)])
            var pending: [Prepared] = []
            for prepared in batch.parallelMap(prepare).flatMap({ $0 }) {
                guard var stream = export(prepared) else {
                    pending.append(prepared)
                    continue
                }
                guard emit(pending, 0) else { return }
                pending = []
                while let records = nextRecords(&stream, count: batchSize) {
                    guard emit(records.map(record), 0) else { return }
                }
            }
            guard emit(pending, batch.count) else { return }
        }
    }

    private enum Prepared: Sendable { case article(Outcome), export(ExportStream) }

    @Sendable private static func prepare(_ item: FileWalker.Item) -> Prepared {
        switch open(item) {
        case .failure(let failure): .article(failure.outcome)
        case .success(.article(let bytes, let path, let location, let repositoryPage)):
            .article(parse(bytes, path: path, location: location, repositoryPage: repositoryPage))
        case .success(.skipped(let path, let reason)): .article(.skipped(path: path, reason: reason))
        case .success(.export(let stream)): .export(stream)
        }
    }

    /// An input that could not be read at all.
    public struct ReadFailure: Error {
        /// The file, or "-" for standard input.
        public var path: String
        /// Why, in words for a one-line message.
        public var reason: String
        var outcome: Outcome { .failure(path: path, reason: reason) }
    }

    /// What an input item holds: one article file's bytes, or a kb JSON export to stream.
    enum Input {
        case article([UInt8], path: String, location: ArticleLocation?, repositoryPage: Bool)
        case skipped(path: String, reason: SkipReason)
        case export(ExportStream)
    }

    /// Opens an item and tells an export from an article by its first byte. An article file is
    /// read whole (refused over `ArticleParser.maxFileSize`); an export is left to stream.
    static func open(_ item: FileWalker.Item) -> Result<Input, ReadFailure> {
        let reader: ByteReader, path: String
        var location: ArticleLocation?
        var repositoryPage = false
        switch item {
        case .failure(let path, let reason):
            return .failure(ReadFailure(path: path, reason: reason))
        case .skipped(let path, let reason):
            return .success(.skipped(path: path, reason: reason))
        case .standardInput:
            (reader, path) = (ByteReader.standardInput(), "-")
        case .upload(let bytes, let name):
            (reader, path) = (ByteReader(bytes: bytes), name)
        case .file(let file, let place, let page):
            repositoryPage = page
            do { reader = try ByteReader(path: file) } catch { return .failure(ReadFailure(path: file, reason: error.description)) }
            (path, location) = (file, place)
        }
        return input(reader, path: path, location: location, repositoryPage: repositoryPage)
    }

    static func input(
        _ reader: ByteReader, path: String, location: ArticleLocation? = nil, repositoryPage: Bool = false
    ) -> Result<Input, ReadFailure> {
        do {
            if ExportStream.startsExport(try reader.peekNonSpace()) {
                return .success(.export(try ExportStream(reader: reader, path: path)))
            }
            let bytes = try reader.readAll(limit: ArticleParser.maxFileSize)
            return .success(.article(bytes, path: path, location: location, repositoryPage: repositoryPage))
        } catch {
            return .failure(ReadFailure(path: path, reason: error.description))
        }
    }


    /// A repository's page (a README) is an article only in the archive's markdown layout.
    static func parse(_ bytes: [UInt8], path: String, location: ArticleLocation? = nil, repositoryPage: Bool = false) -> Outcome {
        do {
            let article = try ArticleParser.parse(bytes, path: path, location: location)
            if repositoryPage && article.source.layout == .docs { return .skipped(path: path, reason: .repositoryFile) }
            return .article(article)
        } catch {
            if repositoryPage { return .skipped(path: path, reason: .repositoryFile) }
            if error == .untitledMarkdown { return .skipped(path: path, reason: .noTitle) }
            return .failure(path: path, reason: error.description)
        }
    }

    /// Up to `count` more records of an export, decoded and checked on all cores; nil at its
    /// end. A file whose first record has fields no kb record has is JSON of another kind (a
    /// query file, a site's data): it fails once, as a whole, rather than line by line.
    static func nextRecords(_ stream: inout ExportStream, count: Int) -> [Outcome]? {
        let first = stream.recordsRead == 0
        var records: [ExportStream.Record] = []
        while records.count < count, let record = stream.next() { records.append(record) }
        guard !records.isEmpty else { return nil }
        let outcomes = records.parallelMap(ExportRecord.outcome)
        if first, case .failure(let location, let reason) = outcomes[0], reason.hasSuffix(RecordKeys.unknownField) {
            stream.abandon()
            let detail = location == stream.path ? reason : "\(location.dropFirst(stream.path.count).drop(while: { $0 == ":" })): \(reason)"
            return [.failure(path: stream.path, reason: "not a kb export: its first record is not a kb record (\(detail))")]
        }
        return outcomes
    }
}

/// One record of the project's own export, decoded and checked against the JSON Schema.
enum ExportRecord {
    @Sendable static func outcome(_ record: ExportStream.Record) -> ArticleSource.Outcome {
        switch record {
        case .failure(let location, let reason):
            return .failure(path: location, reason: reason)
        case .json(let bytes, let location):
            do {
                let article = try ArticleJSON.decode(Data(bytes))
                if let problem = article.schemaViolation() {
                    return .failure(path: location, reason: "not a kb JSON record: \(problem)")
                }
                return .article(article)
            } catch {
                return .failure(path: location, reason: "not a kb JSON record: \(describe(error))")
            }
        }
    }

    /// Decoding errors in one line: which field is missing, unknown or of the wrong type.
    private static func describe(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            var path = ""
            for key in context.codingPath + (key.map { [$0] } ?? []) {
                if let index = key.intValue { path += "[\(index)]" } else { path += (path.isEmpty ? "" : ".") + key.stringValue }
            }
            return path
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context): return "missing field '\(path(context, key))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type for '\(path(context))'"
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty { return "invalid JSON" }
            return "'\(path(context))': \(context.debugDescription)"
        default: return "\(error)"
        }
    }
}
