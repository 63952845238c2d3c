import Foundation


/// Log lines on their way to a slow or blocked destination (standard error connected to a pipe
/// that nobody reads): a bounded buffer that one background thread empties. Adding a line never
/// waits; when the buffer is full the line is dropped and counted, and the count is written
/// out as soon as the destination takes lines again. Request handling therefore never stalls
/// on its access log.
///
/// `@unchecked Sendable`: its state is guarded by a condition variable (the writer thread waits
/// for lines), which `Mutex` does not offer; every access is under it.
package final class LogBuffer: @unchecked Sendable {
    private let condition = NSCondition()
    private var lines: [String] = []
    private var head = 0
    private var droppedSinceLastNotice = 0
    private var droppedTotal = 0
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
    package var dropped: Int {
        condition.lock()
        defer { condition.unlock() }
        return droppedTotal
    }

    /// Queues a line (with its line feed); false when it was dropped. Never blocks on output.
    @discardableResult
    package func append(_ line: String) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard lines.count - head < capacity else {
            droppedSinceLastNotice += 1
            droppedTotal += 1
            return false
        }
        lines.append(line)
        condition.signal()
        return true
    }

    private func drain() {
        while true {
            condition.lock()
            while lines.count == head && droppedSinceLastNotice == 0 { condition.wait() }
            var batch = Array(lines[head...])
            lines.removeAll(keepingCapacity: true)
            head = 0
            if droppedSinceLastNotice > 0 {
                batch.append("kb: \(droppedSinceLastNotice) log lines dropped: the log was not being read fast enough\n")
                droppedSinceLastNotice = 0
            }
            condition.unlock()
            for line in batch { write(line) }
        }
    }
}
