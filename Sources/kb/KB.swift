import ArgumentParser
import Foundation
import KBKit


@main
struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Find the knowledge-base article that answers an error message.",
        discussion: """
            The store is one SQLite file: --db FILE, else $KB_DB, else \
            $XDG_DATA_HOME/kb/kb.sqlite (~/.local/share/kb/kb.sqlite).
            """,
        version: KBVersion.description,
        subcommands: [ImportCommand.self, SearchCommand.self, ShowCommand.self, ExportCommand.self, EvalCommand.self,
                      StatsCommand.self, CheckCommand.self, ServeCommand.self, ParseCommand.self]
    )

    /// Usage errors exit with status 2, as is usual for command-line tools (not sysexits' 64).
    /// Synchronous: no command awaits, and an async main would start Swift's concurrency
    /// runtime (a task, an executor and a thread) in every short-lived `kb search`.
    static func main() {
        StageTimes.mark("start")
        if let version = versionAnswer(CommandLine.arguments.dropFirst()) {
            return print(version)
        }
        do {
            // Before the command opens a store (reading the command line opens none).
            if let search = SearchCommandLine.parse(CommandLine.arguments.dropFirst()) {
                SQLiteProcessSettings.apply(oneSearch: true)
                StageTimes.mark("command-line")
                try search.run()
            } else {
                var command = try parseAsRoot()
                SQLiteProcessSettings.apply(oneSearch: command is SearchCommand)
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                StandardError.line(TerminalText(fullMessage(for: error)))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// What `kb --version` prints, for that command line alone: answered without ArgumentParser,
    /// which reflects on every command first (6.8 M instructions, most of the process), so
    /// that `kb --version` shows what starting kb costs. A test checks ArgumentParser says
    /// the same.
    static func versionAnswer(_ arguments: some Collection<String>) -> String? {
        arguments.count == 1 && arguments.first == "--version" ? KBVersion.description : nil
    }
}
