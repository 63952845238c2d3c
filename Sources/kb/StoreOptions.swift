import ArgumentParser
import KBKit


/// `--db FILE`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The store file. Default: $KB_DB, else $XDG_DATA_HOME/kb/kb.sqlite (~/.local/share/kb/kb.sqlite).",
        valueName: "file"))
    var path: String?

    var resolvedPath: String { StoreLocation.resolve(option: path) }

    func open(_ access: ArticleStore.Access, lifetime: ArticleStore.Lifetime = .oneShot) throws -> ArticleStore {
        try Self.open(path: path, access, lifetime: lifetime)
    }

    /// Opens the store at `path` (`--db`), else at the default location.
    static func open(path: String?, _ access: ArticleStore.Access, lifetime: ArticleStore.Lifetime = .oneShot) throws -> ArticleStore {
        do {
            return try ArticleStore(path: StoreLocation.resolve(option: path), access: access, lifetime: lifetime)
        } catch {
            throw Failure(error.description)
        }
    }
}

/// An error that ends a command with a one-line message on standard error and exit status 1.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension KB {
    /// Runs a command body, turning failures into one line on standard error.
    static func report<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            StandardError.line("kb: \(error.description)")
            throw ExitCode(1)
        } catch let error as Failure {
            StandardError.line("kb: \(error.description)")
            throw ExitCode(1)
        }
    }
}
