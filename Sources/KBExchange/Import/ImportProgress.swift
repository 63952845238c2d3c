/// Where an import stands, for a progress bar.
public struct ImportProgress: Sendable {
    /// Input files finished.
    public var filesDone: Int
    /// Input files to read; nil while they are still being found.
    public var filesTotal: Int?
    /// Articles written so far.
    public var articles: Int
    /// Seconds since the import started.
    public var elapsed: Double
}
