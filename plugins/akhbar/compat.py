"""Every patch of a Pelican or Pagefind internal, in one place.

Where neither Pelican nor Pagefind offers a public way (a signal, a setting,
an API) to do what the build needs, the build leans on their private parts:
here, and nowhere else in the project (plugins/akhbar/tests/test_compat.py
greps for their private names).

Each patch was written for the versions requirements.txt pins (`PELICAN`,
`PAGEFIND`) and checks, when it is applied, that they are the ones installed;
otherwise it says so in a warning and, where upstream's own code is a safe
fallback, uses it instead. The upstream code each patch copies or reaches
into is listed in `UPSTREAM` with a hash of its source: the test fails when
an upgrade changes any of it, so that an upgrade is reviewed here rather
than found broken, or silently slow, in a build.
"""

import asyncio
import contextlib
import hashlib
import importlib
import inspect
import logging
import os
from functools import cache
from importlib.metadata import version
from itertools import groupby
from operator import attrgetter
from pathlib import Path
from types import MethodType

import pelican.generators
import pelican.log
import pelican.readers
import pelican.utils
from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican import signals
from pelican.contents import Article, Content, SkipStub
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

logger = logging.getLogger(__name__)

PELICAN = ("pelican", "4.12.0")
PAGEFIND = ("pagefind", "1.5.2")  # the Python wrapper
PAGEFIND_BIN = ("pagefind_bin", "1.5.2")  # the binary, which writes pagefind.js

# What the patches below were written against: the source of each upstream
# function, method or module, as a SHA-256 of inspect.getsource().
UPSTREAM = {
    # generate_pages
    "pelican.Pelican.run": "296180f3ec4d7bff349b930f2e0fca689fceb970fa50648d194a81000cf46487",
    # take_reading (and get_content, get_summary below)
    "pelican.utils.memoized": "e17e76fd986fe4f481f4e754761101ab0bd892b4fbabd390d16c03349c7dce6c",
    # linear_process_translations, read_article
    "pelican.utils.process_translations": "895f109099fe40b93ad558d7d26216de336f8c513ddbf5baadd82a9a2833878a",
    "pelican.generators.ArticlesGenerator.generate_context":
        "16f8066e3e5b8a42181fdf7a90d98bfc2000abec5bac48a7eb9d1586b5731702",
    # linear_group_pages
    "pelican.generators.ArticlesGenerator.generate_tags":
        "37f65d284c713dd4dcd8b823d248cff420e163ac4400a7f7cfc13a4779ad9afb",
    "pelican.generators.ArticlesGenerator.generate_categories":
        "cfb524524a3caae35717d53ba9cf85dfe271a0f677a3720f46f0367cf77b9a97",
    "pelican.generators.ArticlesGenerator.generate_authors":
        "982c57fcfcf0435e5c882255c00bb78be3945b0dc9c44ecd707c218d00cacd9d",
    "pelican.generators.PagesGenerator.generate_context":
        "c4f79b27ebf97546fda138549ba9c5eef0ba10ee3d000cb59da3f9e1a04f29b8",
    # PelicanWriter, page_context, share_local_siteurl
    "pelican.writers.Writer.__init__": "2f892e0aa5e8eba8da4f6a3c72d190c85f006d381d812427567dc3667d665cf4",
    "pelican.writers.Writer._open_w": "69700ea0b4668663b0886011eee71e8b4ea9debd376fe2a2fe322c90ec5aee6d",
    "pelican.writers.Writer.write_file": "6a604ad67bbeec997e58ef69a393930c22cf3178a760fdc21d2c42f1871da373",
    # start_markdown_read, markdown_metadata
    "pelican.readers.MarkdownReader.read": "1c8cfd04d8822d5708f08f3ad16acd33b34ebe9981c932d49688be7733de5985",
    "pelican.readers.MarkdownReader._parse_metadata":
        "3f01f071bbc3672d341454c22fed793740b7a1014344f6db540c2b0bb3537a21",
    "markdown.extensions.meta.MetaExtension.extendMarkdown":
        "9fd704a0233ce0a4fb06da3d507afecb3cdb8396b9f60a5185f3e6a6a9566bd2",
    "markdown.core.Markdown.reset": "e803a4ef1f1942534f68bdf31c7ba223bf81e4e1f41bc473375a7b94af3bda26",
    # list_files_with
    "pelican.generators.Generator.get_files": "1abfc730be9af343d23703f6a5384c45f49aa6f3b939328585ff7807c08cde64",
    "pelican.generators.Generator._include_path": "36aa1046f557f1faf7783f2b99b4bf5ec39e74e2d30dbcd2773f86019bc55f7d",
    # text_as_written, set_text_as_written, CONTENT_BODY, CONTENT_BUILD_ATTRIBUTES
    "pelican.contents.Content.__init__": "38b67e4211facf9d8f5c97ab1ac9c3345d87c5c093dd1c53dfb7583c1c9eb652",
    "pelican.contents.Content.get_content": "5b963ce7e6237a1bc08c29c1fcf173b29ca51e86d42a4e88b42cccf0242315a4",
    "pelican.contents.Content.get_summary": "4a3c3104bdebd41dce041371c8c8cb442e82503e4205a3746b6a3a8178490593",
    # fix_urls
    "pelican.contents.Content.get_url_setting": "e0eb063bf0a5ae24d6f0c1e7b7ffa31ecc673a3f672136e694e2005b702e1113",
    # prompt_pagefind_service
    "pagefind.service": "280679b30318be00881aaac41c2f42a3de0e03ef86e51d905ce4de965d6e6a9b",
    # SettledPagefindIndex
    "pagefind.index.PagefindIndex._start": "e4a54b2a767e00fdca91d056b1d8e90becc8d812eb91955c23767708e42a417d",
    "pagefind.index.PagefindIndex.write_files": "74d55d407f6cba42c77a37eecc50c8cc6d2308c462f90e3a593a3dc2d5b05f88",
    "pagefind.index.PagefindIndex.__aexit__": "2fad8ce045cffd365c8ad6ffec519ba4b7148e41944cfa93762f09335a3b9c0a",
    # read_file_with_kept_readings
    "pelican.readers.Readers.read_file": "356c609e59c1b30a36f6ea886b0d32e21f991d577f37f7ecf0dab7a48097bbbd",
    # forget_logged_messages
    "pelican.log.LimitFilter": "816408124a48f8da13fdd16dd2c3633ee7c6bfc508e6f6f12f362b1d8ab539aa",
}


