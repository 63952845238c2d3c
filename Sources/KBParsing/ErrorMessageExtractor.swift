import KBModel

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
        var lines: [String] = []
        var indentation = Int.max
        /// Whether the lines hold a straight or an opening curly quote, which `inlineQuotes`
        /// looks for: joining them adds only spaces, and trimming takes only spaces and tabs.
        /// Most paragraphs quote nothing and are then never joined for it.
        var mayQuote = false

        var joined: String { lines.map(\.trimmed).joined(separator: " ") }

        /// Whether the joined lines may end in a colon: their last byte is one.
        var mayEndInColon: Bool { lines.last?.endsInColon ?? false }
    }

    static func messages(inText text: String) -> [String] {
        let paragraphs = split(text)
        var found: [String] = []
        var p = 0
        while p < paragraphs.count {
            let para = paragraphs[p]
            if para.mayQuote { found += inlineQuotes(in: para.joined) }
            // Only a paragraph ending in a colon announces what follows: others are not joined.
            let joined = para.mayEndInColon ? para.joined : ""
            if joined.hasSuffix(":"), announcesMessage(joined) || announcesEvent(joined) {
                var q = p + 1
                var blocks: [Paragraph] = []
                while q < paragraphs.count, paragraphs[q].indentation > para.indentation {
                    blocks.append(paragraphs[q])
                    q += 1
                }
                if let descriptions = eventDescriptions(blocks) {
                    // Event Viewer entries: their descriptions are the messages, not their headers.
                    found += descriptions.filter { !$0.isEmpty }
                } else if announcesMessage(joined) {
                    found += blocks.filter(looksLikeMessage).map(\.joined)
                }
                p = max(q, p + 1)
                continue
            }
            p += 1
        }
        return found
    }

    /// The text's paragraphs: runs of lines (split at line feeds) between empty lines.
    private static func split(_ text: String) -> [Paragraph] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [Paragraph] = []
            var current = Paragraph()
            var start = 0
            while start <= bytes.count {
                let end = bytes.firstIndex(of: 0x0A, from: start)
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if line.isEmpty {
                    if !current.lines.isEmpty { result.append(current) }
                    current = Paragraph()
                } else {
                    current.lines.append(String(decoding: line, as: UTF8.self))
                    current.indentation = min(current.indentation, line.prefix { $0 == 0x20 || $0 == 0x09 }.count)
                    current.mayQuote = current.mayQuote || holdsQuote(line)
                }
                start = end + 1
            }
            if !current.lines.isEmpty { result.append(current) }
            return result
        }
    }

    /// Whether the bytes hold a straight quote or an opening curly one (E2 80 9C).
    private static func holdsQuote(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var at = bytes.firstIndex(of: 0x22, or: 0xE2, from: 0)
        while at < bytes.count {
            if bytes[at] == 0x22 || (at + 2 < bytes.count && bytes[at + 1] == 0x80 && bytes[at + 2] == 0x9C) { return true }
            at = bytes.firstIndex(of: 0x22, or: 0xE2, from: at + 1)
        }
        return false
    }

    /// "…logs the following event:": what follows is quoted only if it is an event entry.
    private static func announcesEvent(_ text: String) -> Bool {
        text.asciiLowercased.includes("event")
    }

    /// The descriptions of the Event Viewer entries the blocks quote, if they quote any: for
    /// each, the paragraph after its header (whose fields may each be a paragraph of their own).
    private static func eventDescriptions(_ blocks: [Paragraph]) -> [String]? {
        let lines = blocks.flatMap { $0.lines + [""] }
        // An entry's header fields are lines with a colon: most blocks have too few to be one.
        guard lines.count(where: { $0.includes(":") }) >= EventLogEntry.minimumFields else { return nil }
        var descriptions: [String] = []
        var start = 0
        while start < lines.count, let entry = EventLogEntry.find(in: Array(lines[start...])), let header = entry.headerLines.last {
            let last = start + header
            let after = lines[(last + 1)...]
            let inline = EventLogEntry.fieldName(lines[last]) == "description"
                ? String(lines[last].drop(while: { $0 != ":" }).dropFirst()).trimmed : ""
            // "Description: text" goes on up to a blank line; a bare header, with the next paragraph.
            let text = inline.isEmpty ? Array(after.drop(while: \.isBlank).prefix(while: { !$0.isBlank }))
                : [inline] + after.prefix(while: { !$0.isBlank })
            descriptions.append(text.map(\.trimmed).joined(separator: " "))
            start = (inline.isEmpty ? after.drop(while: \.isBlank) : after).drop(while: { !$0.isBlank }).startIndex
        }
        return descriptions.isEmpty ? nil : descriptions
    }

    private static func announcesMessage(_ text: String) -> Bool {
        let lower = text.asciiLowercased
        guard lower.includes("error") || lower.includes("message") || lower.includes("warning") else {
            // "the following appears:" / "is displayed:" also announce a message.
            return lower.includes("following") && (lower.includes("appear") || lower.includes("display") || lower.includes("receive"))
        }
        return true
    }

    /// Code samples and drawn dialog boxes are not messages.
    private static func looksLikeMessage(_ block: Paragraph) -> Bool {
        guard block.lines.count <= 8 else { return false }
        let text = block.joined
        guard text.count >= 3, text.count <= 600 else { return false }
        for marker in ["{", "}", "#include", "__", "|", "--"] where text.includes(marker) { return false }
        return !block.lines.contains { $0.trimmed.hasSuffix(";") }
    }

    /// `… the error message "Access Denied" appears` → "Access Denied".
    /// Scans bytes: this runs over every paragraph of every article.
    private static func inlineQuotes(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        guard bytes.contains(0x22) || text.includes("\u{201C}") else { return [] }
        let straight: [UInt8] = [0x22]
        let curlyOpen = Array("\u{201C}".utf8), curlyClose = Array("\u{201D}".utf8)
        var found: [String] = []
        var i = 0
        while i < bytes.count {
            let close: [UInt8]
            let openLength: Int
            if bytes[i] == 0x22 {
                close = straight; openLength = 1
            } else if bytes[i] == curlyOpen[0], bytes[i...].starts(with: curlyOpen) {
                close = curlyClose; openLength = curlyOpen.count
            } else {
                i += 1
                continue
            }
            let start = i + openLength
            guard let end = firstIndex(of: close, in: bytes, from: start) else { break }
            let quoted = String(decoding: bytes[start..<end], as: UTF8.self).trimmed
            let before = String(decoding: bytes[max(0, i - 40)..<i], as: UTF8.self).asciiLowercased
            if quoted.count >= 4, quoted.count <= 300, quoted.includes(" "),
               before.includes("error") || before.includes("message") {
                found.append(quoted)
            }
            i = end + close.count
        }
        return found
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
