/// When a search must give up: a server bounds each request's time with one, so that a
/// costly paste cannot hold a thread (or a shutdown) for long. The engine checks it between
/// its steps.
public struct SearchDeadline: Sendable {
    /// The instant after which the search stops.
    public var instant: ContinuousClock.Instant

    /// A deadline `duration` from now.
    public init(after duration: Duration) { instant = .now + duration }

    /// True once the deadline has passed.
    public var hasPassed: Bool { ContinuousClock.now >= instant }

    /// The reason of the error a search past its deadline throws.
    public static let reason = "the search took longer than its deadline"
}
