import Foundation
import Testing
@testable import KBServer

/// Logging never waits on its destination: a full buffer drops lines and counts them. The
/// tests wait for the lines the destination receives, as a stream, never for a time.
@Suite struct LogBufferTests {
    /// A destination that takes a line only when the gate lets it, and passes it on.
    final class BlockedSink: Sendable {
        let gate = DispatchSemaphore(value: 0)
        let (lines, received) = AsyncStream.makeStream(of: String.self)

        func write(_ line: String) {
            gate.wait()
            received.yield(line)
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
        var written: [String] = []
        for await line in sink.lines {
            written.append(line)
            if notices(written).reduce(0, +) == 1000 - accepted { break }
        }
        let kept = written.filter { !$0.hasPrefix("kb: ") }
        #expect(kept.count == accepted)
        #expect(kept.first == "line 0\n")
        let numbers = kept.compactMap { Int($0.dropFirst(5).dropLast()) }
        #expect(numbers == numbers.sorted())
        #expect(written.last?.hasSuffix("log lines dropped: the log was not being read fast enough\n") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func linesAreWrittenInOrderWhenTheDestinationKeepsUp() async throws {
        let (lines, received) = AsyncStream.makeStream(of: String.self)
        let buffer = LogBuffer(capacity: 4096) { received.yield($0) }
        for index in 0..<100 { #expect(buffer.append("\(index)\n")) }
        var written: [String] = []
        for await line in lines {
            written.append(line)
            if written.count == 100 { break }
        }
        #expect(written == (0..<100).map { "\($0)\n" })
        #expect(buffer.dropped == 0)
    }
}
