/// Where an article file sits in the knowledge base it belongs to: what a docs-as-code
/// article's id is made of (`ArticleID.of`).
public struct ArticleLocation: Sendable, Hashable {
    /// The knowledge base's name: the name of its root folder, e.g. "officedocs".
    public var knowledgeBase: String
    /// The file's path from that root, "/"-separated, e.g. "Outlook/Client/prompts.md".
    public var relativePath: String

    /// A file at `relativePath` in the knowledge base `knowledgeBase`.
    public init(knowledgeBase: String, relativePath: String) {
        self.knowledgeBase = knowledgeBase
        self.relativePath = relativePath
    }
}
