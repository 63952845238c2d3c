import Foundation
import KBModel
import Synchronization


/// Decoded article records kept in memory for a long-running process such as `kb serve`:
/// decoding a stored record costs more than ranking a candidate, and the articles that answer
/// a team's pastes repeat. (Records only: how a result is shown, its JSON included, is
/// KBPrinter's; writing a record's JSON costs about 16 µs, `Scripts/bench-json`.)
///
/// Entries are keyed by row and content hash, so an article changed by an import is never
/// served stale. Two generations stand in for least-recently-used order: when the current
/// one is full it becomes the old one, and an entry found in the old one moves back.
public final class ArticleCache: Sendable {
    struct Key: Hashable {
        var rowid: Int64
        var contentHash: String
    }

    struct Entry {
        var article: Article
    }

    private struct Generations {
        var current: [Key: Entry] = [:]
        var previous: [Key: Entry] = [:]
        var hits = 0
    }

    private let generations = Mutex(Generations())
    /// Articles per generation: the cache holds at most twice this many.
    public let capacity: Int

    /// A cache of at most twice `capacity` articles.
    public init(capacity: Int = 2048) {
        self.capacity = capacity
    }

    /// Articles served from the cache rather than read and decoded.
    var hits: Int { generations.withLock { $0.hits } }

    func entry(_ key: Key) -> Entry? {
        generations.withLock { generations in
            if let entry = generations.current[key] {
                generations.hits += 1
                return entry
            }
            guard let entry = generations.previous.removeValue(forKey: key) else { return nil }
            generations.hits += 1
            insert(entry, key, into: &generations)
            return entry
        }
    }

    /// Keeps the article.
    @discardableResult
    func store(_ article: Article, for key: Key) -> Entry {
        let entry = Entry(article: article)
        generations.withLock { insert(entry, key, into: &$0) }
        return entry
    }

    private func insert(_ entry: Entry, _ key: Key, into generations: inout Generations) {
        guard capacity > 0 else { return }
        if generations.current.count >= capacity {
            generations.previous = generations.current
            generations.current = [:]
        }
        generations.current[key] = entry
    }
}
