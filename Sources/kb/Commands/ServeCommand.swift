import ArgumentParser
import Foundation
import KBKit


struct ServeCommand: ParsableCommand {
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

    /// Runs the server executable, `kb-serve` beside this one, in this process's place (see
    /// Sources/kb-serve): the token goes in its environment, not on its command line.
    func run() throws {
        try KB.report {
            guard let folder = Bundle.main.executableURL?.deletingLastPathComponent() else {
                throw Failure("cannot start the server: this executable's folder is unknown")
            }
            let server = folder.appendingPathComponent("kb-serve").path
            let tokenVariable = ProcessEnvironment.serveImportToken
            if let importToken { setenv(tokenVariable, importToken, 1) } else { unsetenv(tokenVariable) }
            let arguments = [server, store.resolvedPath, host, String(port), String(cacheEntries)]
            var argv = arguments.map { strdup($0) } + [nil]
            execv(server, &argv)
            throw Failure("cannot start the server \(server): \(String(cString: strerror(errno)))")
        }
    }
}
