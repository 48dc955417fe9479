"""Ready the folder a build writes into: `scratch_output.py SCRATCH OUTPUT`.

A build writes into SCRATCH, never into output/, and replaces each file it
writes (it never rewrites one in place), so SCRATCH starts as hard links to
the files of output/: the pages and search bundles the build keeps are then
in place already. After the last build's swap (swap_output.py) SCRATCH holds
the site before that build, which differs from output/ only where that build
wrote: SCRATCH is brought level by linking what differs (another inode) and
removing what output/ does not have. The work is proportional to what the
last build changed, not to the size of the site, which linking every file
again, then deleting the old site, was.

theme/ starts empty and is never linked: Pelican copies the theme's files
over the old ones in place, which through a shared link would change
output/'s. A SCRATCH that a killed build left half written is brought level
the same way.
"""

import os
import shutil
import sys

# Written in place by Pelican: never shared with output/.
UNLINKED = "theme"


def remove(path: str, is_folder: bool) -> None:
    if is_folder:
        shutil.rmtree(path)
    else:
        os.unlink(path)


def mirror(scratch: str, output: str, leave_out: frozenset[str] = frozenset()) -> None:
    """Make every path under `scratch` the same file as under `output`
    (a hard link to it), with nothing else there; names in `leave_out` aside."""
    os.makedirs(scratch, exist_ok=True)
    with os.scandir(output) as entries:
        wanted = {entry.name: entry for entry in entries if entry.name not in leave_out}
    with os.scandir(scratch) as entries:
        held = {entry.name: entry for entry in entries}
    for name, entry in held.items():
        kept, folder = wanted.get(name), entry.is_dir(follow_symlinks=False)
        same = kept is not None and folder == kept.is_dir(follow_symlinks=False)
        if not same or (not folder and entry.inode() != kept.inode()):
            remove(entry.path, folder)
            held[name] = None
    for name, entry in wanted.items():
        target = os.path.join(scratch, name)
        if entry.is_dir(follow_symlinks=False):
            mirror(target, entry.path)
        elif held.get(name) is None:
            os.link(entry.path, target, follow_symlinks=False)


def ready(scratch: str, output: str) -> None:
    if os.path.islink(scratch) or (os.path.lexists(scratch) and not os.path.isdir(scratch)):
        os.unlink(scratch)
    if not os.path.isdir(output):
        shutil.rmtree(scratch, ignore_errors=True)
        os.makedirs(scratch)
        return
    shutil.rmtree(os.path.join(scratch, UNLINKED), ignore_errors=True)
    mirror(scratch, output, frozenset({UNLINKED}))


if __name__ == "__main__":
    ready(*sys.argv[1:])
