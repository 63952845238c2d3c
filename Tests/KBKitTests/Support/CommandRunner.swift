import Foundation

/// Runs the built `kb` executable, as a user would.
struct CommandRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `kb` binary beside the test bundle (both are build products of one build).
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("kb").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("kb")
    }()

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Output {
        try runTool(executable.path, arguments, stdin: stdin, environment: environment)
    }

    /// Runs any program, e.g. one of the project's scripts.
    static func runTool(
        _ path: String, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Both pipes are read at once, before waiting: a full pipe, either one, would block the child.
        // (A thread of its own, not a task: the caller blocks, and may be on the task pool.)
        let stderrRead = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var stderrData = Data()
        let reader = Thread {
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            stderrRead.signal()
        }
        reader.start()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        stderrRead.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

