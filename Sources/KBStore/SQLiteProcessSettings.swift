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
    /// And, with `pageCacheInHugePage` and where the kernel gives huge pages, the page
    /// cache's slots in one huge page (see `HugePages`): a one-shot search then spent 0.87
    /// times the wall time. Only for a process whose caches stay small: once the slots run
    /// short SQLite reuses cached pages rather than allocate more, whatever `cache_size` says
    /// (an import's 128 MiB cache would be held to 2 MiB).
    ///
    /// Returns false when SQLite was already in use, and then changes nothing.
    @discardableResult
    public static func apply(pageCacheInHugePage: Bool = false) -> Bool {
        guard kb_sqlite_configure_process() == SQLITE_OK else { return false }
        if pageCacheInHugePage, HugePages.areGiven,
           let slots = PageCacheSlots(pagesOf: defaultPageSize, in: HugePages.size),
           let memory = HugePages.allocate(count: 1) {
            _ = kb_sqlite_use_page_cache_memory(memory, Int32(slots.size), Int32(slots.count))
        }
        return true
    }

    /// SQLite's page size, which kb's stores keep (SQLITE_DEFAULT_PAGE_SIZE). A store with
    /// larger pages is still read: its pages are allocated one by one.
    static let defaultPageSize = 4096
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
