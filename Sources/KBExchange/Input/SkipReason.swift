/// Why a file found in a folder is not read as an article. Skipped files are counted by
/// reason, not reported as failures: they were never meant to be articles.
public enum SkipReason: String, CaseIterable, Codable, Sendable {
    /// A repository's own page: README, CONTRIBUTING, LICENSE, a changelog.
    case repositoryFile = "README or repository file"
    /// A page template (a `templates` folder, `template.md`, `article-template.md`).
    case template = "template"
    /// A fragment included in other pages (DocFX `includes`, Jekyll `_includes`).
    case includeSnippet = "include snippet"
    /// Markdown with neither a `#` heading nor a front-matter title.
    case noTitle = "no title"
    /// A path matched by `--exclude`.
    case excluded = "excluded by --exclude"
    /// A path matched by no `--include`.
    case notIncluded = "not matched by --include"
}
