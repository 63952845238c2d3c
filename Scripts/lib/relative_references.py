#!/usr/bin/env python3
"""Points the PC-relative references that kb's data holds to the functions BOLT moved at the
moved functions, in the executable Scripts/hot-text writes (see Scripts/build-release).

BOLT rewrites every call to a function it moves into the hot text, and every absolute address
of one in the data, but not an address the data holds relative to itself (a 32-bit
R_X86_64_PC32 relocation): those still lead to the function's old copy, which BOLT leaves in
the code the linker laid out. Swift's type metadata holds most of its references so (value
witnesses, deinitializers, metadata accessors and completion functions), and a search entered
old copies through them, then the old copies of their callees. With the 182 such references
retargeted, a search ("Playback window does not exist") ran code in 72 pages outside the hot
text instead of 111 (callgrind), and took 185 page faults instead of 194. A reference is
changed only when it still holds the old copy's address.

With `--check`, changes nothing and exits 1 when a reference to a moved function still leads
to its old copy (Scripts/check-order).

usage: relative_references.py [--check] LINKED REWRITTEN
  LINKED: the executable as the linker made it, with its relocations (--emit-relocs);
  REWRITTEN: BOLT's rewrite of it, changed in place.
"""
import re, struct, subprocess, sys

# Sections of data that reference code: their relocations are what BOLT read. Not .eh_frame,
# which BOLT writes anew, nor the debug sections.
DATA_SECTIONS = re.compile(r"^Relocation section '\.rela(\.data|\.data\.rel\.ro|\.rodata|swift5_\w+)' ")
# "offset info type symbol-value symbol-name + addend"; some names hold spaces (Swift's
# "symbolic ..." names of its mangled-name strings).
PC_RELATIVE = re.compile(r"^([0-9a-f]+)\s+[0-9a-f]+\s+R_X86_64_PC32\s+([0-9a-f]+)\s+(.*)\s([+-]) ([0-9a-f]+)$")
# nm's first column.
SYMBOL_ADDRESS = re.compile(r"[0-9a-f]{16}")
# A relative pointer may keep flags in its lowest bits (Swift's pointer-and-int pairs).
FLAG_BITS = 8


def tool(*command):
    return subprocess.run(command, capture_output=True, text=True, errors="replace", check=True).stdout


def defined_symbols(binary):
    """(name, kind, address) of each symbol an executable defines, `kind` being nm's letter.
    Some names of string literals hold line breaks: nm's lines that continue one are skipped."""
    found = []
    for line in tool("nm", "--defined-only", binary).splitlines():
        fields = line.split(maxsplit=2)
        if len(fields) == 3 and len(fields[1]) == 1 and SYMBOL_ADDRESS.fullmatch(fields[0]):
            found.append((fields[2], fields[1], int(fields[0], 16)))
    return found


def functions(symbols):
    """{name: [addresses]} of the functions among an executable's `defined_symbols`."""
    table = {}
    for name, kind, address in symbols:
        if kind in "tTwWiI":
            table.setdefault(name, []).append(address)
    return table


def hot_text(binary, table):
    """(start, end) of the hot text BOLT marks with __hot_start and __hot_end, from the
    rewrite's `functions`; exits with a message naming `binary` when it has none."""
    if "__hot_start" not in table or "__hot_end" not in table:
        raise SystemExit(f"{binary} has no hot text (no __hot_start and __hot_end): "
                         "was it rewritten by Scripts/hot-text (Scripts/build-release)?")
    return table["__hot_start"][0], table["__hot_end"][0]


def moves(before, after, rewritten):
    """{old address: new address} of each function BOLT moved into the hot text, from the
    symbol tables (`functions`) of the linked executable and of its rewrite (the file
    `rewritten`): a name with one address in each, the new one in the hot text (the old copy
    is NAME.org.0)."""
    start, end = hot_text(rewritten, after)
    moved = {}
    for name, addresses in after.items():
        if len(addresses) == 1 and start <= addresses[0] < end and len(before.get(name, [])) == 1:
            moved[before[name][0]] = addresses[0]
    return moved


