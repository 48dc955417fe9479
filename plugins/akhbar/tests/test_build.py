"""The build's handling of memory: Python's collector while the articles are read, freed memory given back."""

import gc
import os

import pytest

from akhbar import build, forked


def test_the_collector_waits_while_articles_are_read_then_leaves_them_out_of_its_passes():
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    build.pause_collection(None)
    try:
        assert not gc.isenabled()
        articles = [{"title": str(number)} for number in range(1000)]  # what reading makes
    finally:
        build.resume_collection()
    try:
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(articles)
    finally:
        gc.unfreeze()


def test_a_collector_turned_off_before_the_build_stays_off():
    gc.disable()
    try:
        build.pause_collection(None)
        build.resume_collection()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_run_that_failed_before_its_stages_leaves_the_next_one_a_collector():
    """The collector is paused from reading to the stages; a run that raised
    in between never reached them, and the next run in the process gives it back."""
    from types import SimpleNamespace

    build.pause_collection(None)
    assert not gc.isenabled()
    try:
        build.start_build(SimpleNamespace(settings={}, output_path="output"))
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_stage_pauses_the_collector_and_gives_it_back_as_it_was():
    with build.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with build.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_forked_process_collects_its_own_garbage_never_what_it_inherited():
    """Forked under a paused collector, with the parent's young objects: the
    process collects, and a collection does not look at (write into) them."""
    def state(_share):
        return gc.isenabled(), gc.get_freeze_count(), gc.get_count()[0]

    reports = []
    with build.collector_paused():
        made = [{"page": str(number)} for number in range(5000)]  # young, not yet collected
        forked.in_processes(state, [None], 1, lambda share, result: reports.append(result), "testing")
    enabled, frozen, young = reports[0]
    assert enabled
    assert frozen >= len(made)
    assert young < len(made)


def resident_bytes() -> int:
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(build._malloc_trim is None or not os.path.exists("/proc/self/statm"), reason="glibc on Linux")
def test_memory_freed_under_live_objects_goes_back_to_the_system():
    # As the stored imports lie among the archive's objects: freed, they stay
    # the process's until the heap is trimmed.
    kept, freed = [], []
    for number in range(20_000):
        freed.append(bytes([number % 251]) * 10_000)
        kept.append(bytes([number % 241]) * 600)
    del freed
    before = resident_bytes()
    build.give_back_freed_memory()
    assert resident_bytes() < before - 100_000_000
    del kept  # alive until here: what was freed lay among live objects
