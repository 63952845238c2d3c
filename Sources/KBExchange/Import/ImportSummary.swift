import KBModel
import KBParsing
import KBStore
import KBSearch

/// What one `kb import` did. The JSON keys are part of the command's contract.
public struct ImportSummary: Codable, Equatable, Sendable {
    public struct Failure: Codable, Equatable, Sendable {
        public var path: String
        public var reason: String
    }

    /// Files (and standard input) read.
    public var scanned = 0
    public var new = 0
    public var updated = 0
    public var unchanged = 0
    public var failed = 0
    public var errors: [Failure] = []

    public init() {}

    public var line: String {
        "\(scanned) files: \(new) new, \(updated) updated, \(unchanged) unchanged, \(failed) failed"
    }
}

/// Where an import stands, for a progress bar.
public struct ImportProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var articles: Int
    public var elapsed: Double
}
