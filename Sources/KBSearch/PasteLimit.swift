/// What a paste must be to be searched, defined once for the command line and the server: no
/// longer than the limit, and not empty.
///
/// A search costs time linear in the paste's length (each stage reads the paste a bounded
/// number of times, and no word is corrected or split once it is longer than any word of
/// the index), so this limit bounds a search's time and memory. A megabyte is thousands of
/// log lines: the part around an error, not a whole day's log.
public enum PasteLimit {
    /// The most bytes of UTF-8 a paste may hold.
    public static let bytes = 1 << 20

    /// True when `paste` holds nothing to search for: no letter or digit (spaces and
    /// punctuation alone). The command says so and exits 2; the API answers 400; the page
    /// shows the form alone.
    public static func isEmpty(_ paste: String) -> Bool {
        !paste.contains { $0.isLetter || $0.isNumber }
    }

    /// Why a paste of `byteCount` bytes is refused, or nil when it is within the limit.
    public static func refusal(byteCount: Int) -> String? {
        guard byteCount > bytes else { return nil }
        return "the paste is longer than \(bytes >> 20) MiB (the longest kb searches): paste the part of the log around the error"
    }
}
