/// The size limits of what kb reads and writes, defined once: whatever an import accepts, an
/// export writes and an import reads back.
public enum ArticleLimits {
    /// The largest article file read; larger files are refused, never read in part.
    public static let fileBytes = 16 * 1024 * 1024

    /// The largest JSON record (one line of JSON Lines, one element of an array) read. An
    /// article's record can be several times its file (its text appears in sections and in
    /// section fields, and escapes lengthen it), so import refuses an article whose record
    /// would be larger than this: an export of it could not be imported again.
    public static let recordBytes = 64 * 1024 * 1024
}
