/// The sections that have a field of their own in `Article`.
enum SectionField: CaseIterable {
    case summary, symptoms, cause, resolution, workaround, status, moreInformation

    init?(heading: String) {
        switch heading.uppercased() {
        case "SUMMARY": self = .summary
        case "SYMPTOMS", "SYMPTOM": self = .symptoms
        case "CAUSE": self = .cause
        case "RESOLUTION": self = .resolution
        case "WORKAROUND": self = .workaround
        case "STATUS": self = .status
        case "MORE INFORMATION": self = .moreInformation
        default: return nil
        }
    }

    var keyPath: WritableKeyPath<Article, String?> {
        switch self {
        case .summary: \.summary
        case .symptoms: \.symptoms
        case .cause: \.cause
        case .resolution: \.resolution
        case .workaround: \.workaround
        case .status: \.status
        case .moreInformation: \.moreInformation
        }
    }
}

extension Article {
    /// The record with the section fields (summary, symptoms, …) left out.
    package func withoutSectionFields() -> Article {
        var copy = self
        for field in SectionField.allCases { copy[keyPath: field.keyPath] = nil }
        return copy
    }

    /// The record with the section fields rebuilt from `sections`, as the parser fills them.
    package func withSectionFields() -> Article {
        var copy = self
        for field in SectionField.allCases { copy[keyPath: field.keyPath] = nil }
        for section in sections {
            guard let heading = section.heading, let field = SectionField(heading: heading) else { continue }
            let existing = copy[keyPath: field.keyPath]
            copy[keyPath: field.keyPath] = existing.map { $0 + "\n\n" + section.text } ?? section.text
        }
        return copy
    }
}
