// Process-wide SQLite settings. sqlite3_config is variadic, which Swift cannot call: these
// functions call it. They must run before the process opens its first connection.
#ifndef CSQLITESETTINGS_H
#define CSQLITESETTINGS_H

/// Multi-thread mode (no mutex on each connection: a connection is used by one thread at a
/// time, as GRDB guarantees) and no memory statistics (no global mutex around each of
/// SQLite's allocations). Returns SQLITE_OK, or SQLITE_MISUSE when SQLite is already in use.
int kb_sqlite_configure_process(void);

/// The bytes SQLite's page cache keeps beside each page (SQLITE_CONFIG_PCACHE_HDRSZ), or -1.
int kb_sqlite_page_header_size(void);

/// Gives SQLite `slots` page-cache slots of `slotSize` bytes each at `memory`, taken before
/// it allocates a page on its own (SQLITE_CONFIG_PAGECACHE). Returns SQLITE_OK, or
/// SQLITE_MISUSE when SQLite is already in use.
int kb_sqlite_use_page_cache_memory(void *memory, int slotSize, int slots);

#endif
