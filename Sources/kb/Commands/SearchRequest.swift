import ArgumentParser
import Foundation
import KBKit

/// One `kb search` as its command line asks it: read by ArgumentParser (`SearchCommand`), or,
/// for the plain command lines, by `SearchCommandLine` without building ArgumentParser's
/// command at all (its property wrappers cost a one-shot search 190,000 instructions).
struct SearchRequest: Equatable {
    /// `--db`, else the default store.
    var storePath: String?
    var filter = ArticleFilter()
    var limit = 10
    var json = false
    var explain = false
    /// The paste as arguments; empty to read standard input.
    var text: [String] = []

    /// Why no search can answer these options, or nil. ArgumentParser shows it as a usage
    /// error (`SearchCommand.validate`); `SearchCommandLine` leaves such a line to it.
    static func refusal(limit: Int, text: [String]) -> String? {
        guard limit > 0 else { return "--limit must be at least 1" }
        // A word such as "--limt" is a mistyped option, not part of an error message.
        let isLongOption = { (word: String) in
            word.hasPrefix("--") && word.count > 2 && word.dropFirst(2).allSatisfy { $0.isLetter || $0 == "-" }
        }
        if let option = text.first(where: isLongOption) { return "Unknown option '\(option)'" }
        return nil
    }

    func run() throws {
        let paste = try text.isEmpty ? readStandardInput() : text.joined(by: " ")
        if let refusal = PasteLimit.refusal(byteCount: paste.utf8.count) {
            StandardError.line("kb: \(refusal)")
            throw ExitCode(2)
        }
        StageTimes.mark("paste-read")
        guard !PasteLimit.isEmpty(paste) else {
            StandardError.line("kb: nothing to search for: paste an error message as arguments or on standard input")
            throw ExitCode(2)
        }
        let store = try KB.report { try StoreOptions.open(path: storePath, .readOnly) }
        let response = try KB.report {
            try SearchEngine(store: store).search(paste, options: .init(limit: limit, filter: filter))
        }
        var out = StandardOutput()
        if json {
            out.writeJSON(SearchJSON.render(response, explain: explain) + "\n")
        } else if response.results.isEmpty {
            out.write("No article matches.\n")
        } else {
            for result in response.results { out.write(SearchText.render(result, style: out.style, explain: explain)) }
        }
        out.flush()
        StageTimes.mark("printing")
        // The process ends here, and the store is left open for it to end: a reader has
        // nothing to write back, and the system closes its file. Closing it cost a search
        // a million instructions and two new threads (GRDB's queue, when released, removes
        // itself from Foundation's notification center). The results are left for the system
        // to reclaim with the rest of the process's memory, as a compiler's driver leaves its
        // syntax trees (clang's -disable-free): freeing them piece by piece cost a search
        // some 100,000 instructions.
        _ = Unmanaged.passRetained(store)
        _ = Unmanaged.passRetained(Unreleased(response))
    }

    private func readStandardInput() throws -> String {
        do {
            // One byte more than the limit tells a paste over it from one at it.
            return String(decoding: try ByteReader.standardInput().readAll(limit: PasteLimit.bytes + 1), as: UTF8.self)
        } catch where error.isTooLarge {
            StandardError.line("kb: \(PasteLimit.refusal(byteCount: PasteLimit.bytes + 1)!)")
            throw ExitCode(2)
        } catch {
            throw Failure("cannot read standard input: \(error)")
        }
    }
}

/// A value kept from being released: see the end of `SearchRequest.run`.
private final class Unreleased<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
