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
}

extension Article {
    /// The section field `field`. A switch rather than key paths: a search rebuilds the
    /// fields of each article it shows, and each key path was made at run time (183,000
    /// instructions for ten articles, a sixtieth of a search).
    subscript(field: SectionField) -> String? {
        get {
            switch field {
            case .summary: summary
            case .symptoms: symptoms
            case .cause: cause
            case .resolution: resolution
            case .workaround: workaround
            case .status: status
            case .moreInformation: moreInformation
            }
        }
        set {
            switch field {
            case .summary: summary = newValue
            case .symptoms: symptoms = newValue
            case .cause: cause = newValue
            case .resolution: resolution = newValue
            case .workaround: workaround = newValue
            case .status: status = newValue
            case .moreInformation: moreInformation = newValue
            }
        }
    }

    /// The record with the section fields (summary, symptoms, …) left out.
    package func withoutSectionFields() -> Article {
        var copy = self
        for field in SectionField.allCases { copy[field] = nil }
        return copy
    }

    /// The record with the section fields rebuilt from `sections`, as the parser fills them.
    package func withSectionFields() -> Article {
        var copy = self
        for field in SectionField.allCases { copy[field] = nil }
        for section in sections {
            guard let heading = section.heading, let field = SectionField(heading: heading) else { continue }
            copy[field] = copy[field].map { $0 + "\n\n" + section.text } ?? section.text
        }
        return copy
    }
}
