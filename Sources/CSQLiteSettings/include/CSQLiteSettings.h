// Process-wide SQLite settings. sqlite3_config is variadic, which Swift cannot call: these
// functions call it. They must run before the process opens its first connection.
#ifndef CSQLITESETTINGS_H
#define CSQLITESETTINGS_H

#include <stddef.h>

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

/// Serves SQLite's allocations from a pool (`kb_pool_create` over `memory`, which may be
/// NULL) in place of SQLite's own allocator (SQLITE_CONFIG_MALLOC). For a short-lived process:
/// this SQLite is built without its lookaside allocator, so that each node of each statement
/// it parses is a `malloc`, and the C library's first allocations of a size are its slowest.
/// Returns SQLITE_OK, or SQLITE_MISUSE when SQLite is already in use.
int kb_sqlite_use_pool(void *memory, size_t bytes);

/// Memory blocks of up to `kb_pool_largest` bytes, each size rounded up to 16 bytes and kept
/// in a free list of its own when given back; refilled first from the `bytes` at `memory`,
/// then from 64 KiB chunks of the C library, never given back. Larger blocks come from the C
/// library. Every block is 16-byte aligned.
typedef struct kb_pool kb_pool;
enum { kb_pool_largest = 4096 };

/// A pool refilled first from `memory` (which may be NULL); NULL when out of memory.
kb_pool *kb_pool_create(void *memory, size_t bytes);
/// A block of at least `bytes` bytes, or NULL when out of memory.
void *kb_pool_allocate(kb_pool *pool, int bytes);
/// Gives a block back (NULL is ignored).
void kb_pool_deallocate(kb_pool *pool, void *memory);
/// A block of at least `bytes` bytes holding the first bytes of `memory`, which is given
/// back unless it is returned (it is when it already holds `bytes`); NULL when out of memory.
void *kb_pool_reallocate(kb_pool *pool, void *memory, int bytes);
/// The bytes a block holds: at least what was asked for.
int kb_pool_size(void *memory);

/// The name of the VFS `kb_sqlite_register_mapped_vfs` registers.
#define KB_MAPPED_VFS "kb-mapped"

/// Registers (once; never as the default) a VFS that is the default one but maps the whole of
/// a database file opened read-only for SQLite's memory-mapped reads, which the default VFS
/// maps up to 2 GiB only (see mapped_vfs.c). A connection asks for it with `vfs=kb-mapped`
/// in a URI filename, and maps only when `PRAGMA mmap_size` is above zero. Returns SQLITE_OK,
/// or an error when it could not be registered.
int kb_sqlite_register_mapped_vfs(void);

#endif