def upstream_object(name: str):
    """The function, method or module a dotted name in UPSTREAM names."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            found = inspect.getattr_static(found, attribute)
        # A decorated method (Pelican's @memoized) by its own code.
        return getattr(found, "func", found)
    raise ImportError(name)


def upstream_hash(name: str) -> str:
    return hashlib.sha256(inspect.getsource(upstream_object(name)).encode("utf-8")).hexdigest()


_warned: set[str] = set()


@cache
def _installed(name: str) -> str:
    # Looked up once: some patches check it for every file they read.
    return version(name)


def written_for(package: tuple[str, str], patch: str, otherwise: str) -> bool:
    """Whether the installed package is the version `patch` was written for;
    when not, a warning (once a build) says what happens instead."""
    name, wanted = package
    installed = _installed(name)
    if installed == wanted:
        return True
    if patch not in _warned:
        _warned.add(patch)
        logger.warning("%s was written for %s %s, but %s %s is installed: %s (see plugins/akhbar/compat.py)",
                       patch, name, wanted, name, installed, otherwise)
    return False


# -- Pelican: translations in linear time ----------------------------------------

def linear_process_translations(content_list, translation_id=None):
    """pelican.utils.process_translations, in linear time.

    Pelican 4.12 ends it with `[x for x in content_list if x not in index]`,
    a list scan per article: 1.8 s for 11,000 articles, and growing with the
    square of the archive (docs/pelican-process-translations.md). The same
    function, group by group, gives the same lists (index in group order,
    translations in sorted order).
    """
    if not translation_id:
        return content_list, []
    keys = {translation_id} if isinstance(translation_id, str) else translation_id
    try:
        content_list.sort(key=attrgetter(*keys))
    except (TypeError, AttributeError):
        return pelican.utils.process_translations(content_list, translation_id)  # its own error
    index, translations = [], []
    for _, group in groupby(content_list, attrgetter(*keys)):
        originals, others = pelican.utils.process_translations(list(group), translation_id)
        index.extend(originals)
        translations.extend(others)
    return index, translations


def use_linear_process_translations() -> None:
    """Pelican's generators call `process_translations` by its name in
    pelican.generators, with no setting or signal to give another: that name
    is replaced, for the whole process."""
    if written_for(PELICAN, "the linear process_translations", "Pelican's own, quadratic one is used"):
        pelican.generators.process_translations = linear_process_translations


# Pelican's groups of articles that have pages of their own, and their names in the plural.
PLURAL = {"tag": "tags", "category": "categories", "author": "authors"}


def linear_group_pages(kind: str):
    """ArticlesGenerator.generate_tags, generate_categories or generate_authors
    (kind: "tag", "category", "author"), in linear time.

    Pelican 4.12 gives each tag, category or author page its articles in date
    order as `[a for a in self.dates if a in articles]`, a list scan per
    article of the archive: 1.4 s for six categories at 33,000 articles,
    growing with the square of the archive, and made even when the pages are
    not written (CATEGORY_SAVE_AS = ""). Here the same list comes from a set
    of the group's articles; the rest is upstream's code.
    """
    def generate(self, write):
        template = self.get_template(kind)
        groups = self.tags.items() if kind == "tag" else self.categories if kind == "category" else self.authors
        for thing, articles in groups:
            members = set(map(id, articles))
            dates = [article for article in self.dates if id(article) in members]
            try:
                write(thing.save_as, template, self.context, url=thing.url, articles=articles, dates=dates,
                      template_name=kind, blog=True, page_name=thing.page_name, all_articles=self.articles,
                      **{kind: thing})
            except FileOverwriteFailedError:
                if not thing.slug:
                    logger.info('%s "%s" has an invalid slug; skipping writing %s page...',
                                kind.capitalize(), thing, kind,
                                extra={"limit_msg": f"Further {PLURAL[kind]} with invalid slugs."})
                    continue
                logger.error('Failed to write %s page for "%s".', kind.capitalize(), thing)
                raise
    return generate


def use_linear_group_pages(generator) -> None:
    """Pelican's `article_generator_init`: the generator's tag, category and
    author pages written by the linear methods above. Pelican offers no
    setting or signal to skip the date lists its own make, so they are
    replaced on this generator (its class keeps upstream's)."""
    if written_for(PELICAN, "the linear tag, category and author pages", "Pelican's own, quadratic ones are used"):
        for kind, plural in PLURAL.items():
            setattr(generator, f"generate_{plural}", MethodType(linear_group_pages(kind), generator))


# -- Pelican: a run held in memory (the live preview) ---------------------------

def generate_pages(instance) -> tuple[list, object]:
    """What `Pelican.run` does up to its `finalized` signal: every generator's
    context made and its pages handed to the writer; the stages that render,
    index and report (after `finalized`) do not run. Returns the generators
    and the writer, which holds the pages."""
    written_for(PELICAN, "the live preview", "the preview may differ from a build")
    context = instance.settings.copy()
    context["generated_content"] = {}
    context["static_links"] = set()
    context["static_content"] = {}
    context["localsiteurl"] = instance.settings["SITEURL"]
    generators = [cls(context=context, settings=instance.settings, path=instance.path, theme=instance.theme,
                      output_path=instance.output_path) for cls in instance._get_generator_classes()]
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
    signals.all_generators_finalized.send(generators)
    for generator in generators:
        if hasattr(generator, "refresh_metadata_intersite_links"):
            generator.refresh_metadata_intersite_links()
    writer = instance._get_writer()
    for generator in generators:
        if hasattr(generator, "generate_output"):
            generator.generate_output(writer)
    return generators, writer


def copy_static_files(generators) -> None:
    """What Pelican's StaticGenerator does when it writes: the theme's files
    and the static content copied into the output (a build's scratch folder
    starts with no theme/, akhbar's tools/scratch_output.py)."""
    for generator in generators:
        if isinstance(generator, pelican.generators.StaticGenerator):
            generator.generate_output(None)  # it writes no page


def read_article(generator, path: str):
    """One article source read again as `ArticlesGenerator.generate_context`
    reads it (its readers, signals and checks); None when it is skipped or
    not valid (the reader has logged why)."""
    article = generator.readers.read_file(
        base_path=generator.path, path=path, content_class=Article, context=generator.context,
        preread_signal=signals.article_generator_preread, preread_sender=generator,
        context_signal=signals.article_generator_context, context_sender=generator)
    if isinstance(article, SkipStub) or not article.is_valid():
        return None
    return article


def take_reading(content, reading, kept: frozenset) -> None:
    """Make `content` what `reading` (the same source, read again) says, in
    place, so that every page value and story holding `content` shows the new
    text: its attributes but those in `kept`, and the body and summary
    Pelican memoizes per content object."""
    for name, value in vars(reading).items():
        if name not in kept and name not in CONTENT_BUILD_ATTRIBUTES:
            vars(content)[name] = value
    for method in ("get_content", "get_summary"):
        cache = vars(Content)[method].cache  # pelican.utils.memoized: keyed by (content, siteurl)
        for key in [key for key in cache if key[0] is content]:
            del cache[key]


# -- Pelican: a build in a resident process (akhbar/resident.py) ---------------

def read_file_with_kept_readings(kept_reading) -> None:
    """Make every `Readers.read_file` of this process first ask
    `kept_reading(path, content_class, preread_sender)` (path absolute) for
    a content object read before, in a process this one was forked from: if
    one comes back, it is the reading, bound to this build's context, and the
    source is not read again. The preread signal is sent first, as Pelican
    sends it before reading. Pelican has no hook between its readers and its
    generators: the method is replaced, in this process only."""
    written_for(PELICAN, "the resident build's kept readings", "sources may be read again or wrongly")
    read_file = pelican.readers.Readers.read_file

    def read_or_keep(self, base_path, path, content_class=pelican.readers.Page, fmt=None, context=None,
                     preread_signal=None, preread_sender=None, context_signal=None, context_sender=None):
        if preread_signal is not None:
            preread_signal.send(preread_sender)
        kept = kept_reading(os.path.abspath(os.path.join(base_path, path)), content_class, preread_sender)
        if kept is not None:
            kept._context = context
            return kept
        return read_file(self, base_path, path, content_class, fmt, context, None, None,
                         context_signal, context_sender)

    pelican.readers.Readers.read_file = read_or_keep


def forget_logged_messages() -> None:
    """Pelican logs a warning once per process (LimitFilter, class-wide): a
    build in a forked process must log again what the process it was forked
    from logged, as a build of its own would."""
    pelican.log.LimitFilter._ignore.clear()
    pelican.log.LimitFilter._raised_messages.clear()
    pelican.log.LimitFilter._group_count.clear()


def forget_rendered_texts() -> None:
    """Drop every body and summary Pelican has memoized (per content object
    and SITEURL): a reading kept for later builds must not carry one made
    with another build's context."""
    for method in ("get_content", "get_summary"):
        vars(Content)[method].cache.clear()


# -- Pelican: the writer --------------------------------------------------------

class PelicanWriter(Writer):
    """Pelican's Writer, with what a writer that renders its pages later needs
    of its private parts: claiming a page's output file as `write_file` does,
    and knowing (and replacing, not truncating) the files Pelican writes at
    once itself (feeds, its own pagination)."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        written_for(PELICAN, "the incremental writer", "pages may be written wrongly")

    def _open_w(self, filename, encoding, override=False):
        # Pelican opens here every file it writes itself. Replace the file
        # rather than truncate it: the last build's output may share it (a
        # hard link) and must not change.
        if os.path.isfile(filename):
            os.unlink(filename)
        self.written_by_pelican(filename)
        return super()._open_w(filename, encoding, override)

    def written_by_pelican(self, filename: str) -> None:
        """A file Pelican writes at once, through its own code."""

    def claim(self, name: str, override_output: bool = False) -> str:
        """The output path of page `name`, refused when another page has it."""
        path = sanitised_join(self.output_path, name)
        if path in self._written_files and not override_output:
            raise RuntimeError(f'"{name}" is written twice: two pages have one URL')
        self._written_files.add(path)
        return path


def page_context(context: dict, name: str, relative_urls: bool, values: dict) -> dict:
    """The context of a page's template, as Writer.write_file makes it (and
    sends with `content_written`)."""
    local = context.copy()
    local["localsiteurl"] = local.get("localsiteurl", None)
    if relative_urls:
        relative = path_to_url(get_relative_path(name))
        local["SITEURL"] = local["localsiteurl"] = relative
    local["output_file"] = name
    local.update(values)
    return local


def share_local_siteurl(context: dict, local: dict) -> None:
    """As Writer.write_file does before it renders a page: the site's context
    takes the page's `localsiteurl`, with which articles resolve their links."""
    if local["localsiteurl"]:
        context["localsiteurl"] = local["localsiteurl"]


