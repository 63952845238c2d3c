import Foundation
import KBModel


/// Expands command-line paths into the files to read: files as given, folders recursively in
/// name order. Hidden entries inside folders are skipped; a folder reached twice through
/// symbolic links is walked once, so link loops end.
public struct FileWalker {
    /// One input: a file (with its place in its knowledge base), or standard input.
    public enum Item: Equatable, Sendable {
        case file(String, location: ArticleLocation? = nil)
        case standardInput
        case failure(path: String, reason: String)
    }

    /// A walker over files and folders.
    public init() {}

    /// The article files under the given paths (files as given, folders walked), in a
    /// stable order; "-" is standard input.
    public func items(for paths: [String]) -> [Item] {
        var visited = Set<DirectoryID>()
        var items: [Item] = []
        let roots = KnowledgeBaseRoot()
        for path in paths {
            if path == "-" { items.append(.standardInput); continue }
            let start = items.count
            walk(path, visited: &visited, into: &items, topLevel: true)
            // Each file's place in its knowledge base (see `KnowledgeBaseRoot`).
            let absolute = KnowledgeBaseRoot.absolute(path)
            var isFolder: ObjCBool = false
            let named = FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) && isFolder.boolValue
                ? absolute : (absolute as NSString).deletingLastPathComponent
            for index in start..<items.count {
                guard case .file(let file, _) = items[index] else { continue }
                let location = roots.location(of: KnowledgeBaseRoot.absolute(file), named: named)
                items[index] = .file(file, location: location)
            }
        }
        return items
    }

    private struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private func walk(_ path: String, visited: inout Set<DirectoryID>, into items: inout [Item], topLevel: Bool) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno == ENOENT ? (topLevel ? "no such file or folder" : "broken symbolic link")
                : String(cString: strerror(errno))
            items.append(.failure(path: path, reason: reason))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            let id = DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            guard visited.insert(id).inserted else { return }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                items.append(.failure(path: path, reason: "cannot list folder: permission denied or unreadable"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                walk(path.hasSuffix("/") ? path + name : path + "/" + name, visited: &visited, into: &items, topLevel: false)
            }
        case S_IFREG:
            items.append(.file(path))
        default:
            if topLevel { items.append(.file(path)) }  // e.g. a named pipe given explicitly
        }
    }
}
