
/// What one `kb import` did. The JSON keys are part of the command's contract.
public struct ImportSummary: Codable, Equatable, Sendable {
    /// A file that could not be imported.
    public struct Failure: Codable, Equatable, Sendable {
        /// The file.
        public var path: String
        /// Why, in words for a one-line message.
        public var reason: String

        /// A failure of the file at `path`.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Files (and standard input) read.
    public var scanned = 0
    /// Articles stored for the first time.
    public var new = 0
    /// Stored articles replaced by a newer or changed version.
    public var updated = 0
    /// Articles already stored as read (or kept over an older copy).
    public var unchanged = 0
    /// Files or records that could not be imported.
    public var failed = 0
    /// Why each failed.
    public var errors: [Failure] = []
    /// Files found in folders that are not articles, counted by reason (`SkipReason`'s words).
    public var skipped: [String: Int] = [:]

    /// An empty summary.
    public init() {}

    /// The summary in one line, as `kb import` prints it.
    public var line: String {
        let counts = "\(scanned) files: \(new) new, \(updated) updated, \(unchanged) unchanged, \(failed) failed"
        let total = skipped.values.reduce(0, +)
        guard total > 0 else { return counts }
        let reasons = skipped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }
        return counts + ", \(total) skipped (" + reasons.joined(separator: ", ") + ")"
    }
}
