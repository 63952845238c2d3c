/// A Windows Event Viewer entry as support work copies it (the event's dialog, "Copy details
/// as text", or the older Event Type/Event Source layout): a block of header fields, one
/// `Name: value` a line, then `Description:` and the message (or, in the layout older
/// articles quote, `Event ID`, `Source`, `Type` and `Category`, then the message unlabelled). The header fields are the same
/// for every event, so they say nothing about which error it is, except the event id and
/// source, which name the event.
package struct EventLogEntry: Equatable, Sendable {
    /// The event's source ("Service Control Manager"), if the entry names one.
    package var source: String?
    /// The event id ("7000"), if the entry names one.
    package var eventID: String?
    /// The message: the text after `Description:`.
    package var description: String
    /// The lines of the block that are header fields (indexes into the lines given).
    package var headerLines: [Int]

    /// Field names of both layouts, lower case.
    package static let fieldNames: Set<String> = [
        "log name", "source", "date", "event id", "task category", "level", "keywords", "user", "computer", "opcode",
        "event type", "event source", "event category", "time", "description", "type", "category",
    ]

    /// Header fields a block needs before it is taken for an event entry: "Source:" or
    /// "Date:" alone are ordinary words of a message.
    package static let minimumFields = 4

    /// The field name a line opens with ("Event ID:      7000" → "event id"), if any.
    package static func fieldName<S: StringProtocol>(_ line: S) -> String? {
        // Most lines are ASCII prose: there a colon byte is a colon character, and a name
        // longer than any field's is none. Finding the colon character by character cost a
        // tenth of the import's search for quoted messages.
        // (Over contiguous bytes: through the generic view, a line cost thousands of
        // instructions a byte.)
        if (line.utf8.withContiguousStorageIfAvailable(mayOpenWithFieldName) ?? nil) == false { return nil }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = String(line[..<colon]).trimmed.lowercased()
        return fieldNames.contains(name) ? name : nil
    }

    /// The longest field name, in bytes ("event category"). A literal: worked out from
    /// `fieldNames` at its first use, it cost a one-shot search 0.26 M instructions.
    static let longestFieldName = 14

    /// Whether a line may open with a field name, from its bytes up to the first colon: false
    /// when there is no colon or, spaces and tabs trimmed, what comes before it is longer than
    /// any field name (anything after it would make it longer still), both seen in ASCII. Nil
    /// when a byte of another character comes first: only the character-wise reading can tell.
    private static func mayOpenWithFieldName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        // Bytes from the first that is no blank; at one that is none, the trimmed length.
        var length = 0
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: ":") { return true }
            if byte != 0x20 && byte != 0x09 {
                length += 1
                if length > longestFieldName { return false }
            } else if length > 0 {
                length += 1
            }
        }
        return false
    }

    /// The first entry in `lines`, if they hold one: at least `minimumFields` header fields
    /// in a block of lines (blank lines allowed), then the description: the text after
    /// `Description:`, or after the block when it has no such field.
    package static func find<S: StringProtocol>(in lines: [S]) -> EventLogEntry? {
        var fields: [Int] = []
        var values: [String: String] = [:]
        // By index: an enumerated sequence of a generic line type has its type made at run
        // time at its first use, 0.28 M instructions of a one-shot search.
        for index in lines.indices {
            let line = lines[index]
            if let name = fieldName(line) {
                fields.append(index)
                let value = String(line[line.index(after: line.firstIndex(of: ":")!)...]).trimmed
                if values[name] == nil { values[name] = value }
                if name == "description" { break }
            } else if !line.allSatisfy(\.isWhitespace) {
                if fields.count >= minimumFields { break }
                fields = []
                values = [:]
            }
        }
        guard fields.count >= minimumFields, let last = fields.last else { return nil }
        let rest = lines[(last + 1)...].map { String($0).trimmed }
        let description = ([values["description"] ?? ""] + rest).filter { !$0.isEmpty }.joined(separator: " ")
        return EventLogEntry(
            source: (values["source"] ?? values["event source"])?.nonEmpty,
            eventID: values["event id"]?.nonEmpty,
            description: description,
            headerLines: fields)
    }
}
