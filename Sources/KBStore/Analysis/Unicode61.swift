import Foundation
import GRDB
import Synchronization


/// SQLite's `unicode61 remove_diacritics 2` tokenizer, called directly: the same code that
/// builds the full-text indexes, so search tokens cannot disagree with indexed ones. Its
/// case folding and diacritic tables are SQLite's own and differ from Foundation's (ß stays
/// ß, ﬁ stays ﬁ, dotless ı stays ı).
final class Unicode61: Sendable {
    static let shared = Unicode61()

    /// The tokenizer and the in-memory connection that owns its FTS5 module. It folds into a
    /// buffer of its own: one caller at a time, which the mutex ensures (GRDB's handles are
    /// not `Sendable`; held inside the mutex, they are reached only under it).
    private struct Handle {
        let database: DatabaseQueue
        let tokenizer: any FTS5Tokenizer
    }

    private let handle: Mutex<Handle>

    private init() {
        do {
            let database = try DatabaseQueue()
            let tokenizer = try database.inDatabase { db in try db.makeTokenizer(.unicode61(diacritics: .remove)) }
            handle = Mutex(Handle(database: database, tokenizer: tokenizer))
        } catch {
            // Only a SQLite built without FTS5 fails here, and the store itself needs FTS5.
            fatalError("SQLite's unicode61 tokenizer is not available: \(error)")
        }
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
                    _ = handle.tokenizer.tokenize(
                        context: Unmanaged.passUnretained(collected).toOpaque(), tokenization: .document,
                        pText: chars.baseAddress, nText: CInt(chars.count),
                        tokenCallback: { context, _, token, length, start, end in
                            guard let context, let token else { return 0 /* SQLITE_OK */ }
                            let collected = Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue()
                            let bytes = UnsafeRawBufferPointer(start: token, count: Int(length))
                            collected.tokens.append(Tokenizer.Token(
                                text: String(decoding: bytes, as: UTF8.self), range: Int(start)..<Int(end)))
                            return 0 /* SQLITE_OK */
                        })
                }
            }
            return collected.tokens
        }
    }
}
