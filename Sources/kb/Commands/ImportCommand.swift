import ArgumentParser
import Foundation
import KBKit


struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import article files, folders, or JSON exports into the store.",
        discussion: """
            Accepts the three article layouts and kb's own JSON / JSON Lines exports, recognised by \
            content; '-' reads standard input. Re-importing unchanged files changes nothing. An \
            article seen twice is stored once: the later 'lastModified' wins, on a tie the \
            DOCUMENT layout. Exit status: 0 when every file imported, 1 when some failed.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the summary as a JSON object.")
    var json = false

    @Flag(name: .shortAndLong, help: "No progress bar.")
    var quiet = false

    @OptionGroup var input: InputOptions

    /// For crash tests: small transactions make a kill land between commits of one import.
    @Option(help: .hidden)
    var articlesPerTransaction: Int?

    @Argument(help: "Files, folders, or '-' for standard input.")
    var paths: [String]

    func run() throws {
        let summary = try KB.report {
            let store = try store.open(.readWrite)
            defer { store.close() }
            let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) == 1)
            var importer = Importer(store: store)
            if let articlesPerTransaction { importer.articlesPerTransaction = max(1, articlesPerTransaction) }
            let summary = try importer.run(walking: paths, with: input.walker) { bar.update($0) }
            bar.finish()
            return summary
        }
        if json {
            StandardOutput.printJSON(ReportJSON.render(summary))
        } else {
            for error in summary.errors { StandardError.line("\(error.path): \(error.reason)") }
            StandardError.line(TerminalText(summary.line))
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
