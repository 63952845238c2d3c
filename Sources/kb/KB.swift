import ArgumentParser

@main
struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Search a knowledge base of support articles for the one that answers an error message.",
        subcommands: [ParseCommand.self]
    )
}
