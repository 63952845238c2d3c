import Foundation
import Testing
@testable import KBModel

/// `KB_STAGE_TIMES`: a whole `kb search` tells when it ends each stage, and only when asked.
@Suite struct StageTimesTests {
    static let paste = "Setup failed: unable to open registry key"

    static let store: TemporaryStore = {
        let store = try! TemporaryStore()
        try! store.importPaths([try! store.write("a.txt", """
            DOCUMENT:Q500011  01-JAN-2001  [x]
            TITLE   :Registry key cannot be opened during setup
            PRODUCT :Test Product

            SYMPTOMS
            ========

            When you run setup, you may receive the following error message:

               \(paste)

            """)])
        return store
    }()

    /// The stages of a one-line search, in the order a search passes them.
    static let stages = [
        "start", "command-line", "paste-read", "store-connected", "store-checked", "analysis", "statistics",
        "full-text", "candidate-rows", "candidate-marks", "re-ranking", "assembly", "printing",
    ]

    @Test func aSearchMarksEachStageInOrderOnStandardError() throws {
        let timed = try CommandRunner.run(["search", "--db", Self.store.path, Self.paste], environment: [StageTimes.variable: "1"])
        #expect(timed.status == 0)
        let marks = timed.stderr.split(separator: "\n").map { $0.split(separator: " ") }
        #expect(marks.allSatisfy { $0.count == 3 && $0[0] == "kb-stage" }, "\(timed.stderr)")
        #expect(marks.map { String($0[1]) } == Self.stages)
        let times = marks.compactMap { Int64($0[2]) }
        #expect(times.count == marks.count && times == times.sorted())
        // What the search prints is the same.
        let plain = try CommandRunner.run(["search", "--db", Self.store.path, Self.paste])
        #expect(timed.stdout == plain.stdout && plain.stdout.hasPrefix("1. Q500011"))
    }

    @Test func noStageIsMarkedUnlessAsked() throws {
        let plain = try CommandRunner.run(["search", "--db", Self.store.path, Self.paste])
        #expect(plain.status == 0)
        #expect(plain.stderr.isEmpty)
    }

    @Test func aMarkIsOneLineOfLabelAndNanoseconds() {
        #expect(StageTimes.line(label: "statistics", nanoseconds: 1_234_567_890_123) == "kb-stage statistics 1234567890123\n")
    }
}
