"""The build's handling of Python's collector while the articles are read."""

import gc

from akhbar import build


def test_the_collector_waits_while_articles_are_read_then_leaves_them_out_of_its_passes():
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    build.pause_collection(None)
    try:
        assert not gc.isenabled()
        articles = [{"title": str(number)} for number in range(1000)]  # what reading makes
    finally:
        build.resume_collection(None)
    try:
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(articles)
    finally:
        gc.unfreeze()


def test_a_collector_turned_off_before_the_build_stays_off():
    gc.disable()
    try:
        build.pause_collection(None)
        build.resume_collection(None)
        assert not gc.isenabled()
    finally:
        gc.enable()
