#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans of text's bytes that look at many bytes per step: the C library's `memchr` for one
/// byte, eight bytes a word for the rest. A search scans the text of every candidate it
/// reads (records, messages, titles); the record reader's loop over single bytes cost 17
/// instructions a byte (callgrind), and these scans took 1.1 M instructions off a search.
extension UnsafeBufferPointer<UInt8> {
    /// The index of the first `byte` at or after `start`, or `count`.
    package func firstIndex(of byte: UInt8, from start: Int) -> Int {
        guard start < count, let base = baseAddress, let found = memchr(base + start, Int32(byte), count - start) else { return count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first `byte` in `range`, or `range.upperBound`.
    package func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int {
        guard !range.isEmpty, let base = baseAddress, let found = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return range.upperBound }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first `a` or `b` at or after `start`, or `count`.
    package func firstIndex(of a: UInt8, or b: UInt8, from start: Int) -> Int {
        var index = start
        if let base = baseAddress {
            let (spreadA, spreadB) = (Self.ones &* UInt64(a), Self.ones &* UInt64(b))
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let found = Self.zeroBytes(word ^ spreadA) | Self.zeroBytes(word ^ spreadB)
                // The lowest flagged byte is exact: a false flag only follows a true one.
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count, self[index] != a, self[index] != b { index += 1 }
        return index
    }

    /// The index of the first byte at or after `start` that JSON must escape (a control
    /// character, '"', '\\' or DEL), or `count`. Records are written as JSON: every byte of
    /// every article an import stores passes here.
    package func firstIndexNeedingJSONEscape(from start: Int) -> Int {
        var index = start
        if let base = baseAddress {
            let (quote, backslash, delete) = (Self.ones &* 0x22, Self.ones &* 0x5C, Self.ones &* 0x7F)
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let control = (word &- Self.ones &* 0x20) & ~word & Self.highBits
                let found = control | Self.zeroBytes(word ^ quote) | Self.zeroBytes(word ^ backslash) | Self.zeroBytes(word ^ delete)
                // As above: each mask's lowest flag is exact, so the lowest of all is.
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count, !Self.needsJSONEscape(self[index]) { index += 1 }
        return index
    }

    /// The index of the first control character (below 0x20) or DEL at or after `start`, or
    /// `count`: text decoding keeps every other ASCII byte as it is.
    package func firstIndexOfControlOrDelete(from start: Int) -> Int {
        var index = start
        if let base = baseAddress {
            let delete = Self.ones &* 0x7F
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let found = (word &- Self.ones &* 0x20) & ~word & Self.highBits | Self.zeroBytes(word ^ delete)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count, self[index] >= 0x20, self[index] != 0x7F { index += 1 }
        return index
    }

    /// Whether JSON must escape the byte.
    package static func needsJSONEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F
    }

    /// Whether every byte is ASCII (below 0x80).
    package var isAllASCII: Bool {
        var index = 0
        if let base = baseAddress {
            while index + 8 <= count {
                if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & Self.highBits != 0 { return false }
                index += 8
            }
        }
        while index < count {
            if self[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each zero byte of `word` set (and perhaps of bytes above one).
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highBits
    }
}
