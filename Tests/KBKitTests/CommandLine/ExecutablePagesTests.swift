import Foundation
import Testing

/// Before main, a kb process asks the kernel to read its executable file in huge folios
/// (Sources/CExecutablePages): every mapping of the file carries the `hg` flag (MADV_HUGEPAGE).
@Suite struct ExecutablePagesTests {
    /// The kernel's flags of each mapping of `file` in a process's smaps, one list per mapping.
    static func mappingFlags(of file: String, in smaps: String) -> [[Substring]] {
        var flags: [[Substring]] = []
        var inFile = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), range.first?.isHexDigit == true {
                inFile = fields.last.map(String.init) == file
            } else if inFile, fields.first == "VmFlags:" {
                flags.append(Array(fields.dropFirst()))
            }
        }
        return flags
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/smaps"), "needs Linux's /proc"))
    func everyMappingOfTheExecutableFileAsksForHugeFolios() throws {
        let kb = CommandRunner.executable.resolvingSymlinksInPath().path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kb)
        // No paste in the arguments: kb waits for one on standard input, held open here.
        process.arguments = ["search", "--db", "/nonexistent/kb-test.sqlite"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        // The flags are set before main; the process is past them once it waits for its paste:
        // asleep at three looks in a row, 20 ms apart.
        let proc = "/proc/\(process.processIdentifier)"
        var asleep = 0
        for _ in 0..<250 where asleep < 3 {
            usleep(20_000)
            let stat = (try? String(contentsOfFile: "\(proc)/stat", encoding: .utf8)) ?? ""
            // The state follows the command's name, which is in parentheses.
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            asleep = state == "S" ? asleep + 1 : 0
        }
        #expect(asleep == 3, "kb never waited for its paste")
        let smaps = (try? String(contentsOfFile: "\(proc)/smaps", encoding: .utf8)) ?? ""
        let flags = Self.mappingFlags(of: kb, in: smaps)
        #expect(flags.count >= 2, "kb's file mappings: \(flags.count)")
        for mapping in flags {
            #expect(mapping.contains("hg"), "a mapping of \(kb) without hg: \(mapping.joined(separator: " "))")
        }
    }

    @Test func flagsAreReadFromTheMappingsOfTheFileOnly() {
        let smaps = """
            00200000-00400000 r--p 00000000 fe:00 12 /usr/bin/kb
            Rss:                 8 kB
            VmFlags: rd mr mw me hg
            00400000-00500000 rw-p 00000000 00:00 0
            VmFlags: rd wr mr mw me ac
            00600000-00700000 r-xp 00200000 fe:00 12 /usr/bin/kb
            VmFlags: rd ex mr mw me
            """
        #expect(ExecutablePagesTests.mappingFlags(of: "/usr/bin/kb", in: smaps) == [
            ["rd", "mr", "mw", "me", "hg"], ["rd", "ex", "mr", "mw", "me"],
        ])
    }
}
