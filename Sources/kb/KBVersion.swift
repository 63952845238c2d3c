import KBKit

/// What `kb --version` prints.
enum KBVersion {
    /// The release of kb.
    static let release = "0.9.0"
    /// The schema version of the stores this kb writes (older stores are upgraded to it).
    static var storeSchema: String { ArticleStore.schemaVersion }
    /// "kb 0.9.0 (store schema v7)".
    static var description: String { "kb \(release) (store schema \(storeSchema))" }
}
