import ArgumentParser
import Foundation
import KBKit


extension ArticleExporter.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write articles as JSON or JSON Lines (format: Schema/article.schema.json).",
        discussion: """
            All articles by id, or those selected by the filters, or with --query the articles \
            a search ranks for TEXT, in rank order. With -o the file appears only once complete. \
            An unknown --id is reported on standard error and gives exit status 1.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "json (one array) or jsonl (one article a line).")
    var format: ArticleExporter.Format = .jsonl

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("id"), help: "Only this article (repeatable).")
    var ids: [String] = []

    @Option(help: ArgumentHelp("Export the articles a search ranks for this text, in rank order.", valueName: "text"))
    var query: String?

    @Option(help: "With --query: how many articles.")
    var limit = 100

    func validate() throws {
        for id in ids where ArticleID.normalize(id) == nil {
            throw ValidationError("--id takes an article id such as Q178511, not '\(id)'")
        }
        if query != nil, !ids.isEmpty { throw ValidationError("--query and --id cannot be combined") }
    }

    func run() throws {
        let outcome = try KB.report { () throws -> ArticleExporter.Outcome in
            let exporter = ArticleExporter(store: try store.open(.readOnly))
            var filter = filters.filter
            filter.ids = ids.compactMap(ArticleID.normalize)
            let export = { (write: (String) throws -> Void) throws -> ArticleExporter.Outcome in
                if let query {
                    let ranked = try SearchEngine(store: exporter.store).search(query, options: .init(limit: limit, filter: filter))
                    return try exporter.export(ranked.results.map(\.article), format: format, to: write)
                }
                return try exporter.export(filter, format: format, to: write)
            }
            guard let output else {
                var out = StandardOutput()
                let outcome = try export { out.writeJSON($0) }
                out.flush()
                return outcome
            }
            do {
                let file = try AtomicFile(output)
                let outcome = try export { try file.write($0) }
                try file.commit()
                return outcome
            } catch let error as AtomicFileError {
                throw Failure(error.description)
            }
        }
        for id in outcome.missing { StandardError.line("kb: no article \(id) in \(store.resolvedPath)") }
        if !outcome.missing.isEmpty { throw ExitCode(1) }
    }
}
