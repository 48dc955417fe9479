"""Screenshots of the home page and of an Urdu and an English article at phone and desktop widths (make screenshots)."""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

# Run as a script: these imports resolve only once their folder is on sys.path (noqa: E402).
sys.path.insert(0, str(Path(__file__).parent))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

ARTICLE = "002-6aa83e8293d70fa7.html"
SHOTS = {
    "ur-home-390.png": ("index.html", 390),
    "ur-article-390.png": (ARTICLE, 390),
    "ur-article-1280.png": (ARTICLE, 1280),
    "en-article-390.png": (f"en/{ARTICLE}", 390),
    "en-article-1280.png": (f"en/{ARTICLE}", 1280),
}


def main(site: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, (page_path, width) in SHOTS.items():
            page = browser.new_page(viewport={"width": width, "height": 900 if width > 500 else 844})
            page.goto((site / page_path).resolve().as_uri())
            page.evaluate("document.fonts.ready")
            page.screenshot(path=str(target / name))
            page.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
