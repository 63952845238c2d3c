import Foundation
import KBModel


/// Expands command-line paths into the files to read: files as given, folders recursively in
/// name order. Inside folders, `ArticleFileRules` decides: article files are read, a
/// repository's own pages, templates and include snippets are listed as skipped, hidden
/// entries and other files (images, tables of contents, configuration) are passed over. A
/// folder reached twice through symbolic links is walked
/// once, so link loops end. A symbolic link inside a folder that leads out of it (to a system
/// file, say) is not followed unless asked (`followSymlinks`), and is listed as skipped.
public struct FileWalker: Sendable {
    /// Whether symbolic links that lead out of the folder named are followed.
    public var followSymlinks = false
    /// Which files in folders are articles.
    public var rules = ArticleFileRules()

    /// One input: a file (with its place in its knowledge base), or standard input.
    public enum Item: Equatable, Sendable {
        /// A file to read. A `repositoryPage` (a README found in a folder) is an article only
        /// in the archive's markdown layout, whose articles are README.md files.
        case file(String, location: ArticleLocation? = nil, repositoryPage: Bool = false)
        case standardInput
        /// Bytes received rather than read from a file (an upload to the server), under the
        /// name the client gave: a docs-as-code article's id comes from that name, or from its
        /// title when the name has no folder, never from where the bytes were kept.
        case upload([UInt8], name: String)
        /// A file found in a folder that is not an article.
        case skipped(path: String, reason: SkipReason)
        case failure(path: String, reason: String)
    }

    /// A walker over files and folders.
    public init(followSymlinks: Bool = false, rules: ArticleFileRules = ArticleFileRules()) {
        self.followSymlinks = followSymlinks
        self.rules = rules
    }

    /// The article files under the given paths (files as given, folders walked), in a
    /// stable order; "-" is standard input.
    public func items(for paths: [String]) -> [Item] {
        var items: [Item] = []
        walk(paths) { items.append($0); return true }
        return items
    }

    /// `items(for:)` one at a time, as they are found (an import parses the first files while
    /// the walk goes on), until `found` returns false.
    public func walk(_ paths: [String], _ found: (Item) -> Bool) {
        var visited = Set<DirectoryID>()
        let roots = KnowledgeBaseRoot()
        for path in paths {
            if path == "-" {
                guard found(.standardInput) else { return }
                continue
            }
            let root = Self.realPath(path) ?? KnowledgeBaseRoot.absolute(path)
            // Each file's place in its knowledge base (see `KnowledgeBaseRoot`). Paths found
            // under `path` start with it, so one absolute path serves them all.
            let absolute = KnowledgeBaseRoot.absolute(path)
            var isFolder: ObjCBool = false
            let named = FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) && isFolder.boolValue
                ? absolute : KnowledgeBaseRoot.folder(of: absolute)
            let full = { (found: String) in
                found.hasPrefix(path) ? Self.joined(absolute, found.dropFirst(path.count)) : KnowledgeBaseRoot.absolute(found)
            }
            let goOn = walk(
                path, type: nil, root: root, top: path, visited: &visited,
                listed: { folder, names in roots.noteListing(of: full(folder), names: names.lazy.map(\.text)) }
            ) { item in
                guard case .file(let file, _, let repositoryPage) = item else { return found(item) }
                return found(.file(file, location: roots.location(of: full(file), named: named), repositoryPage: repositoryPage))
            }
            guard goOn else { return }
        }
    }

    /// `rest` of a path under `folder` (absolute), with one slash between however many `rest`
    /// starts with: a folder named "docs/" or "docs//" gives its files the paths "docs" gives.
    static func joined(_ folder: String, _ rest: Substring) -> String {
        let rest = rest.drop { $0 == "/" }
        guard !rest.isEmpty else { return folder }
        return (folder.hasSuffix("/") ? folder : folder + "/") + rest
    }

    /// A folder's entries as the file system names them, with the type it gives (`DT_REG`,
    /// `DT_DIR`…; `DT_UNKNOWN` where it gives none): a name that is not valid UTF-8 is kept
    /// apart, shown with replacement characters, since no `String` path can open it.
    static func names(in folder: String) -> [(text: String, isUTF8: Bool, type: UInt8)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [(text: String, isUTF8: Bool, type: UInt8)] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            let text = String(decoding: bytes, as: UTF8.self)
            if text == "." || text == ".." { continue }
            names.append((text, String(validating: bytes, as: UTF8.self) != nil, entry.pointee.d_type))
        }
        return names
    }

    private struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The path with every symbolic link resolved; nil when it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Walks `path`, found under `top` (the path named), whose real place is under `root`.
    /// `type` is the entry's type as its folder's listing gave it, if it did. `listed` gets
    /// each folder's entries before its files are found. False once `found` has returned false.
    private func walk(
        _ path: String, type: UInt8?, root: String, top: String, visited: inout Set<DirectoryID>,
        listed: (String, [(text: String, isUTF8: Bool, type: UInt8)]) -> Void, into found: (Item) -> Bool
    ) -> Bool {
        let topLevel = path == top
        // A file its folder's listing calls regular needs no call of its own: most entries.
        if type == UInt8(DT_REG) {
            return regularFile(path, top: top, into: found)
        }
        // The entry itself first (one call for a plain file or folder); a link is then followed.
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return found(.failure(path: path, reason: errno == ENOENT ? "no such file or folder" : String(cString: strerror(errno))))
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            if !topLevel, !followSymlinks, let target = Self.realPath(path), target != root,
               !target.hasPrefix(root == "/" ? "/" : root + "/") {
                return found(.failure(path: path, reason: "skipped: a symbolic link to \(target), outside the folder imported (--follow-symlinks follows it)"))
            }
            guard stat(path, &info) == 0 else {
                return found(.failure(path: path, reason: errno == ENOENT ? "broken symbolic link" : String(cString: strerror(errno))))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            let id = DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            guard visited.insert(id).inserted else { return true }
            guard let names = Self.names(in: path) else {
                return found(.failure(path: path, reason: "cannot list folder: permission denied or unreadable"))
            }
            listed(path, names)
            let folder = path.hasSuffix("/") ? path : path + "/"
            for name in names.sorted(by: { $0.text < $1.text }) where !name.text.hasPrefix(".") {
                let goOn = name.isUTF8
                    ? walk(folder + name.text, type: name.type, root: root, top: top, visited: &visited, listed: listed, into: found)
                    : found(.failure(path: folder + name.text, reason: "the file name is not valid UTF-8 (shown with \u{FFFD}): rename it to import it"))
                guard goOn else { return false }
            }
            return true
        case S_IFREG:
            return regularFile(path, top: top, into: found)
        default:
            return topLevel ? found(.file(path)) : true  // e.g. a named pipe given explicitly
        }
    }

    /// A regular file: read when named, else as `rules` say.
    private func regularFile(_ path: String, top: String, into found: (Item) -> Bool) -> Bool {
        guard path != top else { return found(.file(path)) }
        switch rules.verdict(path.dropFirst(top.count).drop(while: { $0 == "/" }).description) {
        case .read: return found(.file(path))
        case .skip(.repositoryFile): return found(.file(path, repositoryPage: true))
        case .skip(let reason): return found(.skipped(path: path, reason: reason))
        case .ignore: return true
        }
    }
}
