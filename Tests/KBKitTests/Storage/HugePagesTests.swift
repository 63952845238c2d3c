import Testing
@testable import KBStore

/// The memory SQLite's page cache is given at start: asked of the kernel as one huge page,
/// and cut into slots of a page and SQLite's header each.
@Suite struct HugePagesTests {
    @Test(arguments: [
        ("always [madvise] never\n", true),
        ("[always] madvise never\n", true),
        ("always madvise [never]\n", false),
        ("", false),
    ])
    func theBracketedModeSaysWhetherHugePagesAreGiven(mode: String, given: Bool) {
        #expect(HugePages.areGiven(mode: mode) == given)
    }

    @Test func memoryIsAlignedToAHugePageAndWritableThroughout() throws {
        let memory = try #require(HugePages.allocate(count: 1))
        #expect(Int(bitPattern: memory) % (2 << 20) == 0)
        let bytes = memory.bindMemory(to: UInt8.self, capacity: 2 << 20)
        bytes[0] = 1
        bytes[(2 << 20) - 1] = 2
        #expect(bytes[0] == 1 && bytes[(2 << 20) - 1] == 2 && bytes[4096] == 0)
    }

    @Test func slotsHoldAPageAndItsHeaderRoundedToEightBytes() throws {
        // 4096 + 200 = 4296, a multiple of 8; 2,097,152 / 4296 = 488.2.
        #expect(PageCacheSlots(pagesOf: 4096, in: 2 << 20, headerSize: 200) == PageCacheSlots(size: 4296, count: 488))
        // 4096 + 201 rounds up to 4304; 2,097,152 / 4304 = 487.3.
        #expect(PageCacheSlots(pagesOf: 4096, in: 2 << 20, headerSize: 201) == PageCacheSlots(size: 4304, count: 487))
        #expect(PageCacheSlots(pagesOf: 4096, in: 2 << 20, headerSize: -1) == nil)
    }
}
