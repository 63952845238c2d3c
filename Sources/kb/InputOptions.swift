import ArgumentParser
import KBKit

/// Which files `import` and `parse` read from the folders named.
struct InputOptions: ParsableArguments {
    @Flag(help: "Follow symbolic links that lead out of the folders named (by default they are listed as skipped).")
    var followSymlinks = false

    @Option(
        name: .customLong("include"),
        help: ArgumentHelp(
            "Read only files matching this glob (repeatable); it also reads READMEs, templates and include snippets.",
            discussion: "A glob without '/' matches the file name, one with '/' the path under the folder named.",
            valueName: "glob"))
    var includes: [String] = []

    @Option(name: .customLong("exclude"), help: ArgumentHelp("Skip files matching this glob (repeatable).", valueName: "glob"))
    var excludes: [String] = []

    /// The walker these options describe.
    var walker: FileWalker {
        FileWalker(followSymlinks: followSymlinks, rules: ArticleFileRules(include: includes, exclude: excludes))
    }
}
