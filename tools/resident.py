"""Pelican for make html, by the resident build when one runs for the same
build; and make resident / make stop-resident (plugins/akhbar/resident.py).

    resident.py build --lock-fd 9 -- ARGS   Pelican with ARGS: by the resident process
                                            when one runs for ARGS, else here
    resident.py start -- ARGS               start one for ARGS (make resident)
    resident.py stop                        end it (make stop-resident)
    resident.py serve -- ARGS               the resident process itself (start runs it)
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path.cwd()  # make runs this in the project's folder
TOOL = str(Path(__file__).resolve())
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

# Not the resident process's module, which loads Pelican: a build the resident
# process runs starts without it (0.3 s).
from akhbar import resident_client  # noqa: E402 - found through the line above


def build(argv: list[str], lock_fd: int) -> int:
    try:
        os.fstat(lock_fd)
    except OSError:
        answer = None  # not under make's build lock: never by the resident process
    else:
        answer = resident_client.build(argv, ROOT, lock_fd)
    if answer is not None and "exit" in answer:
        print(f"(built by the resident build, pid {answer['pid']})", flush=True)
        return answer["exit"]
    import pelican  # no resident process built it: Pelican here, as `pelican` would

    try:
        pelican.main(argv)
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    if answer is not None and answer.get("outdated") and code == 0:
        # Started for code or settings that have since changed: a new one, for these.
        print("the resident build was outdated (code, theme, settings or data files changed): starting a new one",
              flush=True)
        resident_client.start(TOOL, argv, ROOT, wait=False)
    return code


def main() -> int:
    # Everything after "--" is Pelican's, untouched.
    cut = sys.argv.index("--") if "--" in sys.argv else len(sys.argv)
    ours, argv = sys.argv[1:cut], sys.argv[cut + 1:]
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["build", "start", "stop", "serve"])
    parser.add_argument("--lock-fd", type=int, default=9, help="the descriptor make's build lock is held on")
    given = parser.parse_args(ours)
    if given.command == "build":
        return build(argv, given.lock_fd)
    if given.command == "start":
        return resident_client.start(TOOL, argv, ROOT)
    if given.command == "stop":
        return resident_client.stop()
    from akhbar import resident

    resident.serve(argv, ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
