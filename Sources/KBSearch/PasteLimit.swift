/// The longest paste a search reads: one definition for the command line and the server.
///
/// A search costs time linear in the paste's length (each stage reads the paste a bounded
/// number of times, and no word is corrected or split once it is longer than any word of
/// the index), so this limit bounds a search's time and memory. A megabyte is thousands of
/// log lines: the part around an error, not a whole day's log.
public enum PasteLimit {
    /// The most bytes of UTF-8 a paste may hold.
    public static let bytes = 1 << 20

    /// Why a paste of `byteCount` bytes is refused, or nil when it is within the limit.
    public static func refusal(byteCount: Int) -> String? {
        guard byteCount > bytes else { return nil }
        return "the paste is longer than \(bytes >> 20) MiB (the longest kb searches): paste the part of the log around the error"
    }
}
