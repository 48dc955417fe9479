"""The same story twice: exact copies, other versions and syndicated copies of
one article, found by what their bodies say. Pure logic, no Pelican: seeds in,
decisions out (`same_story.py` hands them to Pelican, `make check` prints them).

- Each seed's `BodyPrint` is made when it is imported and kept with its import
  (imports.py): a digest of its whole text, decoded, line ends and spacing
  aside (the same text in any encoding or under any file name has the same
  digest), and a MinHash signature and the sequence of its body's word
  shingles. The body is the extraction's paragraphs: the site chrome is gone
  before anything is compared.
- `BodyIndex` finds the pairs of seeds whose bodies may say the same thing by
  MinHash LSH (signatures cut into bands: two seeds whose signatures agree on
  a whole band are a candidate pair), then measures exactly the pairs that
  could pass the thresholds (their signatures agree nearly enough, and the
  shorter body has enough of its shingles in the longer): how
  much of the shorter body the longer one says in the same order (`contained`),
  and how much of the longer body that is (`shared`). The measured pairs are
  kept between builds, so a new or edited seed is paired only with the seeds
  that share a band with it, never compared with every other seed.
- `same_stories` joins seeds into stories by those pairs, by exact copies and
  by editors' `duplicate_of` / `not_duplicate_of`, and chooses the copy each
  story publishes.
"""

import bisect
import datetime as dt
import hashlib
import posixpath
from dataclasses import dataclass, field, fields

import numpy as np

# Words per shingle: five words are a phrase two different stories rarely share.
SHINGLE_WORDS = 5
# Signature size and LSH bands × rows: with 16 bands of 4 a pair of bodies
# sharing 70% of their shingles is found 99% of the time, one sharing 10%
# once in 600 (and then measured and set aside).
NUM_PERM = 64
BANDS = (16, 4)
# A candidate pair is measured only when its signatures agree on nearly as many
# values as the thresholds need for bodies of their lengths: this much below
# (1.6 standard deviations of the estimate at a similarity of one half; on the
# benchmark corpus every true pair is above what its lengths need).
ESTIMATE_MARGIN = 0.1
# Pairing each new seed with the members of its buckets costs more than pairing
# every bucket's members with each other once, and keeping the pairs with a new
# seed (`shared_buckets`), once new seeds are more than this share of the
# archive (a cold build).
SELF_JOIN_SHARE = 0.2
# A bucket fuller than this is a passage many articles print (a stock
# paragraph), not one story's copies, which agree on most bands: its members
# are paired only when they share a later band too. Paired all together, the
# pairs grew with the square of the archive: 9.0 million at the benchmark's
# 100,000 articles, 2.3 million now, the same ones found alike (docs/importer.md).
CROWDED_BUCKET = 50
_SHINGLE_MIX = np.uint32(0x01000193)


