import ArgumentParser

@main
struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Find the knowledge-base article that answers an error message.",
        subcommands: [ImportCommand.self, SearchCommand.self, ShowCommand.self, EvalCommand.self,
                      StatsCommand.self, CheckCommand.self, ParseCommand.self]
    )
}
