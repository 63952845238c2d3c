import KBModel

/// Consecutive word pairs, the tokens of the pair index (`article_pair_fts`, Schema/v2.sql).
package enum WordPairs {
    /// The joint between the two words: a character the pair index's tokenizer keeps inside a
    /// token and the word tokenizer never does.
    static let joint = "_"

    /// "a_b", "b_c" for the words a, b, c.
    package static func of(_ words: [String]) -> [String] {
        guard words.count >= 2 else { return [] }
        return (1..<words.count).map { words[$0 - 1] + joint + words[$0] }
    }

    /// The pair index's text for an article: the pairs of its title and of each line of its
    /// quoted messages (the `messages` column: one message a line). A pair never spans two
    /// messages.
    static func indexed(title: String, messages: String) -> String {
        ([title] + messages.lineArray).flatMap { of(Tokenizer.words($0)) }.joined(separator: " ")
    }
}
