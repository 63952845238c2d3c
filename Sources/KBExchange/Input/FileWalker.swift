import Foundation
import KBModel


/// Expands command-line paths into the files to read: files as given, folders recursively in
/// name order. Inside folders, only files that can hold articles or exports are read
/// (`.txt`, `.md`, `.markdown`, `.json`, `.jsonl`), and a repository's own files are left out:
/// hidden entries, `LICENSE`, `NOTICE` and the like, and DocFX and Jekyll include folders
/// (fragments of pages, not articles). A docs repository's images, tables of contents and
/// configuration are thus not read. A folder reached twice through symbolic links is walked
/// once, so link loops end.
public struct FileWalker {
    /// One input: a file (with its place in its knowledge base), or standard input.
    public enum Item: Equatable, Sendable {
        case file(String, location: ArticleLocation? = nil)
        case standardInput
        /// Bytes received rather than read from a file (an upload to the server), under the
        /// name the client gave: a docs-as-code article's id comes from that name, or from its
        /// title when the name has no folder, never from where the bytes were kept.
        case upload([UInt8], name: String)
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
            // Each file's place in its knowledge base (see `KnowledgeBaseRoot`). Paths found
            // under `path` start with it, so one absolute path serves them all.
            let absolute = KnowledgeBaseRoot.absolute(path)
            var isFolder: ObjCBool = false
            let named = FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) && isFolder.boolValue
                ? absolute : KnowledgeBaseRoot.folder(of: absolute)
            for index in start..<items.count {
                guard case .file(let file, _) = items[index] else { continue }
                let full = file.hasPrefix(path) ? absolute + file.dropFirst(path.count) : KnowledgeBaseRoot.absolute(file)
                items[index] = .file(file, location: roots.location(of: full, named: named))
            }
        }
        return items
    }

    private static let articleExtensions: Set<String> = ["txt", "md", "markdown", "json", "jsonl"]
    /// A repository's own files, by name without extension: "LICENSE", "NOTICE.md", …
    private static let repositoryFiles: Set<String> = [
        "license", "license-code", "notice", "attribution", "changelog", "contributing", "code_of_conduct", "security",
        "thirdpartynotices",
    ]
    /// Folders of page fragments (DocFX, Jekyll), not articles.
    private static let includeFolders: Set<String> = ["includes", "_includes"]

    private static func mayHoldArticles(_ path: String) -> Bool {
        articleExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    private static func isRepositoryFile(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent.lowercased()
        return repositoryFiles.contains(String(name.prefix(while: { $0 != "." })))
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
            for name in names.sorted() where !name.hasPrefix(".") && !Self.includeFolders.contains(name.lowercased()) {
                walk(path.hasSuffix("/") ? path + name : path + "/" + name, visited: &visited, into: &items, topLevel: false)
            }
        case S_IFREG:
            if topLevel || (Self.mayHoldArticles(path) && !Self.isRepositoryFile(path)) { items.append(.file(path)) }
        default:
            if topLevel { items.append(.file(path)) }  // e.g. a named pipe given explicitly
        }
    }
}
