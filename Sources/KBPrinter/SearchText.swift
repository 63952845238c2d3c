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
        out += "   " + style.accent("> ")
            + TerminalText(joining: p.matchedLine.map { $0.isMatch ? style.highlight(TerminalText($0.text)) : TerminalText($0.text) })
            + "\n"
        if let also = p.alsoAnswers { out += "   " + style.dim(TerminalText(also)) + "\n" }
        if let foundBy = p.foundBy { out += "   " + style.dim(TerminalText("found by " + foundBy)) + "\n" }
        if let readAs = p.readAs { out += "   " + style.dim(TerminalText("read as: " + readAs)) + "\n" }
        if let remedy = p.remedy { out += "   " + style.dim(TerminalText(remedy.name + ": ")) + TerminalText(remedy.text) + "\n" }
        if explain { out += style.dim(TerminalText("   " + p.explanation)) + "\n" }
        return out + "\n"
    }
}
