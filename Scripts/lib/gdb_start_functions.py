"""Run by gdb (Scripts/order-symbols): which of the functions listed in $KB_FUNCTIONS (lines
"address name", the address in hex) a kb process runs natively before its start hook
($KB_START_HOOK, Sources/CExecutablePages), written to $KB_START_OUT. Callgrind sees the start
under valgrind's CPU, which has no vDSO: natively, the C library's start also sets up the vDSO,
with calloc, memset and mutexes.

usage: KB_FUNCTIONS=F KB_START_HOOK=H KB_START_OUT=G gdb -q -batch -x gdb_start_functions.py --args KB search ..."""
import os

import gdb

START_HOOK = os.environ["KB_START_HOOK"]
binary = gdb.current_progspace().filename
names_at = {}
for line in open(os.environ["KB_FUNCTIONS"]):
    address, name = line.split(maxsplit=1)
    names_at.setdefault(int(address, 16), set()).add(name.strip())

ran = set()


class FirstEntry(gdb.Breakpoint):
    """Records its function's names at its first entry, then steps aside."""

    def __init__(self, address):
        super().__init__(f"*{address:#x}", internal=True)
        self.address = address

    def stop(self):
        ran.update(names_at[self.address])
        self.enabled = False
        return False


gdb.execute("set pagination off")
gdb.execute("set confirm off")
for address in names_at:
    FirstEntry(address)
hook = gdb.Breakpoint(START_HOOK)
gdb.execute("run > /dev/null 2>&1")
if hook.hit_count != 1:
    raise gdb.GdbError(f"{binary} never reached {START_HOOK}")
with open(os.environ["KB_START_OUT"], "w") as out:
    out.write("".join(name + "\n" for name in sorted(ran)))
gdb.execute("kill")
