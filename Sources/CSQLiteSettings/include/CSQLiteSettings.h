// Process-wide SQLite settings. sqlite3_config is variadic, which Swift cannot call: this
// wrapper calls it. It must run before the process opens its first connection.
#ifndef CSQLITESETTINGS_H
#define CSQLITESETTINGS_H

/// Multi-thread mode (no mutex on each connection: a connection is used by one thread at a
/// time, as GRDB guarantees) and no memory statistics (no global mutex around each of
/// SQLite's allocations). Returns SQLITE_OK, or SQLITE_MISUSE when SQLite is already in use.
int kb_sqlite_configure_process(void);

#endif
