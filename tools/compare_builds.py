"""Build the seed archive at a commit and from the working tree, and compare the two sites byte for byte.

    .venv/bin/python tools/compare_builds.py <commit>      (make compare-build REF=<commit>)

The proof that a change kept behaviour (issue 14): the build of the commit before it and
the build with it give the same bytes. Each side is built from scratch in a temporary
folder (nothing kept between builds, fonts subset again), as `make html` builds it, with
this checkout's .venv: the commit from a clone that shares this repository's objects, the
working tree from a copy of its files that git does not ignore, edits not yet committed
included. Neither touches output/, .build/ or published-urls.txt here.

Prints each file that differs or is only on one side; exit 0 when the sites are identical,
1 when they differ, 2 when the commit is unknown or a build fails (its log is printed).
"""

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def checkout(commit: str, target: Path) -> None:
    """The commit's files in target, from a clone sharing this repository's objects."""
    git("clone", "--quiet", "--shared", "--no-checkout", str(ROOT), str(target))
    git("checkout", "--quiet", "--detach", commit, cwd=target)


def copy_working_tree(target: Path) -> None:
    """The working tree's files as they are now: tracked ones (a deleted one stays
    deleted) and untracked ones git does not ignore."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, dict.fromkeys(listed)):
        source = ROOT / name
        if os.path.lexists(source):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name, follow_symlinks=False)


def build(project: Path, output: Path, log: Path) -> bool:
    """Pelican as `make html` runs it, into output; its log in log."""
    with log.open("w") as stream:
        result = subprocess.run(
            [sys.executable, "-m", "pelican", "--log-handler", "plain", "-s", "pelican.conf.py", "-o", str(output)],
            cwd=project, stdout=stream, stderr=subprocess.STDOUT,
        )
    return result.returncode == 0


def files_under(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if not path.is_dir()}


def differences(first: Path, second: Path) -> list[tuple[str, str]]:
    """(how, path) for each file of either tree that the other lacks or has other bytes in."""
    in_first, in_second = files_under(first), files_under(second)
    found = [("only-before", name) for name in in_first - in_second]
    found += [("only-after", name) for name in in_second - in_first]
    found += [("differs", name) for name in in_first & in_second
              if not filecmp.cmp(first / name, second / name, shallow=False)]
    return sorted(found, key=lambda item: item[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("commit", help="the commit to compare the working tree with, e.g. HEAD or main~1")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder, to look at both sites")
    args = parser.parse_args()
    try:
        commit = git("rev-parse", "--verify", "--quiet", f"{args.commit}^{{commit}}").strip()
    except subprocess.CalledProcessError:
        print(f"compare_builds: {args.commit!r} is not a commit of this repository", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="akhbar-compare-"))
    try:
        sides = {"before": (f"{args.commit} ({commit[:12]})", scratch / "commit"),
                 "after": ("the working tree", scratch / "working-tree")}
        checkout(commit, sides["before"][1])
        sides["after"][1].mkdir()
        copy_working_tree(sides["after"][1])
        for label, project in sides.values():
            print(f"building {label} in {project}", file=sys.stderr)
            if not build(project, project / "output", project / "build.log"):
                print((project / "build.log").read_text(errors="replace")[-5000:], file=sys.stderr)
                print(f"compare_builds: the build of {label} failed", file=sys.stderr)
                return 2
        before, after = (project / "output" for _, project in sides.values())
        found = differences(before, after)
        names = {"only-before": f"only at {sides['before'][0]}:", "only-after": "only in the working tree:",
                 "differs": "differs:"}
        for how, name in found:
            print(names[how], name)
        if found:
            print(f"{len(found)} of {len(files_under(before) | files_under(after))} files differ", file=sys.stderr)
            return 1
        print(f"identical: {len(files_under(after))} files, byte for byte", file=sys.stderr)
        return 0
    finally:
        if args.keep:
            print(f"kept: {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