def _permutations(count: int, seed: int) -> np.ndarray:
    """The (a, b) of each of `count` affine hash functions h -> a·h + b mod
    2^32 (an odd `a`: a bijection): the values datasketch's affine32
    MinHash(num_perm=count, seed=seed) draws, so that signatures are the ones
    datasketch makes (test_duplicates.py checks them against it; the build
    imports neither it nor the SciPy it imports, half a second a build)."""
    draw = np.random.RandomState(seed)
    a = draw.randint(0, 1 << 31, count, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = draw.randint(0, 1 << 32, count, dtype=np.uint32)
    return np.array([a, b])


_PERMUTATIONS = _permutations(NUM_PERM, seed=1)


@dataclass(frozen=True)
class Thresholds:
    """When two bodies are one article. Each is the setting
    SEED_READER_DUPLICATES_<NAME> in pelican.conf.py; these are the defaults
    (docs/importer.md)."""

    # Of the shorter body, the share the longer one says too, in the same order.
    contained: float = 0.8
    # Of the longer body, the share that is the shorter one: an update may add
    # up to one and a half times what it updates; a follow-up that quotes a
    # story says mostly new things.
    shared: float = 0.4
    # Bodies shorter than this (in words) are only ever exact copies.
    min_words: int = 30

    @classmethod
    def from_settings(cls, settings) -> "Thresholds":
        from .settings import SECTION  # it takes its defaults from this class

        given = vars(SECTION.of(settings))
        values = {}
        for item in fields(cls):
            name = f"SEED_READER_DUPLICATES_{item.name.upper()}"
            value = given[f"duplicates_{item.name}"]
            if item.type is float and not (isinstance(value, (int, float)) and 0 < value <= 1):
                raise ValueError(f"{name} = {value!r}: a share between 0 and 1, like {item.default}")
            if item.type is int and not (isinstance(value, int) and value >= 0):
                raise ValueError(f"{name} = {value!r}: a number of words, like {item.default}")
            values[item.name] = value
        return cls(**values)


@dataclass(frozen=True)
class BodyPrint:
    """What duplicate detection keeps of a seed, made once at import."""

    text_digest: str  # the seed's whole text, spaced: equal means an exact copy
    body_digest: str  # the body's shingles: equal means the same body, in any chrome
    signature: bytes  # MinHash (NUM_PERM uint32) of the body's word shingles
    sequence: bytes  # the body's shingles in order (uint32), to measure a candidate pair

    @property
    def shingles(self) -> int:
        return len(self.sequence) // 4

    def shingle_sequence(self) -> np.ndarray:
        return np.frombuffer(self.sequence, dtype=np.uint32)


def spaced_text(text: str) -> str:
    """The text's words, one space between each: line ends and spacing aside."""
    return " ".join(text.split())


# Powers of the multiplier of a word's polynomial hash, by the place of a byte in its word.
_POWERS = np.cumprod(np.full(1024, 0x9E3779B1, dtype=np.uint64)) % (1 << 32)
_POWERS = np.concatenate(([1], _POWERS[:-1])).astype(np.uint32)


def word_hashes(words: str) -> np.ndarray:
    """A 32-bit hash of each word of a spaced text, all at once: each byte of
    a word times a power of one multiplier by its place in the word."""
    data = np.frombuffer(words.encode("utf-8"), dtype=np.uint8)
    if not data.size:
        return np.zeros(0, dtype=np.uint32)
    space = data == 32
    starts = np.flatnonzero(np.concatenate(([True], space[:-1])))
    word = np.cumsum(space) - space  # a space ends its word
    place = (np.arange(data.size) - starts[word]) & (len(_POWERS) - 1)
    values = np.where(space, 0, data.astype(np.uint32) + 1) * _POWERS[place]
    return np.add.reduceat(values, starts, dtype=np.uint32)


def shingle_sequence(words: str) -> np.ndarray:
    """A 32-bit hash of every run of SHINGLE_WORDS words of a spaced text, in order."""
    hashes = word_hashes(words)
    count = len(hashes) - SHINGLE_WORDS + 1
    if count <= 0:
        return hashes[:0] if not len(hashes) else np.array([np.bitwise_xor.reduce(hashes)], dtype=np.uint32)
    mixed = hashes[:count].copy()
    for offset in range(1, SHINGLE_WORDS):
        mixed = mixed * _SHINGLE_MIX ^ hashes[offset:offset + count]
    return mixed


def minhash_signature(shingles: np.ndarray) -> np.ndarray:
    """datasketch's affine32 MinHash of these 32-bit values (as
    MinHash(hashfunc=int, scheme="affine32").update_batch makes it) in one
    numpy expression: update_batch hashes each value in a Python call."""
    if not shingles.size:
        return np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    # MurmurHash3's finalizer, the pre-mix of the affine32 scheme; uint32 arithmetic wraps as it must.
    mixed = shingles.astype(np.uint32)
    mixed = (mixed ^ (mixed >> 16)) * np.uint32(0x85EBCA6B)
    mixed = (mixed ^ (mixed >> 13)) * np.uint32(0xC2B2AE35)
    mixed = (mixed ^ (mixed >> 16))[:, None]
    a, b = _PERMUTATIONS
    return (mixed * a + b).min(axis=0)


def body_print(text: str, paragraphs) -> BodyPrint:
    """`text`: the seed as decoded; `paragraphs`: its body as the importer
    kept it (Urdu letters normalised, NFC)."""
    shingles = shingle_sequence(spaced_text("\n".join(paragraphs)))
    # A shingle said twice changes no minimum: no need to make them unique first.
    return BodyPrint(hashlib.sha256(spaced_text(text).encode("utf-8")).hexdigest(),
                     hashlib.sha256(shingles.tobytes()).hexdigest(),
                     minhash_signature(shingles).tobytes(), shingles.tobytes())


def _signatures(seeds: list[str], prints) -> np.ndarray:
    return np.stack([np.frombuffer(prints[seed].signature, dtype=np.uint32) for seed in seeds])


def shared_buckets(signatures: np.ndarray, new: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of rows (first < second, sorted) whose signatures agree on
    every value of some band (BANDS): the pairs a MinHash LSH index has in one
    bucket, all found at once. With `new` (a mask of rows), only the pairs with
    a new row: each is paired with the other members of its buckets.

    The members of a bucket fuller than CROWDED_BUCKET are paired only when
    they also share a later band."""
    count = len(signatures)
    bands, rows = BANDS
    labels = [_bucket_labels(signatures[:, band * rows:(band + 1) * rows]) for band in range(bands)]
    everyone = np.arange(count)
    found = [np.zeros(0, dtype=np.int64)]
    for band, label in enumerate(labels):
        crowded = np.bincount(label)[label] > CROWDED_BUCKET
        # With new rows, only the buckets they are in.
        rows_here = everyone if new is None else everyone[np.isin(label, label[new])]
        plain = rows_here[~crowded[rows_here]]
        found.append(_pairs_sharing(label[plain], plain, new, count))
        members = rows_here[crowded[rows_here]]
        if len(members) and band + 1 < bands:
            # Labels are below `count`: one number for the bucket in both bands.
            # Made unique here: a crowd of copies is paired again in every later band.
            found.append(sorted_unique(np.concatenate([
                _pairs_sharing(label[members] * count + labels[later][members], members, new, count)
                for later in range(band + 1, bands)])))
    pairs = sorted_unique(np.concatenate(found))
    return pairs // count, pairs % count


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique(values) by sorting: numpy 2.4's np.unique hashes, which
    measured 4 to 70 times slower on these arrays (a body's shingles, the
    millions of candidate pairs of a large archive; docs/builds.md)."""
    ranked = np.sort(values, axis=None)
    return ranked[_run_starts(ranked)]


def _run_starts(ranked: np.ndarray) -> np.ndarray:
    """Where each run of equal values (or rows) of a sorted array begins."""
    differs = ranked[1:] != ranked[:-1]
    if differs.ndim == 2:
        differs = differs.any(axis=1)
    return np.concatenate(([True], differs))[:len(ranked)]


def _bucket_labels(values: np.ndarray) -> np.ndarray:
    """Each row's bucket, numbered from 0: rows with equal values share one."""
    order = np.lexsort(values.T[::-1])
    ranked = values[order]
    labels = np.empty(len(values), dtype=np.int64)
    labels[order] = np.cumsum(_run_starts(ranked)) - 1
    return labels


def _pairs_sharing(keys: np.ndarray, rows: np.ndarray, new: np.ndarray | None, count: int) -> np.ndarray:
    """The pairs of `rows` with equal `keys` (with a new row, given `new`),
    each as first * count + second."""
    size = len(keys)
    if size < 2:
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    ranked = keys[order]
    starts = np.flatnonzero(_run_starts(ranked))
    sizes = np.diff(np.append(starts, size))
    if new is None:
        # The members of a bucket, in that order: each is paired with every one after it.
        later = np.repeat(starts + sizes, sizes) - np.arange(size) - 1
        place = np.repeat(np.arange(size), later)
        other = place + np.arange(len(place)) - np.repeat(np.cumsum(later) - later, later) + 1
    else:
        bucket = np.repeat(np.arange(len(starts)), sizes)  # of each place in `ranked`
        mine = np.flatnonzero(new[rows[order]] & (sizes[bucket] > 1))
        members = sizes[bucket[mine]]
        place = np.repeat(mine, members)
        other = np.repeat(starts[bucket[mine]], members) + np.arange(len(place)) \
            - np.repeat(np.cumsum(members) - members, members)
        place, other = place[place != other], other[place != other]
    a, b = rows[order[place]], rows[order[other]]
    return np.minimum(a, b) * count + np.maximum(a, b)


@dataclass(frozen=True)
class Likeness:
    """How much two bodies say the same thing, in the same order."""

    contained: float  # of the shorter body's shingles, the share the longer has in the same order
    shared: float  # of the longer body's shingles, the share that is the shorter one

    def same_article(self, thresholds: Thresholds) -> bool:
        return self.contained >= thresholds.contained and self.shared >= thresholds.shared


def _common_start(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sequences begin with alike."""
    size = min(len(a), len(b))
    differ = np.flatnonzero(a[:size] != b[:size])
    return int(differ[0]) if differ.size else size


def likeness(a: np.ndarray, b: np.ndarray) -> Likeness:
    """Measure two bodies by their shingle sequences: how many shingles of one
    the other has in the same order, their longest common subsequence
    (Hunt-Szymanski: the longest increasing run of their places in the other;
    a paragraph said twice has its shingles in two places)."""
    if not len(a) or not len(b):
        return Likeness(0.0, 0.0)
    # What both begin and end with is in every longest common subsequence: only
    # the rest is searched (all but the added or trimmed part of most versions).
    start = _common_start(a, b)
    end = _common_start(a[start:][::-1], b[start:][::-1])
    first, second = a[start:len(a) - end].tolist(), b[start:len(b) - end].tolist()
    places: dict[int, list[int]] = {}
    for number, shingle in enumerate(second):
        places.setdefault(shingle, []).append(number)
    tails: list[int] = []  # tails[k]: the smallest place a common run of k + 1 shingles can end at
    for shingle in first:
        for number in reversed(places.get(shingle, ())):
            at = bisect.bisect_left(tails, number)
            tails[at:at + 1] = [number]
    common = start + len(tails) + end
    shorter, longer = sorted((len(a), len(b)))
    return Likeness(round(common / shorter, 4), round(common / longer, 4))


class BodyIndex:
    """Every pair of the archive's bodies measured so far, and which body of
    each seed they measured; kept between builds (`state`), so that a build
    looks up only the seeds that are new or whose body changed, in the
    signatures of all. Which pairs are worth measuring depends on the
    thresholds: other thresholds start a new index."""

    VERSION = 3

    def __init__(self, thresholds: Thresholds, kept: dict | None = None):
        self.thresholds = thresholds
        self.format = (self.VERSION, NUM_PERM, BANDS, SHINGLE_WORDS, thresholds)
        if kept and kept.get("format") == self.format:
            self.indexed, self.pairs = kept["indexed"], kept["pairs"]
        else:
            self.indexed: dict[str, str] = {}  # seed -> body digest
            self.pairs: dict[tuple[str, str], Likeness] = {}
        self.looked_up: list[str] = []  # the seeds the last update looked up
        self.changed = False  # by the last update: the state is worth keeping again

    def state(self) -> dict:
        return {"format": self.format, "indexed": self.indexed, "pairs": self.pairs}

    def update(self, prints: dict[str, BodyPrint]) -> None:
        """Bring the index to these seeds (by name, each with its print)."""
        gone = [seed for seed, digest in self.indexed.items()
                if seed not in prints or prints[seed].body_digest != digest]
        for seed in gone:
            del self.indexed[seed]
        if gone:
            forgotten = set(gone)
            self.pairs = {pair: value for pair, value in self.pairs.items() if not forgotten & set(pair)}
        new = sorted(seed for seed, body in prints.items() if seed not in self.indexed and body.shingles)
        self.looked_up = new
        self.changed = bool(gone or new)
        if not new:
            return
        self.indexed.update((seed, prints[seed].body_digest) for seed in new)
        self._measure(self._candidates(new, prints), prints)

    def _candidates(self, new: list[str], prints) -> list[tuple[str, str]]:
        """Pairs with a new seed that share a bucket and are worth measuring."""
        seeds = sorted(self.indexed)
        signatures = _signatures(seeds, prints)
        fresh = np.isin(seeds, new)
        first, second = shared_buckets(signatures, None if len(new) > SELF_JOIN_SHARE * len(seeds) else fresh)
        with_new = fresh[first] | fresh[second]
        first, second = first[with_new], second[with_new]
        sizes = np.array([prints[seed].shingles for seed in seeds], dtype=float)
        keep = self._worth_measuring(signatures, sizes, first, second)
        pairs = ((seeds[a], seeds[b]) for a, b in zip(first[keep].tolist(), second[keep].tolist(), strict=True))
        return sorted(pair for pair in pairs if pair not in self.pairs)

    def _worth_measuring(self, signatures, sizes, first, second) -> np.ndarray:
        """Which pairs (rows of `signatures`) agree nearly as much as bodies of
        their lengths must to pass the thresholds."""
        agree = np.empty(len(first))
        # In slices: a cold build of a large archive has millions of candidate pairs.
        for at in range(0, len(first), 1 << 18):
            cut = slice(at, at + (1 << 18))
            agree[cut] = (signatures[first[cut]] == signatures[second[cut]]).mean(axis=1)
        shorter, longer = np.minimum(sizes[first], sizes[second]), np.maximum(sizes[first], sizes[second])
        common = np.maximum(self.thresholds.contained * shorter, self.thresholds.shared * longer)
        with np.errstate(divide="ignore", invalid="ignore"):
            needed = np.where(common <= shorter, common / (shorter + longer - common), 2.0)
        return agree >= needed - ESTIMATE_MARGIN

    def _measure(self, pairs, prints) -> None:
        shingle_sets = {}

        def shingle_set(seed):
            if seed not in shingle_sets:
                shingle_sets[seed] = sorted_unique(prints[seed].shingle_sequence())
            return shingle_sets[seed]

        for a, b in pairs:
            if prints[a].body_digest == prints[b].body_digest:
                self.pairs[(a, b)] = Likeness(1.0, 1.0)
                continue
            # In any order, the shorter body must have enough of its shingles in the longer.
            first, second = shingle_set(a), shingle_set(b)
            common = np.intersect1d(first, second, assume_unique=True).size
            if common >= self.thresholds.contained * min(first.size, second.size):
                self.pairs[(a, b)] = likeness(prints[a].shingle_sequence(), prints[b].shingle_sequence())


# -- deciding ------------------------------------------------------------------

EXACT, VERSION, SYNDICATED = "exact copy", "another version", "syndicated copy"


@dataclass
class Copy:
    """One seed as the decision sees it."""

    seed: str  # its path as reported: "seeds/a.txt"
    text_digest: str
    words: int
    date: dt.date | None = None
    outlet: str | None = None  # an outlet id
    published: bool = False  # its URL is in the record of published URLs
    duplicate_of: str | None = None  # an editor's: a seed, as `seed` names them
    not_duplicate_of: tuple[str, ...] = ()
    duplicate_of_line: int | None = None  # where the corrections file says so, for errors
    not_duplicate_of_line: int | None = None


@dataclass
class Folded:
    """A seed not published because another copy of its story is."""

    seed: str
    kind: str  # EXACT, VERSION or SYNDICATED
    likeness: Likeness | None
    why: str  # why the published copy was chosen
    confirmed: bool  # an editor said so (duplicate_of)


@dataclass
class Story:
    kept: str
    folded: list[Folded] = field(default_factory=list)


@dataclass
class Problem:
    """A corrections key that cannot be followed: reported as file:line: reason."""

    seed: str
    key: str
    line: int | None
    reason: str


def seed_named(value: str, beside: str) -> str:
    """The seed a corrections file names ("a.txt", "a") beside the seed `beside`."""
    name = value.strip()
    if not name.endswith(".txt"):
        name += ".txt"
    return posixpath.normpath(posixpath.join(posixpath.dirname(beside), name))


class _Groups:
    """Union-find over seeds, refusing to join two seeds an editor keeps apart."""

    def __init__(self, seeds, apart: set[frozenset]):
        self.parent = {seed: seed for seed in seeds}
        self.members = {seed: {seed} for seed in seeds}
        self.apart = apart

    def find(self, seed: str) -> str:
        while self.parent[seed] != seed:
            self.parent[seed] = self.parent[self.parent[seed]]
            seed = self.parent[seed]
        return seed

    def join(self, a: str, b: str) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        if any(frozenset((x, y)) in self.apart for x in self.members[root_a] for y in self.members[root_b]):
            return False
        if root_a > root_b:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.members[root_a] |= self.members.pop(root_b)
        return True


def _best_first(copy: Copy):
    """The copy a story publishes: the fuller, then the later (a dated one
    before an undated one), then the one whose URL is already published, then
    the file name that sorts first."""
    return (-copy.words, copy.date is None, -(copy.date.toordinal() if copy.date else 0), not copy.published, copy.seed)


def _why(kept: Copy, other: Copy, chosen_by: str | None) -> str:
    if chosen_by:
        return f"chosen in the corrections of {chosen_by}"
    if kept.words != other.words:
        return f"the fuller ({kept.words} words to {other.words})"
    if kept.date != other.date:
        return "the later" if other.date else "the dated one"
    if kept.published != other.published:
        return "its URL was published first"
    return "its file name sorts first"


def same_stories(copies: list[Copy], pairs: dict[tuple[str, str], Likeness],
                 thresholds: Thresholds) -> tuple[list[Story], list[Problem]]:
    """Join copies of one article into stories and choose the copy each publishes.

    Joined: exact copies (same text), pairs whose bodies pass the thresholds
    (both at least `min_words` long), and an editor's `duplicate_of`; never two
    seeds an editor keeps apart with `not_duplicate_of`, however alike."""
    by_seed = {copy.seed: copy for copy in copies}
    problems: list[Problem] = []

    def unknown(copy: Copy, key: str, target: str) -> str | None:
        if target == copy.seed:
            return f"{key} names this seed itself ({target})"
        return None if target in by_seed else f"{key} names {target}, which is not an imported seed"

    apart: set[frozenset] = set()
    ordered = sorted(copies, key=lambda c: c.seed)
    for copy in ordered:
        for other in copy.not_duplicate_of:
            if reason := unknown(copy, "not_duplicate_of", other):
                problems.append(Problem(copy.seed, "not_duplicate_of", copy.not_duplicate_of_line, reason))
            else:
                apart.add(frozenset((copy.seed, other)))
    edges: list[tuple[str, str, str]] = []  # (a, b, how)
    for copy in ordered:
        target = copy.duplicate_of
        if target is None:
            continue
        reason = unknown(copy, "duplicate_of", target) or (
            f"duplicate_of names {target}, which a not_duplicate_of keeps apart from it"
            if frozenset((copy.seed, target)) in apart else None)
        if reason:
            problems.append(Problem(copy.seed, "duplicate_of", copy.duplicate_of_line, reason))
        else:
            edges.append((copy.seed, target, "editor"))
    by_text: dict[str, list[str]] = {}
    for copy in copies:
        by_text.setdefault(copy.text_digest, []).append(copy.seed)
    for seeds in by_text.values():
        seeds.sort()
        edges.extend((seeds[0], other, EXACT) for other in seeds[1:])
    alike = sorted(((-value.shared, -value.contained, a, b) for (a, b), value in pairs.items()
                    if a in by_seed and b in by_seed and value.same_article(thresholds)
                    and min(by_seed[a].words, by_seed[b].words) >= thresholds.min_words))
    edges.extend((a, b, "alike") for _, _, a, b in alike)

    groups = _Groups(by_seed, apart)
    for a, b, how in edges:
        if not groups.join(a, b) and how == "editor":
            problems.append(Problem(a, "duplicate_of", by_seed[a].duplicate_of_line,
                                    f"duplicate_of names {b}, which a not_duplicate_of keeps apart from a copy of it"))
    stories = []
    for _root, members in sorted(groups.members.items()):
        if len(members) < 2:
            continue
        group = [by_seed[seed] for seed in members]
        # An editor's duplicate_of leaves a copy out of the choice, unless every copy has one (a loop).
        choosable = [c for c in group if c.duplicate_of not in members] or group
        kept = min(choosable, key=_best_first)
        chosen_by = None
        if len(choosable) < len(group):
            chosen_by = next((c.seed for c in sorted(group, key=lambda c: c.seed)
                              if c.duplicate_of == kept.seed), None)
        story = Story(kept.seed)
        for copy in sorted(group, key=lambda c: c.seed):
            if copy is kept:
                continue
            pair = (copy.seed, kept.seed) if copy.seed < kept.seed else (kept.seed, copy.seed)
            if copy.text_digest == kept.text_digest:
                kind = EXACT
            elif copy.outlet and kept.outlet and copy.outlet != kept.outlet:
                kind = SYNDICATED
            else:
                kind = VERSION
            story.folded.append(Folded(copy.seed, kind, pairs.get(pair), _why(kept, copy, chosen_by),
                                       copy.duplicate_of in members))
        stories.append(story)
    return stories, problems


def report(story: Story) -> list[str]:
    """One line per seed a story leaves unpublished, naming both files."""
    lines = []
    for folded in story.folded:
        share = f"{round(100 * folded.likeness.contained)}% of the shorter text in the longer; " \
            if folded.likeness and folded.kind != EXACT else ""
        if folded.kind == EXACT:
            lines.append(f"{folded.seed}: same article as {story.kept}: not published")
        elif folded.kind == VERSION:
            lines.append(f"{folded.seed}: same article as {story.kept} ({folded.kind}; {share}"
                         f"published: {folded.why}): not published")
        else:
            lines.append(f"{folded.seed}: same story as {story.kept} from another outlet ({share}"
                         f"published: {folded.why}): not published, its outlet named on that page")
    return lines
