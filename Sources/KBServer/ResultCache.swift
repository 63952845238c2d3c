import Foundation
import Synchronization


/// Search results, reused while the store has not changed: support teams paste the same errors
/// again and again, from log lines that differ only in their timestamps. Entries are keyed by
/// the analysed paste and the filters, and by the store's generation (`ArticleStore.generation`),
/// and live at most `lifetime` seconds.
final class ResultCache<Value: Sendable>: Sendable {
    private struct State {
        var entries: [String: (value: Value, generation: String, stored: Date)] = [:]
        var order: [String] = []
        var hits = 0
    }

    private let state = Mutex(State())
    let capacity: Int
    let lifetime: TimeInterval

    init(capacity: Int = 4096, lifetime: TimeInterval = 60) {
        self.capacity = capacity
        self.lifetime = lifetime
    }

    /// Lookups answered from the cache, since the start.
    var hits: Int { state.withLock { $0.hits } }

    func value(for key: String, generation: String) -> Value? {
        guard capacity > 0 else { return nil }
        return state.withLock { state in
            guard let entry = state.entries[key], entry.generation == generation,
                  Date().timeIntervalSince(entry.stored) < lifetime else { return nil }
            state.hits += 1
            return entry.value
        }
    }

    func store(_ value: Value, for key: String, generation: String) {
        guard capacity > 0 else { return }
        state.withLock { state in
            if state.entries[key] == nil { state.order.append(key) }
            state.entries[key] = (value, generation, Date())
            // Oldest first out; the order list is compacted when it has grown well past capacity.
            while state.entries.count > capacity, let oldest = state.order.first {
                state.order.removeFirst()
                state.entries[oldest] = nil
            }
            if state.order.count > capacity * 2 { state.order = state.order.filter { state.entries[$0] != nil } }
        }
    }
}
