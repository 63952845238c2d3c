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

    @Flag(help: "Follow symbolic links that lead out of the folders named (by default they are listed as skipped).")
    var followSymlinks = false

    @Argument(help: "Article files or folders.")
    var paths: [String]

    func run() throws {
        let items = FileWalker(followSymlinks: followSymlinks).items(for: paths)
        var output = StandardOutput()
        var failed = 0
        try ArticleSource().forEachBatch(items) { outcomes in
            for outcome in outcomes {
                switch outcome {
                case .article(let article):
                    if json { output.writeJSON(ArticleJSON.line(article) + "\n") } else { output.write(ArticleSummary.text(article)) }
                case .failure(let path, let reason):
                    failed += 1
                    output.flush()
                    StandardError.line("\(path): \(reason)")
                }
            }
        }
        output.flush()
        if failed > 0 { throw ExitCode(1) }
    }
}