# -- Pelican: readers, generators, contents ----------------------------------------

def start_markdown_read(reader, source_path) -> Markdown:
    """What MarkdownReader.read does before it converts a file: the reader
    keeps the file's path (for its warnings) and a parser, which its metadata
    parsing uses and changes. Pelican makes a new parser for every file; one
    parser reset does the same work (Markdown's own advice for many documents)
    without loading its extensions again, 2 ms a file."""
    written_for(PELICAN, "the kept Markdown conversions", "Markdown metadata may be read wrongly")
    reader._source_path = source_path
    parser = getattr(reader, "_md", None)
    if isinstance(parser, Markdown):
        if "meta" not in parser.preprocessors:  # _parse_metadata deregisters it; as MetaExtension registers it
            parser.preprocessors.register(MetaPreprocessor(parser), "meta", 27)
        parser.reset()
    else:
        reader._md = parser = Markdown(**reader.settings["MARKDOWN"])
    return parser


def markdown_metadata(reader, meta: dict) -> dict:
    """MarkdownReader's own reading of a metadata block (formatted fields
    converted with the parser of start_markdown_read)."""
    return reader._parse_metadata(meta)


def list_files_with(generator, walk) -> None:
    """Make a generator list its files with `walk(paths, exclude)` (paths
    relative to its content path) instead of Pelican's own walk, which
    follows links. Pelican has no setting or signal for which files a
    generator reads: its get_files is replaced on the instance, with the same
    arguments, and still filters by extension and IGNORE_FILES as Pelican does."""
    written_for(PELICAN, "the regular-files-only walk", "a generator may read other files")

    listed = {}  # Pelican asks for the same list up to four times a build

    def get_files(paths, exclude=None, extensions=None):
        key = (str(paths), str(exclude), str(extensions))
        if key not in listed:
            listed[key] = frozenset(path for path in walk(paths, exclude or [])
                                    if generator._include_path(path, extensions))
        return set(listed[key])

    generator.get_files = get_files


