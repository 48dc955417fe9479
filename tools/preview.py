"""make serve: build, serve output/ on 127.0.0.1, rebuild when a source changes.

Pelican's own autoreload watches its content path and theme only; an editor
also changes seeds/, corrections, plugins/ data files and pelican.conf.py.
Each rebuild is `make html` (build into a scratch folder, then swap), so the
preview never shows a half-written site; a failed rebuild keeps the last one.
A rebuild started while an editor's `make html` runs waits for it (the
Makefile's build lock).
"""

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

from watchfiles import watch

ROOT = Path(__file__).resolve().parents[1]
WATCHED = ["seeds", "content", "theme", "plugins", "pelican.conf.py"]


def rebuild() -> None:
    result = subprocess.run(["make", "--no-print-directory", "html"], cwd=ROOT)
    print("rebuilt" if result.returncode == 0 else "build failed: the preview keeps the last good site",
          flush=True)


def serve(port: int) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(ROOT / "output"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Preview: http://127.0.0.1:{port}/index.html (Ctrl-C to stop)", flush=True)


def main(port: int) -> None:
    rebuild()
    serve(port)
    paths = [ROOT / name for name in WATCHED if (ROOT / name).exists()]
    for changes in watch(*paths, watch_filter=lambda change, path: "__pycache__" not in path):
        print(f"changed: {', '.join(sorted(str(Path(p).relative_to(ROOT)) for _, p in changes))}", flush=True)
        rebuild()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
