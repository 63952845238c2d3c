import Foundation


/// The process's environment variables, read one at a time.
public enum ProcessEnvironment {
    /// The value of the variable `name`, nil when it is unset.
    ///
    /// `ProcessInfo.environment` copies every variable into a dictionary first: about 0.4 M
    /// instructions each time (callgrind), which a one-shot `kb search` paid twice.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
