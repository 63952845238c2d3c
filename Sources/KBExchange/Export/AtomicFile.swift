import Foundation


/// A file written under a temporary name beside its destination and renamed into place when
/// complete, so that a reader never sees half of it. Until `commit()`, nothing is at the
/// destination; `discard()` (or a failure) removes the temporary file.
package final class AtomicFile {
    /// Where the file is when committed.
    package let destination: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var done = false

    /// Opens a temporary file beside `destination`; throws `AtomicFileError` when it cannot.
    package init(_ destination: String) throws {
        self.destination = destination
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw AtomicFileError(path: destination, reason: "no such folder: \(folder)")
        }
        temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw AtomicFileError(path: destination, reason: "cannot write in \(folder): \(String(cString: strerror(errno)))")
        }
        self.handle = handle
    }

    deinit { if !done { discard() } }

    /// Appends `text`, written out in large blocks.
    package func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw AtomicFileError(path: destination, reason: "cannot write: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Makes the file visible at its destination, whole.
    package func commit() throws {
        do {
            try flush()
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw error as? AtomicFileError ?? AtomicFileError(path: destination, reason: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw AtomicFileError(path: destination, reason: "cannot rename into place: \(reason)")
        }
        done = true
    }

    /// Removes the temporary file; the destination is left as it was.
    package func discard() {
        try? handle.close()
        unlink(temporary)
        done = true
    }
}

/// Why a file could not be written: the destination and the system's reason.
package struct AtomicFileError: Error, CustomStringConvertible {
    /// The destination.
    package var path: String
    /// The system's reason.
    package var reason: String
    package var description: String { "\(path): \(reason)" }
}
