import KBModel

/// Why a file could not be read as an article. The description is one line, meant to follow "PATH: ".
public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary(String)
    case utf16
    case unknownLayout
    case unclosedFrontMatter(line: Int)
    case invalidFrontMatter(line: Int, String)
    case missingID(Layout)
    case missingTitle(String)
    /// Markdown with neither a heading nor a front-matter title: no article at all.
    case untitledMarkdown
    case tooLarge(Int)

    public var description: String {
        switch self {
        case .empty: return "empty file"
        case .binary(let why): return "not a text file (\(why))"
        case .utf16: return "UTF-16 text is not supported: convert the file to UTF-8"
        case .unknownLayout:
            return "not a KB article: no 'DOCUMENT:' header, no '---' front matter and no Markdown heading"
        case .unclosedFrontMatter(let line):
            return "front matter opened on line \(line) is never closed with '---'"
        case .invalidFrontMatter(let line, let why): return "line \(line): \(why)"
        case .missingID(.document): return "no article id: line 1 should read 'DOCUMENT:Q<number> …'"
        case .missingID(.docs): return "no article id"
        case .missingID(.markdown):
            return "no article id: neither an 'Article: Q<number>' line nor a '## Q<number>: title' heading"
        case .missingTitle(let id): return "article \(id) has no title"
        case .untitledMarkdown: return "not an article: Markdown without a '# ' title or a front-matter title"
        case .tooLarge(let bytes): return "file too large for an article (\(bytes) bytes, limit \(ArticleParser.maxFileSize))"
        }
    }
}