# Where Pelican keeps a content's text as written (Content.__init__): the body
# before its links are resolved, and a summary given in the metadata (the
# `summary` and `content` properties compute from them).
_AS_WRITTEN = {"content": "_content", "summary": "_summary"}
# A content's body as read, and its attributes that are the build itself
# (settings, the whole context) rather than what the content is.
CONTENT_BODY = _AS_WRITTEN["content"]
CONTENT_BUILD_ATTRIBUTES = frozenset({"settings", "_context"})


def text_as_written(content, field: str):
    return getattr(content, _AS_WRITTEN.get(field, field), None)


def set_text_as_written(content, field: str, value: str) -> None:
    setattr(content, _AS_WRITTEN.get(field, field), value)


def body_as_read(content) -> str:
    return str(getattr(content, CONTENT_BODY))


def fix_urls(content) -> None:
    """Keep a content's URL and file name as they are now. Pelican works them
    out from the settings on every use (a dozen per article, 2 s of a
    10,000-article build) unless `URL:` and `Save_as:` metadata set them, in
    `override_url` and `override_save_as`: set them so."""
    content.override_url, content.override_save_as = content.url, content.save_as


# -- Pagefind -------------------------------------------------------------------

class _PromptAsyncio:
    """asyncio as pagefind.service sees it, minus the 0.1 s nap before reading each reply.

    pagefind 1.5.2's service sleeps 0.1 s per response although readuntil()
    already waits for data, so N records cost N/10 seconds (10,000 articles:
    half an hour). Without the nap they cost milliseconds.
    """

    def __getattr__(self, name):
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay, result=None):
        return await asyncio.sleep(0, result)


