"""Fixtures that build the real seed archive with the project's own pipeline."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.executable).parents[1]
# Every test build shares one cache of subset fonts (subsetting Nastaliq takes seconds).
FONT_CACHE = ["-e", f'WEBFONTS_CACHE="{ROOT / ".build" / "webfonts"}"']


def pelican(project: Path, output: Path, *options: str) -> subprocess.CompletedProcess:
    """Run Pelican on a project folder as `make html` does."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", "--log-handler", "plain", "-s", "pelican.conf.py",
         "-o", str(output), *FONT_CACHE, *options],
        cwd=project, capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"},
    )


def make(project: Path, *targets: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", f"VENV={VENV}", f"SETTINGS={FONT_CACHE[1]}", *targets],
        cwd=project, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """output/ of the seed archive, built in strict mode."""
    output = tmp_path_factory.mktemp("site")
    result = pelican(ROOT, output, "-e", "BUILD_STRICT=true")
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture
def project(tmp_path) -> Path:
    """A throw-away copy of the project (code, theme, seeds, content) to break."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("pelican.conf.py", "publishconf.py", "Makefile", "requirements.txt"):
        shutil.copy(ROOT / name, copy / name)
    for name in ("theme", "plugins", "seeds", "content"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    (copy / "content").mkdir(exist_ok=True)
    return copy
