"""Lighthouse scores of the built site (make lighthouse): a report, not a timed test.

Serves output/ on 127.0.0.1 and runs Lighthouse 12.8.2 (from the npm registry,
pinned) in Debian's Chromium with the mobile preset on the home page and an
Urdu article, printing the four category scores.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# Run as a script: these imports resolve only once their folder is on sys.path (noqa: E402).
sys.path.insert(0, str(Path(__file__).parent))
from conftest import CHROMIUM, CHROMIUM_ARGS, StaticServer  # noqa: E402

LIGHTHOUSE = "lighthouse@12.8.2"
PAGES = ["index.html", "002-6aa83e8293d70fa7.html", "en/index.html", "en/002-6aa83e8293d70fa7.html"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def main(site: Path) -> int:
    server = StaticServer(site)
    worst = 100
    try:
        print(f"{'page':40} " + " ".join(f"{c[:6]:>6}" for c in CATEGORIES) + "   bytes")
        for page in PAGES:
            with tempfile.TemporaryDirectory() as scratch:
                report = Path(scratch) / "report.json"
                subprocess.run(
                    ["npm", "exec", "--yes", f"--package={LIGHTHOUSE}", "--", "lighthouse",
                     f"{server.url}/{page}", "--output=json", f"--output-path={report}", "--quiet",
                     f"--only-categories={','.join(CATEGORIES)}",
                     f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}"],
                    check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
                )
                result = json.loads(report.read_text())
            scores = [round(result["categories"][c]["score"] * 100) for c in CATEGORIES]
            weight = result["audits"]["total-byte-weight"]["numericValue"]
            worst = min(worst, *scores)
            print(f"{page:40} " + " ".join(f"{s:>6}" for s in scores) + f"  {weight / 1024:6.1f}KB")
    finally:
        server.close()
    return 0 if worst >= 95 else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "output")))
