import Foundation

/// ANSI styling when standard output is a terminal and `NO_COLOR` is not set.
struct TerminalStyle {
    var color: Bool

    static func detect() -> TerminalStyle {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(color: !noColor && isatty(STDOUT_FILENO) == 1)
    }

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func highlight(_ s: String) -> String { wrap(s, "1;31") }
    func accent(_ s: String) -> String { wrap(s, "36") }

    private func wrap(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
