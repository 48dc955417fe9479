"""One hash of the files under folders: the code and data a kept result depends on."""

import hashlib
from pathlib import Path


def files_key(paths: list[Path]) -> str:
    """A hash of every file under these folders (or of these files), names
    included; tests and compiled caches aside, which shape no output."""
    digest = hashlib.sha256()
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if {"__pycache__", "tests"} & set(path.relative_to(root.parent).parts):
                continue
            digest.update(str(path.relative_to(root.parent)).encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()

