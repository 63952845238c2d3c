/// When a search must give up: a server bounds each request's time with one, so that a
/// costly paste cannot hold a thread (or a shutdown) for long. The engine checks it between
/// its steps.
public struct SearchDeadline: Sendable {
    /// The instant after which the search stops.
    public var instant: ContinuousClock.Instant
    /// Ends the search sooner when it returns true (a server that is stopping).
    public var cancelled: (@Sendable () -> Bool)?

    /// A deadline `duration` from now, or sooner when `cancelled` says so.
    public init(after duration: Duration, cancelled: (@Sendable () -> Bool)? = nil) {
        instant = .now + duration
        self.cancelled = cancelled
    }

    /// True once the deadline has passed or the search is cancelled.
    public var hasPassed: Bool { ContinuousClock.now >= instant || cancelled?() == true }

    /// The reason of the error a search past its deadline throws.
    public static let reason = "the search took longer than its deadline"
}
