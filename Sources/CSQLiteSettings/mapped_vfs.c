// A VFS that is the system's default one ("unix") but for one thing: it maps the whole of a
// database file for SQLite's memory-mapped reads, where the default VFS maps at most
// SQLITE_MAX_MMAP_SIZE (2 GiB in Debian's build). Past that, every page a long-lived reader
// needs is read with pread into SQLite's page cache and looked up there: in a store of a
// million articles (5.9 GB), most of what separated its searches from a small store's.
//
// Everything but xFetch and xUnfetch goes to the default VFS's file. The mapping follows the
// default VFS's own protocol: made at the first fetch, at the file's size then; a page past it
// is read as usual; dropped when the pager says the file changed (xUnfetch with no page), and
// made again at the next fetch.
#include "CSQLiteSettings.h"

#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

typedef struct MappedFile {
    sqlite3_file base;
    int descriptor;       // a second descriptor of the file, for the mapping (-1: none)
    void *map;            // NULL: not mapped
    sqlite3_int64 mapped; // bytes mapped
    int fetched;          // pages handed out and not yet given back
    sqlite3_file *real;   // the default VFS's file, in the same allocation
} MappedFile;

static sqlite3_vfs mapped_vfs;
static const sqlite3_io_methods mapped_methods;

static sqlite3_file *real_file(sqlite3_file *file) { return ((MappedFile *)file)->real; }

static void unmap(MappedFile *file) {
    if (file->map) munmap(file->map, (size_t)file->mapped);
    file->map = NULL;
    file->mapped = 0;
}

static int mapped_close(sqlite3_file *file) {
    MappedFile *mapped = (MappedFile *)file;
    unmap(mapped);
    if (mapped->descriptor >= 0) close(mapped->descriptor);
    return mapped->real->pMethods ? mapped->real->pMethods->xClose(mapped->real) : SQLITE_OK;
}

static int mapped_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return real_file(f)->pMethods->xRead(real_file(f), b, n, o); }
static int mapped_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) { return real_file(f)->pMethods->xWrite(real_file(f), b, n, o); }
static int mapped_truncate(sqlite3_file *f, sqlite3_int64 s) { return real_file(f)->pMethods->xTruncate(real_file(f), s); }
static int mapped_sync(sqlite3_file *f, int flags) { return real_file(f)->pMethods->xSync(real_file(f), flags); }
static int mapped_file_size(sqlite3_file *f, sqlite3_int64 *s) { return real_file(f)->pMethods->xFileSize(real_file(f), s); }
static int mapped_lock(sqlite3_file *f, int l) { return real_file(f)->pMethods->xLock(real_file(f), l); }
static int mapped_unlock(sqlite3_file *f, int l) { return real_file(f)->pMethods->xUnlock(real_file(f), l); }
static int mapped_check_lock(sqlite3_file *f, int *r) { return real_file(f)->pMethods->xCheckReservedLock(real_file(f), r); }
static int mapped_sector_size(sqlite3_file *f) { return real_file(f)->pMethods->xSectorSize(real_file(f)); }
static int mapped_device(sqlite3_file *f) { return real_file(f)->pMethods->xDeviceCharacteristics(real_file(f)); }
static int mapped_shm_map(sqlite3_file *f, int i, int s, int e, void volatile **p) { return real_file(f)->pMethods->xShmMap(real_file(f), i, s, e, p); }
static int mapped_shm_lock(sqlite3_file *f, int o, int n, int flags) { return real_file(f)->pMethods->xShmLock(real_file(f), o, n, flags); }
static void mapped_shm_barrier(sqlite3_file *f) { real_file(f)->pMethods->xShmBarrier(real_file(f)); }
static int mapped_shm_unmap(sqlite3_file *f, int d) { return real_file(f)->pMethods->xShmUnmap(real_file(f), d); }

static int mapped_file_control(sqlite3_file *f, int op, void *argument) {
    // The pager asks for a mapping of at most its limit; this VFS maps the whole file, and
    // the default one must not map it again.
    if (op == SQLITE_FCNTL_MMAP_SIZE) return SQLITE_OK;
    return real_file(f)->pMethods->xFileControl(real_file(f), op, argument);
}

static int mapped_fetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **page) {
    MappedFile *mapped = (MappedFile *)file;
    *page = NULL;
    if (mapped->descriptor < 0) return SQLITE_OK;
    if (!mapped->map) {
        struct stat status;
        if (fstat(mapped->descriptor, &status) != 0 || status.st_size <= 0) return SQLITE_OK;
        void *map = mmap(NULL, (size_t)status.st_size, PROT_READ, MAP_SHARED, mapped->descriptor, 0);
        if (map == MAP_FAILED) return SQLITE_OK;  // read as usual
        mapped->map = map;
        mapped->mapped = status.st_size;
    }
    if (offset + amount <= mapped->mapped) {
        *page = (char *)mapped->map + offset;
        mapped->fetched++;
    }
    return SQLITE_OK;
}

