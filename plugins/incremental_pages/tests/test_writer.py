"""Rendering in forked processes (writer.py): each ends after its run of pages,
or sooner at its memory's limit, and the next takes over where it stopped."""

import jinja2
import pytest

from akhbar.manifest import BuildManifest
from incremental_pages import writer
from incremental_pages.writer import PageJob, render_in_processes

PAGES = 12


@pytest.fixture
def forks(monkeypatch):
    """The runs of pages handed to each forked process, in order."""
    runs, start = [], writer.forked.start

    def counted(work, jobs):
        runs.append([job.name for job in jobs])
        return start(work, jobs)

    monkeypatch.setattr(writer.forked, "start", counted)
    monkeypatch.setattr(writer, "PAGES_PER_PROCESS", 5)
    return runs


def render(tmp_path):
    template = jinja2.Environment().from_string("<p>{{ number }}</p>")
    jobs = [PageJob(f"pages/{n}.html", template, {"localsiteurl": None}, False, {"number": n},
                    str(tmp_path / "output" / "pages" / f"{n}.html")) for n in range(PAGES)]
    manifest = BuildManifest(tmp_path / "pages.json")
    outcome = render_in_processes(jobs, "site", manifest, str(tmp_path / "output"), workers=2)
    assert sorted(outcome) == sorted(job.name for job in jobs)
    for job in jobs:  # each file as its process wrote it, which the manifest keeps
        _, (size, mtime_ns) = outcome[job.name]
        written = (tmp_path / "output" / job.name).stat()
        assert (size, mtime_ns) == (written.st_size, written.st_mtime_ns)
    assert [(tmp_path / "output" / job.name).read_text(encoding="utf-8") for job in jobs] == \
           [f"<p>{n}</p>" for n in range(PAGES)]


def test_each_process_renders_a_run_of_pages(tmp_path, forks):
    render(tmp_path)
    assert [len(run) for run in forks] == [5, 5, 2]


def test_a_process_at_its_memory_limit_leaves_the_rest_of_its_run_to_the_next(tmp_path, forks, monkeypatch):
    monkeypatch.setattr(writer, "MEMORY_PER_PROCESS", 1)  # full after its first page
    render(tmp_path)
    assert len(forks) == PAGES
    # The third takes what the first of them to report left of its run, with the run that waited.
    assert forks[:2] == [[f"pages/{n}.html" for n in range(0, 5)], [f"pages/{n}.html" for n in range(5, 10)]]
    waiting = ["pages/10.html", "pages/11.html"]
    assert forks[2] in ([f"pages/{n}.html" for n in range(1, 5)] + waiting,
                        [f"pages/{n}.html" for n in range(6, 10)] + waiting)


def test_runs_shorten_toward_the_end_so_the_last_processes_end_together():
    lengths = writer.run_lengths(24422, workers=2)  # the 10,000-article benchmark's pages
    assert sum(lengths) == 24422 and max(lengths) <= writer.PAGES_PER_PROCESS
    assert lengths == sorted(lengths, reverse=True)
    # Runs of 5,000 to the end left one process rendering its last 4,422 pages alone.
    assert lengths[-1] <= 1000 and lengths[-2] <= 1000
    assert all(length >= writer.SHORTEST_RUN for length in lengths)
    assert writer.run_lengths(300, workers=2) == [300]  # too few to share: no run shorter than SHORTEST_RUN
