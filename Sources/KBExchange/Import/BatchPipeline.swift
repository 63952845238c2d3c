import Foundation


/// Runs a producer in the background (it fans out to all cores itself) while the caller
/// consumes what it emits: parsing and the single SQLite writer overlap. At most `depth`
/// batches wait, so memory stays bounded.
///
/// The producer runs on a Dispatch worker rather than a thread of its own: a dedicated thread
/// that exited as an import failed on a full disk sometimes aborted the process in glibc's
/// per-thread cache clean-up (about 1 run in 100; see `Scripts/fault-test`).
///
/// `@unchecked Sendable`: its state is guarded by a condition variable (the consumer waits for
/// a batch, the producer for room), which `Mutex` does not offer; every access is under it.
final class BatchPipeline<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [[Output]] = []
    private var finished = false
    private var cancelled = false
    private let depth: Int

    /// `produce` calls `emit` with each batch in order and returns when all are emitted;
    /// `emit` returns false once the consumer has cancelled.
    init(depth: Int = 2, produce: @escaping @Sendable (_ emit: ([Output]) -> Bool) -> Void) {
        self.depth = depth
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            produce { batch in self.push(batch) }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
    }

    private func push(_ batch: [Output]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= depth && !cancelled { condition.wait() }
        if cancelled { return false }
        ready.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch in order, or nil when all are done.
    func next() -> [Output]? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let batch = ready.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Stops the producer and waits until its thread has finished the batch under way: the
    /// process may exit right after, and must not do so while that thread still works.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
