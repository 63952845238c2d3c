import KBModel
import KBSearch

/// Search results for a terminal: per result, its title line, the matched line with the
/// pasted words highlighted, the start of the fix and, on request, the score's arithmetic.
package enum SearchText {
    /// One result for a terminal; with `explain`, how its score was made.
    package static func render(_ result: SearchResult, style: TerminalStyle, explain: Bool) -> TerminalText {
        let p = ResultPresentation(result)
        var out = style.bold("\(result.rank). \(result.id)  \(result.title)")
        let about = [result.product, result.article.source.knowledgeBase].compactMap { $0 }
        if !about.isEmpty { out += style.dim("  (\(about.joined(by: " · ")))") }
        out += "\n"
        // Appended in place, piece by piece: `a + b + c` copies what it has joined at each step.
        out += "   "
        out += style.accent("> ")
        for span in p.matchedLine { out += span.isMatch ? style.highlight(TerminalText(span.text)) : TerminalText(span.text) }
        out += "\n"
        if let also = p.alsoAnswers { out.appendLine("   ", style.dim(TerminalText(also))) }
        if let foundBy = p.foundBy { out.appendLine("   ", style.dim(TerminalText("found by " + foundBy))) }
        if let readAs = p.readAs { out.appendLine("   ", style.dim(TerminalText("read as: " + readAs))) }
        if let remedy = p.remedy { out.appendLine("   ", style.dim(TerminalText(remedy.name + ": ")), TerminalText(remedy.text)) }
        if explain { out.appendLine(style.dim(TerminalText("   " + p.explanation))) }
        out += "\n"
        return out
    }
}

private extension TerminalText {
    /// Appends `parts` and a line feed.
    mutating func appendLine(_ parts: TerminalText...) {
        for part in parts { self += part }
        self += "\n"
    }
}
