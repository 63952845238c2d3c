import Foundation

/// Reads and parses the files a walk found, in batches on all cores, calling back in input order.
/// Memory stays bounded by the batch size, whatever the number of files.
///
/// A file is either an article in one of the dump layouts or the project's own export (a JSON
/// array or JSON Lines), recognised by content.
public struct ArticleSource: Sendable {
    public enum Outcome: Sendable {
        case article(Article)
        case failure(path: String, reason: String)
    }

    public var batchSize = 256

    public init() {}

    public func forEachBatch(_ items: [FileWalker.Item], _ body: ([Outcome]) throws -> Void) rethrows {
        var start = 0
        while start < items.count {
            let batch = Array(items[start..<Swift.min(start + batchSize, items.count)])
            try body(batch.parallelMap(Self.outcomes).flatMap { $0 })
            start += batchSize
        }
    }

    @Sendable public static func outcomes(_ item: FileWalker.Item) -> [Outcome] {
        switch read(item) {
        case .success(let (bytes, path)): return outcomes(bytes, path: path)
        case .failure(let failure): return [failure.outcome]
        }
    }

    public struct ReadFailure: Error {
        public var path: String
        public var reason: String
        var outcome: Outcome { .failure(path: path, reason: reason) }
    }

    /// The bytes of a file or of standard input, with the path to report them under.
    public static func read(_ item: FileWalker.Item) -> Result<([UInt8], String), ReadFailure> {
        do {
            switch item {
            case .failure(let path, let reason):
                return .failure(ReadFailure(path: path, reason: reason))
            case .standardInput:
                return .success((try FileReading.readStandardInput(), "-"))
            case .file(let path):
                do { return .success((try FileReading.read(path), path)) } catch {
                    return .failure(ReadFailure(path: path, reason: error.description))
                }
            }
        } catch {
            return .failure(ReadFailure(path: "-", reason: error.description))
        }
    }

    private static func outcomes(path: String, read: () throws(FileReading.Failure) -> [UInt8]) -> [Outcome] {
        let bytes: [UInt8]
        do { bytes = try read() } catch { return [.failure(path: path, reason: error.description)] }
        return outcomes(bytes, path: path)
    }

    /// The articles in a file's bytes: one for an article file, any number for a JSON export.
    public static func outcomes(_ bytes: [UInt8], path: String) -> [Outcome] {
        if ExportReader.looksLikeJSON(bytes) { return ExportReader.outcomes(bytes, path: path) }
        do {
            return [.article(try ArticleParser.parse(bytes, path: path))]
        } catch {
            return [.failure(path: path, reason: error.description)]
        }
    }
}

/// Reads the project's own export back: a JSON array of records, or one record per line.
enum ExportReader {
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            return false
        }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    static func outcomes(_ bytes: [UInt8], path: String) -> [ArticleSource.Outcome] {
        let decoder = JSONDecoder()
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        if first == UInt8(ascii: "[") {
            do {
                return try decoder.decode([Article].self, from: Data(bytes)).enumerated().map { index, article in
                    invalid(article).map { .failure(path: "\(path)[\(index)]", reason: "not a kb JSON record: \($0)") }
                        ?? .article(article)
                }
            } catch {
                return [.failure(path: path, reason: "not a kb JSON export: \(describe(error))")]
            }
        }
        var results: [ArticleSource.Outcome] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
            do {
                let article = try decoder.decode(Article.self, from: Data(line))
                if let problem = invalid(article) {
                    results.append(.failure(path: "\(path):\(lineNumber)", reason: "not a kb JSON record: \(problem)"))
                } else {
                    results.append(.article(article))
                }
            } catch {
                results.append(.failure(path: "\(path):\(lineNumber)", reason: "not a kb JSON record: \(describe(error))"))
            }
        }
        return results
    }

    /// What the schema requires beyond the JSON types.
    private static func invalid(_ article: Article) -> String? {
        if ArticleID.normalize(article.id) != article.id { return "'id' must look like Q178511, not '\(article.id)'" }
        if article.title.trimmed.isEmpty { return "'title' is empty" }
        if let date = article.lastModified, date.count != 10 || date.split(separator: "-").count != 3 {
            return "'lastModified' must be YYYY-MM-DD, not '\(date)'"
        }
        return nil
    }

    /// Decoding errors in one line: which key is missing or has the wrong type.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type at '\(path)'"
        case DecodingError.dataCorrupted: return "invalid JSON"
        default: return "\(error)"
        }
    }
}
