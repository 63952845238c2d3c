import KBModel

/// The JSON every error answer of the API carries: `{"error": "…"}`, written by the one JSON
/// writer (control characters escaped).
public enum ErrorJSON {
    /// `{"error": message}` and a line feed.
    public static func render(_ message: String) -> String {
        var writer = JSONWriter()
        writer.open("{")
        writer.key("error")
        writer.string(message)
        writer.close("}")
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }
}
