import Testing
@testable import KBSearch
@testable import KBStore

/// The message inside log formats no rule names: found by the shape of what surrounds it.
@Suite struct PasteFormatTests {
    @Test(arguments: [
        // JSON log lines: the value made of words, whatever its key.
        (#"{"ts":"2026-03-02T17:45:10Z","level":"error","@message":"The specified path is invalid","trace_id":"4b425b20"}"#,
         "The specified path is invalid"),
        // key=value (logfmt), quoted and unquoted, and journald's one-field lines.
        (#"time=2026-03-02T17:45:10Z level=error pid=12 msg="Access denied for user""#, "Access denied for user"),
        ("time=2026-03-02T17:45:10Z level=info pid=12 Opened database orders", "Opened database orders"),
        ("    MESSAGE=Failed to start the print spooler", "Failed to start the print spooler"),
        // Exception type names before the message.
        ("java.io.IOException: The network name cannot be found", "The network name cannot be found"),
        ("Unhandled exception. System.IO.IOException: The device is not ready", "The device is not ready"),
        // A PowerShell error record's command name.
        ("Start-Service : Service 'Spooler' cannot be started", "Service 'Spooler' cannot be started"),
        // A Windows-style time with its half of the day, with or without a thread tag.
        ("8/24/2026 3:19:38 PM [0662] Not enough memory", "Not enough memory"),
        ("8/24/2026 3:19:38 PM Not enough memory", "Not enough memory"),
    ])
    func theMessageIsWhatRemains(line: String, message: String) {
        #expect(LogNoise.stripLine(line) == message)
    }

    @Test(arguments: [
        "\tat com.contoso.orders.Worker.run(Worker.java:42)",
        "   at Contoso.Sync.Runner.Load(String path) in C:\\src\\Sync\\Runner.cs:line 57",
        "At C:\\scripts\\deploy.ps1:14 char:5",
        "\t... 12 more",
    ])
    func stackFramesSayWhereNotWhat(line: String) {
        #expect(LogNoise.stripLine(line) == "")
    }

    /// Lines are told frames or not by their first bytes before they are cut into words: the
    /// same as cutting every line, on random lines of frame-like pieces, spaces, tabs and
    /// combining marks.
    @Test func aFrameIsToldByItsFirstWordsWhateverLeadsThem() {
        func cutIntoWords(_ line: String) -> Bool {
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).flatMap { $0.split(separator: "\t") }
            guard words.count >= 2 else { return false }
            if words[0] == "...", words[1].allSatisfy(\.isNumber) { return true }
            guard words[0] == "at" || words[0] == "At" else { return false }
            return words[1].contains(".") && (words[1].contains("(") || words[1].contains(":"))
        }
        let pieces = ["at", "At", "AT", "...", "..", " ", "  ", "\t", "\u{301}", "12", "a.b(c)", "x.y:3", "é", "more", "at."]
        var generator = SeededGenerator(seed: 11)
        var frames = 0
        for _ in 0..<3000 {
            // Mostly lines that start as frames do, and all sorts after.
            let start = ["", " ", "\t", "  \t", "\u{301}"].randomElement(using: &generator)! + ["at", "At", "...", "AT"].randomElement(using: &generator)!
                + [" ", "\t", "\u{301} ", "", "\t\t"].randomElement(using: &generator)!
            let line = start + (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(LogNoise.isStackFrame(line) == cutIntoWords(line), "\(line.debugDescription)")
            if cutIntoWords(line) { frames += 1 }
        }
        #expect(frames > 100)
    }

    @Test func identifiersAreBlankedWordsAreKept() {
        let line = "Request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 from 10.0.0.5:443 at 0x00007ffd1234abcd failed"
        #expect(Tokenizer.words(LogNoise.stripLine(line)) == ["request", "from", "at", "failed"])
        // A 32-bit code is a code, not an address.
        #expect(Tokenizer.words(LogNoise.stripLine("failed with 0x80004005")) == ["failed", "with", "0x80004005"])
    }

    @Test func proseWithAnEqualsSignIsNoRecord() {
        #expect(LogNoise.stripLine("Set the value a=b and restart") == "Set the value a=b and restart")
    }

    @Test func linesKeepTheirNumbersInThePaste() {
        let query = AnalyzedQuery("2026-03-02 INFO started\n\n\tat com.acme.Worker.run(Worker.java:42)\nERROR: Access denied")
        #expect(query.lines.map(\.number) == [1, 4])
        #expect(query.lines.last?.text == "Access denied")
        #expect(query.lines.last?.original == "ERROR: Access denied")
    }
}
