import KBModel

/// A list of values bound to one `?` as a JSON array and read back with `json_each`:
/// `x IN (SELECT value FROM json_each(?))`. The statement's text then does not depend on the
/// list's length, so that it is prepared once per connection and cached; a search asks for
/// lists of every length, and preparing each one anew was a twentieth of its time.
enum SQLList {
    /// The subquery that reads the list back, for `x IN (…)`.
    static let values = "SELECT value FROM json_each(?)"

    /// Row ids as a JSON array.
    static func json(_ rowids: some Sequence<Int64>) -> String {
        "[" + rowids.map(String.init).joined(by: ",") + "]"
    }

    /// Strings as a JSON array.
    static func json(_ strings: some Sequence<String>) -> String {
        var writer = JSONWriter()
        writer.strings(Array(strings))
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
