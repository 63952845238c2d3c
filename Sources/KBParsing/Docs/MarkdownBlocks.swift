import KBModel

/// The body of a docs-as-code article, block by block from cmark-gfm's tree, made plain for
/// display and the index: level 1 and 2 headings split it into sections; code blocks stay as
/// blocks indented by four spaces; lists keep their markers; admonitions (`> [!NOTE]`) become
/// labelled notes; tables become rows of text; DocFX and Jekyll directives (`:::image`,
/// `[!INCLUDE]`, `{% … %}`) and HTML comments go. Along the way it collects what the text
/// states about the article: quoted error messages, "Applies to" lines, KB numbers and link
/// targets.
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
    /// What the article's quotes name their errors by: "event 7000" and its source for an
    /// Event Viewer entry, "message 3044" for a numbered message block.
    var quotedNames: [String] = []

    /// "## Cause" → 2; nil for a line that is no ATX heading. (The parser finds every heading;
    /// this only tells, from the first lines, whether a file is Markdown at all.)
    static func headingLevel(_ trimmed: String) -> Int? {
        let hashes = trimmed.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " || rest.first == "\t" ? hashes : nil
    }

    static func parse(_ markdown: String) -> MarkdownBlocks {
        let tree = MarkdownTree(markdown)
        var blocks = MarkdownBlocks()
        for node in tree.root.children { blocks.read(node, indent: "") }
        blocks.sections = blocks.sections.map { Section(heading: $0.heading, text: Self.tidy($0.text)) }
        return blocks
    }

    /// The paragraph before the block being read: does it announce an error message?
    private var lastParagraph = ""
    /// True until a paragraph or list follows the title: a blockquote there is the message.
    private var rightUnderTitle = false

    private mutating func append(_ line: String) {
        let last = sections.count - 1
        sections[last].text += sections[last].text.isEmpty ? line : "\n" + line
    }

    /// Plain text of a node, its link targets collected.
    private mutating func plain(_ node: MarkdownNode, placeholders: Bool = false, lineBreak: String = "\n") -> String {
        var text = MarkdownText(placeholders: placeholders, lineBreak: lineBreak)
        let plain = text.plain(node)
        if !placeholders { linkTargets += text.links }
        return plain
    }

    private mutating func read(_ node: MarkdownNode, indent: String) {
        switch node.kind {
        case .heading: readHeading(node)
        case .paragraph: readParagraph(node, indent: indent, marker: "", blankAfter: true)
        case .codeBlock: readCode(node, indent: indent)
        case .blockQuote: readQuote(node)
        case .list: readList(node, indent: indent)
        case .table: readTable(node)
        case .htmlBlock:
            for line in HTMLText.text(ofBlock: node.literal) where !Self.isDirective(line) { append(indent + line) }
        default: break
        }
    }

    private mutating func readHeading(_ node: MarkdownNode) {
        let text = plain(node, lineBreak: " ").trimmed
        let level = node.headingLevel
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
    }

    /// A paragraph's lines, less directives and the statements about the article; `marker`
    /// ("- ", "1. ") starts a list item's first line.
    private mutating func readParagraph(_ node: MarkdownNode, indent: String, marker: String, blankAfter: Bool) {
        var lines: [String] = []
        for line in plain(node).split(separator: "\n", omittingEmptySubsequences: false) {
            let t = String(line).trimmed
            if t.isEmpty || Self.isDirective(t) || statement(t) { continue }
            lines.append(t)
        }
        guard !lines.isEmpty else { return }
        // A paragraph set in bold after "…returns the following error message:" is the message.
        if marker.isEmpty, Self.isBold(node), Self.announcesAMessage(lastParagraph) {
            let message = plain(node, placeholders: true, lineBreak: " ").trimmed
            if !message.isEmpty { messages.append(message) }
        }
        let continuation = indent + String(repeating: " ", count: marker.count)
        for (index, line) in lines.enumerated() { append((index == 0 ? indent + marker : continuation) + line) }
        if blankAfter { append("") }
        lastParagraph = lines.joined(separator: " ")
        rightUnderTitle = false
    }

    /// A paragraph that is all bold, maybe with a closing full stop.
    private static func isBold(_ paragraph: MarkdownNode) -> Bool {
        var children = Array(paragraph.children)
        if let last = children.last, last.kind == .text, last.literal.trimmed == "." { children.removeLast() }
        return children.count == 1 && children[0].kind == .strong
    }

    /// DocFX and Jekyll directives: layout, not text.
    private static func isDirective(_ t: String) -> Bool {
        t.hasPrefix(":::") || t.hasPrefix("[!INCLUDE") || t.hasPrefix("{%") || t.hasPrefix("[!div")
    }

    /// `_Applies to:_ Outlook 2016, Outlook 2019` and `_Original KB number:_ &nbsp; 2027064`:
    /// facts about the article, not text of it.
    private mutating func statement(_ plain: String) -> Bool {
        // Cheap test first: this runs for every line of text.
        guard let first = plain.utf8.first, first | 0x20 == UInt8(ascii: "a") || first | 0x20 == UInt8(ascii: "o") else { return false }
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

    private mutating func readCode(_ node: MarkdownNode, indent: String) {
        var code = node.literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while code.last?.isBlank == true { code.removeLast() }
        append("")
        for line in code { append(indent + "    " + line) }
        append("")
        if quoteEvent(code) {
            lastParagraph = ""
            return
        }
        let language = node.fenceInfo.lowercased().split(separator: " ").first.map(String.init) ?? ""
        if Self.announcesAMessage(lastParagraph) {
            if language == "json" {
                // A JSON error body: its values are the message.
                if let message = QuotedMessage.json(node.literal) { messages.append(message) }
            } else if !Self.sourceLanguages.contains(language) {
                add(QuotedMessage.read(Array(code.prefix(Self.quotedCodeLines))))
            }
        }
        lastParagraph = ""
    }

    /// Lines of a code block read as its message: an error's output, not a whole log.
    static let quotedCodeLines = 20

    /// Records a quoted message and the number it names.
    private mutating func add(_ quoted: QuotedMessage?, underTitle: Bool = false) {
        guard let quoted else { return }
        if !quoted.text.isEmpty {
            messages.append(quoted.text)
            if underTitle && messageUnderTitle == nil { messageUnderTitle = quoted.text }
        }
        quotedNames += quoted.numbers
    }

    private mutating func readList(_ node: MarkdownNode, indent: String) {
        var number = 1
        for item in node.children where item.kind == .item {
            let marker = node.isOrderedList ? "\(number). " : "- "
            number += 1
            var first = true
            for child in item.children {
                if first && child.kind == .paragraph {
                    readParagraph(child, indent: indent, marker: marker, blankAfter: !node.isTightList)
                } else {
                    read(child, indent: indent + String(repeating: " ", count: marker.count))
                }
                first = false
            }
        }
        if indent.isEmpty { append("") }
        rightUnderTitle = false
    }

    /// Rows of a table whose messages are quoted: longer tables are indexes of errors (the
    /// compiler's "C2300 through C2399" pages list a hundred), whose messages would make every
    /// search of such an error read them all.
    static let messageTableRows = 12

    /// One row a line, cells joined by " | ". In a short table, a column headed "Error
    /// message" (or "Message") quotes messages, except in rows that link to another article:
    /// those point to the page that quotes the message itself.
    private mutating func readTable(_ node: MarkdownNode) {
        let rows = node.children.filter { $0.kind == .tableRow }
        var messageColumns: Set<Int> = []
        for row in rows {
            let cells = row.children.filter { $0.kind == .tableCell }
            var texts: [String] = []
            var linksToArticle = false
            for cell in cells {
                let before = linkTargets.count
                texts.append(plain(cell, lineBreak: " ").trimmed)
                linksToArticle = linksToArticle || linkTargets[before...].contains { $0.lowercased().contains(".md") }
            }
            if row.isHeaderRow {
                if rows.count <= Self.messageTableRows + 1 {
                    messageColumns = Set(texts.indices.filter { texts[$0].lowercased().contains("message") })
                }
            } else if !linksToArticle {
                for column in messageColumns where column < cells.count && texts[column].split(separator: " ").count >= 3 {
                    messages.append(plain(cells[column], placeholders: true, lineBreak: " ").trimmed)
                }
            }
            let line = texts.filter { !$0.isEmpty }.joined(separator: " | ")
            if !line.isEmpty { append(line) }
        }
        append("")
        lastParagraph = ""
        rightUnderTitle = false
    }

    /// One paragraph of a quotation: its plain lines, its text, and its lines with placeholders.
    private struct Quoted {
        var lines: [String]
        var text: String
        var message: String
    }

    /// An Event Viewer entry among quoted lines: its description is the message, its id and
    /// source name the event; the header fields, the same for every event, are neither.
    private mutating func quoteEvent(_ lines: [String]) -> Bool {
        guard let entry = EventLogEntry.find(in: lines) else { return false }
        if !entry.description.isEmpty { messages.append(entry.description) }
        if let id = entry.eventID { quotedNames.append("event " + id) }
        if let source = entry.source { quotedNames.append(source) }
        return true
    }

    private mutating func readQuote(_ node: MarkdownNode) {
        var paragraphs: [Quoted] = []
        var startsWithList = false
        collect(node, into: &paragraphs, startsWithList: &startsWithList)
        // Its lines as written tell an Event Viewer entry.
        let lines = paragraphs.flatMap(\.lines)
        if quoteEvent(lines) {
            for line in lines { append(line) }
            append("")
            rightUnderTitle = false
            lastParagraph = ""
            return
        }
        if let first = paragraphs.first?.text, first.hasPrefix("[!"), let close = first.firstIndex(of: "]") {
            readAdmonition(paragraphs, kind: first[first.index(first.startIndex, offsetBy: 2)..<close].lowercased(), close: close)
            return
        }
        // A quotation in a troubleshooting article quotes what the user saw: a message, a
        // dialog's text, a log entry. A list or a long passage is not one.
        let underTitle = rightUnderTitle
        let words = paragraphs.reduce(0) { $0 + $1.text.split(separator: " ").count }
        let announced = (!startsWithList && (underTitle || words <= 120)) || Self.announcesAMessage(lastParagraph)
        for paragraph in paragraphs {
            append(paragraph.text)
            append("")
        }
        // Everything quoted is one message: a dialog's title line and text, its paragraphs.
        if announced { add(QuotedMessage.read(paragraphs.flatMap { $0.message.split(separator: "\n") }), underTitle: underTitle) }
        rightUnderTitle = false
        lastParagraph = ""
    }

    /// "> [!NOTE]" then its text: a labelled note. A line in it that announces a message
    /// ("…you'll see the following error:") makes the next line one.
    private mutating func readAdmonition(_ paragraphs: [Quoted], kind: String, close: String.Index) {
        let label = kind.prefix(1).uppercased() + kind.dropFirst()
        var lines: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            var text = paragraph.text
            if index == 0 { text = String(text[text.index(after: close)...]) }
            lines += text.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
        }
        // "[!div class=…]" is layout, not a note: its text stands alone.
        append((kind.hasPrefix("div") ? "" : "\(label): ") + lines.joined(separator: " "))
        append("")
        let messageLines = paragraphs.flatMap { $0.message.split(separator: "\n").map { String($0).trimmed } }.filter { !$0.isEmpty }
        for (index, line) in messageLines.enumerated().dropLast() where Self.announcesAMessage(line) {
            messages.append(messageLines[index + 1])
        }
        lastParagraph = ""
    }

    /// The paragraphs of a quotation, through nested quotes, lists and code blocks.
    private mutating func collect(_ node: MarkdownNode, into paragraphs: inout [Quoted], startsWithList: inout Bool) {
        for child in node.children {
            switch child.kind {
            case .paragraph, .heading, .codeBlock:
                let text = child.kind == .codeBlock ? child.literal : plain(child)
                let message = child.kind == .codeBlock ? child.literal : plain(child, placeholders: true)
                let lines = text.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
                guard !lines.isEmpty else { continue }
                // An admonition keeps its lines apart; a quoted paragraph reads as one line.
                let isNote = paragraphs.isEmpty && lines[0].hasPrefix("[!")
                paragraphs.append(Quoted(
                    lines: lines, text: isNote ? lines.joined(separator: "\n") : lines.joined(separator: " "),
                    message: message.split(separator: "\n").map { String($0).trimmed }.joined(separator: "\n")))
            case .list:
                if paragraphs.isEmpty { startsWithList = true }
                for item in child.children { collect(item, into: &paragraphs, startsWithList: &startsWithList) }
            case .blockQuote:
                collect(child, into: &paragraphs, startsWithList: &startsWithList)
            case .htmlBlock:
                let lines = HTMLText.text(ofBlock: child.literal)
                if !lines.isEmpty { paragraphs.append(Quoted(lines: lines, text: lines.joined(separator: " "), message: lines.joined(separator: " "))) }
            default:
                break
            }
        }
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
