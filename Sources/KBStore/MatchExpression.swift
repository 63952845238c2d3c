import KBModel

/// A full-text query as kb asks it of an index: phrases, a phrase in the codes column, and
/// their combinations. Only this type writes FTS5's query syntax, and it quotes every phrase,
/// so nothing a user pastes (quotes, `*`, `-`, `:`, parentheses, AND/OR/NOT/NEAR) is read as
/// syntax.
package indirect enum MatchExpression: Equatable, Sendable {
    /// Words that must follow one another ("event 7000"), or one token.
    case phrase(String)
    /// A phrase looked for in the codes column only (a canonical error code).
    case code(String)
    /// Any of the expressions.
    case any([MatchExpression])
    /// All of the expressions.
    case all([MatchExpression])

    /// The FTS5 query text: `"a" OR ("b" AND "c") OR codes : "x80004005"`.
    package var fts5: String { text(nested: false) }

    /// The phrases, in the order the FTS5 text names them (the order FTS5 numbers them in),
    /// each with whether it is looked for in the codes column only.
    package var phrases: [(words: String, codesOnly: Bool)] {
        switch self {
        case .phrase(let words): [(words, false)]
        case .code(let code): [(code, true)]
        case .any(let parts), .all(let parts): parts.flatMap(\.phrases)
        }
    }

    private func text(nested: Bool) -> String {
        switch self {
        case .phrase(let words): return Self.quote(words)
        case .code(let code): return "codes : " + Self.quote(code)
        case .any(let parts):
            let joined = parts.map { $0.text(nested: true) }.joined(by: " OR ")
            return nested && parts.count > 1 ? "(" + joined + ")" : joined
        case .all(let parts):
            return "(" + parts.map { $0.text(nested: true) }.joined(by: " AND ") + ")"
        }
    }

    /// A phrase in FTS5's quotes, its own quotes doubled. Written out by hand: Foundation's
    /// `replacingOccurrences` went through `NSString` and cost 70,000 instructions a phrase.
    private static func quote(_ words: String) -> String {
        var quoted = "\""
        quoted.reserveCapacity(words.utf8.count + 2)
        for character in words.unicodeScalars {
            if character == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(character)
        }
        quoted.unicodeScalars.append("\"")
        return quoted
    }
}
