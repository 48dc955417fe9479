"""Put a finished build in place of output/ in one step: `swap_output.py NEW OUTPUT`.

Two renames (output → old, new → output) leave a moment with no output/ at
all, and a build killed between them leaves none. Linux's
renameat2(RENAME_EXCHANGE) swaps the two folders atomically, so at every
instant output/ is a whole site; NEW then holds the previous site, which the
next build's tools/scratch_output.py brings level again. A first build, with
no output/ yet, is a plain rename.
"""

import ctypes
import os
import sys

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def exchange(new: str, output: str) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.renameat2(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(output), RENAME_EXCHANGE) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"cannot swap {new} and {output}: {os.strerror(errno)}")


def main(new: str, output: str) -> None:
    if os.path.lexists(output):
        exchange(new, output)
    else:
        os.rename(new, output)


if __name__ == "__main__":
    main(*sys.argv[1:])
