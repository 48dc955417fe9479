"""The build state: what this project's plugins hand each other during one Pelican run.

Pelican's signals carry Pelican's objects. What one plugin makes for another
is a field of the run's one `BuildState`, which `build_state()` returns,
never an attribute set on a Pelican object; each field says who writes it
and who reads it.

A new state is made when Pelican starts a run (its `initialized` signal):
importing this module connects that, so every plugin that imports it sees
the state of the run in progress.
"""

from dataclasses import dataclass

from pelican import signals


@dataclass
class BuildState:
    settings: dict
    # The importer's data files as loaded (glossary, outlets, wires,
    # categories: seed_reader.knowledge.Knowledge), or None when they could
    # not be. Written by seed_reader when it opens the build's imports;
    # read by search_index (the search page's lexicon).
    knowledge: object | None = None


_current: BuildState | None = None


def build_state() -> BuildState:
    """The state of the Pelican run in progress."""
    if _current is None:
        raise RuntimeError("no Pelican run in progress: akhbar.build starts a state on Pelican's `initialized`")
    return _current


def start_build(pelican) -> BuildState:
    global _current
    _current = BuildState(pelican.settings)
    return _current


signals.initialized.connect(start_build)
