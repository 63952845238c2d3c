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
    }

    /// The later `lastModified` wins; on a tie the DOCUMENT layout; on a full tie the newest
    /// import (a corrected file re-imported).
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
        return changed ? .replace(contentChanged: true) : .keep
    }
}
