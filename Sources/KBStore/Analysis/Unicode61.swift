import Foundation
import GRDBSQLite
import Synchronization


/// SQLite's `unicode61 remove_diacritics 2` tokenizer, called directly: the same code that
/// builds the full-text indexes, so search tokens cannot disagree with indexed ones. Its
/// case folding and diacritic tables are SQLite's own and differ from Foundation's (ß stays
/// ß, ﬁ stays ﬁ, dotless ı stays ı).
///
/// Reached through SQLite's C interface on an in-memory connection of its own, not through
/// GRDB: a GRDB connection's set-up (its functions, collations, authorizer and schema check)
/// cost 0.44 M instructions (callgrind), and a search meets non-ASCII text, and so this
/// tokenizer, in most docs-as-code articles it shows.
final class Unicode61: Sendable {
    static let shared = Unicode61()

    /// The tokenizer and the connection that owns its FTS5 module. It folds into a buffer of
    /// its own: one caller at a time, which the mutex ensures.
    private struct Handle {
        let connection: OpaquePointer
        let module: fts5_tokenizer
        let tokenizer: OpaquePointer
    }

    private let handle: Mutex<Handle>

    private init() {
        guard let handle = Self.open() else {
            // Only a SQLite built without FTS5 fails here, and the store itself needs FTS5.
            fatalError("SQLite's unicode61 tokenizer is not available")
        }
        self.handle = Mutex(handle)
    }

    /// An in-memory connection's FTS5 API (`SELECT fts5(?)` hands it out), its unicode61
    /// module and a tokenizer of it that removes diacritics.
    private static func open() -> Handle? {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let connection else { return nil }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(connection, "SELECT fts5(?)", -1, 0, &statement, nil) == SQLITE_OK else { return nil }
        defer { sqlite3_finalize(statement) }
        var api: UnsafePointer<fts5_api>?
        let type: StaticString = "fts5_api_ptr"
        withUnsafeMutablePointer(to: &api) { api in
            type.utf8Start.withMemoryRebound(to: CChar.self, capacity: type.utf8CodeUnitCount) { type in
                _ = sqlite3_bind_pointer(statement, 1, api, type, nil)
                _ = sqlite3_step(statement)
            }
        }
        var module = fts5_tokenizer()
        var moduleData: UnsafeMutableRawPointer?
        guard let api, let find = api.pointee.xFindTokenizer,
              find(UnsafeMutablePointer(mutating: api), "unicode61", &moduleData, &module) == SQLITE_OK,
              let create = module.xCreate
        else { return nil }
        var tokenizer: OpaquePointer?
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("remove_diacritics"), strdup("2")]
        defer { arguments.forEach { free($0) } }
        var argv: [UnsafePointer<CChar>?] = arguments.map { $0.map { UnsafePointer($0) } }
        guard create(moduleData, &argv, Int32(argv.count), &tokenizer) == SQLITE_OK, let tokenizer else { return nil }
        return Handle(connection: connection, module: module, tokenizer: tokenizer)
    }

    private final class Collected {
        var tokens: [Tokenizer.Token] = []
    }

    func tokens(_ text: String) -> [Tokenizer.Token] {
        handle.withLock { handle -> [Tokenizer.Token] in
            let collected = Collected()
            var text = text
            text.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { chars in
                    _ = handle.module.xTokenize?(
                        handle.tokenizer, Unmanaged.passUnretained(collected).toOpaque(), FTS5_TOKENIZE_DOCUMENT,
                        chars.baseAddress, Int32(chars.count)
                    ) { context, _, token, length, start, end in
                        guard let context, let token else { return SQLITE_OK }
                        let collected = Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue()
                        let bytes = UnsafeRawBufferPointer(start: token, count: Int(length))
                        collected.tokens.append(Tokenizer.Token(
                            text: String(decoding: bytes, as: UTF8.self), range: Int(start)..<Int(end)))
                        return SQLITE_OK
                    }
                }
            }
            return collected.tokens
        }
    }
}
