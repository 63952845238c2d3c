import KBModel

/// A list of values bound to one `?` as a JSON array and read back with `json_each`, as the
/// first table of a join (`table`) or, beside other conditions, in `x IN (…)` (`values`).
/// The statement's text then does not depend on the list's length, so that it is prepared
/// once per connection and cached; a search asks for lists of every length, and preparing
/// each one anew was a twentieth of its time.
enum SQLList {
    /// The subquery that reads the list back, for `x IN (…)`.
    static let values = "SELECT value FROM json_each(?)"

    /// The list as the first table of a join, `l`, for `FROM … JOIN t ON t.x = l.value`: each
    /// value is looked up as it is read, where `IN` first copies the list into a temporary
    /// index. A value the list repeats is looked up again.
    static let table = "json_each(?) l"

    /// Row ids as a JSON array, the digits written here: a string made of each id cost some
    /// thousand instructions, 70,000 for the candidates of one search.
    static func json(_ rowids: some Sequence<Int64>) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for rowid in rowids {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            if rowid < 0 { bytes.append(UInt8(ascii: "-")) }
            let start = bytes.count
            var rest = rowid.magnitude
            repeat {
                bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            bytes[start...].reverse()
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Strings as a JSON array.
    static func json(_ strings: some Sequence<String>) -> String {
        var writer = JSONWriter()
        writer.strings(Array(strings))
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
