import Glibc

/// Where the wall time of one whole command goes: when the environment variable
/// `KB_STAGE_TIMES` is set, each stage a command passes writes a line to standard error,
/// `kb-stage <label> <nanoseconds>`, the time read from the monotonic clock. That clock is the
/// one other processes read too (Python's `time.monotonic_ns`), so a script that starts kb can
/// also tell how long the process took to reach its first stage and to end after its last
/// (`Scripts/profile-stages`). Unset, a stage costs a flag's check.
///
/// Callgrind counts instructions; this shows what instructions do not: starting the process,
/// the store's pages read, page faults, caches cold after another program ran.
package enum StageTimes {
    /// The variable that turns the lines on.
    package static let variable = "KB_STAGE_TIMES"

    /// Whether the lines are written, read from the environment once.
    package static let isOn = getenv(variable) != nil

    /// Marks the end of the stage `label` (one word, such as "statistics").
    @inline(__always)
    package static func mark(_ label: StaticString) {
        if isOn { write(label) }
    }

    private static func write(_ label: StaticString) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let line = line(label: "\(label)", nanoseconds: Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
        // One write of the whole line, so that lines of concurrent stages do not interleave.
        _ = Array(line.utf8).withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    /// The line written for a stage.
    package static func line(label: String, nanoseconds: Int64) -> String {
        "kb-stage \(label) \(nanoseconds)\n"
    }
}
