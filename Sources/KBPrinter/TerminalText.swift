/// Text for a terminal, and the styles kb gives it: the only way kb writes to a terminal.
///
/// Text from an article, a paste, a file name or an error message may hold ESC, BEL or other
/// control characters that a terminal obeys (a title that clears the screen, rewrites the
/// line or sets the window title). Such text goes in as plain pieces, which `rendered`
/// passes through `TerminalSanitizer`; kb's own colours are kept apart as style codes, so
/// they are the only escape sequences that reach the terminal.
package struct TerminalText: Sendable, ExpressibleByStringInterpolation {
    private struct Piece: Sendable {
        var text: String
        /// The SGR parameters of kb's own style for this piece ("1;31"), or nil for plain text.
        var style: String?
    }

    private var pieces: [Piece]

    /// Plain text, shown as it is once its control characters are neutralised.
    package init(_ text: String) { pieces = text.isEmpty ? [] : [Piece(text: text, style: nil)] }

    package init(stringLiteral value: String) { self.init(value) }

    package init(stringInterpolation: DefaultStringInterpolation) { self.init(String(stringInterpolation: stringInterpolation)) }

    /// The pieces of `parts` one after the other.
    package init(joining parts: [TerminalText], separator: TerminalText = "") {
        pieces = []
        for (index, part) in parts.enumerated() {
            if index > 0 { pieces += separator.pieces }
            pieces += part.pieces
        }
    }

    /// `text` in the style with these SGR parameters.
    package static func styled(_ text: TerminalText, _ style: String) -> TerminalText {
        var styled = text
        styled.pieces = text.pieces.map { Piece(text: $0.text, style: $0.style.map { style + ";" + $0 } ?? style) }
        return styled
    }

    /// The two texts one after the other, each keeping its styles.
    package static func + (left: TerminalText, right: TerminalText) -> TerminalText {
        var joined = left
        joined.pieces += right.pieces
        return joined
    }

    /// Appends `right` to `left`, in place: `left = left + right` copied all of `left`'s
    /// pieces at each append, and a result's text is built by some fifteen of them.
    package static func += (left: inout TerminalText, right: TerminalText) { left.pieces += right.pieces }

    /// The bytes to print: every piece's text neutralised, styled pieces wrapped in their
    /// SGR sequence when `color` is on.
    package func rendered(color: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.text.utf8.count + 16 })
        for piece in pieces {
            if color, let style = piece.style {
                out += "\u{1B}[".utf8
                out += style.utf8
                out.append(UInt8(ascii: "m"))
                TerminalSanitizer.append(piece.text, to: &out)
                out += "\u{1B}[0m".utf8
            } else {
                TerminalSanitizer.append(piece.text, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Makes text safe to print on a terminal: every control character but line feed and tab
/// (C0, DEL, C1), and the characters that reorder how a line is displayed (bidirectional
/// overrides and isolates), is shown as its code, `\x1B` or `\u{202E}`, instead of being
/// obeyed.
package enum TerminalSanitizer {
    /// `text` with every character a terminal would obey replaced by its visible code.
    package static func neutralize(_ text: String) -> String {
        guard !isPlain(text), text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else { out.append(scalar); continue }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex + "}"
            out.append(contentsOf: code.unicodeScalars)
        }
        return String(out)
    }

    /// Appends `text` neutralised to `out`: most text is printable ASCII, checked and copied
    /// byte by byte.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        let copied = text.withUTF8 { bytes in
            guard isPlain(bytes) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if !copied { out += neutralize(text).utf8 }
    }

    /// Whether the text is printable ASCII, line feeds and tabs only, told by its bytes
    /// (most text is; reading its scalars cost some 600 instructions a piece).
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlain($0) }
    }

    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00..<0x20, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
