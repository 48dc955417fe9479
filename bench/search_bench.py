"""Search benchmark: bytes fetched and time to first results, for a first query
(cold cache, page load included) and a second one (same page), over http and
from disk, in Debian's headless Chromium.

    python bench/search_bench.py SITE_DIR [FIRST_QUERY SECOND_QUERY]

Bytes are what the browser received (body + headers) over http from a static
server, in a process of its own, that gzips text like a typical host
(Pagefind's index files are gzip already); over file:// they are the sizes
of the files read. Times run from the moment the page starts the search to
the moment the results are in the page (Pagefind is loaded while the page
opens): first results when the best hit shows (the others follow in rank
order as they arrive), first page when the first ten have; the page's own
load is reported apart.

Each first query runs in a new browser context (nothing cached), RUNS times,
after the browser has shown the home page once (as a reader who came from
it, though with none of its files cached): the figures are the median run's,
with every run's time to first results beside them. The first page a freshly
started browser lays out costs it tens of ms more, once.
"""

import json
import multiprocessing
import sys
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
# Run as a script: these imports resolve only once their folder is on sys.path (noqa: E402).
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, StaticServer  # noqa: E402

SEARCH_PARTS = ("/pagefind/", "/search/", "/theme/js/")


def measure(browser, base: str, site: Path, first: str, second: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    fetched = []

    def finished(request):
        if request.url.startswith("file:"):
            path = Path(unquote(urlsplit(request.url).path))
            size = path.stat().st_size if path.is_file() else 0
        else:
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        fetched.append((request.url, size))

    page.on("requestfinished", finished)
    page.goto(f"{base}/search.html?q={quote(first)}")
    page.wait_for_selector("#search-status[data-run='1'][data-state=done]", state="attached", timeout=30_000)
    marks = page.evaluate("""() => Object.fromEntries(['akhbar-search-start', 'akhbar-search-first-results',
        'akhbar-search-first-page', 'akhbar-search-results']
        .map(n => [n, performance.getEntriesByName(n)[0].startTime]))""")
    first_ms = marks["akhbar-search-first-results"] - marks["akhbar-search-start"]
    first_page_ms = marks["akhbar-search-first-page"] - marks["akhbar-search-start"]
    complete_ms = marks["akhbar-search-results"] - marks["akhbar-search-start"]
    page_ms = marks["akhbar-search-first-results"]
    # Bytes that arrived before the first results were in the page (http only:
    # file:// reports no transfer sizes, so there it is every file read).
    early = page.evaluate("""(end) => performance.getEntriesByType('resource')
        .filter(e => e.responseEnd <= end && /\\/(pagefind|search|theme\\/js)\\//.test(e.name))
        .reduce((sum, e) => sum + e.transferSize, 0)""", marks["akhbar-search-first-results"])
    first_hits = page.locator("#search-results li").count()
    first_all = sum(size for _, size in fetched)
    first_search = sum(size for url, size in fetched if any(p in url for p in SEARCH_PARTS))
    fetched.clear()
    page.fill("#search-query", second)
    started = page.evaluate("() => { const t = performance.now(); "
                            "document.querySelector('.search-form').requestSubmit(); return t; }")
    page.wait_for_selector("#search-status[data-run='2'][data-state=done]", state="attached", timeout=30_000)
    second_ms = page.evaluate("performance.getEntriesByName('akhbar-search-results')[1].startTime") - started
    second_hits = page.locator("#search-results li").count()
    second_bytes = sum(size for _, size in fetched)
    context.close()
    return {
        "first_query": first,
        "first_results_ms": round(first_ms),
        "first_page_ms": round(first_page_ms),
        "complete_results_ms": round(complete_ms),
        "page_open_to_first_results_ms": round(page_ms),
        "bytes_to_first_results": early if base.startswith("http") else first_search,
        "bytes_to_complete_results": first_search,
        "page_bytes": first_all,
        "first_hits_shown": first_hits,
        "second_query": second, "second_ms": round(second_ms), "second_bytes": second_bytes,
        "second_hits_shown": second_hits,
    }


def _serve(site: Path, address) -> None:
    server = StaticServer(site, compress=True)
    address.send(server.url)
    server.thread.join()


RUNS = 5


def median_run(browser, base: str, site: Path, first: str, second: str) -> dict:
    warm = browser.new_context()
    warm.new_page().goto(f"{base}/index.html")
    warm.close()
    runs = sorted((measure(browser, base, site, first, second) for _ in range(RUNS)),
                  key=lambda run: run["first_results_ms"])
    return {**runs[len(runs) // 2], "first_results_ms_runs": [run["first_results_ms"] for run in runs]}


def main(site: Path, first: str = "پوتن", second: str = "لاروف") -> dict:
    from playwright.sync_api import sync_playwright

    # The host in a process of its own, as a real one is: in this process its
    # threads would wait for Playwright's (one interpreter lock), tens of ms;
    # a fresh one, not a fork of the benchmark and its heap of imported seeds,
    # which Python's collector would sweep while requests wait.
    address, given = multiprocessing.Pipe()
    host = multiprocessing.get_context("spawn").Process(target=_serve, args=(site, given), daemon=True)
    host.start()
    report = {}
    try:
        url = address.recv()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            report["http"] = median_run(browser, url, site, first, second)
            report["file"] = median_run(browser, site.resolve().as_uri(), site, first, second)
            browser.close()
    finally:
        host.terminate()
    return report


if __name__ == "__main__":
    result = main(Path(sys.argv[1]), *sys.argv[2:4])
    print(json.dumps(result, ensure_ascii=False, indent=2))
