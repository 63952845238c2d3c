import Foundation


/// Search results, reused while the store has not changed: support teams paste the same errors
/// again and again, from log lines that differ only in their timestamps. Entries are keyed by
/// the analysed paste and the filters, and by the store's generation (see `StoreGeneration`),
/// and live at most `lifetime` seconds.
final class ResultCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (value: Value, generation: String, stored: Date)] = [:]
    private var order: [String] = []
    let capacity: Int
    let lifetime: TimeInterval
    /// Lookups answered from the cache, since the start.
    private(set) var hits = 0

    init(capacity: Int = 4096, lifetime: TimeInterval = 60) {
        self.capacity = capacity
        self.lifetime = lifetime
    }

    func value(for key: String, generation: String) -> Value? {
        guard capacity > 0 else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key], entry.generation == generation,
              Date().timeIntervalSince(entry.stored) < lifetime else { return nil }
        hits += 1
        return entry.value
    }

    func store(_ value: Value, for key: String, generation: String) {
        guard capacity > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        if entries[key] == nil { order.append(key) }
        entries[key] = (value, generation, Date())
        // Oldest first out; the order list is compacted when it has grown well past capacity.
        while entries.count > capacity, let oldest = order.first {
            order.removeFirst()
            entries[oldest] = nil
        }
        if order.count > capacity * 2 { order = order.filter { entries[$0] != nil } }
    }
}
