import ArgumentParser
import KBKit


struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store: SQLite's integrity check and the full-text index's own.",
        discussion: "Exit status 0 only when both pass.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let problems = try KB.report { try store.open(.readOnly).check() }
        if problems.isEmpty {
            StandardOutput.print("ok: \(store.resolvedPath)")
        } else {
            for problem in problems { StandardError.line("kb: \(store.resolvedPath): \(problem)") }
            throw ExitCode(1)
        }
    }
}
