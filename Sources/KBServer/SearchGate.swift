import Synchronization


/// At most `capacity` searches at once: a flood of costly pastes takes that many threads and
/// no more, and the other requests (a normal search among them) keep being served. A search
/// that finds the gate full waits up to `patience`, then is refused (503 with Retry-After).
final class SearchGate: Sendable {
    let capacity: Int
    let patience: Duration
    private let running = Mutex(0)

    init(capacity: Int, patience: Duration) {
        self.capacity = capacity
        self.patience = patience
    }

    /// Runs `body` once a place is free; nil when none was within `patience`.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T? {
        guard try await enter() else { return nil }
        defer { running.withLock { $0 -= 1 } }
        return try await body()
    }

    private func enter() async throws -> Bool {
        let giveUp = ContinuousClock.now + patience
        while true {
            if running.withLock({ count in
                guard count < capacity else { return false }
                count += 1
                return true
            }) { return true }
            guard ContinuousClock.now < giveUp else { return false }
            // Searches take milliseconds: polling this often costs nothing and keeps the gate simple.
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Searches running now.
    var count: Int { running.withLock { $0 } }
}
