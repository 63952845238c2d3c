// A search is a short-lived process, and mapping in its executable's pages is a good part of
// what it costs: each page fault in the file maps the pages around it that the page cache
// holds, and walks and maps them one by one when the file is cached in small folios, as it is
// when faults read it from disk (the kernel reads an executable around each fault, in small
// folios). Read in huge folios (2 MiB), each fault maps a range of them at once, and the code
// laid out on a 2 MiB boundary (Scripts/hot-text) with one page-table entry.
//
// MADV_HUGEPAGE on the file's mappings makes a fault that reads the file read it in huge
// folios. It must be given before the faults it is meant for, so it runs before the C
// library calls any initializer: from `.preinit_array`. What ran before it (the C library's
// start) was read in small folios; Scripts/order-symbols keeps those functions out of the hot
// text. Once read, the folios stay in the page cache for every later process, until the
// system lets the file go.
#include "CExecutablePages.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

enum { kb_huge_page = 2 << 20 };

// When the page cache does not hold the hot text yet, this process is the first to run since
// the system let the file go, and what it has read so far (the C library's start, and the
// kernel's own reads while it loaded the program) came in small folios, read around each fault
// 8 MiB at a time on the disks here. Those pages that no mapping holds yet are let go again
// (kb_release_unmapped_pages_unless_cached), so that the faults to come read them in huge
// folios. Later processes find the hot text cached and skip this: one mincore call.
int kb_release_unmapped_pages_unless_cached(const char *path, const void *probe) {
    unsigned char resident = 0;
    uintptr_t page = (uintptr_t)getauxval(AT_PAGESZ);
    if (!page || mincore((void *)((uintptr_t)probe & ~(page - 1)), 1, &resident) != 0) return -1;
    if (resident & 1) return 0;
    int file = open(path, O_RDONLY | O_CLOEXEC);
    if (file < 0) return -1;
    int failed = posix_fadvise(file, 0, 0, POSIX_FADV_DONTNEED);
    close(file);
    return failed ? -1 : 1;
}

int kb_advise_executable_huge_folios(void) {
    const ElfW(Phdr) *headers = (const ElfW(Phdr) *)getauxval(AT_PHDR);
    unsigned long count = getauxval(AT_PHNUM);
    uintptr_t page = getauxval(AT_PAGESZ);
    if (!headers || !count || !page) return -1;
    // Where the executable was loaded, against the addresses it was linked at (0 unless PIE).
    uintptr_t bias = 0;
    for (unsigned long i = 0; i < count; i++) {
        if (headers[i].p_type == PT_PHDR) bias = (uintptr_t)headers - headers[i].p_vaddr;
    }
    int advised = 0;
    uintptr_t probe = 0;
    for (unsigned long i = 0; i < count; i++) {
        const ElfW(Phdr) *segment = &headers[i];
        if (segment->p_type != PT_LOAD || segment->p_filesz == 0) continue;
        // Only the part the file backs: the zero-filled rest is anonymous memory, where huge
        // pages would each be zeroed whole at their first touch.
        uintptr_t start = (bias + segment->p_vaddr) & ~(page - 1);
        uintptr_t end = (bias + segment->p_vaddr + segment->p_filesz + page - 1) & ~(page - 1);
        if (madvise((void *)start, end - start, MADV_HUGEPAGE) == 0) advised++;
        // The first huge page of a segment laid out for them (the hot text; its first 2 MiB
        // hold the program headers, which the kernel has read).
        if (segment->p_align >= kb_huge_page && (segment->p_flags & PF_X)) {
            uintptr_t first = (start + page + kb_huge_page - 1) & ~(kb_huge_page - 1);
            if (first < end) probe = first;
        }
    }
    if (probe) (void)kb_release_unmapped_pages_unless_cached("/proc/self/exe", (const void *)probe);
    return advised;
}

static void advise_at_start(int argc, char **argv, char **environment) {
    (void)argc;
    (void)argv;
    (void)environment;
    (void)kb_advise_executable_huge_folios();
}

// Run by the C library before the initializers of `.init_array` (the Swift runtime's among them).
__attribute__((section(".preinit_array"), used))
static void (*const kb_advise_at_start)(int, char **, char **) = advise_at_start;
