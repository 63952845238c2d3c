import KBModel

/// Parsers for the one-line header values shared by both layouts.
enum FieldParsing {
    /// "WINDOWS:5.0,5.5" → two entries on WINDOWS; "4.0 5.0" and ":5.0,5.5" → entries without a
    /// platform; groups are separated by ";" (and "|" in the oldest articles). Duplicates dropped.
    static func versions(_ text: String?) -> [ProductVersion] {
        guard let text = text?.nonEmpty else { return [] }
        var result: [ProductVersion] = []
        var seen = Set<ProductVersion>()
        for group in text.split(whereSeparator: { $0 == ";" || $0 == "|" }) {
            var platform: String?
            var list = Substring(group)
            if let colon = group.firstIndex(of: ":") {
                platform = String(group[..<colon]).nonEmpty
                list = group[group.index(after: colon)...]
            }
            for version in list.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
                let entry = ProductVersion(platform: platform, version: String(version))
                if seen.insert(entry).inserted { result.append(entry) }
            }
        }
        return result
    }

    /// "MS-DOS | OS/2" → ["MS-DOS", "OS/2"].
    static func operatingSystems(_ text: String?) -> [String] {
        unique((text ?? "").split(whereSeparator: { $0 == "|" || $0 == "," }).compactMap { String($0).nonEmpty })
    }

    /// "kbusage kbprb", "ENDUSER | S_C | mspl13_c" → the words.
    static func words(_ text: String?) -> [String] {
        let text = text ?? ""
        // ASCII text, as fields almost always are, is split byte by byte (a character is a
        // byte there, line breaks aside, which are no separators): splitting by characters
        // was 4% of an import's instructions.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return unique(text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x7C || $0 == 0x2C })
                .map { String(decoding: $0, as: UTF8.self) })
        }
        return unique(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" || $0 == "," }).map(String.init))
    }

    private static let months = [
        "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
        "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12,
    ]

    /// "21-MAR-1999" → 1999-03-21; nil when it is not such a date or the day does not exist
    /// ("31-FEB-1999").
    static func date(_ text: String?) -> CalendarDate? {
        guard let parts = text?.trimmed.split(separator: "-"), parts.count == 3,
              let day = Int(parts[0]), let month = months[parts[1].uppercased()],
              parts[2].count == 4, let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
