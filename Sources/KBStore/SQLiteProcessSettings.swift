import CSQLiteSettings
import GRDBSQLite

/// SQLite's settings for the whole process, made before it opens its first connection.
public enum SQLiteProcessSettings {
    /// Multi-thread mode: connections are opened without a mutex of their own, which GRDB,
    /// using each connection from one thread at a time, does not need (it supports no other
    /// mode). And no memory statistics, which kb never reads: SQLite otherwise takes a
    /// process-wide mutex around each allocation to keep them. Together they were 4% of the
    /// instructions of one whole `kb search` (callgrind).
    ///
    /// And, for a process that runs one search (`oneSearch`), two things that suit only a
    /// process whose caches stay small:
    /// - Where the kernel gives huge pages, the page cache's slots in one huge page (see
    ///   `HugePages`): a one-shot search then spent 0.87 times the wall time. Once the slots
    ///   run short SQLite reuses cached pages rather than allocate more, whatever `cache_size`
    ///   says (an import's 128 MiB cache would be held to 2 MiB).
    /// - SQLite's allocations of up to 4 KiB from free lists by size (`kb_sqlite_use_pool`),
    ///   the first of them cut from the end of that huge page, which the slots leave free:
    ///   this SQLite has no lookaside allocator, so each node of each statement it parses was
    ///   a `malloc`, most of them the C library's slow first ones of their size. 4% fewer
    ///   instructions and 16 to 21 fewer page faults a search; 0.94 times the wall time
    ///   (100 dev pastes, 2 rounds, alternated).
    ///
    /// Returns false when SQLite was already in use, and then changes nothing.
    @discardableResult
    public static func apply(oneSearch: Bool = false) -> Bool {
        guard kb_sqlite_configure_process() == SQLITE_OK else { return false }
        guard oneSearch else { return true }
        if HugePages.areGiven,
           let slots = PageCacheSlots(pagesOf: defaultPageSize, in: HugePages.size - poolBytes),
           let memory = HugePages.allocate(count: 1) {
            _ = kb_sqlite_use_page_cache_memory(memory, Int32(slots.size), Int32(slots.count))
            _ = kb_sqlite_use_pool(memory + (HugePages.size - poolBytes), poolBytes)
        } else {
            _ = kb_sqlite_use_pool(nil, 0)
        }
        return true
    }

    /// SQLite's page size, which kb's stores keep (SQLITE_DEFAULT_PAGE_SIZE). A store with
    /// larger pages is still read: its pages are allocated one by one.
    static let defaultPageSize = 4096

    /// The end of the huge page given to the pool rather than to page-cache slots (61 of the
    /// page's 488): its first 256 KiB of small allocations then touch no fresh memory. With
    /// twice as much taken from the slots, some searches ran short of slots and took more
    /// page faults than they saved.
    static let poolBytes = 256 << 10
}

/// How many page-cache slots, each a page and SQLite's header for it, fit in some memory.
struct PageCacheSlots: Equatable {
    let size: Int
    let count: Int
}

extension PageCacheSlots {
    /// Nil when SQLite does not say how large its header is: it says so only before it is
    /// first used.
    init?(pagesOf pageSize: Int, in bytes: Int, headerSize: Int = Int(kb_sqlite_page_header_size())) {
        guard headerSize >= 0 else { return nil }
        // SQLite rounds a slot's size down to a multiple of 8 bytes: rounded up here, so that it
        // still holds a page and its header.
        size = (pageSize + headerSize + 7) & ~7
        count = bytes / size
    }
}
