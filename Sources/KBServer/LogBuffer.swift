import Foundation
import Synchronization


/// Log lines on their way to a slow or blocked destination (standard error connected to a pipe
/// that nobody reads): a bounded buffer that one background thread empties. Adding a line never
/// waits; when the buffer is full the line is dropped and counted, and the count is written
/// out as soon as the destination takes lines again. Request handling therefore never stalls
/// on its access log.
///
/// Its state is under a `Mutex`; the writer thread waits on a semaphore signalled by every
/// line added or dropped.
package final class LogBuffer: Sendable {
    private struct State {
        var lines: [String] = []
        var droppedSinceLastNotice = 0
        var droppedTotal = 0
    }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let capacity: Int
    private let write: @Sendable (String) -> Void

    /// `write` may block as long as it likes: only the buffer's own thread calls it.
    package init(capacity: Int = 4096, write: @escaping @Sendable (String) -> Void) {
        self.capacity = capacity
        self.write = write
        let thread = Thread { [self] in drain() }
        thread.name = "kb-log"
        thread.start()
    }

    /// Writes to standard error.
    package static func standardError(capacity: Int = 4096) -> LogBuffer {
        LogBuffer(capacity: capacity) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Lines dropped because the buffer was full, since the start.
    package var dropped: Int { state.withLock { $0.droppedTotal } }

    /// Queues a line (with its line feed); false when it was dropped. Never blocks on output.
    @discardableResult
    package func append(_ line: String) -> Bool {
        let kept = state.withLock { state in
            guard state.lines.count < capacity else {
                state.droppedSinceLastNotice += 1
                state.droppedTotal += 1
                return false
            }
            state.lines.append(line)
            return true
        }
        // A drop wakes the writer too: the count must be reported once it can write again.
        wake.signal()
        return kept
    }

    private func drain() {
        while true {
            wake.wait()
            let batch = state.withLock { state -> [String] in
                var batch = state.lines
                state.lines.removeAll(keepingCapacity: true)
                if state.droppedSinceLastNotice > 0 {
                    batch.append("kb: \(state.droppedSinceLastNotice) log lines dropped: the log was not being read fast enough\n")
                    state.droppedSinceLastNotice = 0
                }
                return batch
            }
            for line in batch { write(line) }
        }
    }
}
