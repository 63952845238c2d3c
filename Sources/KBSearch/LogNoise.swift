import KBModel

/// Removes what surrounds an error message in a pasted log or ticket line: prefixes of
/// timestamps, severities, host and process names, thread tags and ticket ids; an exception's
/// type name or a command's name before the message; stack frames (whole lines); the
/// identifiers of a JSON or `key=value` record (`StructuredLine`); GUIDs and addresses
/// (`TokenShapes`). What remains is the part of each line that can be the message itself.
///
/// Only shapes that are never words of a message are removed: a paste without such noise
/// goes through unchanged.
package enum LogNoise {
    static let severities: Set<String> = [
        "trace", "debug", "info", "information", "notice", "warn", "warning", "error", "err", "fatal",
        "critical", "crit", "severe", "alert", "emerg", "emergency", "fail", "failure",
    ]

    private static let months: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    static func stripLine(_ line: String) -> String {
        if isStackFrame(line) { return "" }
        var rest = StructuredLine.message(line[...]).map { Substring($0) } ?? Substring(line)
        // A ticket or chat prefix that quotes the message after an arrow: "... sees this popup -> MSG".
        // Each arrow holds a ">": most lines have none, and are not searched for them.
        if rest.utf8.contains(UInt8(ascii: ">")) {
            for arrow in [" -> ", " => ", " --> "] {
                if let r = rest.lastRange(ofASCII: arrow) { rest = rest[r.upperBound...] }
            }
        }
        var changed = true
        var strippedAny = false
        var lastStripped: Substring?
        while changed {
            changed = false
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard let word = rest.split(separator: " ", maxSplits: 1).first else { break }
            let bare = word.trimmingSuffix(":").asciiLowercased
            // A severity is noise when it is tagged ("error:", "[WARN]") or follows other noise.
            let severity = severities.contains(bare.trimmingBrackets)
                && (word.hasSuffix(":") || isBracketed(word) || (strippedAny && word.allSatisfy { !$0.isLowercase }))
            // "Mar  2 17:45:10": a month name and the day after it.
            let afterWord = rest.dropFirst(word.count).drop(while: { $0 == " " })
            if months.contains(bare), let day = afterWord.split(separator: " ", maxSplits: 1).first,
               day.count <= 2, day.allSatisfy(\.isNumber) {
                rest = afterWord.dropFirst(day.count)
                changed = true
                strippedAny = true
                continue
            }
            // "3:19:38 PM": the half of the day after a time is the time's.
            let meridiem = strippedAny && (bare == "am" || bare == "pm") && lastStripped.map(isTimestampPiece) == true
            if isTimestampPiece(word) || meridiem || isBracketed(word) || isProcessTag(word) || isTicketID(word) || severity
                || isHostBeforeProcess(word, rest: rest) || isSourceLocation(word) {
                rest = rest.dropFirst(word.count)
                changed = true
                strippedAny = true
                lastStripped = word
            }
        }
        if let message = StructuredLine.message(rest) { rest = Substring(message) }
        rest = afterTypeName(rest)
        return String(TokenShapes.blankingIdentifiers(rest))
    }

    /// "\tat com.contoso.Worker.run(Worker.java:42)", "   at Contoso.Runner.Load(String path) in
    /// C:\\src\\Runner.cs:line 57", "At C:\\scripts\\deploy.ps1:14 char:5", "... 12 more": where
    /// the code was, never what went wrong.
    static func isStackFrame(_ line: String) -> Bool {
        guard mayBeStackFrame(line) else { return false }
        let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            .flatMap { $0.split(separator: "\t") }
        guard words.count >= 2 else { return false }
        if words[0] == "...", words[1].allSatisfy(\.isNumber) { return true }
        guard words[0] == "at" || words[0] == "At" else { return false }
        let place = words[1]
        return place.contains(".") && (place.contains("(") || place.contains(":"))
    }

    /// Whether the line's first word, after spaces and tabs, is "at", "At" or "..." and more
    /// follows it: what every stack frame starts with, told by the first bytes (splitting the
    /// line into words cost some 50,000 instructions a line, most lines being no frame).
    private static func mayBeStackFrame(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
            let rest = bytes[start...]
            for word in ["at", "At", "..."] where rest.starts(with: word.utf8) {
                let after = start + word.utf8.count
                if after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 { return true }
            }
            return false
        }
    }

    /// The text after a qualified type name that introduces the message, within the first
    /// words: "java.io.IOException: …", "Unhandled exception. System.IO.IOException: …",
    /// "Start-Service : …" (a command name before a lone colon).
    static func afterTypeName(_ line: Substring) -> Substring {
        let words = line.split(separator: " ", maxSplits: 6)
        for (index, word) in words.prefix(6).enumerated() {
            let isType = word.hasSuffix(":") && isQualifiedName(word.dropLast())
            let isCommand = index == 0 && words.count > 2 && words[1] == ":" && word.contains("-")
                && word.allSatisfy { $0.isLetter || $0 == "-" }
            if isType || isCommand {
                let end = isCommand ? words[1].endIndex : word.endIndex
                return line[end...].drop(while: { $0 == " " })
            }
        }
        return line
    }

    /// "java.io.IOException", "System.ComponentModel.Win32Exception", "com.acme.SyncError":
    /// dotted identifiers, at least three parts or ending in an exception's or error's name.
    private static func isQualifiedName(_ word: Substring) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) else {
            return false
        }
        let last = parts.last!
        return parts.count >= 3 || last.hasSuffix("Exception") || last.hasSuffix("Error")
    }

    /// "2026-03-02", "17:45:10,118", "2026-03-02T17:45:10Z", "06/12/95".
    private static func isTimestampPiece(_ word: Substring) -> Bool {
        let w = word.trimmingSuffix(":").trimmingSuffix(",")
        guard let first = w.first, first.isNumber else { return false }
        let digits = w.filter(\.isNumber).count
        let allowed = w.allSatisfy { $0.isNumber || "-:.,/TZ+".contains($0) }
        if !allowed { return false }
        // Digits alone are a number of the message; a date or time has separators.
        return digits >= 4 && w.contains(where: { "-:/".contains($0) })
    }

    /// Where a compiler or a script says the error is: "C:\\src\\main.cpp(42,17):",
    /// "main.c:42:17:", "/app/run.py:12:" — a file path with a line (and column) number.
    private static func isSourceLocation(_ word: Substring) -> Bool {
        guard word.hasSuffix(":"), word.contains(where: { $0 == "." }) else { return false }
        let w = word.dropLast()
        if w.hasSuffix(")"), let open = w.lastIndex(of: "(") {
            let inside = w[w.index(after: open)..<w.index(before: w.endIndex)]
            return open > w.startIndex && !inside.isEmpty && inside.allSatisfy { $0.isNumber || $0 == "," }
        }
        let parts = w.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return false }
        let file = parts.prefix(while: { !($0.allSatisfy(\.isNumber) && !$0.isEmpty) }).joined(separator: ":")
        return file.contains(".") && (file.contains("/") || file.contains("\\") || file.split(separator: ".").count == 2)
    }

    /// "[worker-3]", "(1234)", "<12>".
    private static func isBracketed(_ word: Substring) -> Bool {
        guard let f = word.first, let l = word.trimmingSuffix(":").last else { return false }
        return (f == "[" && l == "]") || (f == "(" && l == ")") || (f == "<" && l == ">" && word.count <= 6)
    }

    /// "app[2231]:", "sshd[99]:".
    private static func isProcessTag(_ word: Substring) -> Bool {
        guard word.hasSuffix("]:") || word.hasSuffix("]"), let open = word.firstIndex(of: "[") else { return false }
        return word[word.index(after: open)...].dropLast(word.hasSuffix(":") ? 2 : 1).allSatisfy(\.isNumber)
    }

    /// "#12345", "INC0012345:", "TICKET-881".
    private static func isTicketID(_ word: Substring) -> Bool {
        let w = word.trimmingSuffix(":")
        if w.hasPrefix("#"), w.count > 1, w.dropFirst().allSatisfy(\.isNumber) { return true }
        let letters = w.prefix(while: \.isLetter)
        let tail = w.dropFirst(letters.count).drop(while: { $0 == "-" })
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase) && tail.count >= 3 && tail.allSatisfy(\.isNumber)
    }

    /// A host name directly before a process tag: "host12 app[2231]:".
    private static func isHostBeforeProcess(_ word: Substring, rest: Substring) -> Bool {
        let next = rest.dropFirst(word.count).drop(while: { $0 == " " }).split(separator: " ", maxSplits: 1).first
        return next.map(isProcessTag) ?? false
    }
}

extension Substring {
    func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self
    }
}

extension String {
    var trimmingBrackets: String {
        // Indices, not lazy reversed views: each of those generic types costs a process a
        // runtime lookup the first time (a fifth of a millisecond or so together).
        var start = startIndex, end = endIndex
        while start < end, "[(<".contains(self[start]) { formIndex(after: &start) }
        while end > start, "])>".contains(self[index(before: end)]) { formIndex(before: &end) }
        return String(self[start..<end])
    }
}
