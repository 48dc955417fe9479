"""Writing the bundles that changed, in processes of their own.

Each writer is a new Python process with a Pagefind process of its own. It is
sent a bundle's record sources (records.RecordSource), makes each record as
Pagefind takes it, writes the bundle's offline index and record files
(offline.py) while Pagefind writes its files, and answers the digests of its
records. The build's process only hands out bundles, one to each writer that
is free. A lone changed bundle (an editor's rebuild), or every bundle with one
worker, is written in the build's process: a writer takes 0.35 s to start (it
imports Pelican through the plugin's package) before its Pagefind can, and in
the build's process the records are made while Pagefind indexes those before
them.

Why apart: in the build's process, making a bundle's records stopped the
feeding of both Pagefind processes (at 10,000 articles the cores were busy 81 %
of the stage), and a record took longer to make there the larger the archive
(0.43 ms at 10,000 articles, 0.47 ms at 100,000: the heap outgrows the
processor's caches). A new interpreter, not a fork: a forked child shares the
build's memory only until either writes to it, and reference counts write
everywhere.
"""

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from itertools import chain, islice
from pathlib import Path

from .offline import write_offline_index
from .pagefind_writer import write_pagefind_bundle
from .records import RecordSource, make_record

_SERVE = "from search_index.bundle_writers import serve_stdio; serve_stdio()"


def write_apart(bundles: Iterator[tuple[str, list[RecordSource]]], pagefind: Path, search: Path, workers: int,
                written: Callable[[str, list[str]], None]) -> None:
    """Write each bundle, `workers` at a time; `written(name, digests)` as
    each is done. A bundle is taken (and its sources made) only when a writer
    is free: only the bundles being written are in memory."""
    ahead = list(islice(bundles, 2)) if workers > 1 else []
    bundles = chain(ahead, bundles)
    if len(ahead) < 2:  # one worker, or a lone bundle: written here (the module's docstring says why)
        for name, sources in bundles:
            written(name, write_bundle(pagefind / name, search, name, sources))
        return
    plugins = str(Path(__file__).resolve().parents[1])
    paths = os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")]))
    lock, failed = threading.Lock(), []

    def hand_out(writer: subprocess.Popen) -> None:
        name = None
        try:
            while not failed:
                with lock:  # one generator, taken from by every writer's thread
                    bundle = next(bundles, None)
                if bundle is None:
                    return
                name, sources = bundle
                pickle.dump((str(pagefind / name), str(search), name, sources),
                            writer.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                writer.stdin.flush()
                del bundle, sources
                digests = pickle.load(writer.stdout)
                with lock:
                    written(name, digests)
        except (BrokenPipeError, EOFError):
            failed.append(f"the writer of search bundle {name} stopped (exit code {writer.wait()})")
        except BaseException as error:  # noqa: BLE001 (told to the build's thread, below)
            failed.append(error)

    writers = [subprocess.Popen([sys.executable, "-c", _SERVE], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                env={**os.environ, "PYTHONPATH": paths}) for _ in range(workers)]
    threads = [threading.Thread(target=hand_out, args=(writer,)) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for writer in writers:
        if failed:
            writer.kill()
        writer.stdin.close()
        writer.wait()
        writer.stdout.close()
    if failed:
        problem = failed[0]
        raise problem if isinstance(problem, BaseException) else RuntimeError(problem)


def serve_stdio() -> None:
    """A writer process's main: requests on stdin, answers on what was stdout."""
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever else writes to stdout (a warning, a library) goes to stderr, not into the answers
    serve(sys.stdin.buffer, answers)


def serve(requests, answers) -> None:
    """In a writer process: write each bundle sent down `requests`, answer
    its records' digests on `answers`, until `requests` closes."""
    while True:
        try:
            folder, search, bundle, sources = pickle.load(requests)
        except EOFError:
            return
        pickle.dump(write_bundle(Path(folder), Path(search), bundle, sources),
                    answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()


def write_bundle(folder: Path, search: Path, bundle: str, sources: list[RecordSource]) -> list[str]:
    """One bundle's Pagefind index (in `folder`), offline index and record
    files (under `search`); the digests of its records."""
    made = []

    def records():
        # Made as Pagefind takes them: this process makes the next while Pagefind indexes the last.
        for source in sources:
            made.append(make_record(source))
            yield made[-1]

    write_pagefind_bundle(records(), folder, meanwhile=lambda: write_offline_index(made, search, bundle))
    return [record.digest() for record in made]
