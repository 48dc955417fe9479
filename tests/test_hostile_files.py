"""Files and builds that cannot be turned against the archive (issue 12)."""

import subprocess
import threading
import time

from .conftest import make, make_command


def start_make(project, *targets):
    return subprocess.Popen(
        make_command(*targets), cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_builds_at_once_wait_for_each_other(project):
    assert make(project, "html").returncode == 0
    output = project / "output"
    # Both builds do the whole work again, as a serve rebuild and an editor's build would.
    subprocess.run(["rm", "-rf", str(project / ".build" / "cache")], check=True)
    gaps, watching = [], True

    def watch():
        while watching:
            if not (output / "index.html").exists():
                gaps.append(time.monotonic())
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        first = start_make(project, "html")
        time.sleep(1)
        second = start_make(project, "html")
        results = [(build.returncode, *build.communicate()) for build in (first, second)]
        results = [(build.wait(), out, err) for build, (_, out, err) in zip((first, second), results, strict=True)]
    finally:
        watching = False
        watcher.join()
    for code, out, err in results:
        assert code == 0, out + err
    assert "waiting for another build to finish" in results[1][1]
    assert gaps == [], "output/ had no index.html during a swap"
    for page in ("index.html", "002-6aa83e8293d70fa7.html", "en/002-6aa83e8293d70fa7.html", "search.html"):
        assert (output / page).is_file(), page
    # The scratch folder keeps the site before the last build for the next one to
    # start from, and never shares output/'s theme files, which Pelican writes in place.
    scratch = project / ".build" / "output.new"
    assert (scratch / "index.html").is_file()
    theme = {path.stat().st_ino for path in (output / "theme").rglob("*") if path.is_file()}
    assert theme and not [path for path in scratch.rglob("*") if path.is_file() and path.stat().st_ino in theme]


SECRET = "token-8c1f0e-not-for-publication"


def plant_links(project, outside):
    """Links an editor, a scraper or a contributor could leave in seeds/ and content/."""
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text(f'[remote "origin"]\n\turl = https://x:{SECRET}@example.org/\n')
    outside.mkdir()
    story = next((project / "seeds").glob("002_*.txt")).read_text(encoding="utf-8")
    (outside / "950_outside.txt").write_text(f"{SECRET} سرخی\n\n{story}", encoding="utf-8")
    (outside / "outside.md").write_text(f"Title: {SECRET}\nDate: 2021-12-28\n\nText.\n", encoding="utf-8")
    seeds, content = project / "seeds", project / "content"
    (seeds / "900_passwd.txt").symlink_to("/etc/passwd")
    (seeds / "901_config.txt").symlink_to("../.git/config")
    (seeds / "linked").symlink_to(outside)
    (content / "linked").symlink_to(outside)
    (content / "secret.md").symlink_to(outside / "outside.md")
    # A corrections file that is a link does not correct, nor publish, its seed.
    (seeds / "002_6aa83e8293d70fa7.corrections.toml").symlink_to(project / ".git" / "config")
    return [
        "seeds/900_passwd.txt: refused, a symbolic link to /etc/passwd (a build reads only regular files",
        "seeds/901_config.txt: refused, a symbolic link to ../.git/config (",
        f"seeds/linked: refused, a symbolic link to {outside} (",
        f"content/linked: refused, a symbolic link to {outside} (",
        f"content/secret.md: refused, a symbolic link to {outside / 'outside.md'} (",
        f"seeds/002_6aa83e8293d70fa7.corrections.toml: refused, a symbolic link to {project / '.git' / 'config'} (",
        "seeds/002_6aa83e8293d70fa7.txt: not imported: its corrections file "
        f"002_6aa83e8293d70fa7.corrections.toml is a symbolic link to {project / '.git' / 'config'}",
    ]


def refusals(text: str) -> set[str]:
    return {line.strip().removeprefix("ERROR: ") for line in text.splitlines() if "symbolic link to" in line}


def test_links_in_seeds_and_content_are_refused_in_every_build(project, tmp_path):
    expected = plant_links(project, tmp_path / "outside")

    result = make(project, "html")
    assert result.returncode == 0, result.stdout + result.stderr  # the rest of the archive builds
    for line in expected:
        assert line in result.stderr, line
    output = project / "output"
    assert (output / "index.html").is_file() and (output / "003-d5d1f4a12c482239.html").is_file()
    for page in ("900-passwd.html", "901-config.html", "950-outside.html", "002-6aa83e8293d70fa7.html"):
        assert not (output / page).exists(), page
    for path in output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert SECRET.encode() not in data and b"root:x:0:0" not in data, path

    strict = make(project, "html", "STRICT=1")
    assert strict.returncode != 0 and "strict mode: 8 error(s)" in strict.stdout + strict.stderr
    assert refusals(strict.stderr) == refusals(result.stderr)

    check = make(project, "check")
    assert check.returncode != 0
    for line in expected:
        assert line in check.stderr, line
    # make check and the build refuse the same files.
    assert refusals(check.stderr) == refusals(result.stderr)
    # The 8th: the English translation of the seed left out.
    assert "checked: 7 article(s), 8 error(s)" in check.stderr


def test_runaway_pattern_in_a_data_file_hangs_no_command(project):
    boilerplate = project / "plugins" / "seed_reader" / "data" / "boilerplate.toml"
    boilerplate.write_text(boilerplate.read_text(encoding="utf-8")
                           + "\n[[line]]\nkind = \"runaway\"\npattern = '^(\\w+\\s?)+$'\n", encoding="utf-8")
    seed = next((project / "seeds").glob("002_*.txt"))
    for target in (["extract", f"FILE={seed}"], ["check"], ["html"]):
        # Python's backtracking engine took hours on this pattern and the seeds' lines.
        result = subprocess.run(
            make_command(*target), cwd=project, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "output" / "index.html").is_file()


def test_files_in_the_wrong_folder_are_reported_not_published(project, tmp_path):
    seed = (project / "seeds" / "002_6aa83e8293d70fa7.txt").read_text(encoding="utf-8")
    (project / "seeds" / "900_LOUD.TXT").write_text(seed, encoding="utf-8")
    (project / "seeds" / "901_note.md").write_text("Title: Note\nDate: 2021-12-20\n\nx\n", encoding="utf-8")
    (project / "content" / "902_raw.txt").write_text(seed, encoding="utf-8")
    (project / "seeds" / "sub").mkdir()
    (project / "seeds" / "sub" / "903_nested.txt").write_bytes(b"")  # checked like any other seed
    (project / "seeds" / "003_d5d1f4a12c482239.corrections.toml").write_text(
        'captions = [{ text = "\u202eالٹی تصویر", credit = "اے پی" }]\n', encoding="utf-8")
    expected = [
        "seeds/900_LOUD.TXT: refused, seeds/ holds only seeds (.txt) and their .corrections.toml files",
        "seeds/901_note.md: refused, seeds/ holds only seeds (.txt)",
        "content/902_raw.txt: refused, content/ holds only Markdown (.md)",
        "seeds/sub/903_nested.txt: empty file",
    ]
    result = make(project, "html")
    assert result.returncode == 0, result.stdout + result.stderr
    for line in expected:
        assert line in result.stderr, line
    output = project / "output"
    for page in ("900-loud.html", "901-note.html", "902-raw.html", "note.html"):
        assert not (output / page).exists(), page
    page = (output / "003-d5d1f4a12c482239.html").read_text(encoding="utf-8")
    assert "الٹی تصویر" in page and "\u202e" not in page
    check = make(project, "check")
    assert check.returncode != 0
    for line in expected:
        assert line in check.stderr, line
