"""Archive pages: every listing page of the archive, once in Urdu and once in English.

Pelican writes the article pages; this generator writes the rest for both
languages (home with pagination, archives by year and month with a timeline,
outlet, category, person / place / organisation / topic pages, search, 404),
`sitemap.xml` with hreflang alternates (addresses from PUBLIC_URL; an index of
numbered files past 50,000 URLs, sitemap.py), and Atom
feeds (feeds.py) for the whole site and for every outlet, category and glossary
page, in each language. The English side lists every story, Urdu-only ones
included, marked as Urdu.
"""

import logging
import math
import os
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from akhbar import urls
from akhbar.build import BuildState, article_reread, collector_paused, render_shared_parts
from akhbar.collation import collation_key
from akhbar.compat import use_linear_group_pages
from akhbar.kept import kept_folder, load_kept, replace_file, save_kept
from akhbar.languages import LANGUAGES
from akhbar.settings import site_settings
from akhbar.site_key import site_key

from .article_links import article_links, story_link, story_neighbours
from .cards import CardCache
from .feeds import atom_time, feed
from .month_calendar import month_name, month_weeks, neighbouring_months, stories_by_day, weekday_names
from .on_this_day import as_script_value, build_day, day_label, earlier_years, month_data, stories_by_month_day
from .provenance import provenance
from .settings import settings_of
from .sitemap import is_numbered_sitemap, sitemap_files
from .stories import Story, related_stories
from .timeline import timeline_years

logger = logging.getLogger(__name__)


def local_name(thing, lang: str) -> str:
    """The name of an outlet, category or glossary entry in a language."""
    if thing is None:
        return ""
    thing = getattr(thing, "entry", thing)
    return getattr(thing, lang, None) or getattr(thing, "en", "")


def name_order(lang: str):
    """A sort key: things in the alphabetical order of their names in a
    language (Urdu's is CLDR's, not the order of code points)."""
    return lambda thing: collation_key(local_name(thing, lang))


SCHEMA_TYPES = {"person": "Person", "place": "Place", "organisation": "Organization", "topic": "Thing"}


def schema_things(mentions) -> list[dict]:
    """The glossary entries an article mentions, as schema.org objects for JSON-LD."""
    return [{"@type": SCHEMA_TYPES[m.entry.kind], "name": m.entry.en, "alternateName": m.entry.ur}
            for m in mentions]


def by_kind(mentions) -> dict:
    """An article's mentions by their entry's kind, each kind in their order.
    In Python: a selectattr per kind was 7 % of rendering an archive."""
    kinds = {}
    for mention in mentions:
        kinds.setdefault(mention.entry.kind, []).append(mention)
    return kinds


CARDS = CardCache()
RANKING_VERSION = 1  # of related.pickle, the kept ranking of related stories


@pass_context
def story_card(context, story, level: int = 2) -> Markup:
    return CARDS.card(context, story, level)


def render_card_sheet(state: BuildState):
    with collector_paused():
        CARDS.make_sheet(kept_folder(state.settings), settings_of(state.settings).workers or os.cpu_count() or 1,
                         site_key(state.settings))


def install_url_helpers(generator):
    generator.env.globals.update(urls=urls, local_name=local_name, story_card=story_card,
                                 month_name=month_name, weekday_names=weekday_names, day_text=day_label,
                                 atom_time=atom_time)
    generator.env.filters.update(schema_things=schema_things, by_kind=by_kind)


