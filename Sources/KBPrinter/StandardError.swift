import Foundation


/// Standard error, for `kb` and `kb-serve` alike: messages, neutralised as all terminal text
/// is (a file name or a reason may hold control characters), never coloured.
package enum StandardError {
    /// One line of `text`, neutralised, uncoloured.
    package static func line(_ text: TerminalText) {
        FileHandle.standardError.write(Data((TerminalStyle(color: false).render(text) + "\n").utf8))
    }

    /// kb's own progress display (a bar redrawn in place): its escape sequences are kb's.
    package static func progress(_ control: String) {
        FileHandle.standardError.write(Data(control.utf8))
    }
}
