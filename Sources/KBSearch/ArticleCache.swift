import Foundation
import KBModel


/// Decoded article records, with their export JSON, kept in memory for a long-running process
/// such as `kb serve`: decoding a stored record and encoding it again cost more than ranking a
/// candidate, and the articles that answer a team's pastes repeat.
///
/// Entries are keyed by row and content hash, so an article changed by an import is never
/// served stale. Two generations stand in for least-recently-used order: when the current
/// one is full it becomes the old one, and an entry found in the old one moves back.
public final class ArticleCache: @unchecked Sendable {
    struct Key: Hashable {
        var rowid: Int64
        var contentHash: String
    }

    private let lock = NSLock()
    struct Entry {
        var article: Article
        /// `ArticleJSON` of the article, as search responses embed it.
        var json: [UInt8]
    }

    private var current: [Key: Entry] = [:]
    private var previous: [Key: Entry] = [:]
    /// Articles per generation: the cache holds at most twice this many.
    public let capacity: Int

    /// A cache of at most twice `capacity` articles.
    public init(capacity: Int = 2048) {
        self.capacity = capacity
    }

    func entry(_ key: Key) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        if let entry = current[key] { return entry }
        guard let entry = previous.removeValue(forKey: key) else { return nil }
        insert(entry, key)
        return entry
    }

    /// Keeps the article and its JSON (encoded here, outside the lock).
    @discardableResult
    func store(_ article: Article, for key: Key) -> Entry {
        let entry = Entry(article: article, json: ArticleJSON.bytes(article).json)
        lock.lock()
        defer { lock.unlock() }
        insert(entry, key)
        return entry
    }

    private func insert(_ entry: Entry, _ key: Key) {
        guard capacity > 0 else { return }
        if current.count >= capacity {
            previous = current
            current = [:]
        }
        current[key] = entry
    }
}
