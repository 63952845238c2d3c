import Foundation
import KBKit
import KBServer
import Logging

/// The server process of `kb serve`. The `kb` executable reads and checks the command line,
/// then runs this one in its place (the same process), so that `kb` itself links none of
/// the server's libraries: each of their protocol conformances made every first type check
/// of a search in `kb` slower (the Swift runtime scans all of them), and their code made
/// the executable larger to load.
///
/// Arguments, as `kb serve` passes them: the store's path, the host, the port and the number
/// of cache entries; the import token, if any, in the environment variable named by
/// `ProcessEnvironment.serveImportToken` (so that it is not in the process list once the
/// server runs).
@main
enum KBServe {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count == 4, let port = Int(arguments[2]), let cacheEntries = Int(arguments[3]) else {
            fail("kb-serve is started by 'kb serve': run 'kb serve --help'", status: 2)
        }
        let (path, host) = (arguments[0], arguments[1])
        let token = ProcessEnvironment.value(ProcessEnvironment.serveImportToken)
        unsetenv(ProcessEnvironment.serveImportToken)

        // The access log goes through a bounded buffer: a standard error nobody reads must
        // not stall requests (lines are dropped and counted instead).
        let logBuffer = LogBuffer.standardError()
        LoggingSystem.bootstrap { label in BufferedLogHandler(label: label, buffer: logBuffer) }
        var logger = Logger(label: "kb")
        logger.logLevel = .info
        let articles: ArticleStore
        do {
            articles = try ArticleStore(path: path, access: .readOnly, lifetime: .longLived)
        } catch {
            fail(error.description, status: 1)
        }
        var configuration = KBServer.Configuration(host: host, port: port, importToken: token)
        configuration.cacheEntries = cacheEntries
        let server = KBServer(store: articles, configuration: configuration)
        logger.info("serving \(path) on http://\(host):\(port)/")
        do {
            try await server.run(logger: logger)
        } catch {
            fail("\(error)", status: 1)
        }
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        StandardError.line(TerminalText("kb: " + message))
        exit(status)
    }
}
