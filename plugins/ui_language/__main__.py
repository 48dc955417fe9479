import sys
from pathlib import Path

from .catalogues import missing_translations, update

if len(sys.argv) != 3 or sys.argv[1] not in ("update", "check"):
    sys.exit("usage: python -m ui_language update|check THEME_DIR")
theme = Path(sys.argv[2])
if sys.argv[1] == "update":
    update(theme)
problems = missing_translations(theme)
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems and sys.argv[1] == "check" else 0)
