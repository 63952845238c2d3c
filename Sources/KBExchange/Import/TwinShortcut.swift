import Foundation
import KBStore
import Synchronization


/// Most articles of a dump exist in both layouts. The DOCUMENT copy wins a tie (see
/// `MergePolicy`), so once it is read, a markdown twin with the same or an older date needs
/// no parsing: only its path is recorded. To let that happen, an import reads markdown files
/// after the others; this type remembers what the first pass read.
final class TwinShortcut: Sendable {
    private let documents = Mutex<[String: String]>([:])  // id → lastModified ("" when none)

    func recordDocument(id: String, lastModified: String?) {
        let date = lastModified ?? ""
        documents.withLock { documents in
            if let known = documents[id], known >= date { return }
            documents[id] = date
        }
    }

    /// True when a markdown article with this header cannot replace the DOCUMENT copy read.
    func isRedundant(id: String, lastModified: String?) -> Bool {
        guard let known = documents.withLock({ $0[id] }) else { return false }
        return (lastModified ?? "") <= known
    }
}
