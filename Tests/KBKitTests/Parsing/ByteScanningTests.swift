import Testing
@testable import KBModel

/// The word-at-a-time scans against byte-at-a-time ones, on random bytes next to the ones
/// looked for (and with the high bit set), from every start, in buffers that begin at every
/// alignment.
@Suite struct ByteScanningTests {
    private static let alphabet: [UInt8] = [0x22, 0x5C, 0x21, 0x23, 0x5B, 0x5D, 0xA2, 0xDC, 0x0A, 0x00, 0x7F, 0x80, 0xFF, 0x61, 0x1F, 0x20, 0x09, 0x7E]

    /// Random buffers, each handed to `check` at an offset 0…7 into its storage.
    private func forRandomBuffers(_ check: (UnsafeBufferPointer<UInt8>) -> Void) {
        var generator = SeededGenerator(seed: 11)
        for round in 0..<400 {
            let count = Int.random(in: 0...40, using: &generator)
            let plain = Int.random(in: 0...9, using: &generator)
            let bytes = (0..<(count + 8)).map { _ in
                Int.random(in: 0...9, using: &generator) < plain ? UInt8(0x61) : Self.alphabet.randomElement(using: &generator)!
            }
            bytes.withUnsafeBufferPointer { storage in
                check(UnsafeBufferPointer(rebasing: storage[(round % 8)..<(round % 8 + count)]))
            }
        }
    }

    @Test func findsTheFirstOfTwoBytes() {
        forRandomBuffers { buffer in
            for start in 0...buffer.count {
                let expected = buffer[start...].firstIndex { $0 == 0x22 || $0 == 0x5C } ?? buffer.count
                #expect(buffer.firstIndex(of: 0x22, or: 0x5C, from: start) == expected, "\(Array(buffer)) from \(start)")
            }
        }
    }

    @Test func findsTheFirstByte() {
        forRandomBuffers { buffer in
            for start in 0...buffer.count {
                let expected = buffer[start...].firstIndex(of: 0x0A) ?? buffer.count
                #expect(buffer.firstIndex(of: 0x0A, from: start) == expected, "\(Array(buffer)) from \(start)")
            }
        }
    }

    @Test func findsTheFirstByteJSONMustEscape() {
        forRandomBuffers { buffer in
            for start in 0...buffer.count {
                let expected = buffer[start...].firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F } ?? buffer.count
                #expect(buffer.firstIndexNeedingJSONEscape(from: start) == expected, "\(Array(buffer)) from \(start)")
            }
        }
    }

    @Test func findsTheFirstControlOrDelete() {
        forRandomBuffers { buffer in
            for start in 0...buffer.count {
                let expected = buffer[start...].firstIndex { $0 < 0x20 || $0 == 0x7F } ?? buffer.count
                #expect(buffer.firstIndexOfControlOrDelete(from: start) == expected, "\(Array(buffer)) from \(start)")
            }
        }
    }

    @Test func tellsASCIIFromTheRest() {
        var sawASCII = false
        forRandomBuffers { buffer in
            let expected = buffer.allSatisfy { $0 < 0x80 }
            sawASCII = sawASCII || (expected && buffer.count > 8)
            #expect(buffer.isAllASCII == expected, "\(Array(buffer))")
        }
        #expect(sawASCII, "some buffers longer than a word are all ASCII")
    }
}
