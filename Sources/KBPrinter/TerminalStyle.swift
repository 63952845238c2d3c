import Foundation
import KBModel


/// kb's own styles for a terminal, and whether to show them: colour when standard output is
/// a terminal and `NO_COLOR` is not set.
package struct TerminalStyle: Sendable {
    /// Whether styles are shown.
    package var color: Bool

    /// Styles shown or not.
    package init(color: Bool) { self.color = color }

    /// Colour when standard output is a terminal and `NO_COLOR` is unset or empty.
    package static func detect() -> TerminalStyle {
        let noColor = ProcessEnvironment.value("NO_COLOR").map { !$0.isEmpty } ?? false
        return TerminalStyle(color: !noColor && isatty(STDOUT_FILENO) == 1)
    }

    /// Bold: ids and headings.
    package func bold(_ s: TerminalText) -> TerminalText { .styled(s, "1") }
    /// Dim: facts and explanations.
    package func dim(_ s: TerminalText) -> TerminalText { .styled(s, "2") }
    /// Bold red: the words a paste matched.
    package func highlight(_ s: TerminalText) -> TerminalText { .styled(s, "1;31") }
    /// Cyan: section labels.
    package func accent(_ s: TerminalText) -> TerminalText { .styled(s, "36") }

    /// `text` as bytes for this terminal: neutralised, in colour when `color` is on.
    package func render(_ text: TerminalText) -> String { text.rendered(color: color) }
}
