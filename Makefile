# Akhbar: the commands an editor or a developer needs. `make help` lists them.
# Everything runs in .venv, created and filled from requirements.txt on first use.

PYTHON_BOOT ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PELICAN := $(VENV)/bin/pelican --log-handler plain
BUILD_DIR := .build
OUTPUT := output
PORT ?= 8000
STRICT ?=
# Extra Pelican settings, NAME=JSON, e.g. SETTINGS='SITEURL="https://example.org/archive"'
SETTINGS ?=
PELICANOPTS ?=
# One segment of the archive (a year, undated or new; docs/builds.md): make html SEGMENT=2023
# builds its articles alone into segments/2023/ (its site and its kept caches), and
# make merge-segments joins every segment there into output/.
SEGMENT ?=
SEGMENTS_DIR := segments
SITE_DIR = $(if $(SEGMENT),$(SEGMENTS_DIR)/$(SEGMENT)/output,$(OUTPUT))
SCRATCH = $(if $(SEGMENT),$(SEGMENTS_DIR)/$(SEGMENT)/output.new,$(BUILD_DIR)/output.new)
SEGMENT_SETTINGS = $(if $(SEGMENT),SEGMENT="$(SEGMENT)" CACHE_PATH="$(SEGMENTS_DIR)/$(SEGMENT)/cache")
OVERRIDES = $(strip $(if $(STRICT),BUILD_REPORT_STRICT=true) $(SEGMENT_SETTINGS) $(SETTINGS))
OVERRIDE_OPTS = $(if $(OVERRIDES),-e $(foreach o,$(OVERRIDES),'$(o)'))

.PHONY: help html merge-segments publish resident stop-resident serve check extract names lint test compare-build clean browser-deps screenshots lighthouse bench

help:
	@echo "make html                 build the site into output/ (STRICT=1: fail on any import error)"
	@echo "make resident             build, then keep the archive read and the build held: make html after a text edit renders only what shows it"
	@echo "make stop-resident        end that process"
	@echo "make serve                preview on http://127.0.0.1:$(PORT)/: an edit shows in a second, pages reload"
	@echo "make html SEGMENT=2023    build one year's articles alone, into segments/2023/"
	@echo "make merge-segments       join the segments built under segments/ into output/"
	@echo "make publish              build with absolute URLs (SITEURL=https://host/path)"
	@echo "make check                validate seeds, corrections, content and data files"
	@echo "make extract FILE=a.txt   print what the importer extracts, as JSON (several files or a folder: a line each)"
	@echo "make names                names on 2 or more seeds that the glossary lacks, the most seeds first"
	@echo "make names ACCEPT=\"…\"     write the glossary entry of one (data/glossary/accepted.toml) to complete"
	@echo "make lint                 ruff over the Python code (pyproject.toml)"
	@echo "make compare-build REF=c  build commit c and the working tree from scratch; list the files that differ"
	@echo "make test                 ruff, make check, then the whole test suite"
	@echo "make lighthouse           Lighthouse scores of the built site (mobile preset; needs npm)"
	@echo "make screenshots          phone and desktop screenshots of an Urdu and an English article (docs/screenshots)"
	@echo "make browser-deps         install what the browser tests need (Debian's chromium, Java, npm) when missing"
	@echo "make bench N=\"1000 10000\" build synthetic archives and measure build and search"
	@echo "make clean                remove output/, segments/ and build scratch"

$(VENV)/.installed: requirements.txt
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The tests' own packages (pytest, Playwright: most of the environment's size),
# only for make test and the benchmark.
$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Build into a scratch folder, then swap: a failed or killed build leaves output/ as it
# was (make serve kills its build when stopped). The scratch folder starts as hard
# links to the last output (theme/ aside, which Pelican copies in place), so unchanged
# pages and search bundles are kept, not made again: the build replaces every file it
# writes, never rewrites one. After the swap it holds the site before the build, and
# tools/scratch_output.py brings it level with output/ for the next build, relinking
# only what that build changed (or a killed build left).
# One build at a time (make serve rebuilds while an editor runs make html): each
# holds an exclusive lock on $(BUILD_LOCK) for its whole run, so two never share
# the scratch folder. The swap is one atomic exchange (tools/swap_output.py), so
# at every instant output/ is a whole site.
BUILD_LOCK := $(BUILD_DIR)/build.lock
define locked
	mkdir -p $(BUILD_DIR)
	exec 9>$(BUILD_LOCK); \
	flock -n 9 || { echo "waiting for another build to finish ($(BUILD_LOCK))"; flock 9; }; \
	set -e; \
	$(1)
endef

# Pelican's arguments for a build into the scratch folder; $(1): the settings file.
pelican_args = --log-handler plain -s $(1) -o $(SCRATCH) $(OVERRIDE_OPTS) $(PELICANOPTS)

# $(1): the settings file; $(2): how the scratch folder is readied (by default
# brought level with the last site). Pelican runs in the resident build
# (make resident) when one runs for the same arguments, else in a process of
# its own (tools/resident.py); the build lock (descriptor 9) goes with it.
define build_into_output
	$(call locked,\
	$(or $(2),$(PY) tools/scratch_output.py $(SCRATCH) $(SITE_DIR)); \
	$(PY) tools/resident.py build --lock-fd 9 -- $(call pelican_args,$(1)); \
	$(PY) tools/swap_output.py $(SCRATCH) $(SITE_DIR))
endef

