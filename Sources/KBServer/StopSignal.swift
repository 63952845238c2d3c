import ServiceLifecycle
import Synchronization


/// Raised when the server is asked to stop (SIGTERM, SIGINT): searches under way give up at
/// their next step and waiting ones are refused, so the server stops within a second or two
/// even in the middle of costly searches, instead of finishing them all first.
final class StopSignal: Service, Sendable {
    private let raised = Mutex(false)

    /// True once the server is stopping.
    var isRaised: Bool { raised.withLock { $0 } }

    /// Waits for the service group's graceful shutdown, then raises the signal. The group
    /// shuts its services down last first: listed after the application, this one is told first.
    func run() async throws {
        try? await gracefulShutdown()
        raised.withLock { $0 = true }
    }
}
