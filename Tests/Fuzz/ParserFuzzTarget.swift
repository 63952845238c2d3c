// libFuzzer entry point for the article parser. Built by Scripts/fuzz, not by SwiftPM:
//   swiftc -sanitize=fuzzer,address -parse-as-library <parser sources> this file
// Every input must parse or give a ParseError; a crash, hang or sanitizer report is a bug.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let article = try? ArticleParser.parse(bytes, path: "fuzz") {
        // The record must always encode, and its section fields must match its sections.
        _ = ArticleJSON.line(article)
        precondition(article.withSectionFields() == article)
        precondition(!article.id.isEmpty && !article.title.isEmpty)
    }
    return 0
}
