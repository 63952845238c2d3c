import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file or standard input into bytes, with errors phrased for a "PATH: reason" line.
public enum FileReading {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func read(_ path: String, limit: Int = ArticleParser.maxFileSize) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure(description: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        return try readAll(fd, limit: limit)
    }

    public static func readStandardInput(limit: Int = 1 << 30) throws(Failure) -> [UInt8] {
        try readAll(STDIN_FILENO, limit: limit)
    }

    private static func readAll(_ fd: Int32, limit: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            // Stop early: a file beyond the limit is refused, never loaded whole.
            if bytes.count > limit { break }
        }
        return bytes
    }
}
