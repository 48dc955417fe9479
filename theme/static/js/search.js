/* Akhbar search page: Pagefind over http(s), the offline index from disk.
 *
 * A query is read the way the importer reads text: Arabic-keyboard letters
 * become Urdu ones, diacritics go, and any spelling of a glossary name (in
 * Urdu or English) becomes that entry's single index token. Both engines match
 * each word as a prefix of indexed words, and a word that begins no indexed
 * word finds nothing (Pagefind would fall back to a shorter word: we check).
 */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("search-config").textContent);
  const lexicon = window.AKHBAR_LEXICON;
  const strings = config.strings;
  const lang = document.documentElement.lang;
  const root = new URL(config.root, location.href);
  // Results shown at a time: each costs a fragment of about 1 KB to fetch.
  const PAGE_SIZE = 10;

  // -- reading a query ------------------------------------------------------

  const LETTERS = { "ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ة": "ہ", "ۃ": "ہ" };
  const DIACRITICS = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  const WORD = /[\p{L}\p{N}_\u064b-\u065f\u0670\u06d6-\u06ed\u200c]+/gu;

  function fold(text) {
    return text.normalize("NFC").replace(/[يىكهةۃ]/g, (c) => LETTERS[c])
      .normalize("NFC").replace(DIACRITICS, "").toLowerCase();
  }

  function words(text) {
    return (fold(text).match(WORD) || []).map((w) => w.replace(/^\u200c+|\u200c+$/g, "")).filter(Boolean);
  }

  /* Words of the query, with glossary names (longest first) replaced by tokens. */
  function queryTerms(text) {
    const tokens = words(text);
    const terms = [];
    const entities = [];
    for (let i = 0; i < tokens.length;) {
      const hit = lexicon.variants.find(([key]) => key.every((w, j) => tokens[i + j] === w));
      if (hit) {
        terms.push(hit[1]);
        entities.push(hit[2]);
        i += hit[0].length;
      } else {
        terms.push(tokens[i]);
        i += 1;
      }
    }
    return { terms: [...new Set(terms)], entities };
  }

  // -- engines -----------------------------------------------------------------

  /* Pagefind. The archive has one bundle per year (newest first, undated last).
     The newest answers first, so first results do not wait for the whole
     archive; the others are then merged in (Pagefind's mergeIndex) and the
     complete answer replaces the first one.

     Pagefind answers a word that begins no word of a bundle with a shorter one
     (پوتنز -> پوتن, a filter token -> "xf"): false hits. Each bundle is indexed
     under its own language tag (ur-x-2024), which prefixes its result ids, so
     the best hit of each bundle is checked and a bundle whose best hit lacks a
     word of the query contributes nothing. */
  const pagefindEngine = {
    primary: null,
    merged: null,
    complete: false,
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
    loadAll() {
      this.merged = this.merged || (async () => {
        const pagefind = await this.load();
        // Started together; Pagefind keeps the bundles in the order of these calls.
        await Promise.all(lexicon.bundles.slice(1).map((name) => pagefind.mergeIndex(
          new URL(`pagefind/${name}/`, root).href, { metaCacheTag: lexicon.pagefind[name].tag })));
        this.complete = true;
        return pagefind;
      })();
      return this.merged;
    },
    start() {
      return this.load();
    },
    async hits(pagefind, terms) {
      const response = await pagefind.search(terms.join(" "));
      const byBundle = new Map();
      const all = response.results.map((result) => {
        let loading = null;
        const hit = { score: result.score, load: () => (loading = loading || result.data()) };
        const bundle = result.id.split("_")[0];
        if (!byBundle.has(bundle)) byBundle.set(bundle, []);
        byBundle.get(bundle).push(hit);
        return hit;
      });
      // The first page's fragments load along with each bundle's best hit:
      // one round trip to first results, not two.
      for (const hit of all.slice(0, PAGE_SIZE)) hit.load();
      const kept = await Promise.all([...byBundle.values()].map(async (hits) => {
        hits[0].data = await hits[0].load();
        return terms.every((t) => startsAWord(hits[0].data.content, t)) ? hits : [];
      }));
      return kept.flat().sort((a, b) => b.score - a.score);
    },
    async search(terms, early) {
      if (!this.complete && lexicon.bundles.length > 1 && early) {
        await early(await this.hits(await this.load(), terms));
      }
      return this.hits(await this.loadAll(), terms);
    },
  };

  /* Offline: script files registered through AkhbarOffline.load(name, data). */
  const loaded = {};
  const pending = {};
  window.AkhbarOffline = {
    load(name, data) {
      loaded[name] = data;
      if (pending[name]) pending[name].resolve(data);
    },
  };

  function script(name) {
    if (loaded[name]) return Promise.resolve(loaded[name]);
    if (!pending[name]) {
      let resolve, reject;
      pending[name] = new Promise((ok, fail) => { resolve = ok; reject = fail; });
      pending[name].resolve = resolve;
      const tag = document.createElement("script");
      tag.src = new URL(`search/offline/${name}.js`, root).href;
      tag.onerror = () => reject(new Error(`cannot load search/offline/${name}.js`));
      document.head.append(tag);
    }
    return pending[name];
  }

  function shardKey(word) {
    return [...word].slice(0, 2).map((c) => c.codePointAt(0).toString(16).padStart(4, "0")).join("-");
  }

  function decodePostings(list) {
    const counts = new Map();
    let previous = 0;
    for (const item of list.split(",")) {
      const [gap, count] = item.split(".");
      previous += parseInt(gap, 36);
      counts.set(previous, count ? parseInt(count, 36) : 1);
    }
    return counts;
  }

  /* The offline index has the same bundles; each answers alone (it has no
     fall-back to a shorter word), and the hits of all are ranked together. */
  const offlineEngine = {
    /* record number -> occurrences of indexed words that start with `term` */
    async matches(bundle, term, docs) {
      const first = shardKey(term);
      const keys = docs.shards.filter((k) => (term.length === 1 ? k.startsWith(first) : k === first));
      const counts = new Map();
      for (const key of keys) {
        const table = await script(`${bundle}/terms/${key}`);
        for (const [word, list] of Object.entries(table)) {
          if (!word.startsWith(term)) continue;
          for (const [number, count] of decodePostings(list)) counts.set(number, (counts.get(number) || 0) + count);
        }
      }
      return counts;
    },
    async searchBundle(bundle, terms) {
      const docs = await script(`${bundle}/docs`);
      let scores = null;
      for (const term of terms) {
        const counts = await this.matches(bundle, term, docs);
        if (scores === null) scores = counts;
        else for (const number of [...scores.keys()]) {
          if (counts.has(number)) scores.set(number, scores.get(number) + counts.get(number));
          else scores.delete(number);
        }
      }
      const hits = [];
      for (const [number, score] of scores || []) {
        const record = docs.records[number];
        hits.push({
          score,
          load: async () => {
            const chunk = await script(`${bundle}/text/${Math.floor(number / docs.chunk)}`);
            return { url: record.url, meta: record.meta, content: chunk[number % docs.chunk] };
          },
        });
      }
      return hits;
    },
    async search(terms) {
      const found = await Promise.all(lexicon.bundles.map((bundle) => this.searchBundle(bundle, terms)));
      // A stable sort: equal scores keep the newest bundle first.
      return found.flat().sort((a, b) => b.score - a.score);
    },
  };

  // -- results -----------------------------------------------------------------

  function tokenFor(kind, value) {
    return kind + value.toLowerCase().replace(/[^a-z0-9]/g, "") + kind;
  }

  function startsAWord(content, term) {
    return words(content).some((w) => w.startsWith(term));
  }

  function excerpt(content, terms, entities) {
    const variants = lexicon.variants.filter(([, , id]) => entities.includes(id)).map(([key]) => key);
    const tokens = content.split(/\s+/);
    const folded = tokens.map((t) => words(t)[0] || "");
    const plain = terms.filter((t) => !/^x[ef][a-z0-9]+x[ef]$/.test(t));
    const isMatch = (i) => plain.some((t) => folded[i].startsWith(t)) ||
      variants.some((key) => key.every((w, j) => folded[i + j] === w));
    // Only the text: after the first token come the tokens and the spellings
    // of names the glossary does not know (a record's content, records.py).
    const end = tokens.findIndex((t) => /^x[ef][a-z0-9]+x[ef]$/.test(t));
    const first = folded.findIndex((_, i) => (end < 0 || i < end) && isMatch(i));
    const start = Math.max(0, (first < 0 ? 0 : first) - 12);
    const fragment = document.createDocumentFragment();
    if (start > 0) fragment.append("… ");
    for (let i = start; i < Math.min(tokens.length, start + 30); i++) {
      if (/^x[ef][a-z0-9]+x[ef]$/.test(tokens[i])) break;
      if (isMatch(i)) {
        const mark = document.createElement("mark");
        mark.textContent = tokens[i];
        fragment.append(mark, " ");
      } else fragment.append(tokens[i] + " ");
    }
    fragment.append("…");
    return fragment;
  }

  function render(list, data, terms, entities, replacing) {
    const item = document.createElement("li");
    data.element = item;
    item.className = "card";
    const meta = data.meta;
    const showLang = meta[`url_${lang}`] ? lang : meta.lang;
    const heading = document.createElement("h2");
    heading.className = "card-title";
    if (showLang !== lang) { heading.lang = showLang; heading.dir = showLang === "ur" ? "rtl" : "ltr"; }
    const link = document.createElement("a");
    link.href = new URL(meta[`url_${showLang}`], root).href;
    link.textContent = meta[`title_${showLang}`];
    heading.append(link);
    const line = document.createElement("p");
    line.className = "meta";
    const when = meta[`date_${lang}`] || strings.undated;
    const outlet = meta.outlet ? lexicon.labels[meta.outlet][lang] : "";
    line.textContent = [when, outlet, showLang !== lang ? strings[`in_${showLang}`] : ""].filter(Boolean).join(" · ");
    const text = document.createElement("p");
    text.className = "summary excerpt";
    text.lang = meta.lang;
    text.dir = meta.lang === "ur" ? "rtl" : "ltr";
    text.append(excerpt(data.content, terms, entities));
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
    const query = params.get("q") || "";
    form.elements.q.value = query;
    // Filters are words of the index too (see search_index/records.py).
    const filterTerms = [];
    for (const select of form.querySelectorAll("select")) {
      const value = params.get(select.name) || "";
      select.value = value;
      if (!value) continue;
      filterTerms.push(["person", "place", "organisation"].includes(select.name)
        ? tokenFor("xe", value) : tokenFor("xf", select.name + value));
    }
    const { terms: queryWords, entities } = queryTerms(query);
    const terms = [...new Set([...queryWords, ...filterTerms])];
    if (!terms.length) {
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
      hits = await engine.search(terms, (recent) => present(recent, mine, terms, entities, query, false));
    } catch (error) {
      status.textContent = strings.failed;
      throw error;
    }
    await present(hits, mine, terms, entities, query, true);
  }

  /* Show the first page of hits. An early answer (the last year only) shows what
     it found and leaves the status to the complete one. */
  async function present(hits, mine, terms, entities, query, complete) {
    if (mine !== latest || (!complete && !hits.length)) return;
    current = { hits, next: 0, seen: new Map(), terms, entities, query, complete };
    list.replaceChildren();
    await showMore(mine);
  }

  let current = null;

  /* The next PAGE_SIZE hits, fetched together; one entry per article, in the
     page's language when both versions of a story matched. */
  async function showMore(mine) {
    const answer = current;
    const batch = answer.hits.slice(answer.next, answer.next + PAGE_SIZE);
    answer.next += batch.length;
    // All fetched at once; the best hit shown as soon as it is in, the rest
    // together (each showing costs the page a layout).
    const loading = batch.map((hit) => hit.data || hit.load());
    const { seen, terms, entities } = answer;
    for (const group of [loading.slice(0, 1), loading.slice(1)]) {
      const loaded = await Promise.all(group);
      if (mine !== latest || answer !== current) return;
      for (const data of loaded) {
        const known = seen.get(data.meta.story);
        if (!known) {
          seen.set(data.meta.story, data);
          render(list, data, terms, entities);
        } else if (known.meta.lang !== lang && data.meta.lang === lang) {
          seen.set(data.meta.story, data);  // the page-language version replaces the other
          render(list, data, terms, entities, known.element);
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
    const { query } = answer;
    if (!answer.complete) return;
    performance.mark("akhbar-search-results");
    const more = current.next < current.hits.length;
    moreButton.hidden = !more;
    const shown = seen.size;
    status.textContent = shown === 0 ? strings.none.replace("%(query)s", query)
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
  window.addEventListener("popstate", () => run(new URLSearchParams(location.search)));
  if (engine.start) engine.start();
  run(new URLSearchParams(location.search));
})();
