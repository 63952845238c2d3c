import KBModel


/// An article laid out for reading in a terminal: header facts, error messages set apart,
/// then each section under its heading.
package enum ArticleText {
    /// The whole article for a terminal, with the articles that replace it.
    package static func render(_ a: Article, successors: [String] = [], style: TerminalStyle) -> TerminalText {
        var out = style.bold("\(a.id)  \(a.title)") + "\n"
        for (name, value) in a.facts {
            out += style.dim(TerminalText(name.padding(toLength: 10, withPad: " ", startingAt: 0))) + TerminalText(value) + "\n"
        }
        if !a.appliesTo.isEmpty {
            out += style.dim("Applies to") + "\n" + TerminalText(a.appliesTo.map { "  - \($0)\n" }.joined())
        }
        if !a.errorMessages.isEmpty {
            out += "\n" + style.bold("Error messages") + "\n"
            for message in a.errorMessages { out += "  " + style.highlight("> ") + TerminalText(message) + "\n" }
        }
        for section in a.sections {
            out += "\n"
            if let heading = section.heading { out += style.accent(TerminalText(heading.uppercased())) + "\n" }
            out += TerminalText(section.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }.joined(separator: "\n") + "\n")
        }
        if !successors.isEmpty { out += "\n" + style.dim("Newer article: ") + TerminalText(successors.joined(separator: ", ")) + "\n" }
        if !a.references.isEmpty { out += "\n" + style.dim("See also: ") + TerminalText(a.references.joined(separator: ", ")) + "\n" }
        return out
    }
}
