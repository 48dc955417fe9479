"""The importer's module docstrings are its map: every function, class or
method they name in backticks exists (one once named `extract_article`, gone)."""

import ast
import re
from pathlib import Path

from pelican import signals

from seed_reader.corrections import FIELDS

PACKAGE = Path(__file__).resolve().parents[1]
# `name`, `name()`, `Class.method`; a plain lower-case word (`kind`, `extract`)
# is a field or a module, not checked.
CODE_NAME = re.compile(r"`([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)(?:\(\))?`")


def defined_names(package: Path) -> set[str]:
    """Top-level names of the package's modules, and `Class.member` for each class's members."""
    names = {path.stem for path in package.glob("*.py")} | {path.name for path in package.glob("*.py")}
    # Pelican's signals, and the corrections keys an editor writes, are named too.
    names |= {name for name in dir(signals) if not name.startswith("_")} | set(FIELDS)
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Fields the importer sets on an article (`article.outlet = …`).
        names |= {target.attr for node in ast.walk(tree) if isinstance(node, ast.Assign)
                  for target in node.targets if isinstance(target, ast.Attribute)}
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                names.add(node.name)
                for member in node.body:
                    targets = ([member.target] if isinstance(member, ast.AnnAssign) else
                               member.targets if isinstance(member, ast.Assign) else [])
                    names.update(f"{node.name}.{t.id}" for t in targets if isinstance(t, ast.Name))
                    if isinstance(member, ast.FunctionDef):
                        names.add(f"{node.name}.{member.name}")
            elif isinstance(node, ast.FunctionDef):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def missing_names(package: Path) -> list[str]:
    defined = defined_names(package)
    missing = []
    for path in sorted(package.glob("*.py")):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        for name in CODE_NAME.findall(docstring):
            checked = "." in name or "_" in name or not name.islower()
            if checked and name not in defined:
                missing.append(f"{path.name}: `{name}`")
    return missing


def test_module_docstrings_name_only_what_exists():
    assert missing_names(PACKAGE) == []


def test_a_name_that_is_gone_is_found(tmp_path):
    (tmp_path / "extract.py").write_text('"""`extract_article` is what the reader calls."""\n\n'
                                         "class ArticleExtractor:\n    def extract(self): ...\n")
    (tmp_path / "reader.py").write_text('"""Calls `ArticleExtractor.extract` and `ArticleExtractor.run`."""\n')
    assert missing_names(tmp_path) == ["extract.py: `extract_article`", "reader.py: `ArticleExtractor.run`"]
