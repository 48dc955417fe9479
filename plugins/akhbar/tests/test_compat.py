"""The patches of Pelican and Pagefind internals (compat.py):
written for the installed versions, against upstream code that has not
changed, and the only place in the project that names a private name of
theirs."""

import inspect
import logging
import re
from importlib.metadata import version
from pathlib import Path

import pelican
import pelican.generators
import pelican.utils
import pytest

from akhbar import compat

ROOT = Path(__file__).resolve().parents[3]


def test_the_installed_versions_are_those_the_patches_were_written_for():
    pins = {name.split("[")[0]: pinned for name, pinned in
            (line.split("==") for line in (ROOT / "requirements.txt").read_text().split() if "==" in line)}
    for name, written_for in (compat.PELICAN, compat.PAGEFIND, compat.PAGEFIND_BIN):
        assert version(name) == written_for == pins[name]


@pytest.mark.parametrize("name", sorted(compat.UPSTREAM))
def test_the_upstream_code_a_patch_relies_on_is_unchanged(name):
    """When this fails, upstream changed what a patch copies or reaches into:
    review the patch (compat.py), then record the new hash."""
    assert compat.upstream_hash(name) == compat.UPSTREAM[name]


def private_names(package: str) -> set[str]:
    """The private attributes, methods and functions a package defines."""
    names = set()
    for path in Path(__import__(package).__file__).parent.rglob("*.py"):
        if "tests" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        names |= set(re.findall(r"self\.(_[A-Za-z]\w*)", text))
        names |= set(re.findall(r"^\s*(?:async\s+)?def (_[A-Za-z]\w*)\(", text, re.M))
        names |= set(re.findall(r"^(_[A-Za-z]\w*)\s*[:=]", text, re.M))
    return {name for name in names if not name.endswith("__")}


def uses_of_private_names(path: Path, private: set[str]) -> list[str]:
    """Each line of a file that reaches a private name: as an attribute, as a
    method it defines (an override), or as a string (getattr, setattr)."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for name in re.findall(r"""(?:\.|def |["'])(_[A-Za-z]\w*)\b""", line):
            if name in private:
                found.append(f"{path.relative_to(ROOT)}:{number}: {name}")
    return found


def test_private_pelican_and_pagefind_names_appear_only_in_compat():
    private = private_names("pelican") | private_names("pagefind")
    assert len(private) > 50
    sources = [p for folder in ("plugins", "tests", "tools", "bench") for p in (ROOT / folder).rglob("*.py")]
    sources += list(ROOT.glob("*.py"))
    compat_file = Path(compat.__file__).resolve()
    assert uses_of_private_names(compat_file, private), "the scan finds nothing: it is broken"
    found = [use for path in sources if path.resolve() != compat_file for use in uses_of_private_names(path, private)]
    assert found == []


def test_a_patch_for_another_version_says_so_and_keeps_upstreams_code(monkeypatch, caplog):
    monkeypatch.setattr(compat, "PELICAN", ("pelican", "0.0.1"))
    monkeypatch.setattr(compat, "_warned", set())
    monkeypatch.setattr(pelican.generators, "process_translations", pelican.utils.process_translations)
    with caplog.at_level(logging.WARNING):
        compat.use_linear_process_translations()
    assert pelican.generators.process_translations is pelican.utils.process_translations
    assert f"written for pelican 0.0.1, but pelican {pelican.__version__} is installed" in caplog.text


def test_the_patch_for_this_version_is_applied(monkeypatch):
    monkeypatch.setattr(pelican.generators, "process_translations", pelican.utils.process_translations)
    compat.use_linear_process_translations()
    assert pelican.generators.process_translations is compat.linear_process_translations


class _Group:
    def __init__(self, name):
        self.name = self.slug = self.page_name = name
        self.save_as, self.url = "", name + ".html"


class _ArticlesGenerator:
    """What ArticlesGenerator's tag, category and author methods read of it."""

    def __init__(self):
        articles = [object() for _ in range(30)]
        self.articles, self.dates, self.context = articles, articles[::-1], {}
        self.tags = {_Group(f"tag{n}"): articles[n::4] for n in range(4)}
        self.categories = [(_Group(f"category{n}"), articles[n::3]) for n in range(3)]
        self.authors = [(_Group("one"), articles[:7]), (_Group("none"), [])]

    def get_template(self, name):
        return name


@pytest.mark.parametrize("plural", ["tags", "categories", "authors"])
def test_linear_tag_category_and_author_pages_are_pelicans_own(plural):
    generator = _ArticlesGenerator()
    pelicans, ours = [], []
    getattr(pelican.generators.ArticlesGenerator, f"generate_{plural}")(
        generator, lambda *args, **values: pelicans.append((args, values)))
    compat.linear_group_pages({"tags": "tag", "categories": "category", "authors": "author"}[plural])(
        generator, lambda *args, **values: ours.append((args, values)))
    assert ours == pelicans
    assert len(ours) >= 2 and any(values["dates"] for _, values in ours)


def test_the_article_generator_gets_the_linear_pages_and_its_class_keeps_pelicans():
    generator = _ArticlesGenerator()
    compat.use_linear_group_pages(generator)
    assert generator.generate_categories.__func__.__qualname__.startswith("linear_group_pages")
    assert "self.dates if article in articles" in inspect.getsource(
        pelican.generators.ArticlesGenerator.generate_categories)
