import KBModel

/// The body of a docs-as-code article, block by block, made plain for display and the index:
/// headings split it into sections; code blocks stay as blocks indented by four spaces;
/// admonitions (`> [!NOTE]`) become labelled notes; tables become rows of text; DocFX and
/// Jekyll directives (`:::image`, `[!INCLUDE]`, `{% … %}`) and HTML comments go. Along the
/// way it collects what the text states about the article: quoted error messages, "Applies
/// to" lines, KB numbers and link targets.
struct MarkdownBlocks {
    var title: String?
    var firstHeading: String?
    var sections: [Section] = [Section(heading: nil, text: "")]
    var messages: [String] = []
    /// The message quoted right under the title (cpp-docs), if any.
    var messageUnderTitle: String?
    var appliesTo: [String] = []
    var kbNumbers: [String] = []
    var linkTargets: [String] = []

    /// "## Cause" → 2; nil for a line that is no ATX heading.
    static func headingLevel(_ trimmed: String) -> Int? {
        let hashes = trimmed.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " || rest.first == "\t" ? hashes : nil
    }

    static func parse(_ lines: [String]) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        var reader = LineReader(lines: lines)
        blocks.read(&reader)
        blocks.sections = blocks.sections.map { Section(heading: $0.heading, text: Self.tidy($0.text)) }
        return blocks
    }

    private struct LineReader {
        var lines: [String]
        var index = 0
        var current: String? { index < lines.count ? lines[index] : nil }
    }

    /// The paragraph before the block being read: does it announce an error message?
    private var lastParagraph = ""
    /// True until a paragraph or list follows the title: a blockquote there is the message.
    private var rightUnderTitle = false

    private mutating func append(_ line: String) {
        let last = sections.count - 1
        sections[last].text += sections[last].text.isEmpty ? line : "\n" + line
    }

    private mutating func read(_ reader: inout LineReader) {
        var inParagraph = false
        while let line = reader.current {
            let t = line.trimmed
            reader.index += 1
            if t.isEmpty {
                if inParagraph { append("") }
                inParagraph = false
                continue
            }
            collectLinks(line)
            if t.hasPrefix("```") || t.hasPrefix("~~~") {
                readFence(String(t.prefix(3)), info: String(t.dropFirst(3)).trimmed.lowercased(), &reader)
                inParagraph = false
                continue
            }
            if let level = Self.headingLevel(t) {
                var text = MarkdownInline.plain(String(t.dropFirst(level)).trimmed)
                while text.hasSuffix("#") { text = String(text.dropLast()).trimmed }
                if firstHeading == nil { firstHeading = text }
                if level == 1 && title == nil {
                    title = text
                    rightUnderTitle = true
                } else if level <= 2 {
                    sections.append(Section(heading: text, text: ""))
                    rightUnderTitle = false
                } else {
                    append("")
                    append(text)
                }
                lastParagraph = ""
                inParagraph = false
                continue
            }
            if t.hasPrefix(">") {
                reader.index -= 1
                readQuote(&reader)
                inParagraph = false
                continue
            }
            if t.hasPrefix("<!--") {
                if !t.contains("-->") {
                    while let l = reader.current {
                        reader.index += 1
                        if l.contains("-->") { break }
                    }
                }
                continue
            }
            if t.hasPrefix(":::") || t.hasPrefix("[!INCLUDE") || t.hasPrefix("{%") || t.hasPrefix("[!div") { continue }
            if statement(t) { continue }
            if t.hasPrefix("|") {
                if t.allSatisfy({ "|-: ".contains($0) }) { continue }
                let cells = t.split(separator: "|").map { MarkdownInline.plain(String($0)).trimmed }.filter { !$0.isEmpty }
                append(cells.joined(separator: " | "))
                continue
            }
            let indent = String(repeating: " ", count: min(line.indentation, 8))
            let text = MarkdownInline.plain(t)
            // A paragraph set in bold after "…returns the following error message:" is the message.
            if !inParagraph, t.hasPrefix("**"), t.hasSuffix("**") || t.hasSuffix("**."), Self.announcesAMessage(lastParagraph) {
                let message = MarkdownInline.plain(t, placeholders: true).trimmed
                if !message.isEmpty { messages.append(message) }
            }
            append(indent + text)
            lastParagraph = inParagraph ? lastParagraph + " " + text : text
            inParagraph = true
            rightUnderTitle = false
        }
    }

    /// `_Applies to:_ Outlook 2016, Outlook 2019` and `_Original KB number:_ &nbsp; 2027064`:
    /// facts about the article, not text of it.
    private mutating func statement(_ t: String) -> Bool {
        // Cheap test first: this runs for every line of text.
        guard let first = t.utf8.first, first == UInt8(ascii: "_") || first == UInt8(ascii: "*")
            || first == UInt8(ascii: "A") || first == UInt8(ascii: "O") || first == UInt8(ascii: "a") || first == UInt8(ascii: "o")
        else { return false }
        let plain = MarkdownInline.plain(t).trimmed
        let lower = plain.lowercased()
        if lower.hasPrefix("applies to:") {
            appliesTo += plain.dropFirst("applies to:".count).split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
            return true
        }
        if lower.hasPrefix("original kb number:") {
            kbNumbers += plain.dropFirst("original kb number:".count).split(whereSeparator: { $0 == "," || $0 == " " })
                .map { String($0) }.filter { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
            return true
        }
        return false
    }

    /// Fenced blocks of source code are examples, never a message, however they are announced.
    private static let sourceLanguages: Set<String> = [
        "cpp", "c", "c++", "csharp", "cs", "vb", "vbnet", "java", "javascript", "js", "typescript", "ts", "python",
        "py", "rust", "go", "swift", "xml", "html", "css", "sql", "cmake", "makefile", "idl", "asm", "masm", "json",
        "yaml", "fsharp", "kotlin", "ruby", "php",
    ]

    private mutating func readFence(_ fence: String, info: String, _ reader: inout LineReader) {
        var code: [String] = []
        while let line = reader.current {
            reader.index += 1
            if line.trimmed.hasPrefix(fence) { break }
            code.append(line)
        }
        while code.last?.isBlank == true { code.removeLast() }
        append("")
        for line in code { append("    " + line) }
        append("")
        let language = info.split(separator: " ").first.map(String.init) ?? ""
        if !Self.sourceLanguages.contains(language), Self.announcesAMessage(lastParagraph) {
            let message = code.map(\.trimmed).filter { !$0.isEmpty }.prefix(8).joined(separator: " ")
            if !message.isEmpty { messages.append(message) }
        }
        lastParagraph = ""
    }

    private mutating func readQuote(_ reader: inout LineReader) {
        var inner: [String] = []
        while let line = reader.current, line.trimmed.hasPrefix(">") {
            reader.index += 1
            var rest = line.trimmed.dropFirst()
            if rest.first == " " { rest = rest.dropFirst() }
            inner.append(String(rest))
        }
        if let first = inner.first?.trimmed, first.hasPrefix("[!"), let close = first.firstIndex(of: "]") {
            // An admonition: "> [!NOTE]" then its text, as a labelled note. A line in it that
            // announces a message ("…you'll see the following error:") makes the next lines one.
            let kind = first[first.index(first.startIndex, offsetBy: 2)..<close].lowercased()
            let label = kind.prefix(1).uppercased() + kind.dropFirst()
            let lines = inner.dropFirst().map { $0.trimmed }.filter { !$0.isEmpty }
            // "[!div class=…]" is layout, not a note: its text stands alone.
            append((kind.hasPrefix("div") ? "" : "\(label): ") + lines.map { MarkdownInline.plain($0) }.joined(separator: " "))
            for (index, line) in lines.enumerated().dropLast() where Self.announcesAMessage(line) {
                let message = MarkdownInline.plain(lines[index + 1], placeholders: true).trimmed
                if !message.isEmpty { messages.append(message) }
            }
            lastParagraph = ""
            return
        }
        // A quotation in a troubleshooting article quotes what the user saw: a message, a
        // dialog's text, a log entry. A list or a long passage is not one.
        let underTitle = rightUnderTitle
        let quoted = inner.first.map { !$0.hasPrefix("- ") && !$0.hasPrefix("* ") } ?? false
            && inner.joined(separator: " ").split(separator: " ").count <= 120
        let announced = underTitle || quoted || Self.announcesAMessage(lastParagraph)
        var paragraph: [String] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            let plain = MarkdownInline.plain(paragraph.joined(separator: " "))
            append(plain)
            if announced {
                let message = MarkdownInline.plain(paragraph.joined(separator: " "), placeholders: true).trimmed
                if !message.isEmpty {
                    messages.append(message)
                    if underTitle && messageUnderTitle == nil { messageUnderTitle = message }
                }
            }
            paragraph = []
        }
        for line in inner {
            if line.isBlank { flush() } else { paragraph.append(line.trimmed) }
        }
        flush()
        rightUnderTitle = false
        lastParagraph = ""
    }

    /// "…you receive the following error message:", "The log shows this exception:".
    static func announcesAMessage(_ paragraph: String) -> Bool {
        let p = paragraph.lowercased().trimmed
        guard p.hasSuffix(":") else { return false }
        let sentence = p.split(separator: ".").last.map(String.init) ?? p
        return ["error", "message", "exception", "warning", "fail", "receive", "displays", "dialog", "prompt",
                "states", "says", "reads", "you see", "you get", "returns", "reports", "logged", "entry", "event",
                "output", "information", "text"]
            .contains { sentence.contains($0) }
    }

    /// Targets of inline links, `[text](target)`. Byte-wise: this runs for every line.
    private mutating func collectLinks(_ line: String) {
        let bytes = Array(line.utf8)
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "]"), bytes[i + 1] == UInt8(ascii: "(") {
                var j = i + 2
                while j < bytes.count, bytes[j] != UInt8(ascii: ")"), bytes[j] != UInt8(ascii: " ") { j += 1 }
                if j > i + 2 { linkTargets.append(String(decoding: bytes[(i + 2)..<j], as: UTF8.self)) }
                i = j
            } else {
                i += 1
            }
        }
    }

    /// Lines without trailing spaces, runs of blank lines folded into one, none at the ends.
    private static func tidy(_ text: String) -> String {
        var out: [String] = []
        for line in text.lineArray {
            var l = line
            while l.last == " " || l.last == "\t" { l.removeLast() }
            if l.isEmpty && (out.last?.isEmpty ?? true) { continue }
            out.append(l)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }
}
