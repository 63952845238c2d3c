import KBModel

/// What a quotation says, read whole: the lines an article quotes made one message, with the
/// labels of a message block taken off and the number it names kept apart.
///
/// Business applications show errors as labelled blocks (`Message Number: 3044`,
/// `Situation: The posting date is not in the allowed range.`, `Solution: …`); a JSON error
/// body (`{"error": {"code": …, "message": …}}`) holds its message in fields. A paste holds
/// the text, sometimes the labels; the labels are the same for every error and say nothing.
struct QuotedMessage: Equatable {
    /// The message: every quoted line, in order, joined by spaces.
    var text: String
    /// "message 3044" for a block naming its message number, to find the article by.
    var numbers: [String] = []

    /// Labels of a message block whose value is the message's text.
    static let textLabels: Set<String> = ["situation", "message", "error", "error message", "description", "details", "problem"]
    /// Labels of a message block whose value numbers the message.
    static let numberLabels: Set<String> = ["message number", "message no", "message id", "error number", "msg"]
    /// Labels of advice that follows the message in the same block: not the message.
    static let adviceLabels: Set<String> = ["solution", "resolution", "action", "user action", "cause", "explanation"]

    /// Reads quoted lines (markup already off). Nil when they hold no word.
    static func read<S: StringProtocol>(_ lines: [S]) -> QuotedMessage? {
        var parts: [String] = []
        var numbers: [String] = []
        for line in lines.map({ String($0).trimmed }) where !line.isEmpty {
            guard let (label, value) = labelled(line) else {
                parts.append(line)
                continue
            }
            if numberLabels.contains(label) {
                if let number = value.split(separator: " ").first, number.allSatisfy(\.isNumber) { numbers.append("message \(number)") }
            } else if adviceLabels.contains(label) {
                break
            } else if textLabels.contains(label) {
                if !value.isEmpty { parts.append(value) }
            } else {
                parts.append(line)
            }
        }
        let text = parts.joined(separator: " ").trimmed
        return text.isEmpty && numbers.isEmpty ? nil : QuotedMessage(text: text, numbers: numbers)
    }

    /// "Situation: The posting date…" → ("situation", "The posting date…"), for a label of at
    /// most three words before the first colon.
    private static func labelled(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = String(line[..<colon]).trimmed.lowercased()
        guard !label.isEmpty, label.split(separator: " ").count <= 3, label.allSatisfy({ $0.isLetter || $0 == " " }) else { return nil }
        return (label, String(line[line.index(after: colon)...]).trimmed)
    }

    /// The text of a JSON error body: its string and number values in order (`"code"`,
    /// `"message"`, `"target"`…), its keys and punctuation left out. Nil when the body holds no
    /// `error`, `message` or `code` key: then it is sample data, not an error.
    static func json(_ body: String) -> String? {
        var values: [String] = []
        var keys: Set<String> = []
        var index = body.startIndex
        while index < body.endIndex {
            guard body[index] == "\"" else { index = body.index(after: index); continue }
            // A string literal; it is a key when a colon follows it.
            var literal = ""
            var cursor = body.index(after: index)
            while cursor < body.endIndex, body[cursor] != "\"" {
                if body[cursor] == "\\", body.index(after: cursor) < body.endIndex { cursor = body.index(after: cursor) }
                literal.append(body[cursor])
                cursor = body.index(after: cursor)
            }
            index = cursor < body.endIndex ? body.index(after: cursor) : cursor
            let rest = body[index...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            if rest.first == ":" { keys.insert(literal.lowercased()) } else if !literal.trimmed.isEmpty { values.append(literal.trimmed) }
        }
        guard !keys.isDisjoint(with: ["error", "message", "code", "errorcode", "error_description"]), !values.isEmpty else { return nil }
        return values.joined(separator: " ")
    }
}
