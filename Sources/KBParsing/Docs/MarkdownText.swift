import KBModel

/// The plain text of Markdown inline content, as parsed by cmark-gfm: links keep their text
/// (their targets are collected), images go, emphasis and code spans keep their text, HTML
/// tags of known elements are dropped while other angle-bracketed words (`<servername>`)
/// stay, and no-break spaces become spaces. With `placeholders`, an emphasised word or phrase
/// (`*identifier*`) becomes `<identifier>`: the placeholder form that message alignment
/// matches any word with.
struct MarkdownText {
    /// Whether emphasised words become `<placeholders>`.
    var placeholders = false
    /// What a line break inside a paragraph becomes: "\n" keeps the author's lines.
    var lineBreak = "\n"
    /// Link destinations met, in order.
    private(set) var links: [String] = []

    init(placeholders: Bool = false, lineBreak: String = "\n") {
        self.placeholders = placeholders
        self.lineBreak = lineBreak
    }

    /// The text of `node`'s inline children (or of every block under it).
    mutating func plain(_ node: MarkdownNode) -> String {
        var out = ""
        append(node, to: &out)
        return out
    }

    /// The plain text of a short piece of Markdown, such as a front-matter value: parsed only
    /// when it holds a character that can start markup.
    static func plain(markdown: String) -> String {
        guard markdown.utf8.contains(where: { markupBytes.contains($0) }) else { return markdown }
        let tree = MarkdownTree(markdown)
        var text = MarkdownText(lineBreak: " ")
        var pieces: [String] = []
        for block in tree.root.children { pieces.append(text.plain(block)) }
        return pieces.joined(separator: " ")
    }

    /// Bytes that can start inline markup (a value is one line: block markup does not apply).
    private static let markupBytes: Set<UInt8> = Set("\\`*_[<&~".utf8)

    private mutating func append(_ node: MarkdownNode, to out: inout String) {
        switch node.kind {
        case .text:
            let text = node.literal
            // Byte test first (0xA0 ends U+00A0 in UTF-8): this runs for every run of text.
            if text.utf8.contains(0xA0) {
                out.unicodeScalars.append(contentsOf: text.unicodeScalars.map { $0 == "\u{A0}" ? " " : $0 })
            } else {
                out += text
            }
        case .code, .codeBlock:
            out += node.literal
        case .softBreak, .lineBreak:
            out += lineBreak
        case .htmlInline:
            // `<br>` and `<b>` are markup; `<servername>` in a message is a placeholder.
            let tag = node.literal
            if !HTMLText.isTag(tag) { out += tag }
        case .image, .htmlBlock, .thematicBreak:
            break
        case .link:
            links.append(node.url)
            appendChildren(node, to: &out)
        case .emphasis where placeholders:
            var inner = ""
            appendChildren(node, to: &inner)
            let isWords = inner.utf8.allSatisfy { Self.isWordByte($0) || $0 == 0x2D || $0 == 0x20 }
            out += isWords && !inner.isEmpty ? "<" + inner + ">" : inner
        default:
            appendChildren(node, to: &out)
        }
    }

    private mutating func appendChildren(_ node: MarkdownNode, to out: inout String) {
        var first = true
        for child in node.children {
            // Blocks under one node (a list item's paragraphs) are separate lines.
            if !first, child.kind.isBlock { out += lineBreak }
            append(child, to: &out)
            first = false
        }
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        b.isASCIIAlphanumeric || b >= 0x80
    }
}

extension MarkdownNode.Kind {
    /// Whether the node is a block (a paragraph, list, quote…) rather than inline content.
    var isBlock: Bool {
        switch self {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak,
             .table, .tableRow, .tableCell:
            true
        default: false
        }
    }
}
