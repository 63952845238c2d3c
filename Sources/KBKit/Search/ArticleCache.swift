import Foundation

/// Decoded article records kept in memory for a long-running process such as `kb serve`:
/// decoding a stored JSON record costs more than ranking a candidate, and the articles that
/// answer a team's pastes repeat.
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
    private var current: [Key: Article] = [:]
    private var previous: [Key: Article] = [:]
    /// Articles per generation: the cache holds at most twice this many.
    public let capacity: Int

    public init(capacity: Int = 2048) {
        self.capacity = capacity
    }

    func article(_ key: Key) -> Article? {
        lock.lock()
        defer { lock.unlock() }
        if let article = current[key] { return article }
        guard let article = previous.removeValue(forKey: key) else { return nil }
        insert(article, key)
        return article
    }

    func store(_ article: Article, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        insert(article, key)
    }

    private func insert(_ article: Article, _ key: Key) {
        guard capacity > 0 else { return }
        if current.count >= capacity {
            previous = current
            current = [:]
        }
        current[key] = article
    }
}
