import KBModel


/// The short human-readable form of `kb parse`.
package enum ArticleSummary {
    /// One article in a few lines: id, title, facts, message count.
    package static func text(_ a: Article) -> TerminalText {
        var facts: [String] = []
        if let product = a.product { facts.append(product) }
        if let date = a.lastModified { facts.append(date.description) }
        facts.append("\(a.sections.count) section\(a.sections.count == 1 ? "" : "s")")
        if !a.errorMessages.isEmpty {
            facts.append("\(a.errorMessages.count) error message\(a.errorMessages.count == 1 ? "" : "s")")
        }
        var text = "\(a.id)  \(a.title)\n    \(facts.joined(separator: " · "))  [\(a.source.layout.rawValue)] \(a.source.path)\n"
        for message in a.errorMessages.prefix(3) {
            text += "    ! \(message.count > 100 ? String(message.prefix(99)) + "…" : message)\n"
        }
        return TerminalText(text)
    }
}
