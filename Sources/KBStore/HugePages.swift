import Glibc
import KBModel

/// Memory the kernel backs with transparent huge pages (2 MiB) when the process asks.
///
/// A one-shot search fills SQLite's page cache (2,000 KiB by default, about what one huge
/// page holds) with the 300 or so pages it reads from the store, each in fresh memory: with
/// 4 KiB pages, each was a page fault, its page zeroed and charged on its own. One huge page
/// holds them all for one fault. When the kernel has no huge page free it falls back to base
/// pages (after trying to compact memory, if its `defrag` setting says so).
enum HugePages {
    /// A huge page on x86-64 and, with 4 KiB base pages, on arm64. Elsewhere the memory is
    /// still usable: it is merely backed by base pages.
    static let size = 2 << 20

    /// Where the kernel says which memory gets huge pages.
    static let modePath = "/sys/kernel/mm/transparent_hugepage/enabled"

    /// Whether the kernel gives huge pages to memory that asks for them, from the contents
    /// of `modePath` (such as `always [madvise] never`: the mode in force is bracketed).
    static func areGiven(mode: String) -> Bool {
        // Byte-wise: Foundation's `contains` went through NSString and CFString's
        // locale-aware search, code a search otherwise never runs.
        mode.includes("[always]") || mode.includes("[madvise]")
    }

    /// Whether this kernel gives huge pages to memory that asks for them.
    static var areGiven: Bool {
        let file = open(modePath, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return false }
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
        return count > 0 && areGiven(mode: String(decoding: buffer[..<count], as: UTF8.self))
    }

    /// `count` huge pages of zeroed memory, aligned to a huge page and advised to be backed
    /// by them, or nil when the memory cannot be mapped. Never unmapped: it lives as long as
    /// the process. Nothing is allocated until the memory is first touched.
    static func allocate(count: Int) -> UnsafeMutableRawPointer? {
        let bytes = count * size
        // Mapped one huge page larger than asked, then trimmed to the aligned part.
        guard let mapped = mmap(nil, bytes + size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              mapped != MAP_FAILED
        else { return nil }
        let start = (Int(bitPattern: mapped) + size - 1) & ~(size - 1)
        let before = start - Int(bitPattern: mapped)
        if before > 0 { munmap(mapped, before) }
        if size - before > 0 { munmap(UnsafeMutableRawPointer(bitPattern: start + bytes), size - before) }
        let memory = UnsafeMutableRawPointer(bitPattern: start)!
        _ = madvise(memory, bytes, MADV_HUGEPAGE)
        return memory
    }
}
