"""Which files a build may read: one rule, for every build and for `make check`.

Pelican walks its content folders following symbolic links
(os.walk(followlinks=True)), so `seeds/x.txt -> /etc/passwd`, a link to
`../.git/config` or a linked folder would be published. A build reads only
regular files reached without passing through a link, so every file it reads
really lies inside `seeds/` or `content/`; a link, or anything but a regular
file or folder, is refused with `path: reason`, counted as an error, never read.
"""

import fnmatch
import os
import stat

# What each folder holds, by file name ending (case matters: Pelican reads
# `x.txt`, not `x.TXT`); any other file there is refused, so a seed is never
# published as Markdown nor Markdown as a seed, and none is silently skipped.
HOLDS = {
    "seeds": ((".txt", ".corrections.toml"), "seeds (.txt) and their .corrections.toml files"),
    "content": ((".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf"),
                "Markdown (.md) and the images and PDFs it attaches"),
}


def refusal(path) -> str | None:
    """Why a build must not read this file or folder, judged by the entry itself
    (a link is never followed), as words that follow "is", or None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return f"unreadable ({error.strerror})"
    if stat.S_ISLNK(mode):
        return f"a symbolic link to {os.readlink(path)}"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "not a regular file"
    return None


def source_files(root: str, paths, exclude=(), ignores=()) -> tuple[list[str], list[str]]:
    """The files under `paths` a build may read, and `path: reason` for each one
    refused; paths relative to `root`. As Pelican's Generator.get_files: `exclude`
    names folders (relative to root) left out, `ignores` are IGNORE_FILES
    patterns on file and folder names (an editor's `.#x.md` lock is a link)."""
    excluded = {os.path.normpath(os.path.join(root, e)) for e in exclude}
    files, refused = [], []

    def ignored(name: str) -> bool:
        return any(fnmatch.fnmatch(name, pattern) for pattern in ignores)

    def check(full: str) -> bool:
        reason = refusal(full)
        if reason:
            refused.append(f"{os.path.relpath(full, root)}: refused, {reason} "
                           "(a build reads only regular files inside seeds/ and content/)")
        return reason is None

    def misplaced(path: str, full: str) -> str | None:
        folder = os.path.normpath(path).split(os.sep)[0]
        endings, what = HOLDS.get(folder, ((), None))
        if what is None or full.endswith(endings):
            return None
        return f"{os.path.relpath(full, root)}: refused, {folder}/ holds only {what}"

    for path in paths:
        top = os.path.normpath(os.path.join(root, path))
        if not os.path.lexists(top) or not check(top):
            continue
        if not os.path.isdir(top):
            files.append(os.path.relpath(top, root))
            continue
        for folder, folders, names in os.walk(top):
            folders[:] = sorted(
                d for d in folders
                if not ignored(d) and os.path.join(folder, d) not in excluded and check(os.path.join(folder, d)))
            for name in sorted(names):
                full = os.path.join(folder, name)
                if ignored(name) or not check(full):
                    continue
                if reason := misplaced(path, full):
                    refused.append(reason)
                else:
                    files.append(os.path.relpath(full, root))
    return files, refused
