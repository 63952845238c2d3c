
/// What `kb --version` prints.
public enum KBVersion {
    /// The release of kb.
    public static let release = "0.9.0"
    /// The schema version of the stores this kb writes (older stores are upgraded to it).
    public static var storeSchema: String { StoreSchema.currentVersion }
    /// "kb 0.9.0 (store schema v3)".
    public static var description: String { "kb \(release) (store schema \(storeSchema))" }
}
