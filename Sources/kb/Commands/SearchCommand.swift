import ArgumentParser
import KBKit


struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the articles that answer a pasted error message.",
        discussion: """
            Paste the message as the customer saw it: one line, a dialog's text, or a chunk of \
            log. With no TEXT, the paste is read from standard input. Any text is a valid query, \
            up to 1 MiB (a longer paste is refused: paste the part of the log around the error).
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "How many articles to show.")
    var limit = 10

    @Flag(help: "Print results as JSON.")
    var json = false

    @Flag(help: "Show how each score was made.")
    var explain = false

    /// `.allUnrecognized`: a word that looks like an option but is none of kb's, such as a
    /// negative error code ("-2147467259"), is part of the paste; `validate` still refuses a
    /// mistyped long option such as `--limt`.
    @Argument(parsing: .allUnrecognized, help: "The error message (default: read standard input).")
    var text: [String] = []

    /// The search these options ask for.
    var request: SearchRequest {
        SearchRequest(storePath: store.path, filter: filters.filter, limit: limit, json: json, explain: explain, text: text)
    }

    func validate() throws {
        if let refusal = SearchRequest.refusal(limit: limit, text: text) { throw ValidationError(refusal) }
    }

    func run() throws {
        try request.run()
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
