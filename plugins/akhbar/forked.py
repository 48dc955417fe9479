"""Work shared out to forked processes, each of which ends after its share.

A forked process sees the build's whole archive without a byte of it being
pickled, and gives back, when it ends, whatever it copied of the parent's
memory by touching it. Its result and its warnings come back down a pipe;
the warnings are logged in the parent, as if the parent had worked.
"""

import gc
import logging
import os
import pickle
import resource
import select
import sys
import traceback
from collections import deque
from dataclasses import dataclass


@dataclass
class Forked:
    pid: int
    pipe: int  # the read end its report comes down
    share: object


def start(work, share) -> Forked:
    """A process that runs work(share), reports and exits."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        _run_in_child(work, share, writer)
    os.close(writer)
    return Forked(pid, reader, share)


def _report(process: Forked) -> dict:
    """What a process sent down its pipe once its work was done."""
    with os.fdopen(process.pipe, "rb") as pipe:
        return pickle.load(pipe)


def _result(report: dict, what: str):
    """What work(share) returned; its warnings logged here. Its error, if it
    failed, raised here (`what` it was doing)."""
    for name, level, message in report["log"]:
        logging.getLogger(name).log(level, message)
    if report["error"]:
        raise RuntimeError(f"{what} failed:\n{report['error']}")
    return report["result"]


def _ended(pid: int) -> bool:
    return os.waitpid(pid, os.WNOHANG)[0] != 0


def in_processes(work, shares, workers: int, take, what: str, join=None) -> None:
    """work(share) for every share, in forked processes, `workers` at a
    time. take(share, result) is called as each process reports, whichever
    first, and returns what of the share is left undone (a process may stop
    early), which the next process takes first; or None. With `join`, what
    is left goes with the next share waiting, join(left, share), rather than
    to a process of its own: a process that stopped a few items short of its
    share's end would otherwise leave them a fork of their own."""
    waiting, running, ending = deque(shares), {}, []
    try:
        while waiting or running:
            while waiting and len(running) < workers:
                process = start(work, waiting.popleft())
                running[process.pipe] = process
            # Whichever reports first, not the oldest: a core must not wait idle
            # for a slower process.
            ready, _, _ = select.select(list(running), [], [])
            process = running.pop(ready[0])
            report = _report(process)
            # Its end not waited for: a process gives back what it copied of a
            # large build as it exits (0.12 s each at 100,000 articles), while
            # the next one starts.
            ending = [pid for pid in [*ending, process.pid] if not _ended(pid)]
            left = take(process.share, _result(report, what))
            if left and join is not None and waiting:
                waiting[0] = join(left, waiting[0])
            elif left:
                waiting.appendleft(left)
    finally:
        for pid in ending:
            os.waitpid(pid, 0)


def faulted_in(limit: int):
    """In a forked process: a test of whether it has made `limit` bytes of
    memory its own (copies of the parent's pages it touched, and its own
    allocations). Counted in minor page faults, which the kernel keeps for
    free and starts from 0 in a new process."""
    faults = limit // resource.getpagesize()
    return lambda: resource.getrusage(resource.RUSAGE_SELF).ru_minflt > faults


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


def _run_in_child(work, share, pipe_fd):
    # It collects its own garbage, which counts toward its limit, whatever
    # the parent paused (akhbar.build.collector_paused); never what it
    # inherited, the parent's to free: a collection writes into every object
    # it looks at, so the process would copy them all (after a paused stage
    # of the parent, its young objects: 18 processes made the cards of
    # 100,000 stories, not 8).
    gc.freeze()
    gc.enable()
    collector = _Collector()
    logging.getLogger().handlers[:] = [collector]
    report = {"result": None, "log": collector.records, "error": None}
    code = 0
    try:
        report["result"] = work(share)
    except BaseException:  # noqa: BLE001 - everything goes back to the parent
        report["error"] = traceback.format_exc()
        code = 1
    finally:
        with os.fdopen(pipe_fd, "wb") as pipe:
            pickle.dump(report, pipe)
        sys.stdout.flush()
        os._exit(code)
