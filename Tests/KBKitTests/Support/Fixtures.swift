import Foundation
@testable import KBModel
@testable import KBParsing

/// Paths into the repository's `Articles/` folder, found from this source file's location so
/// that tests run from any working directory.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    static var articlesFolder: String { path("Articles") }

    /// The bytes of a file, by path relative to the repository or absolute.
    static func bytes(_ relative: String) throws -> [UInt8] {
        let full = relative.hasPrefix("/") ? relative : path(relative)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: full)))
    }

    static func article(_ relative: String) throws -> Article {
        try ArticleParser.parse(try bytes(relative), path: relative)
    }

    static func sample(_ id: String, _ layout: Layout) throws -> Article {
        let group = String(id.dropFirst().dropLast(3)).leftPadded(to: 3)
        let relative = layout == .document
            ? "Articles/kb-sample/txt/\(group)/\(id).TXT"
            : "Articles/kb-sample/kb/\(group)/\(id)/README.md"
        return try article(relative)
    }

    /// An article from text written in the test itself.
    static func parse(_ text: String, path: String = "inline.txt") throws -> Article {
        try ArticleParser.parse(Array(text.utf8), path: path)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension Article {
    /// The record without where it was read from: what twins must share.
    var withoutSource: Article {
        var copy = self
        copy.source = Source(layout: .document, path: "")
        return copy
    }
}
