import Foundation
import KBModel
import Yams

/// The YAML front matter of a docs-as-code article (`---` … `---`), read with Yams. Keys are
/// those of Jekyll, Hugo, MkDocs and DocFX sites: `title`, `description`, `date`, `ms.date`,
/// `tags`, `keywords`, `categories`, `appliesto`, `f1_keywords`, `helpviewer_keywords`.
struct FrontMatter {
    var fields: [String: Any]

    /// The front matter at the start of `lines`, if any, and the index of the first body line.
    /// A block that opens but never closes, or that is not a YAML mapping, is an error.
    static func split(_ lines: [String]) throws(ParseError) -> (FrontMatter?, bodyStart: Int) {
        guard let open = lines.firstIndex(where: { !$0.isBlank }), lines[open].trimmed == "---" else { return (nil, 0) }
        guard let close = lines[(open + 1)...].firstIndex(where: { $0.trimmed == "---" || $0.trimmed == "..." }) else {
            throw .unclosedFrontMatter(line: open + 1)
        }
        let yaml = lines[(open + 1)..<close].joined(separator: "\n")
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: yaml)
        } catch let error as YamlError {
            throw .invalidFrontMatter(line: open + 2 + Self.line(of: error), Self.reason(error))
        } catch {
            throw .invalidFrontMatter(line: open + 1, "\(error)")
        }
        if loaded == nil { return (FrontMatter(fields: [:]), close + 1) }
        guard let fields = loaded as? [String: Any] else {
            throw .invalidFrontMatter(line: open + 2, "the front matter is not a list of 'key: value' lines")
        }
        return (FrontMatter(fields: fields), close + 1)
    }

    /// A text value: a string, number or date written as text; nil when absent or empty.
    func string(_ key: String) -> String? {
        switch fields[key] {
        case let text as String: return MarkdownInline.plain(text).trimmed.nonEmpty
        case let date as Date: return Self.day(date).description
        case let value?: return ((value as? [Any]) == nil && (value as? [String: Any]) == nil) ? "\(value)".nonEmpty : nil
        case nil: return nil
        }
    }

    /// A list value: a YAML list, or one text value (comma-separated for the keyword keys).
    func strings(_ key: String, commaSeparated: Bool = false) -> [String] {
        if let list = fields[key] as? [Any] {
            return list.compactMap { item in
                (item as? String).map { MarkdownInline.plain($0).trimmed } ?? "\(item)"
            }.filter { !$0.isEmpty }
        }
        guard let text = string(key) else { return [] }
        return commaSeparated ? text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty } : [text]
    }

    /// The date of `ms.date` ("01/30/2024"), `date` or `lastmod` ("2024-01-30", with or without a time).
    var date: CalendarDate? {
        for key in ["ms.date", "lastmod", "last_modified_at", "updated", "date"] {
            if let date = fields[key] as? Date { return Self.day(date) }
            guard let text = fields[key] as? String else { continue }
            if let date = Self.parseDate(text.trimmed) { return date }
        }
        return nil
    }

    static func parseDate(_ text: String) -> CalendarDate? {
        let numbers = text.prefix(10).split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        if text.prefix(4).allSatisfy(\.isNumber) { return CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2]) }
        // Microsoft's ms.date is month/day/year.
        return CalendarDate(year: numbers[2], month: numbers[0], day: numbers[1])
    }

    private static func day(_ date: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return max(0, mark.line - 1)
        default: return 0
        }
    }

    private static func reason(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return "invalid YAML in the front matter: \(problem)"
        default: return "invalid YAML in the front matter"
        }
    }
}