@contextlib.contextmanager
def prompt_pagefind_service():
    """Pagefind's service module, with _PromptAsyncio as its asyncio, while in the block."""
    if not written_for(PAGEFIND, "the prompt Pagefind service", "indexing waits 0.1 s per record"):
        yield
        return
    import pagefind.service as service

    service.asyncio = _PromptAsyncio()
    try:
        yield
    finally:
        service.asyncio = asyncio


# pagefind.js 1.5.2 waits for its own start (WebAssembly and index loaded) by
# polling every 50 ms, in getPtr() before a search and in mergeIndex(): a
# search asked for while it starts, as the search page's first one is, loses
# 25 ms on average, and the complete answer more. Polled every 5 ms instead
# (measured at 10,000 articles: first results 25-30 ms sooner).
START_POLL = ("await asyncSleep(50);}", "await asyncSleep(5);}")


def shorten_start_polling(script: Path) -> bool:
    """Patch a bundle's pagefind.js; False when it has no such wait (another Pagefind)."""
    written_for(PAGEFIND_BIN, "the shorter start polling of pagefind.js", "it is patched only if it has the wait")
    text = script.read_text(encoding="utf-8")
    if START_POLL[0] not in text:
        return False
    script.write_text(text.replace(*START_POLL), encoding="utf-8")
    return True


