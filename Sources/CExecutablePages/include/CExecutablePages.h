// How the kernel reads and maps kb's own executable file (see executable_pages.c).
#ifndef CEXECUTABLEPAGES_H
#define CEXECUTABLEPAGES_H

/// Advises the kernel to read each part of the running executable that its file backs (its
/// code, constants and initial data) in huge folios (MADV_HUGEPAGE). A process runs it before
/// its initializers and main (it is in `.preinit_array`); calling it again is harmless.
/// Returns how many ranges were advised, or -1 when the program headers cannot be found.
int kb_advise_executable_huge_folios(void);

/// When the page holding `probe` (an address in a mapping of the file at `path`) is not in the
/// page cache, lets go of the file's cached pages that no process maps (POSIX_FADV_DONTNEED),
/// so that the next faults read them anew (in huge folios, where their mapping asks). Returns
/// 1 when it did, 0 when the probe's page is cached, -1 on failure.
int kb_release_unmapped_pages_unless_cached(const char *path, const void *probe);

#endif
