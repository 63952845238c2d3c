import Foundation

/// Parses batches on a background thread (itself fanning out to all cores) while the caller
/// writes the previous batch: parsing and the single SQLite writer overlap.
final class BatchPipeline<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [[Output]] = []
    private var finished = false
    private var cancelled = false
    private let depth: Int

    init(items: [FileWalker.Item], batchSize: Int, depth: Int = 2, transform: @escaping @Sendable (FileWalker.Item) -> [Output]) {
        self.depth = depth
        let thread = Thread { [self] in
            var start = 0
            while start < items.count {
                let end = min(start + batchSize, items.count)
                let batch = Array(items[start..<end]).parallelMap(transform).flatMap { $0 }
                condition.lock()
                while ready.count >= depth && !cancelled { condition.wait() }
                if cancelled { condition.unlock(); return }
                ready.append(batch)
                condition.broadcast()
                condition.unlock()
                start = end
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next batch in input order, or nil when all are done.
    func next() -> [Output]? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let batch = ready.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Stops the producer early (after a write failure).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