static int mapped_unfetch(sqlite3_file *file, sqlite3_int64 offset, void *page) {
    MappedFile *mapped = (MappedFile *)file;
    (void)offset;
    if (page) {
        mapped->fetched--;
    } else if (mapped->fetched == 0) {
        unmap(mapped);
    }
    return SQLITE_OK;
}

static const sqlite3_io_methods mapped_methods = {
    3, mapped_close, mapped_read, mapped_write, mapped_truncate, mapped_sync, mapped_file_size,
    mapped_lock, mapped_unlock, mapped_check_lock, mapped_file_control, mapped_sector_size,
    mapped_device, mapped_shm_map, mapped_shm_lock, mapped_shm_barrier, mapped_shm_unmap,
    mapped_fetch, mapped_unfetch,
};

static int mapped_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags) {
    sqlite3_vfs *real = (sqlite3_vfs *)vfs->pAppData;
    MappedFile *mapped = (MappedFile *)file;
    memset(mapped, 0, sizeof *mapped);
    mapped->descriptor = -1;
    mapped->real = (sqlite3_file *)(mapped + 1);
    int rc = real->xOpen(real, name, mapped->real, flags, outFlags);
    if (rc != SQLITE_OK) return rc;
    // Only the database file is mapped (not its journal or WAL), and only one read-only.
    if ((flags & SQLITE_OPEN_MAIN_DB) && (flags & SQLITE_OPEN_READONLY) && name) {
        mapped->descriptor = open(name, O_RDONLY | O_CLOEXEC);
    }
    mapped->base.pMethods = &mapped_methods;
    return SQLITE_OK;
}

static int forward_delete(sqlite3_vfs *v, const char *n, int s) { sqlite3_vfs *r = v->pAppData; return r->xDelete(r, n, s); }
static int forward_access(sqlite3_vfs *v, const char *n, int f, int *o) { sqlite3_vfs *r = v->pAppData; return r->xAccess(r, n, f, o); }
static int forward_full_pathname(sqlite3_vfs *v, const char *n, int s, char *o) { sqlite3_vfs *r = v->pAppData; return r->xFullPathname(r, n, s, o); }
static void *forward_dl_open(sqlite3_vfs *v, const char *n) { sqlite3_vfs *r = v->pAppData; return r->xDlOpen(r, n); }
static void forward_dl_error(sqlite3_vfs *v, int n, char *m) { sqlite3_vfs *r = v->pAppData; r->xDlError(r, n, m); }
static void (*forward_dl_sym(sqlite3_vfs *v, void *h, const char *s))(void) { sqlite3_vfs *r = v->pAppData; return r->xDlSym(r, h, s); }
static void forward_dl_close(sqlite3_vfs *v, void *h) { sqlite3_vfs *r = v->pAppData; r->xDlClose(r, h); }
static int forward_randomness(sqlite3_vfs *v, int n, char *o) { sqlite3_vfs *r = v->pAppData; return r->xRandomness(r, n, o); }
static int forward_sleep(sqlite3_vfs *v, int m) { sqlite3_vfs *r = v->pAppData; return r->xSleep(r, m); }
static int forward_current_time(sqlite3_vfs *v, double *t) { sqlite3_vfs *r = v->pAppData; return r->xCurrentTime(r, t); }
static int forward_last_error(sqlite3_vfs *v, int n, char *m) { sqlite3_vfs *r = v->pAppData; return r->xGetLastError(r, n, m); }
static int forward_current_time_int64(sqlite3_vfs *v, sqlite3_int64 *t) { sqlite3_vfs *r = v->pAppData; return r->xCurrentTimeInt64(r, t); }
static int forward_set_system_call(sqlite3_vfs *v, const char *n, sqlite3_syscall_ptr p) { sqlite3_vfs *r = v->pAppData; return r->xSetSystemCall(r, n, p); }
static sqlite3_syscall_ptr forward_get_system_call(sqlite3_vfs *v, const char *n) { sqlite3_vfs *r = v->pAppData; return r->xGetSystemCall(r, n); }
static const char *forward_next_system_call(sqlite3_vfs *v, const char *n) { sqlite3_vfs *r = v->pAppData; return r->xNextSystemCall(r, n); }

static int registered = SQLITE_ERROR;
static pthread_once_t registration = PTHREAD_ONCE_INIT;

static void register_mapped_vfs(void) {
    sqlite3_vfs *real = sqlite3_vfs_find(NULL);
    if (!real || real->iVersion < 3) return;
    mapped_vfs = (sqlite3_vfs){
        3, (int)(sizeof(MappedFile) + (size_t)real->szOsFile), real->mxPathname, NULL, KB_MAPPED_VFS, real,
        mapped_open, forward_delete, forward_access, forward_full_pathname, forward_dl_open, forward_dl_error,
        forward_dl_sym, forward_dl_close, forward_randomness, forward_sleep, forward_current_time,
        forward_last_error, forward_current_time_int64, forward_set_system_call, forward_get_system_call,
        forward_next_system_call,
    };
    registered = sqlite3_vfs_register(&mapped_vfs, 0);
}

int kb_sqlite_register_mapped_vfs(void) {
    pthread_once(&registration, register_mapped_vfs);
    return registered;
}
