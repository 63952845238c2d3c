import KBModel
import KBStore

/// The JSON of kb's reports, `kb stats --json` and `/api/stats`, `kb import --json` and the
/// import API, written by the one JSON writer with keys in alphabetical order. These keys are
/// part of the commands' contract (see the README).
public enum ReportJSON {
    /// `{"articles", "byKnowledgeBase", "byLayout", "byProduct", "lastImport", "path",
    /// "schemaVersion", "sizeBytes", "sources"}`; `lastImport` is left out when the store
    /// never had one.
    public static func render(_ stats: StoreStats) -> String {
        var writer = JSONWriter()
        writer.open("{")
        writer.key("articles")
        writer.number(Double(stats.articles))
        for (key, counts) in [("byKnowledgeBase", stats.byKnowledgeBase), ("byLayout", stats.byLayout), ("byProduct", stats.byProduct)] {
            writer.key(key)
            writer.array(counts) { writer, count in
                writer.open("{")
                writer.key("articles")
                writer.number(Double(count.articles))
                writer.key("name")
                writer.string(count.name)
                writer.close("}")
            }
        }
        if let lastImport = stats.lastImport {
            writer.key("lastImport")
            writer.string(lastImport)
        }
        writer.key("path")
        writer.string(stats.path)
        writer.key("schemaVersion")
        writer.string(stats.schemaVersion)
        writer.key("sizeBytes")
        writer.number(Double(stats.sizeBytes))
        writer.key("sources")
        writer.number(Double(stats.sources))
        writer.close("}")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// `{"errors": [{"path", "reason"}], "failed", "new", "scanned", "skipped": {reason: count},
    /// "unchanged", "updated"}`.
    public static func render(_ summary: ImportSummary) -> String {
        var writer = JSONWriter()
        writer.open("{")
        writer.key("errors")
        writer.array(summary.errors) { writer, failure in
            writer.open("{")
            writer.key("path")
            writer.string(failure.path)
            writer.key("reason")
            writer.string(failure.reason)
            writer.close("}")
        }
        for (key, value) in [("failed", summary.failed), ("new", summary.new), ("scanned", summary.scanned)] {
            writer.key(key)
            writer.number(Double(value))
        }
        writer.key("skipped")
        writer.open("{")
        for (reason, count) in summary.skipped.sorted(by: { $0.key < $1.key }) {
            writer.key(reason)
            writer.number(Double(count))
        }
        writer.close("}")
        for (key, value) in [("unchanged", summary.unchanged), ("updated", summary.updated)] {
            writer.key(key)
            writer.number(Double(value))
        }
        writer.close("}")
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
