import Foundation
import KBModel

/// The message inside a line of structured log: a JSON record, or `key=value` fields.
///
/// By shape, not by field name: in a record, identifiers, levels, times and ids are single
/// tokens, and the message is the value made of words. So a JSON record yields its string
/// values that hold a space; `key=value` fields yield their quoted values, the words outside
/// any field, and the rest of a line that is one `KEY=text with spaces` field; unquoted
/// values are identifiers.
enum StructuredLine {
    /// The words of the line's message, or nil when the line is not structured.
    static func message(_ line: Substring) -> String? {
        let trimmed = trimmingSpaces(line)
        if trimmed.hasPrefix("{"), trimmed.hasSuffix("}") { return jsonMessage(trimmed) }
        return keyValueMessage(Substring(trimmed))
    }

    /// The line without leading and trailing spaces, as `CharacterSet.whitespaces` has them
    /// (Unicode's space separators, the tab and the zero-width space), read by scalar: the
    /// Foundation call cost some 40,000 instructions a line.
    static func trimmingSpaces(_ line: Substring) -> String {
        let isSpace = { (scalar: Unicode.Scalar) in
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(Substring(scalars[first...last]))
    }

    private static func jsonMessage(_ text: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return nil }
        var words: [String] = []
        func collect(_ value: Any) {
            if let string = value as? String, string.contains(" ") { words.append(string) }
            if let dictionary = value as? [String: Any] { dictionary.keys.sorted().forEach { collect(dictionary[$0]!) } }
            if let array = value as? [Any] { array.forEach(collect) }
        }
        collect(object)
        return words.joined(by: " ")
    }

    /// `time=… level=error pid=12 msg="…"` → the quoted text; `MESSAGE=text` → the text. Nil
    /// unless the line starts with a field: prose with an `a=b` inside is no record.
    private static func keyValueMessage(_ line: Substring) -> String? {
        guard let first = line.split(separator: " ", maxSplits: 1).first, isField(first) else { return nil }
        let equals = first.firstIndex(of: "=")!
        let value = line[line.index(after: equals)...]
        // One field whose value is the rest of the line, words and all.
        if !value.hasPrefix("\""), value.contains(" "), !line.dropFirst(first.count).contains("=") { return String(value) }
        // Quoted values are words; unquoted values are identifiers; words outside any field
        // ("level=info pid=12 Opened database orders_7") are the message.
        var words: [Substring] = []
        var rest = line[...]
        while let word = rest.split(separator: " ", maxSplits: 1).first {
            rest = rest[word.startIndex...]
            guard isField(word) else {
                words.append(word)
                rest = rest.dropFirst(word.count).drop(while: { $0 == " " })
                continue
            }
            let value = rest[rest.index(after: rest.firstIndex(of: "=")!)...]
            if value.hasPrefix("\"") {
                let body = value.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                words.append(Substring(body[..<end].replacingOccurrences(of: "\\", with: "")))
                rest = (end < body.endIndex ? body[body.index(after: end)...] : body[body.endIndex...]).drop(while: { $0 == " " })
            } else {
                rest = value.drop(while: { $0 != " " }).drop(while: { $0 == " " })
            }
        }
        return words.joined(by: " ")
    }

    /// `key=…` where key is an identifier: letters, digits, `_ . @ -`.
    private static func isField(_ word: Substring) -> Bool {
        guard let equals = word.firstIndex(of: "="), equals > word.startIndex else { return false }
        return word[..<equals].allSatisfy { $0.isLetter || $0.isNumber || "_.@-".contains($0) }
    }
}
