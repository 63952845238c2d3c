import KBModel

/// Which version of an article the store keeps when it sees one id again.
enum MergePolicy {
    enum Decision: Equatable {
        /// Keep the stored version.
        case keep
        /// Store the incoming version; `contentChanged` is false when only the source differs.
        case replace(contentChanged: Bool)
    }

    struct Version {
        var lastModified: String?
        var layout: Layout
        var contentHash: String
        /// The knowledge base it was read from (nil: not recorded).
        var knowledgeBase: String? = nil
    }

    /// The later `lastModified` wins; on a tie the DOCUMENT layout; on a full tie the newest
    /// import (a corrected file re-imported). The same version read from another knowledge
    /// base (or by a kb that did not record knowledge bases yet) replaces only the source, so
    /// that the store says where it was read last.
    static func decide(stored: Version, incoming: Version) -> Decision {
        let storedDate = stored.lastModified ?? ""
        let incomingDate = incoming.lastModified ?? ""
        let changed = stored.contentHash != incoming.contentHash
        if incomingDate != storedDate {
            return incomingDate > storedDate ? .replace(contentChanged: changed) : .keep
        }
        if incoming.layout != stored.layout {
            return incoming.layout == .document ? .replace(contentChanged: changed) : .keep
        }
        if changed { return .replace(contentChanged: true) }
        let movedBase = incoming.knowledgeBase != nil && incoming.knowledgeBase != stored.knowledgeBase
        return movedBase ? .replace(contentChanged: false) : .keep
    }
}
