import Foundation


/// ANSI styling when standard output is a terminal and `NO_COLOR` is not set.
package struct TerminalStyle {
    package var color: Bool

    package static func detect() -> TerminalStyle {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(color: !noColor && isatty(STDOUT_FILENO) == 1)
    }

    package func bold(_ s: String) -> String { wrap(s, "1") }
    package func dim(_ s: String) -> String { wrap(s, "2") }
    package func highlight(_ s: String) -> String { wrap(s, "1;31") }
    package func accent(_ s: String) -> String { wrap(s, "36") }

    private func wrap(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
