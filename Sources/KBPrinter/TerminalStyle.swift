import Foundation


/// kb's own styles for a terminal, and whether to show them: colour when standard output is
/// a terminal and `NO_COLOR` is not set.
package struct TerminalStyle: Sendable {
    package var color: Bool

    package init(color: Bool) { self.color = color }

    package static func detect() -> TerminalStyle {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(color: !noColor && isatty(STDOUT_FILENO) == 1)
    }

    package func bold(_ s: TerminalText) -> TerminalText { .styled(s, "1") }
    package func dim(_ s: TerminalText) -> TerminalText { .styled(s, "2") }
    package func highlight(_ s: TerminalText) -> TerminalText { .styled(s, "1;31") }
    package func accent(_ s: TerminalText) -> TerminalText { .styled(s, "36") }

    /// `text` as bytes for this terminal: neutralised, in colour when `color` is on.
    package func render(_ text: TerminalText) -> String { text.rendered(color: color) }
}
