import Foundation

/// Which files found in a folder are read as articles. Files that can hold articles or exports
/// (`.txt`, `.md`, `.markdown`, `.json`, `.jsonl`) are; a repository's own pages, templates
/// and include snippets are skipped with their reason, and other files (images, tables of
/// contents, configuration) and hidden entries are not looked at. The user's globs come
/// first: `--exclude` skips what it matches, `--include` reads only what it matches and
/// overrides the built-in skips. A glob without a slash matches the file's name; with one,
/// its path under the folder named (`*` matching across folders, as in `docs/*/faq-*.md`).
public struct ArticleFileRules: Sendable {
    /// Globs of files to read, whatever the built-in rules say; none means every article file.
    public var include: [String] = []
    /// Globs of files to skip.
    public var exclude: [String] = []

    /// Rules with the given globs.
    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// What to do with a file found in a folder.
    enum Verdict: Equatable {
        case read
        case skip(SkipReason)
        /// Not an article file: passed over without a word.
        case ignore
    }

    static let articleExtensions: Set<String> = ["txt", "md", "markdown", "json", "jsonl"]

    /// A repository's own pages, by name without extension.
    static let repositoryFiles: Set<String> = [
        "readme", "license", "license-code", "notice", "attribution", "changelog", "contributing", "code_of_conduct",
        "security", "support", "thirdpartynotices", "pull_request_template", "issue_template",
    ]

    /// Folders of page fragments (DocFX, Jekyll) and of templates.
    static let includeFolders: Set<String> = ["includes", "_includes"]
    static let templateFolders: Set<String> = ["templates", "_templates", "issue_template", "archetypes"]
    /// The lengths in bytes of those folders' names: a folder of another length is none of them.
    static let specialFolderLengths = Set(includeFolders.union(templateFolders).map(\.utf8.count))

    /// The verdict on `relativePath`, the file's path under the folder named.
    func verdict(_ relativePath: String) -> Verdict {
        // Split byte-wise, and only the name and the folders as long as a special one
        // lower-cased: this runs for every file a folder holds.
        let parts = relativePath.utf8.split(separator: UInt8(ascii: "/"))
        let name = parts.last.map { Substring($0).lowercased() } ?? ""
        guard Self.articleExtensions.contains(String(Self.pathExtension(name))) else { return .ignore }
        if exclude.contains(where: { Self.matches($0, relativePath) }) { return .skip(.excluded) }
        if !include.isEmpty {
            return include.contains(where: { Self.matches($0, relativePath) }) ? .read : .skip(.notIncluded)
        }
        let stem = String(name.prefix(while: { $0 != "." }))
        if Self.repositoryFiles.contains(stem) { return .skip(.repositoryFile) }
        let folders = parts.dropLast().lazy.filter { Self.specialFolderLengths.contains($0.count) }.map { Substring($0).lowercased() }
        if folders.contains(where: Self.includeFolders.contains) { return .skip(.includeSnippet) }
        if folders.contains(where: Self.templateFolders.contains) || stem == "template" || stem.hasSuffix("-template")
            || stem.hasSuffix("_template") {
            return .skip(.template)
        }
        return .read
    }

    /// What follows the last "." of a file name, as `NSString.pathExtension` says: nothing
    /// for a name starting with its only dot (".gitignore") or ending with one.
    static func pathExtension(_ name: String) -> Substring {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return name[name.utf8.index(after: dot)...]
    }

    /// A glob against a path: a glob without "/" against the last part only.
    static func matches(_ glob: String, _ path: String) -> Bool {
        let subject = glob.contains("/") ? path : String(path.split(separator: "/").last ?? "")
        return fnmatch(glob, subject, 0) == 0
    }
}
