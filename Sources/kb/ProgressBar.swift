import Foundation
import KBKit


/// A one-line progress bar on standard error: files, articles per second, time left.
final class ProgressBar {
    private let enabled: Bool
    private var lastDraw = 0.0

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ p: ImportProgress) {
        guard enabled, p.elapsed - lastDraw >= 0.1 || p.filesDone == p.filesTotal else { return }
        lastDraw = p.elapsed
        guard let total = p.filesTotal else {
            // Files are still being found: no fraction yet.
            let rate = p.elapsed > 0 ? Double(p.articles) / p.elapsed : 0
            return StandardError.progress(String(format: "\r%d files  %.0f articles/s ", p.filesDone, rate))
        }
        let fraction = total == 0 ? 1 : Double(p.filesDone) / Double(total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = p.elapsed > 0 ? Double(p.articles) / p.elapsed : 0
        let left = fraction > 0 ? p.elapsed / fraction - p.elapsed : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = String(format: "\r[%@] %d/%d files  %.0f articles/s  %@ left ",
                          bar, p.filesDone, total, rate, Self.duration(left))
        StandardError.progress(line)
    }

    func finish() {
        guard enabled else { return }
        StandardError.progress("\r\u{1B}[K")
    }

    private static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
