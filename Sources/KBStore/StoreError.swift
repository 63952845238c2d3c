import Foundation
import GRDB


/// A store that cannot be used, in words for a one-line message.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    /// The store's file.
    public var path: String
    /// What is wrong, in words for a one-line message.
    public var reason: String

    public var description: String { "\(path): \(reason)" }

    /// An error about the store at `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    static func isOnReadOnlyFileSystem(_ path: String) -> Bool {
        var info = statvfs()
        let folder = (path as NSString).deletingLastPathComponent
        guard statvfs(folder.isEmpty ? "." : folder, &info) == 0 else { return false }
        return info.f_flag & UInt(ST_RDONLY) != 0
    }

    /// Phrases an SQLite failure for someone who does not know SQLite.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let unreadable = error as? StoredRecord.Unreadable { return StoreError(path: path, reason: unreadable.description) }
        guard let db = error as? DatabaseError else { return StoreError(path: path, reason: "\(error)") }
        let reason: String
        switch db.resultCode {
        case .SQLITE_NOTADB: reason = "not a kb store (the file is not an SQLite database)"
        case .SQLITE_CORRUPT: reason = "the store is corrupt (run 'kb check' for details)"
        case .SQLITE_READONLY: reason = "the store is read-only: cannot write to it"
        case .SQLITE_FULL: reason = "the disk is full: nothing of the last batch was written"
        case .SQLITE_CANTOPEN:
            reason = isOnReadOnlyFileSystem(path)
                ? "the store is on a read-only file system: cannot write to it"
                : "cannot open the store (missing folder or no permission)"
        case .SQLITE_BUSY, .SQLITE_LOCKED: reason = "the store is locked by another writer; try again when it is done"
        case .SQLITE_PERM, .SQLITE_AUTH: reason = "permission denied"
        case .SQLITE_IOERR: reason = "input/output error (\(db.message ?? "disk error"))"
        default: reason = db.message ?? "\(db)"
        }
        return StoreError(path: path, reason: reason)
    }
}
