"""make serve: build, serve output/ on 127.0.0.1, rebuild when a source changes.

Pelican's own autoreload watches its content path and theme only; an editor
also changes seeds/, corrections, plugins/ data files and pelican.conf.py.
Each rebuild is `make html` (build into a scratch folder, then swap), so the
preview never shows a half-written site; a failed rebuild keeps the last one.
A rebuild started while an editor's `make html` runs waits for it (the
Makefile's build lock).
"""

import errno
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


# How many ports after the asked one to try when it is busy.
FREE_PORT_TRIES = 20


def bind(port: int) -> http.server.ThreadingHTTPServer:
    """A server on 127.0.0.1:port or, when that port is busy (another
    make serve, say), on the next free one, saying so."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(ROOT / "output"))
    for candidate in range(port, port + FREE_PORT_TRIES + 1):
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", candidate), handler)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            continue
        if candidate != port:
            print(f"Port {port} is busy (another make serve?): using {candidate}. "
                  f"To choose one: make serve PORT=8001", flush=True)
        return server
    sys.exit(f"Ports {port}-{port + FREE_PORT_TRIES} are all busy: choose another, e.g. make serve PORT=9000")


def serve(server: http.server.ThreadingHTTPServer) -> None:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Preview: http://127.0.0.1:{server.server_address[1]}/index.html (Ctrl-C to stop)", flush=True)


def main(port: int) -> None:
    server = bind(port)  # before the first build: a busy port is said at once
    rebuild()
    serve(server)
    paths = [ROOT / name for name in WATCHED if (ROOT / name).exists()]
    for changes in watch(*paths, watch_filter=lambda change, path: "__pycache__" not in path):
        print(f"changed: {', '.join(sorted(str(Path(p).relative_to(ROOT)) for _, p in changes))}", flush=True)
        rebuild()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
