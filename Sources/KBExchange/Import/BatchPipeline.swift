import Foundation
import Synchronization


/// Runs a producer in the background while the caller consumes what it emits: the walk of
/// the folders, the parsing (which fans out to all cores itself) and the single SQLite writer
/// overlap. At most `depth` batches wait, so memory stays bounded.
///
/// The producer runs on a Dispatch worker rather than a thread of its own: a dedicated thread
/// that exited as an import failed on a full disk sometimes aborted the process in glibc's
/// per-thread cache clean-up (about 1 run in 100; see `Scripts/fault-test`).
///
/// Its state is under a `Mutex`; the two sides wait on semaphores: the consumer for a batch,
/// the producer for room.
final class BatchPipeline<Output: Sendable>: Sendable {
    private struct State {
        var ready: [[Output]] = []
        var cancelled = false
        var emitted = 0
        var finished = false
    }

    private let state = Mutex(State())
    /// Free places for batches: the producer takes one per batch, the consumer gives it back.
    private let room: DispatchSemaphore
    /// One signal per batch made ready, and one when the producer has finished.
    private let available = DispatchSemaphore(value: 0)
    /// Signalled when the producer has returned.
    private let done = DispatchSemaphore(value: 0)

    /// `produce` calls `emit` with each batch in order and returns when all are emitted;
    /// `emit` returns false once the consumer has cancelled.
    init(depth: Int = 2, produce: @escaping @Sendable (_ emit: ([Output]) -> Bool) -> Void) {
        room = DispatchSemaphore(value: depth)
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            produce { batch in self.push(batch) }
            state.withLock { $0.finished = true }
            available.signal()
            done.signal()
        }
    }

    private func push(_ batch: [Output]) -> Bool {
        room.wait()
        let accepted = state.withLock { state in
            if state.cancelled { return false }
            state.ready.append(batch)
            state.emitted += batch.count
            return true
        }
        if accepted { available.signal() } else { room.signal() }
        return accepted
    }

    /// How many outputs the producer emitted in all, once it has finished; nil before.
    var total: Int? {
        state.withLock { $0.finished ? $0.emitted : nil }
    }

    /// The next batch in order, or nil when all are done.
    func next() -> [Output]? {
        available.wait()
        let batch = state.withLock { state in state.ready.isEmpty ? nil : state.ready.removeFirst() }
        guard let batch else {
            // The producer has finished: every later call finds the same.
            available.signal()
            return nil
        }
        room.signal()
        return batch
    }

    /// Stops the producer and waits until it has finished the batch under way: the process
    /// may exit right after, and must not do so while the producer still works.
    func cancel() {
        state.withLock { $0.cancelled = true }
        room.signal()
        done.wait()
        done.signal()
    }
}
