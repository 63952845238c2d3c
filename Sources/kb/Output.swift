import Foundation
import KBKit


/// Standard output, buffered (printing article after article line by line is slow
/// otherwise). Text for a reader goes in as `TerminalText`, neutralised and styled by
/// `TerminalStyle`; JSON goes in as the JSON writers made it (they escape every control
/// character).
struct StandardOutput {
    private var buffer: [UInt8] = []
    /// kb's colours, on when standard output is a terminal.
    let style = TerminalStyle.detect()

    /// Text for a reader.
    mutating func write(_ text: TerminalText) { append(style.render(text)) }

    /// JSON, as the JSON writers made it.
    mutating func writeJSON(_ json: String) { append(json) }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }  // closed pipe: nothing more to say
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `text` and flushes: for a command that prints once.
    static func print(_ text: TerminalText) {
        var out = StandardOutput()
        out.write(text + "\n")
        out.flush()
    }

    /// Writes one JSON document and flushes.
    static func printJSON(_ json: String) {
        var out = StandardOutput()
        out.writeJSON(json.hasSuffix("\n") ? json : json + "\n")
        out.flush()
    }
}
