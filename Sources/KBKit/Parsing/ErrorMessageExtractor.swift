/// Finds the error messages an article quotes.
///
/// KB articles set a message apart in two ways:
///
///     You may receive the following error message:
///
///        Failed to connect to the Microsoft Exchange Server, <servername>.
///
/// an indented block after a line that announces it, or inline, in quotes, right after the
/// words "error" or "message". Each message is returned on one line: the line breaks of the
/// original wrapping are joined with spaces.
enum ErrorMessageExtractor {
    static func messages(in sections: [Section]) -> [String] {
        var found: [String] = []
        for section in sections {
            found += messages(inText: section.text)
        }
        return FieldParsing.unique(found)
    }

    private struct Paragraph {
        var lines: [String]
        var indentation: Int
        var joined: String { lines.map(\.trimmed).joined(separator: " ") }
    }

    static func messages(inText text: String) -> [String] {
        let paragraphs = split(text)
        var found: [String] = []
        var p = 0
        while p < paragraphs.count {
            let para = paragraphs[p]
            let joined = para.joined
            found += inlineQuotes(in: joined)
            if joined.hasSuffix(":"), announcesMessage(joined) {
                var q = p + 1
                while q < paragraphs.count, paragraphs[q].indentation > para.indentation {
                    let block = paragraphs[q]
                    if looksLikeMessage(block) { found.append(block.joined) }
                    q += 1
                }
                p = max(q, p + 1)
                continue
            }
            p += 1
        }
        return found
    }

    private static func split(_ text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty {
                result.append(Paragraph(lines: current, indentation: current.map(\.indentation).min() ?? 0))
            }
            current.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { flush() } else { current.append(String(line)) }
        }
        flush()
        return result
    }


    private static func announcesMessage(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.contains("error") || lower.contains("message") || lower.contains("warning") else {
            // "the following appears:" / "is displayed:" also announce a message.
            return lower.contains("following") && (lower.contains("appear") || lower.contains("display") || lower.contains("receive"))
        }
        return true
    }

    /// Code samples and drawn dialog boxes are not messages.
    private static func looksLikeMessage(_ block: Paragraph) -> Bool {
        guard block.lines.count <= 8 else { return false }
        let text = block.joined
        guard text.count >= 3, text.count <= 600 else { return false }
        for marker in ["{", "}", "#include", "__", "|", "--"] where text.contains(marker) { return false }
        return !block.lines.contains { $0.trimmed.hasSuffix(";") }
    }

    /// `… the error message "Access Denied" appears` → "Access Denied".
    private static func inlineQuotes(in text: String) -> [String] {
        guard text.contains("\"") || text.contains("\u{201C}") else { return [] }
        var found: [String] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i] == "\"" || chars[i] == "\u{201C}" else { i += 1; continue }
            let close: Character = chars[i] == "\"" ? "\"" : "\u{201D}"
            guard let end = chars[(i + 1)...].firstIndex(of: close) else { break }
            let quoted = String(chars[(i + 1)..<end]).trimmed
            let before = String(chars[max(0, i - 40)..<i]).lowercased()
            if quoted.count >= 4, quoted.count <= 300, quoted.contains(" "),
               before.contains("error") || before.contains("message") {
                found.append(quoted)
            }
            i = end + 1
        }
        return found
    }
}
