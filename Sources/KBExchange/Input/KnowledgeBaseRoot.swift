import Foundation
import KBModel
import Synchronization

/// Finds the knowledge base a file belongs to: the nearest folder above it that holds a
/// repository's or a docs site's mark (`.git`, `docfx.json`, `mkdocs.yml`, `_config.yml`,
/// `hugo.toml`, a `LICENSE`…). So importing a repository's root or any folder inside it gives
/// every file the same knowledge base and the same path in it, hence the same id. A file
/// under no such folder belongs to the folder named on the command line.
final class KnowledgeBaseRoot: Sendable {
    static let marks = [
        ".git", "docfx.json", ".openpublishing.publish.config.json", "mkdocs.yml", "_config.yml", "hugo.toml",
        "hugo.yaml", "config.toml", "LICENSE", "LICENSE.md", "LICENSE.txt",
    ]

    /// Folder → the root found for it ("" for none), so that each folder is looked at once.
    private let roots = Mutex<[String: String]>([:])
    /// Folder → whether it holds a mark, for folders whose listing the walk has already read.
    private let listed = Mutex<[String: Bool]>([:])

    /// The location of `file` (absolute), found under the folder `named` on the command line.
    func location(of file: String, named: String) -> ArticleLocation {
        let root = self.root(of: Self.folder(of: file)).nonEmpty ?? named
        let relative = file.hasPrefix(root + "/") ? String(file.dropFirst(root.count + 1)) : Self.name(of: file)
        return ArticleLocation(knowledgeBase: Self.name(of: root), relativePath: relative)
    }

    /// "/a/b/c.md" → "/a/b". Byte-wise: this runs for every file of an import.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// "/a/b/c.md" → "c.md".
    static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// Tells what the walk found listing `folder` (absolute), so that finding its root need
    /// not list it again: the archive keeps each article in a folder of its own.
    func noteListing(of folder: String, names: some Sequence<String>) {
        let holds = Self.holdsMark(folder, names: names)
        listed.withLock { $0[folder] = holds }
    }

    private func root(of folder: String) -> String {
        if let known = roots.withLock({ $0[folder] }) { return known }
        let found: String
        if listed.withLock({ $0.removeValue(forKey: folder) }) ?? Self.holdsMark(folder) {
            found = folder
        } else {
            let parent = Self.folder(of: folder)
            found = parent == folder || parent == "." ? "" : root(of: parent)
        }
        roots.withLock { $0[folder] = found }
        return found
    }

    /// Whether the folder holds one of the marks. Its entries are listed once (a knowledge base
    /// keeps a folder per article, and asking for each of the 11 marks cost 11 system calls a
    /// folder); a listed name that may be a mark, in any case as a case-insensitive disk finds
    /// it, is then asked for as before. A folder that cannot be listed is asked mark by mark.
    private static func holdsMark(_ folder: String) -> Bool {
        guard let names = FileWalker.names(in: folder) else {
            return marks.contains { FileManager.default.fileExists(atPath: folder + "/" + $0) }
        }
        return holdsMark(folder, names: names.lazy.map(\.text))
    }

    /// The same, given the folder's entries.
    private static func holdsMark(_ folder: String, names: some Sequence<String>) -> Bool {
        let listed = Set(names.lazy.filter { $0.utf8.count <= longestMark }.map { $0.lowercased() })
        return marks.contains { listed.contains($0.lowercased()) && FileManager.default.fileExists(atPath: folder + "/" + $0) }
    }

    /// The length of the longest mark: longer names need not be lower-cased.
    private static let longestMark = marks.map(\.utf8.count).max() ?? 0

    /// `path` made absolute and free of "." and ".." parts, without resolving links.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
