#include "CSQLiteSettings.h"
#include <sqlite3.h>

int kb_sqlite_configure_process(void) {
    int rc = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (rc == SQLITE_OK) rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return rc;
}

int kb_sqlite_page_header_size(void) {
    int size = 0;
    return sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &size) == SQLITE_OK ? size : -1;
}

int kb_sqlite_use_page_cache_memory(void *memory, int slotSize, int slots) {
    return sqlite3_config(SQLITE_CONFIG_PAGECACHE, memory, slotSize, slots);
}
