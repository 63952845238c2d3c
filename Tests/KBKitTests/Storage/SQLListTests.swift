import GRDB
import Testing
@testable import KBStore

/// Row ids bound as one JSON array are read back by SQLite's `json_each` as the same ids.
@Suite struct SQLListTests {
    @Test func rowidsAreWrittenInDecimalAndReadBackWhole() throws {
        let rowids: [Int64] = [0, 7, 10, 99, 100, 48_715, -12, .max, .min]
        #expect(SQLList.json(rowids) == "[0,7,10,99,100,48715,-12,9223372036854775807,-9223372036854775808]")
        #expect(SQLList.json([Int64]()) == "[]")
        let read = try DatabaseQueue().read { db in
            try Int64.fetchAll(db, sql: SQLList.values, arguments: [SQLList.json(rowids)])
        }
        #expect(read == rowids)
    }
}
