/* Akhbar search page: Pagefind over http(s), the offline index from disk.
 *
 * A query is read the way the index was written (search_index/folding.py):
 * the folding tables, the offline index's layout and the languages come from
 * the build in window.AKHBAR_LEXICON.contract, and every token (a glossary
 * name, a filter value) from the lexicon: this file holds only the steps.
 * Both engines match each word as a prefix of indexed words, and a word that
 * begins no indexed word finds nothing (Pagefind would fall back to a shorter
 * word: we check). Both rank the same way: the articles that use the query's
 * words most often first, then the newest, then by URL; or, sorted by date,
 * the newest first, then by URL.
 */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("search-config").textContent);
  const lexicon = window.AKHBAR_LEXICON;
  const contract = lexicon.contract;
  const strings = config.strings;
  const lang = document.documentElement.lang;
  const root = new URL(config.root, location.href);
  // Results shown at a time: each costs its record file (records/<bundle>/<n>.js) to fetch.
  const PAGE_SIZE = 10;

  // -- reading a query: the steps of search_index/folding.py ------------------

  const folding = contract.folding;
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  const codePoint = (n) => `\\u{${n.toString(16)}}`;
  const LETTERS = new RegExp(Object.keys(folding.letters).sort((a, b) => b.length - a.length)
    .map(escape).join("|"), "gu");
  const DROPPED = new RegExp("[" + folding.dropped
    .map(([a, b]) => (a === b ? codePoint(a) : `${codePoint(a)}-${codePoint(b)}`)).join("") + "]", "gu");
  const HEH = new RegExp(`(?<![${escape(folding.heh.kept_after)}])${escape(folding.heh.from)}`, "gu");
  const ENDING = new RegExp(`(${Object.keys(folding.word_endings).map(escape).join("|") || "(?!)"})$`, "u");
  const WORD = /[\p{L}\p{N}]+/gu;

  function fold(text) {
    const letters = text.normalize("NFKC").replace(LETTERS, (c) => folding.letters[c]).toLowerCase();
    return letters.normalize("NFD").replace(DROPPED, "").normalize("NFC").replace(HEH, folding.heh.to);
  }

  function words(text) {
    return (fold(text).match(WORD) || []).map((w) => w.replace(ENDING, (e) => folding.word_endings[e]));
  }


  /* Words of the query, with glossary names (longest first) replaced by their tokens. */
  function queryTerms(text) {
    const found = words(text);
    const terms = [];
    const entities = [];
    const tokens = new Set();
    for (let i = 0; i < found.length;) {
      const hit = lexicon.variants.find(([key]) => key.every((w, j) => found[i + j] === w));
      if (hit) {
        terms.push(hit[1]);
        tokens.add(hit[1]);
        entities.push(hit[2]);
        i += hit[0].length;
      } else {
        terms.push(found[i]);
        i += 1;
      }
    }
    return { terms: [...new Set(terms)], entities, tokens };
  }

  // -- engines -----------------------------------------------------------------

  /* A hit: `count`, how many words of the record's indexed text begin with a
     word of the query; `bundle`, its bundle's place in lexicon.bundles
     (newest first); `rank`, its place in its bundle (newest first, then by
     URL); `load()`, its record file (record()). Sorted the same way by both
     engines, so a search gives the same list over http and from disk. Bundles
     and ranks are in date order already: sorting by date leaves out the count. */
  function ranked(hits, byDate) {
    return hits.sort((a, b) => (byDate ? 0 : b.count - a.count) || a.bundle - b.bundle || a.rank - b.rank);
  }

  const bundleIndex = new Map(lexicon.bundles.map((name, i) => [contract.pagefind.language_tag + name, i]));

  /* Pagefind. The archive has a bundle per year, or per quarter or month of a
     large one (newest first, undated last).
     Only the bundles that hold every name and filter of the query are loaded
     (the build lists them by token); the newest of them answers first, so
     first results do not wait for the whole archive; the others are then
     merged in (Pagefind's mergeIndex) and the complete answer replaces the
     first one.

     Each word of the query is a search of its own, sorted by the build's rank
     (Pagefind then gives minus a record's rank as its score, and the record's
     file is search/records/<bundle>/<rank>.js): Pagefind also matches the words
     of a record's metadata (its titles, its dates) and reports them with no
     position, and those do not count. Pagefind answers a word that begins no
     word of a bundle with a shorter one (پوتنز -> پوتن): the best hit of each
     bundle is checked, and a bundle whose best hit lacks a word of the query
     contributes nothing (a fall-back answers for the whole bundle, so in date
     order its newest hit tells as well). */
  const pagefindEngine = {
    primary: null,
    merged: new Map(), // bundle name -> its mergeIndex, once asked
    load() {
      this.primary = this.primary || (async () => {
        const name = lexicon.bundles[0];
        const files = lexicon.pagefind[name];
        const folder = new URL(`pagefind/${name}/`, root);
        // Pagefind fetches these one after another once its module has run;
        // asked for now, they arrive while it loads (its own fetches then
        // find them in the preload cache).
        for (const file of [`pagefind-entry.json?ts=${files.tag}`, files.meta, files.wasm]) {
          const link = Object.assign(document.createElement("link"),
            { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: new URL(file, folder).href });
          document.head.append(link);
        }
        const pagefind = await import(new URL("pagefind.js", folder).href);
        // In the page's own thread: a worker costs another 41 KB and ~100 ms to
        // start. The cache tag makes the entry file's URL the preloaded one.
        await pagefind.options({ noWorker: true, metaCacheTag: files.tag });
        await pagefind.init();
        return pagefind;
      })();
      return this.primary;
    },
    /* Pagefind with these bundles (places in lexicon.bundles) merged in. */
    async with(places) {
      const pagefind = await this.load();
      await Promise.all(places.filter((place) => place > 0).map((place) => {
        const name = lexicon.bundles[place];
        if (!this.merged.has(name)) {
          this.merged.set(name, pagefind.mergeIndex(
            new URL(`pagefind/${name}/`, root).href, { metaCacheTag: lexicon.pagefind[name].tag }));
        }
        return this.merged.get(name);
      }));
      return pagefind;
    },
    /* The bundles that may answer: those holding every name and filter of
       the query (lexicon.token_bundles), all of them for other words. */
    bundlesFor(terms) {
      let places = lexicon.bundles.map((_, place) => place);
      for (const term of terms) {
        const holders = lexicon.token_bundles[term];
        if (holders) places = places.filter((place) => holders.includes(place));
      }
      return places;
    },
    start() {
      return this.load();
    },
    async hits(pagefind, terms, byDate) {
      const sort = { sort: { [contract.pagefind.rank]: "asc" } };
      const answers = await Promise.all(terms.map((term) => pagefind.search(term, sort)));
      // Records with every term in their indexed text, with the positions of those words.
      let found = null;
      for (const answer of answers) {
        const next = new Map();
        for (const result of answer.results) {
          if (!result.words.length || (found && !found.has(result.id))) continue;
          const positions = found ? found.get(result.id).positions : new Set();
          for (const position of result.words) positions.add(position);
          next.set(result.id, { result, positions });
        }
        found = next;
      }
      const hits = ranked([...found.values()].map(({ result, positions }) => {
        const bundle = bundleIndex.get(result.id.split("_")[0]);
        const rank = -result.score;
        return { count: positions.size, bundle, rank, load: () => record(lexicon.bundles[bundle], rank) };
      }), byDate);
      // The first page's records load along with each bundle's best hit:
      // one round trip to first results, not two.
      for (const hit of hits.slice(0, PAGE_SIZE)) hit.load();
      const best = new Map();
      for (const hit of hits) if (!best.has(hit.bundle)) best.set(hit.bundle, hit);
      const failed = new Set();
      await Promise.all([...best.values()].map(async (hit) => {
        const { text, more } = await hit.load();
        const indexed = [...words(text), ...more];
        if (!terms.every((term) => indexed.some((w) => w.startsWith(term)))) failed.add(hit.bundle);
      }));
      return hits.filter((hit) => !failed.has(hit.bundle));
    },
    /* The newest bundle that may answer first (early), then every one that may. */
    async search(terms, byDate, early) {
      const places = this.bundlesFor(terms);
      if (!places.length) return [];
      if (places.length > 1 && early && !places.every((place) => place === 0 || this.merged.has(lexicon.bundles[place]))) {
        await early(await this.hits(await this.with(places.slice(0, 1)), terms, byDate));
      }
      return this.hits(await this.with(places), terms, byDate);
    },
  };

  /* The build's script files (search_index/offline.py): each registers its
     data through LOADER.load(path, data), which also holds the page's reading
     of a text for scripts that check it (tests). */
  const loaded = {};
  const pending = {};
  window[contract.offline.loader] = {
    load(name, data) {
      loaded[name] = data;
      if (pending[name]) pending[name].resolve(data);
    },
    fold,
    words,
  };

  function script(kind, values) {
    const name = contract.offline.paths[kind].replace(/\{(\w+)\}/g, (_, key) => values[key]);
    if (loaded[name]) return Promise.resolve(loaded[name]);
    if (!pending[name]) {
      let resolve, reject;
      pending[name] = new Promise((ok, fail) => { resolve = ok; reject = fail; });
      pending[name].resolve = resolve;
      const tag = document.createElement("script");
      tag.src = new URL(`search/${name}.js`, root).href;
      tag.onerror = () => reject(new Error(`cannot load search/${name}.js`));
      document.head.append(tag);
    }
    return pending[name];
  }

  /* A record as the page shows it: its URL, meta, text as written and the
     indexed words its text does not give. */
  function record(bundle, number) {
    return script("record", { bundle, number });
  }

  /* Postings as search_index/offline.py writes them: record numbers as gaps,
     each with its count where a word occurs more than once. */
  function decodePostings(list) {
    const { radix, gap, count: mark } = contract.offline.postings;
    const counts = new Map();
    let previous = 0;
    for (const item of list.split(gap)) {
      const [step, count] = item.split(mark);
      previous += parseInt(step, radix);
      counts.set(previous, count ? parseInt(count, radix) : 1);
    }
    return counts;
  }

  /* The offline index has the same bundles, records and words; each bundle
     answers alone (it has no fall-back to a shorter word). */
  const offlineEngine = {
    /* record number -> indexed words of the record that begin with `term` -> occurrences */
    async matches(bundle, term, docs) {
      const prefix = [...term].slice(0, contract.offline.shard_prefix).join("");
      const found = new Map();
      for (const [start, key] of Object.entries(docs.shards)) {
        if (!(prefix.length < contract.offline.shard_prefix ? start.startsWith(prefix) : start === prefix)) continue;
        const table = await script("terms", { bundle, key });
        for (const [word, list] of Object.entries(table)) {
          if (!word.startsWith(term)) continue;
          for (const [number, count] of decodePostings(list)) {
            if (!found.has(number)) found.set(number, new Map());
            found.get(number).set(word, count);
          }
        }
      }
      return found;
    },
    async searchBundle(bundle, index, terms) {
      const docs = await script("docs", { bundle });
      let found = null;
      for (const term of terms) {
        const matches = await this.matches(bundle, term, docs);
        if (found === null) found = matches;
        else for (const [number, counts] of [...found]) {
          if (!matches.has(number)) found.delete(number);
          else for (const [word, count] of matches.get(number)) counts.set(word, count);
        }
      }
      return [...found || []].map(([number, counts]) => ({
        count: [...counts.values()].reduce((sum, n) => sum + n, 0),
        bundle: index,
        rank: number,
        load: () => record(bundle, number),
      }));
    },
    async search(terms, byDate) {
      const found = await Promise.all(lexicon.bundles.map((bundle, i) => this.searchBundle(bundle, i, terms)));
      return ranked(found.flat(), byDate);
    },
  };

  // -- results -----------------------------------------------------------------

  /* A word of the text as written, folded: its first search word. Kept, since
     an excerpt folds its words one by one and articles share most of them. */
  const foldedWords = new Map();
  function foldedWord(written) {
    if (!foldedWords.has(written)) foldedWords.set(written, words(written)[0] || "");
    return foldedWords.get(written);
  }

  /* Some thirty words of the text as written around the first word the query
     matches, with the matching words marked. Words are folded only as far as
     the excerpt needs them. */
  function excerpt(text, query) {
    const variants = lexicon.variants.filter(([, , id]) => query.entities.includes(id)).map(([key]) => key);
    const plain = query.terms.filter((t) => !query.tokens.has(t));
    // The record's lines: its title (the card's heading already), its captions, its text.
    // Shown without the title, with a mark where one part ends and the next begins.
    const lines = text.split("\n");
    const shown = [], partEnds = new Set();
    for (const line of lines.length > 1 ? lines.slice(1) : lines) {
      const words = line.split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      shown.push(...words);
      partEnds.add(shown.length - 1);
    }
    const folded = [];
    const word = (i) => (i < shown.length ? (folded[i] ??= foldedWord(shown[i])) : "");
    // How many words from the i-th on the query matches: a glossary spelling, or a word it begins.
    const matchAt = (i) => {
      const key = variants.find((k) => k.every((w, j) => word(i + j) === w));
      return key ? key.length : Number(plain.some((t) => word(i).startsWith(t)));
    };
    let first = 0;
    while (first < shown.length && !matchAt(first)) first += 1;
    const start = first < shown.length ? Math.max(0, first - 12) : 0;
    const end = Math.min(shown.length, start + 30);
    const marked = new Set();
    for (let i = start; i < end; i++) {
      for (let j = matchAt(i) - 1; j >= 0; j--) marked.add(i + j);
    }
    const fragment = document.createDocumentFragment();
    if (start > 0) fragment.append("… ");
    for (let i = start; i < end; i++) {
      const after = partEnds.has(i) && i < end - 1 ? " · " : " ";
      if (marked.has(i)) {
        const mark = document.createElement("mark");
        mark.textContent = shown[i];
        fragment.append(mark, after);
      } else fragment.append(shown[i] + after);
    }
    fragment.append("…");
    return fragment;
  }

  function render(list, data, query, replacing) {
    const item = document.createElement("li");
    data.element = item;
    item.className = "card";
    const meta = data.meta;
    const showLang = meta[`url_${query.shown}`] ? query.shown : meta.lang;
    const heading = document.createElement("h2");
    heading.className = "card-title";
    if (showLang !== lang) { heading.lang = showLang; heading.dir = contract.languages[showLang].dir; }
    const link = document.createElement("a");
    link.href = new URL(meta[`url_${showLang}`], root).href;
    link.textContent = meta[`title_${showLang}`];
    heading.append(link);
    const line = document.createElement("p");
    line.className = "meta";
    const when = meta[`date_${lang}`] || strings.undated;
    const outlet = meta.outlet ? lexicon.outlets[meta.outlet][lang] : "";
    line.textContent = [when, outlet, showLang !== lang ? strings[`in_${showLang}`] : ""].filter(Boolean).join(" · ");
    const text = document.createElement("p");
    text.className = "summary excerpt";
    text.lang = meta.lang;
    text.dir = contract.languages[meta.lang].dir;
    text.append(excerpt(data.text, query));
    item.append(heading, line, text);
    if (replacing) replacing.replaceWith(item);
    else list.append(item);
  }

  const engine = location.protocol === "file:" ? offlineEngine : pagefindEngine;
  const form = document.querySelector(".search-form");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const moreButton = document.getElementById("search-more");
  moreButton.addEventListener("click", () => showMore(latest));
  let latest = 0;

  async function run(params) {
    const mine = ++latest;  // a newer search overtakes this one
    const text = params.get("q") || "";
    form.elements.q.value = text;
    const sort = form.elements.sort;
    sort[0].checked = true;  // the default order, unless the URL names another one
    sort.value = params.get("sort") || "";
    const query = { text, ...queryTerms(text) };
    // Results show the version in the filtered language, else the page's.
    const chosen = params.get("language");
    query.shown = Object.hasOwn(contract.languages, chosen || "") ? chosen : lang;
    // Filters are words of the index too, each value's token given by the lexicon.
    let unknownFilter = false, filtered = false;
    for (const select of form.querySelectorAll("select")) {
      const value = params.get(select.name) || "";
      select.value = value;
      if (!value) continue;
      filtered = true;
      const token = (lexicon.filters[select.name] || {})[value];
      if (token) {
        query.terms.push(token);
        query.tokens.add(token);
      } else unknownFilter = true;  // a value no article has
    }
    query.terms = [...new Set(query.terms)];
    // A search the URL filters shows its filters (they are folded away otherwise).
    if (filtered) form.querySelector(".search-filters").open = true;
    if (!query.terms.length && !unknownFilter) {
      list.replaceChildren();
      status.textContent = "";
      moreButton.hidden = true;
      return;
    }
    status.textContent = strings.searching;
    status.dataset.state = "searching";
    performance.clearMarks("akhbar-search-first-results");
    performance.clearMarks("akhbar-search-first-page");
    performance.mark("akhbar-search-start");
    let hits = [];
    try {
      if (!unknownFilter) {
        hits = await engine.search(query.terms, sort.value === "date",
          (recent) => present(recent, mine, query, false));
      }
    } catch (error) {
      status.textContent = strings.failed;
      throw error;
    }
    await present(hits, mine, query, true);
  }

  /* Show the first page of hits. An early answer (the newest bundle that may answer) shows what
     it found and leaves the status to the complete one. */
  async function present(hits, mine, query, complete) {
    if (mine !== latest || (!complete && !hits.length)) return;
    current = { hits, next: 0, seen: new Map(), query, complete };
    list.replaceChildren();
    await showMore(mine);
  }

  let current = null;

  /* The next PAGE_SIZE hits, fetched together; one entry per article, in the
     filtered language, else the page's, when both versions of a story matched. */
  async function showMore(mine) {
    const answer = current;
    const batch = answer.hits.slice(answer.next, answer.next + PAGE_SIZE);
    answer.next += batch.length;
    // All fetched at once; the best hit shown as soon as it is in, the rest
    // together (each showing costs the page a layout).
    const loading = batch.map((hit) => hit.load());
    const { seen, query } = answer;
    for (const group of [loading.slice(0, 1), loading.slice(1)]) {
      const loaded = await Promise.all(group);
      if (mine !== latest || answer !== current) return;
      for (const data of loaded) {
        const known = seen.get(data.meta.story);
        if (!known) {
          seen.set(data.meta.story, data);
          render(list, data, query);
        } else if (known.meta.lang !== query.shown && data.meta.lang === query.shown) {
          seen.set(data.meta.story, data);  // the version in the shown language replaces the other
          render(list, data, query, known.element);
        }
      }
      // First results: the best hit in the page (or, with no hits, the answer).
      if ((loaded.length || !batch.length) && !performance.getEntriesByName("akhbar-search-first-results").length) {
        performance.mark("akhbar-search-first-results");
      }
    }
    if (!performance.getEntriesByName("akhbar-search-first-page").length) {
      performance.mark("akhbar-search-first-page");
    }
    if (!answer.complete) return;
    performance.mark("akhbar-search-results");
    const more = current.next < current.hits.length;
    moreButton.hidden = !more;
    const shown = seen.size;
    status.textContent = shown === 0
      ? (query.text.trim() ? strings.none.replace("%(query)s", query.text) : strings.none_filtered)
      : (shown === 1 && !more ? strings.one : (more ? strings.more : strings.many))
        .replace("%(num)s", String(shown));
    // For scripts that drive the page (tests, benchmarks): which search is done.
    status.dataset.state = "done";
    status.dataset.run = String(mine);
  }

  // The query lives in the URL (search.html?q=…), so a search can be bookmarked
  // and shared; searching again updates it without reloading the page.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) params.set(name, value);
    try {
      history.pushState(null, "", `?${params}`);
    } catch (error) {
      // Some browsers refuse to change a file:// URL; the search still runs.
    }
    run(params);
  });
  // Another order shows at once, as a new search (it is part of the URL too).
  for (const choice of form.elements.sort) choice.addEventListener("change", () => form.requestSubmit());
  window.addEventListener("popstate", () => run(new URLSearchParams(location.search)));
  if (engine.start) engine.start();
  run(new URLSearchParams(location.search));
})();