async def settled(folder: Path, timeout: float = 20.0) -> None:
    """Wait until nothing under folder changes any more.

    pagefind 1.5.2 answers WriteFiles before its last files are on disk, and
    closing the index then stops the writer mid-file (seen under load: a
    truncated pagefind-component-ui.js, so builds were not byte-identical).
    """
    def snapshot():
        # One stat per file (a bundle holds a thousand and more, and this runs every 50 ms).
        found = []
        for root, _, files in os.walk(folder):
            for name in files:
                path = os.path.join(root, name)
                with contextlib.suppress(FileNotFoundError):  # replaced as it was listed
                    stat = os.stat(path)
                    found.append((path, stat.st_size, stat.st_mtime_ns))
        return sorted(found)

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    previous, quiet = None, 0
    while quiet < 3 and loop.time() < deadline:
        current = snapshot()
        quiet = quiet + 1 if current == previous else 0
        previous = current
        await asyncio.sleep(0.05)


class SettledPagefindIndex:
    """PagefindIndex as `async with` gives it, closed only once its files
    have settled on disk (its own __aexit__ closes at once). `meanwhile`
    runs while Pagefind writes them: most of its time for a bundle."""

    def __init__(self, config, meanwhile=None):
        from pagefind.index import PagefindIndex

        written_for(PAGEFIND, "the settled Pagefind index", "a bundle may be written wrongly")
        self.index = PagefindIndex(config=config)
        self.folder = Path(config["output_path"])
        self.meanwhile = meanwhile

    async def __aenter__(self):
        return await self.index._start()

    async def __aexit__(self, exc_type, exc, traceback):
        try:
            if exc_type is None:
                writing = asyncio.ensure_future(self.index.write_files())
                await asyncio.sleep(0)  # the request sent: the task's first step writes it
                try:
                    if self.meanwhile is not None:
                        self.meanwhile()
                finally:
                    await writing
                await settled(self.folder)
        finally:
            await self.index._service.close()