def references(linked, table):
    """(place, function, flags) of each PC-relative reference in the data sections that leads
    to the start of a function (plus flags, in the lowest bits of a reference by the
    function's own symbol): by the function's symbol, or relative to a section. A reference
    relative to a section may instead be an entry of a jump table, whose target stands for a
    block of some function plus the entry's offset in the table, and only by chance for a
    function's start: one beside a reference into a function's body is taken for such an
    entry and left alone (BOLT rewrites the tables of the functions it moves). `table` is the
    executable's `functions`."""
    starts = {address for addresses in table.values() for address in addresses}
    own = {name: addresses[0] for name, addresses in table.items() if len(addresses) == 1}
    found, into_code, taking = [], {}, False
    for line in tool("readelf", "-rW", linked).splitlines():
        if line.startswith("Relocation section"):
            taking = bool(DATA_SECTIONS.match(line))
            continue
        match = taking and PC_RELATIVE.match(line)
        if not match:
            continue
        place, symbol, name = int(match[1], 16), int(match[2], 16), match[3]
        target = symbol + int(match[5], 16) * (1 if match[4] == "+" else -1)
        into_code[place] = target in starts
        if own.get(name) == symbol and 0 <= target - symbol < FLAG_BITS:
            found.append((place, symbol, target - symbol))
        elif name.startswith(".") and target in starts:
            found.append((place, target, None))
    # A section-relative reference stands only if neither neighbour leads into a function's body.
    inside = lambda place: into_code.get(place) is False
    return [(place, function, flags or 0) for place, function, flags in found
            if flags is not None or not (inside(place - 4) or inside(place + 4))]


class Image:
    """The bytes of an executable, addressed as it is loaded."""

    def __init__(self, path):
        self.path = path
        self.bytes = bytearray(open(path, "rb").read())
        self.segments = []
        for line in tool("readelf", "-lW", path).splitlines():
            fields = line.split()
            if fields and fields[0] == "LOAD":
                self.segments.append((int(fields[2], 16), int(fields[4], 16), int(fields[1], 16)))

    def offset(self, address):
        for start, size, offset in self.segments:
            if start <= address and address + 4 <= start + size:
                return offset + address - start
        return None

    def relative(self, place):
        """Where the 32-bit relative reference at `place` leads, or None if the file lacks it."""
        offset = self.offset(place)
        return None if offset is None else place + struct.unpack_from("<i", self.bytes, offset)[0]

    def set_relative(self, place, target):
        struct.pack_into("<i", self.bytes, self.offset(place), target - place)


def stale(linked, image, after=None):
    """(place, new target) of each reference that leads to the old copy of a moved function;
    `after`, the rewrite's `functions` when the caller has read them already."""
    before = functions(defined_symbols(linked))
    moved = moves(before, functions(defined_symbols(image.path)) if after is None else after, image.path)
    found = []
    for place, function, flags in references(linked, before):
        new = moved.get(function)
        if new is None or (flags and new % FLAG_BITS):
            continue  # not moved, or its new address would not keep the flags
        if image.relative(place) == function + flags and -2**31 <= new + flags - place < 2**31:
            found.append((place, new + flags))
    return found


def main(arguments):
    check = arguments[:1] == ["--check"]
    if check:
        arguments = arguments[1:]
    if len(arguments) != 2:
        sys.exit(__doc__)
    linked, rewritten = arguments
    image = Image(rewritten)
    found = stale(linked, image)
    if check:
        if found:
            sys.exit(f"{rewritten}: {len(found)} relative references in its data still lead to old copies of "
                     "functions BOLT moved: was it rewritten by Scripts/hot-text?")
        return
    for place, target in found:
        image.set_relative(place, target)
    with open(rewritten, "r+b") as f:
        f.write(image.bytes)
    print(f"{rewritten}: {len(found)} relative references in its data now lead to the functions BOLT moved")


if __name__ == "__main__":
    main(sys.argv[1:])
