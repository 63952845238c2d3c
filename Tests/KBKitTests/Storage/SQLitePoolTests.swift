import CSQLiteSettings
import Testing

/// The pool a one-search process gives SQLite's allocations (`kb_sqlite_use_pool`).
@Suite struct SQLitePoolTests {
    /// A live block and the byte it is filled with.
    private struct Block {
        var memory: UnsafeMutableRawPointer
        var size: Int
        var fill: UInt8
    }

    /// Random allocations, reallocations and deallocations of every size, blocks past the
    /// pool's largest among them: each block is aligned, holds what was asked, keeps its
    /// contents through a reallocation, and no block overlaps another (each keeps its fill).
    @Test func blocksAreAlignedLargeEnoughAndApart() throws {
        let initial = UnsafeMutableRawPointer.allocate(byteCount: 64 << 10, alignment: 16)
        let pool = try #require(kb_pool_create(initial, 64 << 10))
        var generator = SeededGenerator(seed: 3)
        var live: [Block] = []
        func check(_ block: Block) -> Bool {
            let bytes = block.memory.assumingMemoryBound(to: UInt8.self)
            return (0..<block.size).allSatisfy { bytes[$0] == block.fill }
        }
        for step in 0..<5_000 {
            let size = Bool.random(using: &generator) ? Int.random(in: 1...300, using: &generator) : Int.random(in: 1...6000, using: &generator)
            let fill = UInt8(truncatingIfNeeded: step)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0 where !live.isEmpty:
                let block = live.remove(at: Int.random(in: live.indices, using: &generator))
                #expect(check(block))
                kb_pool_deallocate(pool, block.memory)
            case 1 where !live.isEmpty:
                let index = Int.random(in: live.indices, using: &generator)
                let old = live[index]
                let moved = try #require(kb_pool_reallocate(pool, old.memory, Int32(size)))
                let kept = min(old.size, size)
                #expect((0..<kept).allSatisfy { moved.load(fromByteOffset: $0, as: UInt8.self) == old.fill }, "step \(step)")
                moved.initializeMemory(as: UInt8.self, repeating: fill, count: size)
                live[index] = Block(memory: moved, size: size, fill: fill)
            default:
                let memory = try #require(kb_pool_allocate(pool, Int32(size)))
                memory.initializeMemory(as: UInt8.self, repeating: fill, count: size)
                live.append(Block(memory: memory, size: size, fill: fill))
            }
            if let last = live.last {
                #expect(Int(bitPattern: last.memory) % 16 == 0)
                #expect(Int(kb_pool_size(last.memory)) >= last.size)
            }
        }
        #expect(live.allSatisfy(check))
        live.forEach { kb_pool_deallocate(pool, $0.memory) }
    }

    /// Blocks come from the memory the pool is given first, and a block given back is the
    /// next one of its size: SQLite's many small allocations reuse memory already touched.
    @Test func theGivenMemoryServesFirstAndAGivenBackBlockIsReused() throws {
        let initial = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 16)
        let pool = try #require(kb_pool_create(initial, 4096))
        let first = try #require(kb_pool_allocate(pool, 100))
        #expect(first >= initial && first < initial + 4096)
        let second = try #require(kb_pool_allocate(pool, 100))
        kb_pool_deallocate(pool, first)
        // 97 to 112 bytes round to the same 112: the same list.
        #expect(kb_pool_allocate(pool, 112) == first)
        // Another size gets another block.
        let other = try #require(kb_pool_allocate(pool, 200))
        #expect(other != first && other != second)
        // Past the largest size, a block of the C library's, which says its size exactly.
        let large = try #require(kb_pool_allocate(pool, Int32(kb_pool_largest) + 1))
        #expect(kb_pool_size(large) == Int32(kb_pool_largest) + 1)
        kb_pool_deallocate(pool, large)
    }
}
