import Foundation


/// The process's environment variables, read one at a time.
public enum ProcessEnvironment {
    /// The variable through which `kb serve` hands its import token to the server process it
    /// runs in its place (`kb-serve`), so that the token is not on a command line.
    public static let serveImportToken = "KB_SERVE_IMPORT_TOKEN"

    /// The value of the variable `name`, nil when it is unset.
    ///
    /// `ProcessInfo.environment` copies every variable into a dictionary first: about 0.4 M
    /// instructions each time (callgrind), which a one-shot `kb search` paid twice.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
