import Foundation

/// The one JSON encoding of an article, shared by `parse`, `show`, `search` and `export`,
/// so that every command speaks the same format. Keys are sorted, so that output is byte-for-byte reproducible.
public enum ArticleJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One article on one line, without a trailing newline.
    public static func line(_ article: Article, encoder: JSONEncoder = encoder()) throws -> String {
        String(decoding: try encoder.encode(article), as: UTF8.self)
    }

    public static func decode(_ data: Data) throws -> Article {
        try JSONDecoder().decode(Article.self, from: data)
    }
}
