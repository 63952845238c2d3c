import KBModel

/// Splits an article body (the same for both layouts once read) into its parts: the "applies
/// to" list, the sections, "Additional query words" and the closing metadata block. The legal
/// disclaimer is dropped; every other line of text ends up in some section.
struct BodyParser {
    struct Result {
        var appliesTo: [String] = []
        var sections: [Section] = []
        var additionalQueryWords: [String] = []
        /// The closing block: "Keywords", "Technology", "Version", "Issue type", …
        var trailer: [String: String] = [:]
        /// Version, platform and keyword lines that old articles put before the body.
        var preambleVersions: String?
        var preambleSystems: String?
        var preambleKeywords: String?
    }

    static func parse(_ lines: [String]) -> Result {
        var result = Result()
        var body = lines
        result.trailer = cutTrailer(&body)
        result.additionalQueryWords = cutAdditionalQueryWords(&body)
        while let first = body.first, first.isBlank || first.isRule(of: UInt8(ascii: "=")) { body.removeFirst() }
        let preamble = cutAppliesTo(&body, into: &result)
        let leftover = readPreambleMetadata(preamble, into: &result)
        result.sections = sections(leftover + body)
        return result
    }

    // MARK: - Closing block and disclaimer

    private static func isDisclaimer(_ line: String) -> Bool {
        line.hasPrefix("THE INFORMATION PROVIDED IN THE MICROSOFT KNOWLEDGE BASE")
    }

    /// "Keywords          : kbusage" → ("Keywords", "kbusage").
    private static func trailerField(_ line: String) -> (String, String)? {
        // The colon found byte-wise: stepping a long line character by character was costly.
        guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")), line.first?.isLetter == true else { return nil }
        let key = line[..<colon]
        guard key.hasSuffix("  ") || key.hasSuffix(" \t") || key.hasSuffix("\t") else { return nil }
        return (String(key).trimmed, String(line[line.index(after: colon)...]).trimmed)
    }

    /// Removes the closing metadata block and the disclaimer after it; returns the block's fields.
    private static func cutTrailer(_ body: inout [String]) -> [String: String] {
        var end = body.count
        if let disclaimer = body.lastIndex(where: isDisclaimer) { end = disclaimer }
        var fields: [String: String] = [:]
        // The block opens with a `=====` rule followed by "Key   : value" lines.
        var start: Int?
        var i = end - 1
        while i >= 0 {
            if body[i].isRule(of: UInt8(ascii: "="), minimum: 20),
               let next = body[(i + 1)..<end].first(where: { !$0.isBlank }), trailerField(next) != nil {
                start = i
                break
            }
            i -= 1
        }
        if let start {
            for line in body[start..<end] {
                if let (key, value) = trailerField(line) { fields[key] = value }
            }
            end = start
        }
        body.removeSubrange(end...)
        while let last = body.last, last.isBlank || last.isRule(of: UInt8(ascii: "=")) { body.removeLast() }
        return fields
    }

    /// Removes the "Additional query words:" line (and its wrapped continuation); returns the words.
    private static func cutAdditionalQueryWords(_ body: inout [String]) -> [String] {
        let prefix = "additional query words:"
        guard let i = body.lastIndex(where: { $0.trimmed.asciiLowercased.hasPrefix(prefix) }) else { return [] }
        var text = String(body[i].trimmed.dropFirst(prefix.count))
        var j = i + 1
        while j < body.count, !body[j].isBlank, !body[j].isRule(of: UInt8(ascii: "=")) {
            text += " " + body[j]
            j += 1
        }
        body.removeSubrange(i..<j)
        return FieldParsing.words(text)
    }

    // MARK: - "The information in this article applies to:"

    /// Removes the "applies to" block with its dashed rules; returns the lines that stood before it.
    private static func cutAppliesTo(_ body: inout [String], into result: inout Result) -> [String] {
        let searchEnd = min(body.count, 60)
        guard let intro = body[0..<searchEnd].firstIndex(where: {
            $0.trimmed.asciiLowercased.hasPrefix("the information in this article applies to")
        }) else { return [] }
        var start = intro
        if intro > 0, body[intro - 1].isRule(of: UInt8(ascii: "-"), minimum: 20) { start = intro - 1 }
        var items: [String] = []
        var end = intro + 1
        while end < body.count {
            let line = body[end]
            let t = line.trimmed
            if line.isRule(of: UInt8(ascii: "-"), minimum: 20) { end += 1; break }
            if t.hasPrefix("- ") || t == "-" {
                items.append(String(t.dropFirst()).trimmed)
            } else if !t.isEmpty, !items.isEmpty, line.indentation > 0 || !t.first!.isUppercase {
                items[items.count - 1] += " " + t
            } else if !t.isEmpty {
                // Prose after the list without a closing rule: the block ended before it.
                break
            }
            end += 1
        }
        result.appliesTo = items.filter { !$0.isEmpty }
        let preamble = Array(body[0..<start])
        body.removeSubrange(0..<end)
        return preamble
    }

