/// Reads and parses the files a walk found, in batches on all cores, calling back in input order.
/// Memory stays bounded by the batch size, whatever the number of files.
public struct ArticleSource {
    public enum Outcome: Sendable {
        case article(Article)
        case failure(path: String, reason: String)
    }

    public var batchSize = 512

    public init() {}

    public func forEachBatch(_ items: [FileWalker.Item], _ body: ([Outcome]) throws -> Void) rethrows {
        var start = 0
        while start < items.count {
            let batch = Array(items[start..<Swift.min(start + batchSize, items.count)])
            try body(batch.parallelMap(Self.outcome))
            start += batchSize
        }
    }

    @Sendable static func outcome(_ item: FileWalker.Item) -> Outcome {
        switch item {
        case .failure(let path, let reason):
            return .failure(path: path, reason: reason)
        case .standardInput:
            return parse(path: "-") { () throws(FileReading.Failure) in try FileReading.readStandardInput() }
        case .file(let path):
            return parse(path: path) { () throws(FileReading.Failure) in try FileReading.read(path) }
        }
    }

    private static func parse(path: String, read: () throws(FileReading.Failure) -> [UInt8]) -> Outcome {
        do {
            return .article(try ArticleParser.parse(try read(), path: path))
        } catch let error as ParseError {
            return .failure(path: path, reason: error.description)
        } catch {
            return .failure(path: path, reason: "\(error)")
        }
    }
}
