import Foundation
import Logging


/// A swift-log handler that formats like `StreamLogHandler` but hands each line to a
/// `LogBuffer`, so that logging never waits on the destination.
package struct BufferedLogHandler: LogHandler {
    package var logLevel: Logger.Level = .info
    package var metadata: Logger.Metadata = [:]
    private let label: String
    private let buffer: LogBuffer

    /// A handler for the logger `label`, writing to `buffer`.
    package init(label: String, buffer: LogBuffer) {
        self.label = label
        self.buffer = buffer
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withInternetDateTime])
        buffer.append("\(time) \(event.level) \(label):\(fields) \(event.message)\n")
    }
}
