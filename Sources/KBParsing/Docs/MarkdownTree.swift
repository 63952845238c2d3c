import CCmarkGFM

/// A Markdown document parsed by cmark-gfm (CommonMark with GitHub's tables and
/// strikethrough), the parser GitHub renders Markdown with. The tree is cmark's own; the
/// nodes handed out are valid while the tree lives.
final class MarkdownTree {
    /// The document node.
    let root: MarkdownNode

    /// cmark's extensions register into a process-wide list: once (a static is initialised
    /// once, thread-safely), before any parser.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Parses `text`. Raw HTML is kept in the tree (`CMARK_OPT_UNSAFE` only affects
    /// rendering, which kb does not ask cmark for); bad UTF-8 cannot reach it (`TextDecoding`).
    init(_ text: String) {
        _ = Self.registered
        let parser = cmark_parser_new(CMARK_OPT_UNSAFE)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough"] {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        root = MarkdownNode(cmark_parser_finish(parser))
    }

    deinit { cmark_node_free(root.pointer) }
}

/// One node of a `MarkdownTree`.
struct MarkdownNode {
    /// What a node is, in the terms kb reads Markdown in.
    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case table, tableRow, tableCell
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image, strikethrough
        /// A node kb has no use for (footnotes, custom blocks).
        case other
    }

    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default:
            // Extension nodes have numbers given at registration: known by name.
            switch cmark_node_get_type_string(pointer).map({ String(cString: $0) }) {
            case "table": .table
            case "table_header", "table_row": .tableRow
            case "table_cell": .tableCell
            case "strikethrough": .strikethrough
            default: .other
            }
        }
    }

    /// The children, first to last.
    var children: Children { Children(first: cmark_node_first_child(pointer)) }

    /// The text of a text, code span, code block or HTML node; "" for others.
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }

    /// 1 to 6 for a heading.
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// A fenced code block's info string ("cpp", "console title=…"); "" when none.
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

    /// A link's destination.
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }

    /// Whether a list is numbered.
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }

    /// Whether a list is tight: no blank lines between its items.
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }

    /// Whether a table row is the table's header.
    var isHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }

    /// A node's children as a sequence.
    struct Children: Sequence, IteratorProtocol {
        private var upcoming: OpaquePointer?
        init(first: OpaquePointer?) { upcoming = first }

        mutating func next() -> MarkdownNode? {
            guard let node = upcoming else { return nil }
            upcoming = cmark_node_next(node)
            return MarkdownNode(node)
        }
    }
}
