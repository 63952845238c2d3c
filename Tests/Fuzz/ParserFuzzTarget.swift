// libFuzzer entry point for the article parser, linked by Scripts/fuzz against the KBParsing
// target (and KBModel below it) as SwiftPM builds them with the fuzzer and address sanitizer.
// Every input must parse or give a ParseError; a crash, hang or sanitizer report is a bug.
import Foundation
import KBModel
import KBParsing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let article = try? ArticleParser.parse(bytes, path: "fuzz") {
        // The record must encode, and read back to the same article.
        precondition(!article.id.isEmpty && !article.title.isEmpty)
        precondition((try? ArticleJSON.decode(Data(ArticleJSON.line(article).utf8))) == article)
    }
    return 0
}
