import ArgumentParser
import KBKit
import KBServer
import Logging


struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search page and a JSON API over the store.",
        discussion: """
            Listens on 127.0.0.1 by default: give --host 0.0.0.0 to open it to the network. \
            GET /api/search?q=…&limit=&product=&version=&keyword=&since=&kb=, GET /api/articles/ID, \
            GET /api/stats; POST /api/import[?name=kb/path/article.md] only with --import-token \
            (sent as a bearer token). Pastes up to 1 MiB; searches pass a gate (503 with \
            Retry-After when it stays full) and give up after 10 s. Access log on standard \
            error; SIGINT or SIGTERM stops it within seconds, searches under way included.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("Accept POST /api/import with 'Authorization: Bearer TOKEN'.", valueName: "token"))
    var importToken: String?

    @Option(help: "Searches whose results are kept for repeated pastes while the store is unchanged (0: none).")
    var cacheEntries = 1024

    func validate() throws {
        guard cacheEntries >= 0 else { throw ValidationError("--cache-entries cannot be negative") }
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
        if let importToken, importToken.count < 12 {
            throw ValidationError("--import-token must be at least 12 characters")
        }
    }

    func run() async throws {
        // The access log goes through a bounded buffer: a standard error nobody reads must
        // not stall requests (lines are dropped and counted instead).
        let logBuffer = LogBuffer.standardError()
        LoggingSystem.bootstrap { label in BufferedLogHandler(label: label, buffer: logBuffer) }
        var logger = Logger(label: "kb")
        logger.logLevel = .info
        let articles = try KB.report { try store.open(.readOnly, memoryMapped: true) }
        var configuration = KBServer.Configuration(host: host, port: port, importToken: importToken)
        configuration.cacheEntries = cacheEntries
        let server = KBServer(store: articles, configuration: configuration)
        logger.info("serving \(store.resolvedPath) on http://\(host):\(port)/")
        try await server.run(logger: logger)
    }
}
