import Foundation
import Synchronization
import Testing
@testable import KBServer

/// Logging never waits on its destination: a full buffer drops lines and counts them.
@Suite struct LogBufferTests {
    final class BlockedSink: Sendable {
        let gate = DispatchSemaphore(value: 0)
        let written = Mutex<[String]>([])

        func write(_ line: String) {
            gate.wait()
            written.withLock { $0.append(line) }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aBlockedDestinationNeverBlocksTheLogger() async throws {
        let sink = BlockedSink()
        let buffer = LogBuffer(capacity: 8) { sink.write($0) }
        var accepted = 0
        // The drain thread takes at most one batch out before it blocks; everything past the
        // capacity is then dropped, and each call returns at once.
        for index in 0..<1000 where buffer.append("line \(index)\n") { accepted += 1 }
        #expect(accepted >= 8 && accepted <= 16)
        #expect(buffer.dropped == 1000 - accepted)
        // Once the destination takes lines again, the kept lines are written in order, and the
        // drops are reported (in one notice or, if the drain took a batch midway, two).
        for _ in 0..<(accepted + 2) { sink.gate.signal() }
        func notices(_ lines: [String]) -> [Int] {
            lines.compactMap { line in
                guard line.hasPrefix("kb: ") else { return nil }
                return Int(line.dropFirst(4).prefix { $0.isNumber })
            }
        }
        while notices(sink.written.withLock { $0 }).reduce(0, +) < 1000 - accepted {
            try await Task.sleep(for: .milliseconds(10))
        }
        let written = sink.written.withLock { $0 }
        let kept = written.filter { !$0.hasPrefix("kb: ") }
        #expect(kept.count == accepted)
        #expect(kept.first == "line 0\n")
        let numbers = kept.compactMap { Int($0.dropFirst(5).dropLast()) }
        #expect(numbers == numbers.sorted())
        #expect(written.last?.hasSuffix("log lines dropped: the log was not being read fast enough\n") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func linesAreWrittenInOrderWhenTheDestinationKeepsUp() async throws {
        let written = Mutex<[String]>([])
        let buffer = LogBuffer(capacity: 4096) { line in written.withLock { $0.append(line) } }
        for index in 0..<100 { #expect(buffer.append("\(index)\n")) }
        while written.withLock({ $0.count }) < 100 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(written.withLock { $0 } == (0..<100).map { "\($0)\n" })
        #expect(buffer.dropped == 0)
    }
}