class ArchivePagesGenerator(Generator):
    def generate_context(self):
        originals = self.context.get("articles", [])
        self.stories = sorted((Story(a) for a in originals), key=Story.sort_key)
        self.story_of = {}
        related = self._related_stories()
        neighbours = story_neighbours(self.stories)
        for story in self.stories:
            for version in story.versions.values():
                # On the article, because a template shows it (article.html):
                # Pelican's own generator writes article pages and passes
                # the template only the article.
                version.related = related[id(story)]
                version.story_links = article_links(story, neighbours[id(story)], version.lang)
                version.provenance = provenance(story.original, version)
                self.story_of[id(version)] = story
        article_reread.connect(self.reread)

        self.by_month = defaultdict(list)
        self.by_year = defaultdict(list)
        self.undated = []
        self.by_outlet = defaultdict(list)
        self.by_category = defaultdict(list)
        self.by_entity = defaultdict(list)
        self.things = {}
        for story in self.stories:
            if story.undated:
                self.undated.append(story)
            else:
                self.by_month[(story.date.year, story.date.month)].append(story)
                self.by_year[story.date.year].append(story)
            # A syndicated story is listed on the page of every outlet that ran it.
            for outlet in [story.outlet, *getattr(story.original, "also_published_by", ())] if story.outlet else []:
                self.by_outlet[outlet.id].append(story)
                self.things[("outlet", outlet.id)] = outlet
            if story.category:
                self.by_category[story.category.id].append(story)
                self.things[("category", story.category.id)] = story.category
            for mention in story.entities:
                self.by_entity[(mention.entry.kind, mention.entry.id)].append(story)
                self.things[(mention.entry.kind, mention.entry.id)] = mention.entry
        self.by_day = stories_by_day(self.stories)
        self.by_month_day = stories_by_month_day(self.stories)
        self.build_day = build_day(self.stories)
        self.context["stories"] = self.stories
        CARDS.start(self.stories, self.env, self.context)

    def _related_stories(self) -> dict:
        """Each story's related stories, ranked again only where an edit can
        change them: the last build's ranking is kept (ranking them all was
        0.5-0.8 s of a one-seed rebuild's reading at 10,000 articles)."""
        kept = kept_folder(self.settings) / "related.pickle"
        site = site_key(self.settings)
        last = load_kept(kept, RANKING_VERSION)
        usable = last["ranking"] if last and last["site"] == site else None
        related, ranking = related_stories(self.stories, last=usable)
        if ranking.reranked or last is None:
            save_kept(kept, RANKING_VERSION, {"site": site, "ranking": ranking})
        return related

    # -- writing ------------------------------------------------------------

    def _write(self, writer, name, template, lang, alternates, **values):
        writer.write_file(
            name,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_lang=lang,
            page_url=name,
            alternates=alternates,
            **values,
        )

    def _both(self, url_of):
        return {lang: url_of(lang) for lang in LANGUAGES}

    def _listing(self, writer, lang, first_url, stories, heading, **values):
        """A paginated list of stories; first_url(lang) names its first page."""
        per_page = self.settings.get("DEFAULT_PAGINATION") or 20
        pages = max(1, math.ceil(len(stories) / per_page))

        def page(other_lang, number):
            return urls.page(first_url(other_lang), number)

        for number in range(1, pages + 1):
            chunk = stories[(number - 1) * per_page:number * per_page]
            self._write(
                writer, page(lang, number), "listing", lang,
                {other: page(other, number) for other in LANGUAGES},
                heading=heading,
                total=len(stories),
                stories=chunk,
                page_number=number,
                page_count=pages,
                previous_url=page(lang, number - 1) if number > 1 else None,
                next_url=page(lang, number + 1) if number < pages else None,
                **values,
            )

    def reread(self, article):
        """The live preview read `article` again: its story's cards and what editors corrected, anew."""
        story = self.story_of.get(id(article))
        if story is not None:
            story.content_changed()
            for version in story.versions.values():
                version.provenance = provenance(story.original, version)

    def generate_output(self, writer):
        for lang in LANGUAGES:
            self._write_language(writer, lang)
        self._write_sitemap()

    def _write_language(self, writer, lang):
        on_this_day = self.build_day and earlier_years(self.build_day, self.by_month_day,
                                                       lambda story: story_link(story, lang))
        self._followed_listing(writer, lang, urls.home, self.stories, None, urls.feed(lang),
                               is_home=True, on_this_day=on_this_day)
        if self.build_day:
            self._write_on_this_day(writer, lang)

        counts = {month: len(stories) for month, stories in self.by_month.items()}
        years = sorted(self.by_year, reverse=True)
        self._write(
            writer, urls.archives(lang), "archives", lang, self._both(urls.archives),
            timeline=timeline_years(counts),
            years=[(y, sorted(((m, len(s)) for (yy, m), s in self.by_month.items() if yy == y), reverse=True))
                   for y in years],
            undated_count=len(self.undated),
        )
        other_months = neighbouring_months(self.by_month)
        day_counts = defaultdict(dict)
        for date, stories in self.by_day.items():
            day_counts[(date.year, date.month)][date.day] = len(stories)
        for (year, month), stories in self.by_month.items():
            self._listing(writer, lang, lambda language, y=year, m=month: urls.month(language, y, m),
                          stories, heading=("month", year, month),
                          month_weeks=month_weeks(year, month, day_counts[(year, month)]),
                          other_months=other_months[(year, month)])
        for date, stories in self.by_day.items():
            self._listing(writer, lang, lambda language, d=date: urls.day(language, d), stories,
                          heading=("day", date))
        for year in years:
            self._listing(writer, lang, lambda language, y=year: urls.year(language, y), self.by_year[year],
                          heading=("year", year))
        if self.undated:
            self._listing(writer, lang, urls.undated, self.undated, heading=("undated",))
        for key, stories in self.by_outlet.items():
            self._followed_listing(writer, lang, lambda language, k=key: urls.outlet(language, k), stories,
                                   ("outlet", self.things[("outlet", key)]), urls.feed(lang, "outlet", key))
        for key, stories in self.by_category.items():
            self._followed_listing(writer, lang, lambda language, k=key: urls.category(language, k), stories,
                                   ("category", self.things[("category", key)]), urls.feed(lang, "category", key))
        for (kind, key), stories in self.by_entity.items():
            self._followed_listing(writer, lang, lambda language, k=kind, i=key: urls.entity(language, k, i),
                                   stories, ("entity", self.things[(kind, key)]),
                                   urls.feed(lang, urls.KIND_FOLDER[kind], key))
        entity_index = defaultdict(list)
        for (kind, key), stories in self.by_entity.items():
            entity_index[kind].append((self.things[(kind, key)], len(stories)))
        alphabetical = name_order(lang)
        for kind in entity_index:
            entity_index[kind].sort(key=lambda item: (-item[1], alphabetical(item[0])))
        self._write(writer, urls.named(lang, "entities.html"), "entities", lang,
                    self._both(lambda language: urls.named(language, "entities.html")), entity_index=entity_index)
        for directory, kind, groups in (("outlets", "outlet", self.by_outlet),
                                        ("categories", "category", self.by_category)):
            entries = sorted(((self.things[(kind, key)], len(stories)) for key, stories in groups.items()),
                             key=lambda item: (-item[1], alphabetical(item[0])))
            self._write(writer, urls.named(lang, f"{directory}.html"), "directory", lang,
                        self._both(lambda language, d=directory: urls.named(language, f"{d}.html")),
                        directory=directory, entries=entries)
        facets = {
            "outlet": sorted((self.things[("outlet", k)] for k in self.by_outlet), key=alphabetical),
            "year": years,
            **{kind: sorted((e for e, _ in entity_index.get(kind, [])), key=alphabetical)
               for kind in ("person", "place", "organisation")},
        }
        self._write(writer, urls.named(lang, "search.html"), "search", lang,
                    self._both(lambda language: urls.named(language, "search.html")), facets=facets)
        self._write(writer, urls.named(lang, "404.html"), "404", lang,
                    self._both(lambda language: urls.named(language, "404.html")))

    def _write_on_this_day(self, writer, lang):
        template = self.env.get_template("on-this-day.js")

        def link(story):
            card = story.card(lang)
            return [card.url, card.title, card.title_lang]

        for month in range(1, 13):
            data = month_data(month, self.by_month_day, link, lang)
            writer.write_file(urls.on_this_day(lang, month), template, self.context,
                              relative_urls=self.settings["RELATIVE_URLS"],
                              month_key=f"{month:02d}", data=Markup(as_script_value(data)))

    def _followed_listing(self, writer, lang, first_url, stories, heading, feed_url, **values):
        """A listing readers can follow: its pages, and its Atom feed. A page
        whose stories are all undated has none (a feed needs dates): it would
        be an empty subscription. The site's own feed is always written."""
        followed = feed(feed_url, first_url(lang), stories, self.build_day, self.settings["TIMEZONE"])
        if not followed.stories and heading is not None:
            self._listing(writer, lang, first_url, stories, heading, feed_url=None, **values)
            return
        self._listing(writer, lang, first_url, stories, heading, feed_url=feed_url, **values)
        writer.write_file(
            feed_url, self.env.get_template("atom.xml"), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], page_lang=lang, heading=heading, feed=followed,
        )

    def _write_sitemap(self):
        site = site_settings(self.settings).public_url.rstrip("/")
        entries = []
        for story in self.stories:
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(f"{site}/{v.url}")}/>'
                for lang, v in sorted(story.versions.items())
            )
            if len(story.versions) > 1:
                original = quoteattr(f"{site}/{story.original.url}")
                links += f'<xhtml:link rel="alternate" hreflang="x-default" href={original}/>'
            # isoformat(): Pelican's dates format through its slow strftime.
            lastmod = "" if story.undated else f"<lastmod>{story.date.date().isoformat()}</lastmod>"
            for version in sorted(story.versions.values(), key=lambda v: v.lang):
                entries.append(f"<url><loc>{escape(f'{site}/{version.url}')}</loc>{lastmod}{links}</url>")
        default_home = quoteattr(f"{site}/{urls.home(LANGUAGES[0])}")
        for lang in LANGUAGES:
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{other}" href={quoteattr(f"{site}/{urls.home(other)}")}/>'
                for other in LANGUAGES
            ) + f'<xhtml:link rel="alternate" hreflang="x-default" href={default_home}/>'
            entries.append(f"<url><loc>{escape(f'{site}/{urls.home(lang)}')}</loc>{links}</url>")
        output = Path(self.output_path)
        files = sitemap_files(entries, site)
        for name, xml in files.items():
            replace_file(output / name, xml)
        # Numbered files an archive had when it was larger.
        for stale in [p for p in output.glob("sitemap-*.xml") if is_numbered_sitemap(p.name) and p.name not in files]:
            stale.unlink()


def get_generators(pelican):
    return ArchivePagesGenerator


def register():
    signals.generator_init.connect(install_url_helpers)
    signals.get_generators.connect(get_generators)
    render_shared_parts.connect(render_card_sheet)
    # Pelican's own tag, category and author pages are not this site's (their
    # SAVE_AS are empty), but Pelican still works out their article lists.
    signals.article_generator_init.connect(use_linear_group_pages)
