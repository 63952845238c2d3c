import ArgumentParser
import KBKit


struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse article files and print what was read.",
        discussion: """
            Reads the three layouts (the archive's DOCUMENT header and markdown front matter, and \
            docs-as-code Markdown), recognised by \
            content. Folders are read recursively. Errors go to standard error as 'PATH: reason'.
            """
    )

    @Flag(help: "Print one JSON record per article (JSON Lines).")
    var json = false

    @OptionGroup var input: InputOptions

    @Argument(help: "Article files or folders.")
    var paths: [String]

    func run() throws {
        let items = input.walker.items(for: paths)
        var output = StandardOutput()
        var failed = 0
        var skipped = 0
        ArticleSource().forEachBatch(items) { outcomes in
            for outcome in outcomes {
                switch outcome {
                case .article(let article):
                    if json { output.writeJSON(ArticleJSON.line(article) + "\n") } else { output.write(ArticleSummary.text(article)) }
                case .skipped:
                    skipped += 1
                case .failure(let path, let reason):
                    failed += 1
                    output.flush()
                    StandardError.line("\(path): \(reason)")
                }
            }
        }
        output.flush()
        if skipped > 0 { StandardError.line("\(skipped) files skipped: not articles (README and repository files, templates, include snippets, Markdown without a title)") }
        if failed > 0 { throw ExitCode(1) }
    }
}
