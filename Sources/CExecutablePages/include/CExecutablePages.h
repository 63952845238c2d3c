// How the kernel reads and maps kb's own executable file (see executable_pages.c).
#ifndef CEXECUTABLEPAGES_H
#define CEXECUTABLEPAGES_H

/// Advises the kernel to read each part of the running executable that its file backs (its
/// code, constants and initial data) in huge folios (MADV_HUGEPAGE). A process runs it before
/// its initializers and main (it is in `.preinit_array`); calling it again is harmless.
/// Returns how many ranges were advised, or -1 when the program headers cannot be found.
int kb_advise_executable_huge_folios(void);

#endif