    /// Old articles list version, platform and keywords before the "applies to" block, one per
    /// paragraph. Lines recognised as such are taken; any other line is returned as text.
    private static func readPreambleMetadata(_ lines: [String], into result: inout Result) -> [String] {
        let content = lines.filter { !$0.isBlank }
        guard !content.isEmpty, content.count <= 6, content.allSatisfy({ $0.count <= 80 }) else { return lines }
        var leftover: [String] = []
        for line in lines {
            let words = line.split(separator: " ")
            if words.isEmpty { leftover.append(line); continue }
            if words.allSatisfy({ $0.asciiLowercased.hasPrefix("kb") }) {
                result.preambleKeywords = line.trimmed
            } else if words.allSatisfy({ $0.first?.isNumber == true }) {
                result.preambleVersions = line.trimmed
            } else if words.allSatisfy({ $0.allSatisfy { $0.isUppercase || $0 == "-" || $0 == "/" || $0.isNumber } }) {
                result.preambleSystems = line.trimmed
            } else {
                leftover.append(line)
            }
        }
        return leftover
    }

    // MARK: - Sections

    /// A heading is a line underlined with `=`, or a lone "Question:" / "Response:" line.
    private static func headingLength(at i: Int, in lines: [String]) -> Int? {
        let line = lines[i]
        let underlined = i + 1 < lines.count && lines[i + 1].isRule(of: UInt8(ascii: "="))
        // Tested first, being quick: most lines are neither underlined nor end in a colon.
        guard underlined || line.endsInColon else { return nil }
        guard !line.isBlank, line.indentation == 0, line.hasAtMost(characters: 80) else { return nil }
        if underlined, lines[i + 1].indentation == 0, !line.isRule(of: UInt8(ascii: "=")),
           lines[i + 1].trimmed.count <= line.trimmed.count * 2 + 4 {
            return 2
        }
        if questionLines.contains(line.trimmed), i + 1 == lines.count || lines[i + 1].isBlank,
           i == 0 || lines[i - 1].isBlank {
            return 1
        }
        return nil
    }

    /// Lines that head a section of a question-and-answer article.
    private static let questionLines = ["Question:", "Response:", "Answer:"]

    static func sections(_ lines: [String]) -> [Section] {
        var sections: [Section] = []
        var heading: String?
        var text: [String] = []
        func flush() {
            let body = SectionText.format(text)
            if heading != nil || !body.isEmpty { sections.append(Section(heading: heading, text: body)) }
            text.removeAll()
        }
        var i = 0
        while i < lines.count {
            if let length = headingLength(at: i, in: lines) {
                flush()
                var title = lines[i].trimmed
                if title.hasSuffix(":") { title.removeLast() }
                heading = title
                i += length
                continue
            }
            text.append(lines[i])
            i += 1
        }
        flush()
        return sections
    }
}

/// Section text as it is stored and shown: paragraphs and indented blocks kept, the common
/// indentation removed, runs of blank lines folded into one.
enum SectionText {
    /// A section's lines as its text: trailing spaces and tabs cut, runs of blank lines made
    /// one, blank lines at either end dropped, and the indentation all lines share removed.
    ///
    /// Read byte by byte when the lines are ASCII, as nearly all are: stepping through them
    /// as characters was 6% of an import's instructions (callgrind, the archive). In other
    /// text a space and a combining mark after it are one character, which the character-wise
    /// reading keeps as such.
    static func format(_ lines: [String]) -> String {
        // Each line's length without the blanks it ends with.
        var ends: [Int] = []
        ends.reserveCapacity(lines.count)
        for var line in lines {
            let end = line.withUTF8 { bytes -> Int? in
                guard bytes.isAllASCII else { return nil }
                var end = bytes.count
                while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                return end
            }
            guard let end else { return formatCharacters(lines) }
            ends.append(end)
        }
        var kept: [Int] = []
        for (index, end) in ends.enumerated() {
            if end == 0, kept.last.map({ ends[$0] == 0 }) ?? true { continue }
            kept.append(index)
        }
        while let last = kept.last, ends[last] == 0 { kept.removeLast() }
        var indent = Int.max
        for index in kept where ends[index] > 0 {
            var line = lines[index]
            indent = min(indent, line.withUTF8 { $0.prefix { $0 == 0x20 || $0 == 0x09 }.count })
        }
        if indent == .max { indent = 0 }
        var text: [UInt8] = []
        text.reserveCapacity(kept.reduce(kept.count) { $0 + ends[$1] })
        for (n, index) in kept.enumerated() {
            if n > 0 { text.append(0x0A) }
            guard ends[index] > indent else { continue }
            var line = lines[index]
            line.withUTF8 { text.append(contentsOf: $0[indent..<ends[index]]) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `format`, character by character.
    static func formatCharacters(_ lines: [String]) -> String {
        var kept: [Substring] = []
        for line in lines {
            var l = Substring(line)
            while let last = l.last, last == " " || last == "\t" { l.removeLast() }
            if l.isEmpty, kept.last?.isEmpty ?? true { continue }
            kept.append(l)
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        let indent = kept.filter { !$0.isEmpty }.map { String($0).indentation }.min() ?? 0
        return kept.map { $0.dropFirst(indent) }.joined(separator: "\n")
    }
}
