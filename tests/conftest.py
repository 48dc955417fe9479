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


def make_command(*targets: str) -> list[str]:
    """make in a test's project, with this checkout's venv and font cache."""
    return ["make", "--no-print-directory", f"VENV={VENV}", f"SETTINGS={FONT_CACHE[1]}", *targets]


def make(project: Path, *targets: str) -> subprocess.CompletedProcess:
    return subprocess.run(make_command(*targets), cwd=project, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """output/ of the seed archive, built in strict mode."""
    output = tmp_path_factory.mktemp("site")
    # With the share pictures, as the publish build makes them (tests/test_share.py).
    result = pelican(ROOT, output, "-e", "BUILD_REPORT_STRICT=true", "SHARE_PREVIEWS_ENABLED=true")
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture
def project(tmp_path) -> Path:
    """A throw-away copy of the project (code, theme, seeds, content) to break."""
    return copy_project(tmp_path / "project")


def copy_project(copy: Path) -> Path:
    copy.mkdir()
    # copy2 keeps modification times: a requirements file newer than the venv would make
    # every `make` in the copy reinstall it.
    for name in ("pelican.conf.py", "publishconf.py", "Makefile", "requirements.txt", "requirements-test.txt",
                 "published-urls.txt"):
        shutil.copy2(ROOT / name, copy / name)
    for name in ("theme", "plugins", "seeds", "content", "tools"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    (copy / "content").mkdir(exist_ok=True)
    return copy


# -- browser fixtures ----------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# As root and offline: no sandbox, no GPU, nothing that phones home, and no
# host but loopback resolves, so any request off the machine fails loudly.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A page in a fresh browser context; a script error or a console error fails
    the test. page.failures lists failed requests, HTTP errors and console errors."""
    context = browser.new_context()
    page = context.new_page()
    page.errors, page.failures = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    # ERR_ABORTED is a request cut short by the next navigation (the favicon), not a missing file.
    page.on("requestfailed", lambda request: "ERR_ABORTED" not in request.failure
            and page.failures.append(f"{request.url} {request.failure}"))
    page.on("response", lambda response: response.status >= 400
            and page.failures.append(f"{response.url} {response.status}"))
    page.on("console", lambda message: message.type == "error" and page.failures.append(message.text))
    yield page
    assert page.errors == []
    context.close()


AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"


def axe_violations(browser, url: str) -> list:
    """axe-core's violations on a page, as (rule, elements) pairs."""
    # axe-core is injected as an inline script, which the site's own CSP forbids.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


class StaticServer:
    """A static file server on 127.0.0.1 that mounts a folder at a sub-path.

    With compress=True it gzips text as a typical static host does (Pagefind's
    own files are gzip already and go out as they are).
    """

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def __init__(self, folder: Path, prefix: str = "", port: int = 0, compress: bool = False):
        import functools
        import gzip
        import http.server
        import threading

        self.requests: list[tuple[str, int]] = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path):
                path = path.split("?", 1)[0].split("#", 1)[0]
                if prefix and not path.startswith(prefix + "/"):
                    return str(folder / "__outside_the_site__")
                return super().translate_path(path[len(prefix):])

            def log_request(self, code="-", size="-"):
                server.requests.append((self.path, int(code) if str(code).isdigit() else 0))

            def log_message(self, *args):
                pass  # requests are kept in server.requests, not printed

            def do_GET(self):
                path = Path(self.translate_path(self.path))
                wanted = "gzip" in self.headers.get("Accept-Encoding", "")
                if not (compress and wanted and path.suffix in StaticServer.TEXT and path.is_file()):
                    return super().do_GET()
                body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        handler = functools.partial(Handler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def served_site(site):
    server = StaticServer(site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def sub_path_site(tmp_path_factory):
    """The publish build (absolute URLs, feeds) for https-like hosting under /archive."""
    port = free_port()
    output = tmp_path_factory.mktemp("published")
    env_url = f"http://127.0.0.1:{port}/archive"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "--log-handler", "plain", "-s", "publishconf.py",
         "-o", str(output), *FONT_CACHE],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "SITEURL": env_url},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    server = StaticServer(output, prefix="/archive", port=port)
    server.output = output
    yield server
    server.close()
