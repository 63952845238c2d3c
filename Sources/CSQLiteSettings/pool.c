// A pool of memory for SQLite's allocations in a short-lived process (see CSQLiteSettings.h).
#include "CSQLiteSettings.h"
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    // Sizes up to `kb_pool_largest` are rounded up to a multiple of `kb_pool_step` and kept
    // in one free list each; larger ones go to the C library.
    kb_pool_step = 16,
    kb_pool_classes = kb_pool_largest / kb_pool_step,
    // A block starts with its size class (and, from the C library, its size), keeping the
    // caller's memory 16-byte aligned.
    kb_pool_header = 16,
    // Fresh blocks are cut from chunks of this size once the memory given at first is used.
    kb_pool_chunk = 64 * 1024,
};

// The class of a block from the C library.
#define KB_POOL_SYSTEM UINT64_MAX

typedef struct kb_free_block { struct kb_free_block *next; } kb_free_block;

struct kb_pool {
    kb_free_block *free[kb_pool_classes + 1];
    char *next, *end;
    // One connection allocates at a time in the processes that use a pool, but SQLite allows
    // others: a spin lock, uncontended, costs a few instructions.
    int lock;
};

static void kb_pool_acquire(kb_pool *pool) { while (__atomic_exchange_n(&pool->lock, 1, __ATOMIC_ACQUIRE)) {} }
static void kb_pool_release(kb_pool *pool) { __atomic_store_n(&pool->lock, 0, __ATOMIC_RELEASE); }

static uint64_t *kb_pool_header_of(void *memory) { return (uint64_t *)((char *)memory - kb_pool_header); }

kb_pool *kb_pool_create(void *memory, size_t bytes) {
    kb_pool *pool = calloc(1, sizeof(kb_pool));
    if (pool && memory) {
        pool->next = memory;
        pool->end = (char *)memory + bytes;
    }
    return pool;
}

void *kb_pool_allocate(kb_pool *pool, int bytes) {
    if (bytes <= 0) bytes = 1;
    if (bytes > kb_pool_largest) {
        uint64_t *block = malloc((size_t)bytes + kb_pool_header);
        if (!block) return NULL;
        block[0] = KB_POOL_SYSTEM;
        block[1] = (uint64_t)bytes;
        return (char *)block + kb_pool_header;
    }
    uint64_t class = ((uint64_t)bytes + kb_pool_step - 1) / kb_pool_step;
    char *block = NULL;
    kb_pool_acquire(pool);
    if (pool->free[class]) {
        block = (char *)pool->free[class];
        pool->free[class] = pool->free[class]->next;
    } else {
        size_t size = kb_pool_header + class * kb_pool_step;
        if ((size_t)(pool->end - pool->next) < size) {
            // The rest of the chunk is left unused: it is smaller than this block.
            char *chunk = malloc(kb_pool_chunk);
            if (chunk) {
                pool->next = chunk;
                pool->end = chunk + kb_pool_chunk;
            }
        }
        if ((size_t)(pool->end - pool->next) >= size) {
            block = pool->next;
            pool->next += size;
        }
    }
    kb_pool_release(pool);
    if (!block) return NULL;
    *(uint64_t *)block = class;
    return block + kb_pool_header;
}

void kb_pool_deallocate(kb_pool *pool, void *memory) {
    if (!memory) return;
    uint64_t class = *kb_pool_header_of(memory);
    if (class == KB_POOL_SYSTEM) {
        free(kb_pool_header_of(memory));
        return;
    }
    kb_free_block *block = (kb_free_block *)kb_pool_header_of(memory);
    kb_pool_acquire(pool);
    block->next = pool->free[class];
    pool->free[class] = block;
    kb_pool_release(pool);
}

int kb_pool_size(void *memory) {
    if (!memory) return 0;
    uint64_t *header = kb_pool_header_of(memory);
    return header[0] == KB_POOL_SYSTEM ? (int)header[1] : (int)(header[0] * kb_pool_step);
}

void *kb_pool_reallocate(kb_pool *pool, void *memory, int bytes) {
    if (!memory) return kb_pool_allocate(pool, bytes);
    int size = kb_pool_size(memory);
    if (bytes <= size && *kb_pool_header_of(memory) != KB_POOL_SYSTEM) return memory;
    void *moved = kb_pool_allocate(pool, bytes);
    if (moved) {
        memcpy(moved, memory, (size_t)(size < bytes ? size : bytes));
        kb_pool_deallocate(pool, memory);
    }
    return moved;
}

// SQLite's interface to the pool of the process.
static kb_pool *kb_sqlite_pool;
static void *kb_sqlite_pool_malloc(int bytes) { return kb_pool_allocate(kb_sqlite_pool, bytes); }
static void kb_sqlite_pool_free(void *memory) { kb_pool_deallocate(kb_sqlite_pool, memory); }
static void *kb_sqlite_pool_realloc(void *memory, int bytes) { return kb_pool_reallocate(kb_sqlite_pool, memory, bytes); }
static int kb_sqlite_pool_roundup(int bytes) {
    return bytes <= kb_pool_largest ? (bytes + kb_pool_step - 1) / kb_pool_step * kb_pool_step : bytes;
}
static int kb_sqlite_pool_init(void *data) { (void)data; return SQLITE_OK; }
static void kb_sqlite_pool_shutdown(void *data) { (void)data; }

int kb_sqlite_use_pool(void *memory, size_t bytes) {
    kb_pool *pool = kb_pool_create(memory, bytes);
    if (!pool) return SQLITE_NOMEM;
    sqlite3_mem_methods methods = {
        kb_sqlite_pool_malloc, kb_sqlite_pool_free, kb_sqlite_pool_realloc, kb_pool_size, kb_sqlite_pool_roundup,
        kb_sqlite_pool_init, kb_sqlite_pool_shutdown, NULL,
    };
    kb_sqlite_pool = pool;
    int rc = sqlite3_config(SQLITE_CONFIG_MALLOC, &methods);
    if (rc != SQLITE_OK) {
        kb_sqlite_pool = NULL;
        free(pool);
    }
    return rc;
}
