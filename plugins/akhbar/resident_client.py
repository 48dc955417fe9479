"""The client side of the resident build (plugins/akhbar/resident.py): what
`make html` runs to hand its build to a resident process, and `make resident`
and `make stop-resident`. It does not load Pelican: with a resident process
running, a build starts as soon as this module has made the build's key.
"""

import contextlib
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

# Where the resident process listens and writes what it logs, under the build folder.
SOCKET = Path(".build/resident.sock")
LOG = Path(".build/resident.log")
# Top-level entries of the project that are not what the resident process
# has loaded: the sources (each build checks them), what builds write, tools'
# own folders. Everything else (code, theme, settings, data files) is its key.
NOT_LOADED = frozenset({"seeds", "content", "output", "segments", "published-urls.txt", ".build", ".git",
                        ".venv", "tests", "docs", "bench", ".pytest_cache", ".ruff_cache", ".github"})
# Environment variables a build may depend on.
ENVIRONMENT = ("TZ", "LANG", "LANGUAGE", "SOURCE_DATE_EPOCH", "PYTHONHASHSEED", "LC_", "PELICAN", "AKHBAR", "SITEURL")


def build_key(argv: list[str], root: Path) -> dict:
    """Which build a resident process started with these Pelican arguments in
    `root` is for: `arguments` (the arguments, the folder, the interpreter
    and its environment) and `loaded` (each file's size and modification time
    under the project but its sources and outputs, NOT_LOADED: the code,
    theme, settings and data it has loaded). A stat of each file, not a hash:
    it is taken on every `make html`."""
    arguments = json.dumps([argv, str(root.resolve()), sys.executable, sys.version, {
        name: value for name, value in sorted(os.environ.items()) if name.startswith(ENVIRONMENT)}])
    loaded = hashlib.sha256()
    for folder, folders, files in os.walk(root):
        top = Path(folder) == root
        folders[:] = sorted(f for f in folders if f != "__pycache__" and not (top and f in NOT_LOADED))
        for name in sorted(files):
            if top and name in NOT_LOADED:
                continue
            path = Path(folder, name)
            with contextlib.suppress(OSError):
                stat = path.stat()
                loaded.update(f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for stamp in sorted(Path(sys.prefix).glob(".installed*")):  # the venv, filled again
        loaded.update(f"{stamp.name}\0{stamp.stat().st_mtime_ns}\n".encode())
    return {"arguments": hashlib.sha256(arguments.encode()).hexdigest(), "loaded": loaded.hexdigest()}


def receive(connection: socket.socket) -> tuple[dict, list[int]]:
    """One message (a line of JSON) and the descriptors sent with it;
    ConnectionError when the other side has gone."""
    data, fds = b"", []
    while not data.endswith(b"\n"):
        chunk, more, _, _ = socket.recv_fds(connection, 65536, 8)
        if not chunk:
            raise ConnectionError("the other side went away")
        data, fds = data + chunk, fds + list(more)
    return json.loads(data), fds


def say(connection: socket.socket, message: dict) -> None:
    """One message; nothing if the other side has gone."""
    with contextlib.suppress(OSError):
        connection.sendall(json.dumps(message).encode() + b"\n")


def ask(message: dict, fds: list[int] = (), timeout: float | None = 5.0) -> dict | None:
    """Send one request to the resident process: its answer, or None when
    none listens (or it ended before answering)."""
    with socket.socket(socket.AF_UNIX) as connection:
        connection.settimeout(timeout)
        try:
            connection.connect(str(SOCKET))
            socket.send_fds(connection, [json.dumps(message).encode() + b"\n"], list(fds))
            data = b""
            while not data.endswith(b"\n"):
                chunk = connection.recv(65536)
                if not chunk:
                    return None
                data += chunk
        except OSError:
            return None
    return json.loads(data)


def build(argv: list[str], root: Path, lock_fd: int) -> dict | None:
    """A build by the resident process for these arguments: {"exit": code,
    "pid": its pid}; {"outdated": True} (it ends) or {"other": True} (it runs
    for other arguments); None (none runs)."""
    if not SOCKET.exists():
        return None  # the usual case: no key to work out
    return ask({"do": "build", "key": build_key(argv, root)}, [1, 2, lock_fd], timeout=None)


def start(tool: str, argv: list[str], root: Path, wait: bool = True) -> int:
    """Start a resident process for these arguments in the background (`tool
    serve -- argv`), ending any other; with `wait`, until it is ready."""
    answer = ask({"do": "status", "key": build_key(argv, root)})
    if answer and "ready" in answer:
        print(f"resident build already running (pid {answer['ready']}, {answer['articles']} articles kept)")
        return 0
    ask({"do": "stop"})  # one started for other arguments: one at a time
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with open(LOG, "ab") as log:  # noqa: PTH123 - handed to the process
        process = subprocess.Popen([sys.executable, tool, "serve", "--", *argv], cwd=root, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=log, start_new_session=True)
    if not wait:
        return 0
    print(f"resident build starting (pid {process.pid}): reading the archive; its log is {LOG}", flush=True)
    while process.poll() is None:
        answer = ask({"do": "status", "key": build_key(argv, root)})
        # Ready once it has also held the build (or failed to): the first edit is then a quick rebuild.
        if answer and "ready" in answer and answer.get("held") != "holding":
            print(f"resident build ready: {answer['articles']} articles kept, "
                  f"{'the build held' if answer.get('held') == 'ready' else 'no build held'}; make html uses it "
                  f"until make stop-resident, an idle hour, or a change to code or settings")
            return 0
        time.sleep(0.2)
    print(f"the resident build ended (exit code {process.returncode}): see {LOG}", file=sys.stderr)
    return 1


def stop() -> int:
    answer = ask({"do": "stop"})
    print(f"resident build {answer['stopping']} stopped" if answer else "no resident build running")
    return 0