html: $(VENV)/.installed
	$(call build_into_output,pelican.conf.py)
	@echo "Site ready: open $(SITE_DIR)/index.html from disk, or run make serve"

# The scratch folder starts as the union of the segments' sites, and the build's
# caches as the union of theirs (tools/segments.py): the whole build then makes
# again only what spans segments.
# CONF=publishconf.py STRICT=1 after segments built with make publish SEGMENT=….
CONF ?= pelican.conf.py
merge-segments: override SEGMENT :=
merge-segments: $(VENV)/.installed
	$(call build_into_output,$(CONF),$(PY) tools/segments.py merge $(SEGMENTS_DIR) $(SCRATCH) $(BUILD_DIR)/cache)
	@echo "Site ready: open $(OUTPUT)/index.html from disk, or run make serve"

publish: STRICT := 1
publish: $(VENV)/.installed
	$(call build_into_output,publishconf.py)

# Build, then keep the archive read in a process that stays, with the finished
# build held beside it, so that make html after an edit to articles' text
# renders only what shows them, and after any other edit reads again only what
# changed (plugins/akhbar/resident.py, held_build.py):
# for make html with the same SETTINGS, STRICT and SEGMENT. A build first, so
# that every seed has a current import for it to keep (a failed one too: what
# could be read is kept). It ends after an idle hour, on make stop-resident, or
# at the first make html after a change to the code, theme, settings or data
# files (which then starts a new one).
resident: $(VENV)/.installed
	-$(MAKE) --no-print-directory html
	$(PY) tools/resident.py start -- $(call pelican_args,pelican.conf.py)

stop-resident: $(VENV)/.installed
	$(PY) tools/resident.py stop

# Preview on 127.0.0.1: an edited article shows at once (from a worker that holds the
# build in memory), and every change to seeds/, content/, theme/, plugins/ or the
# settings is followed by a whole make html.
serve: $(VENV)/.installed
	$(PY) tools/preview.py $(PORT) $(foreach o,$(OVERRIDES),--setting '$(o)')

check: $(VENV)/.installed
	PYTHONPATH=plugins $(PY) -m seed_reader check --root .
	PYTHONPATH=plugins $(PY) -m ui_language check theme
	$(call locked,\
	rm -rf $(BUILD_DIR)/check; \
	$(PELICAN) -s pelican.conf.py -o $(BUILD_DIR)/check -e BUILD_REPORT_STRICT=true $(foreach o,$(SETTINGS),'$(o)'); \
	rm -rf $(BUILD_DIR)/check)

extract: $(VENV)/.installed
	@test -n "$(FILE)" || { echo 'usage: make extract FILE="a.txt [b.txt folder/ ...]"' >&2; exit 2; }
	@PYTHONPATH=plugins $(PY) -m seed_reader extract $(FILE)

# ACCEPT="<spelling>": write that name's glossary entry; KIND=place: with another kind than it was found as.
names: $(VENV)/.installed
	@PYTHONPATH=plugins $(PY) -m seed_reader names --root . $(if $(ACCEPT),--accept "$(ACCEPT)") $(if $(KIND),--kind $(KIND))

# Browser tests use Debian's Chromium (never a downloaded browser); the Nu HTML
# Checker (npm's vnu-jar: PyPI's copies are too old for CSP 'wasm-unsafe-eval')
# needs Java. Installed with apt when missing and run as root.
VNU_VERSION := 26.9.27
VNU_JAR := $(BUILD_DIR)/tools/package/build/dist/vnu.jar

browser-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	  else echo "install:$$missing (sudo apt-get install$$missing)" >&2; exit 1; fi; \
	fi

$(VNU_JAR):
	mkdir -p $(BUILD_DIR)/tools
	cd $(BUILD_DIR)/tools && npm pack --silent vnu-jar@$(VNU_VERSION) >/dev/null && tar xzf vnu-jar-$(VNU_VERSION).tgz

# ruff's rules are in pyproject.toml. The code is not in ruff's format, so only `ruff check`.
lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .

# Tests run on TEST_PROCESSES processes (pytest-xdist; each builds its own seed site once).
TEST_PROCESSES ?= 2
test: $(VENV)/.installed-test lint check browser-deps $(VNU_JAR)
	VNU_JAR=$(abspath $(VNU_JAR)) $(PY) -m pytest -n $(TEST_PROCESSES)

# Behaviour kept: the seed archive built at REF and from the working tree (each from
# scratch in a temporary folder), compared byte for byte; exit 1 on any difference.
compare-build: $(VENV)/.installed
	@test -n "$(REF)" || { echo 'usage: make compare-build REF=<commit>' >&2; exit 2; }
	$(PY) tools/compare_builds.py '$(REF)'

# The benchmark: synthetic archives of 1,000 and 10,000 articles (N="1000 10000").
N ?= 1000 10000
bench: $(VENV)/.installed-test browser-deps
	$(PY) bench/run.py $(N)

# Lighthouse, mobile preset, on the home page and an article in each language (needs npm).
lighthouse: html $(VENV)/.installed-test browser-deps
	$(PY) tests/lighthouse_report.py output

# Screenshots of an Urdu and an English article, phone and desktop, for the README.
screenshots: html $(VENV)/.installed-test browser-deps
	$(PY) tests/screenshots.py output docs/screenshots

clean:
	-[ ! -x $(PY) ] || $(PY) tools/resident.py stop
	rm -rf $(OUTPUT) $(BUILD_DIR) $(SEGMENTS_DIR)
