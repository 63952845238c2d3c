import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered reading of a file, standard input or bytes already in memory, in bounded memory:
/// whole (up to a limit), line by line, or byte by byte.
///
/// Errors are phrased for a "PATH: reason" line. Not thread-safe: one reader, one consumer.
/// `@unchecked Sendable` only so that an `ExportStream` opened on a worker (where a file is
/// read and recognised as an export) can be handed to the one consumer that reads it: it is
/// moved, never shared.
public final class ByteReader: @unchecked Sendable {
    /// A read that failed, in words for a one-line message.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
        /// True when the input was refused for being longer than the limit read.
        public var isTooLarge = false
        /// A failure described in words.
        public init(_ description: String) { self.description = description }

        static func tooLarge(limit: Int) -> Failure {
            var failure = Failure("too large: over the \(limit / (1024 * 1024)) MiB limit for one article or record")
            failure.isTooLarge = true
            return failure
        }
    }

    private let fd: Int32?
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var position = 0
    private var atEnd = false

    /// Opens a file for reading.
    public init(path: String) throws(Failure) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure("cannot open: \(String(cString: strerror(errno)))") }
        self.fd = fd
        ownsDescriptor = true
        buffer = []
    }

    /// Reads standard input (left open when done).
    public static func standardInput() -> ByteReader { ByteReader(descriptor: STDIN_FILENO) }

    private init(descriptor: Int32) {
        fd = descriptor
        ownsDescriptor = false
        buffer = []
    }

    /// Reads bytes already in memory.
    public init(bytes: [UInt8]) {
        fd = nil
        ownsDescriptor = false
        buffer = bytes
        atEnd = true
    }

    deinit {
        if ownsDescriptor, let fd { close(fd) }
        chunk?.deallocate()
    }

    private static let chunkSize = 64 * 1024
    /// Where `read` puts each chunk: memory of the reader's own, neither zeroed nor shared,
    /// allocated on the first read. (An array in a lazy property was zeroed for each file and
    /// copied on every read, as writing through the property did not find it unshared: 16%
    /// of an import's instructions.)
    private var chunk: UnsafeMutableBufferPointer<UInt8>?

    /// Appends the next chunk to the buffer; false at the end of the input.
    private func fill() throws(Failure) -> Bool {
        guard !atEnd, let fd else { return false }
        if position > 0 && position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            position = 0
        } else if position > Self.chunkSize {
            buffer.removeFirst(position)
            position = 0
        }
        let chunk = self.chunk ?? UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
        self.chunk = chunk
        while true {
            let n = read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure("cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { atEnd = true }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<n]))
            return n > 0
        }
    }

    /// The first byte that is not JSON white space, without consuming it; nil for empty input.
    public func peekNonSpace() throws(Failure) -> UInt8? {
        while true {
            while position < buffer.count {
                let b = buffer[position]
                if !Self.isSpace(b) { return b }
                position += 1
            }
            guard try fill() else { return nil }
        }
    }

    /// Where the first NUL byte read ahead but not yet consumed lies, or nil: its offset in
    /// the input while the reader is at its start (once `peekNonSpace` has looked, the first
    /// chunk is read ahead).
    public func aheadNULOffset() -> Int? {
        buffer[position...].firstIndex(of: 0)
    }

    /// The next byte, consumed; nil at the end.
    @inline(__always)
    public func next() throws(Failure) -> UInt8? {
        if position == buffer.count, try !fill() { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    /// Everything left, refused when it is longer than `limit`: never returned truncated.
    public func readAll(limit: Int) throws(Failure) -> [UInt8] {
        while buffer.count - position <= limit {
            guard try fill() else { break }
        }
        guard buffer.count - position <= limit else { throw .tooLarge(limit: limit) }
        defer { position = buffer.count }
        guard position == 0 else { return Array(buffer[position...]) }
        // The whole input: handed over rather than copied.
        defer { buffer = [] }
        return buffer
    }

    /// One line of the input, without its line feed.
    public enum Line {
        case text([UInt8])
        /// A line longer than the limit: skipped up to its end, never cut.
        case tooLong
    }

    /// The next line, or nil at the end of the input.
    public func nextLine(limit: Int) throws(Failure) -> Line? {
        var scanned = 0  // bytes after `position` known to hold no line feed
        var tooLong = false
        while true {
            if let newline = buffer[(position + scanned)...].firstIndex(of: 0x0A) {
                defer { position = newline + 1 }
                return tooLong || newline - position > limit ? .tooLong : .text(Array(buffer[position..<newline]))
            }
            scanned = buffer.count - position
            if scanned > limit {
                // Drop what is read of an over-long line rather than keep it all in memory.
                tooLong = true
                position = buffer.count
                scanned = 0
            }
            // `fill` may move the unread bytes to the front: offsets are kept relative to `position`.
            guard try fill() else { break }
        }
        guard position < buffer.count || tooLong else { return nil }
        defer { position = buffer.count }
        return tooLong ? .tooLong : .text(Array(buffer[position...]))
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
}
