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
