import ArgumentParser
import Foundation
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

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        // A word such as "--limt" is a mistyped option, not part of an error message.
        let isLongOption = { (word: String) in
            word.hasPrefix("--") && word.count > 2 && word.dropFirst(2).allSatisfy { $0.isLetter || $0 == "-" }
        }
        if let option = text.first(where: isLongOption) { throw ValidationError("Unknown option '\(option)'") }
    }

    func run() throws {
        let paste = try text.isEmpty ? readStandardInput() : text.joined(by: " ")
        if let refusal = PasteLimit.refusal(byteCount: paste.utf8.count) {
            StandardError.line("kb: \(refusal)")
            throw ExitCode(2)
        }
        guard !PasteLimit.isEmpty(paste) else {
            StandardError.line("kb: nothing to search for: paste an error message as arguments or on standard input")
            throw ExitCode(2)
        }
        let store = try KB.report { try self.store.open(.readOnly) }
        let response = try KB.report {
            try SearchEngine(store: store).search(paste, options: .init(limit: limit, filter: filters.filter))
        }
        var out = StandardOutput()
        if json {
            out.writeJSON(SearchJSON.render(response, explain: explain) + "\n")
        } else if response.results.isEmpty {
            out.write("No article matches.\n")
        } else {
            for result in response.results { out.write(SearchText.render(result, style: out.style, explain: explain)) }
        }
        out.flush()
        // The process ends here, and the store is left open for it to end: a reader has
        // nothing to write back, and the system closes its file. Closing it cost a search
        // a million instructions and two new threads (GRDB's queue, when released, removes
        // itself from Foundation's notification center).
        _ = Unmanaged.passRetained(store)
    }

    private func readStandardInput() throws -> String {
        do {
            // One byte more than the limit tells a paste over it from one at it.
            return String(decoding: try ByteReader.standardInput().readAll(limit: PasteLimit.bytes + 1), as: UTF8.self)
        } catch where error.isTooLarge {
            StandardError.line("kb: \(PasteLimit.refusal(byteCount: PasteLimit.bytes + 1)!)")
            throw ExitCode(2)
        } catch {
            throw Failure("cannot read standard input: \(error)")
        }
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
