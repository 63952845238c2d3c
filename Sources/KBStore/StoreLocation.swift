import Foundation
import KBModel


/// Where the store lives: `--db FILE`, else `$KB_DB`, else `$XDG_DATA_HOME/kb/kb.sqlite`
/// (by default `~/.local/share/kb/kb.sqlite`).
package enum StoreLocation {
    /// The store's path for a `--db` value (nil or empty when not given) in an environment
    /// (a variable's value by name).
    package static func resolve(option: String?, environment: (String) -> String? = ProcessEnvironment.value) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment("KB_DB"), !env.isEmpty { return env }
        let dataHome = environment("XDG_DATA_HOME").flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment("HOME") ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/kb/kb.sqlite"
    }
}
