import datetime as dt
import random
from types import SimpleNamespace

from archive_pages.stories import NEAREST_HOLDERS, TOO_COMMON_MIN, Story, nearest_holders, rank_related, related_stories


def story(number: int, *entries: str) -> Story:
    """A story dated `number` days before 1 Jan 2024, naming `entries`."""
    return Story(SimpleNamespace(
        lang="ur", slug=f"s{number:06d}", date=dt.date(2024, 1, 1) - dt.timedelta(days=number), translations=[],
        entities=[SimpleNamespace(entry=SimpleNamespace(id=entry)) for entry in entries]))


def slugs(stories) -> list[str]:
    return [s.original.slug for s in stories]


def test_rarer_shared_entries_weigh_more():
    stories = [story(0, "donfried", "moscow"), story(1, "moscow", "kremlin"), story(2, "donfried"),
               *(story(n, "moscow") for n in range(3, 60))]
    related, _ = related_stories(stories)
    # Donfried is named twice, Moscow in 59 stories (too common: more than 50 and 5 %).
    assert slugs(related[id(stories[0])]) == ["s000002"]
    assert related[id(stories[1])] == []


def test_ties_go_to_the_nearest_in_time():
    stories = [story(n, "khan") for n in range(6)]
    assert slugs(related_stories(stories)[0][id(stories[3])]) == ["s000000", "s000001", "s000002"]
    # The same score: newest first, as the archive lists them; never the story itself.


def test_a_common_entry_looks_only_at_the_stories_nearest_in_time():
    count = 40 * NEAREST_HOLDERS
    stories = [story(n, "khan") for n in range(count)]
    assert nearest_holders(list(range(count)), 0) == list(range(NEAREST_HOLDERS))
    assert nearest_holders(list(range(count)), count - 1) == list(range(count - NEAREST_HOLDERS, count))
    middle = nearest_holders(list(range(0, count, 2)), count // 2)
    assert len(middle) == NEAREST_HOLDERS and middle[0] < count // 2 < middle[-1]
    related, _ = related_stories(stories)
    assert all(abs(int(other.original.slug[1:]) - n) <= NEAREST_HOLDERS
               for n, s in enumerate(stories) for other in related[id(s)])



def test_ties_break_the_same_way_whatever_the_hash_seed():
    """Two stories sharing the same entries score the same to the last bit in
    every process: scores are floats, summed in one order, not a set's order
    (which follows the string hash seed)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    # Story 0 shares three entries with story 1 and three others with story 2,
    # named by 3, 6 and 8 of the 15 stories alike: the two scores are the same
    # three floats, whose sum depends on the order they are added in.
    code = (
        "import test_related as t\n"
        "pairs = [('donfried', 'nuland')] * 1 + [('ushakov', 'peskov')] * 4 + [('geneva', 'vienna')] * 6\n"
        "stories = [t.story(0, 'donfried', 'ushakov', 'geneva', 'nuland', 'peskov', 'vienna'),\n"
        "           t.story(1, 'donfried', 'ushakov', 'geneva'), t.story(2, 'nuland', 'peskov', 'vienna')]\n"
        "stories += [t.story(n, *pair) for n, pair in enumerate(pairs, 3)] + [t.story(14, 'filler')]\n"
        "print(t.slugs(t.related_stories(stories)[0][id(stories[0])]))\n")
    here = Path(__file__).parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(here), str(here.parents[1])])}
    answers = {subprocess.run([sys.executable, "-c", code], env={**env, "PYTHONHASHSEED": str(seed)},
                              capture_output=True, text=True, check=True).stdout for seed in range(12)}
    assert answers == {"['s000003', 's000002', 's000001']\n"}


def test_a_kept_ranking_is_ranked_again_only_where_an_edit_reaches_and_ends_the_same():
    """Edits to stories' entries, each ranked from the last ranking, give the
    ranking of every story ranked anew, while ranking again only the stories
    that hold an entry an edit moved."""
    rng = random.Random(19)
    # Rare names, and one named often enough to be too common to weigh (over TOO_COMMON_MIN).
    names = [f"name{n}" for n in range(300)]
    entries = [sorted({*rng.sample(names, rng.randint(0, 4)), *(["everywhere"] if rng.random() < 0.4 else [])})
               for _ in range(400)]
    assert sum("everywhere" in e for e in entries) > TOO_COMMON_MIN
    # And one named exactly as often as an entry may be and still weigh.
    for index in rng.sample(range(len(entries)), TOO_COMMON_MIN):
        entries[index] = sorted({*entries[index], "often"})
    order = [(False, -n, f"s{n}") for n in range(len(entries))]
    ranking = rank_related(entries, order)
    assert ranking.reranked == len(entries)
    # "often" named once more is too common to weigh, and once less weighs again:
    # either edit reaches every story naming it.
    assert sum("often" in e for e in entries) == TOO_COMMON_MIN
    edited = next(index for index, e in enumerate(entries) if "often" not in e)
    for _ in ("gained", "lost"):
        entries = [list(e) for e in entries]
        entries[edited] = sorted(set(entries[edited]) ^ {"often"})
        ranking = rank_related(entries, order, last=ranking)
        assert ranking.ranked == rank_related(entries, order).ranked
        assert ranking.reranked >= TOO_COMMON_MIN
    reranked = []
    for step in range(60):
        entries = [list(e) for e in entries]
        edited = rng.randrange(len(entries))
        if step % 3 == 0:  # a name gained, a name lost, or a common name moved
            entries[edited] = sorted({*entries[edited], rng.choice(names)})
        elif step % 3 == 1:
            entries[edited] = entries[edited][1:]
        else:
            entries[edited] = sorted(set(entries[edited]) ^ {"everywhere"})
        ranking = rank_related(entries, order, last=ranking)
        assert ranking.ranked == rank_related(entries, order).ranked, step
        reranked.append(ranking.reranked)
    assert max(reranked) < len(entries) // 4  # a rare name reaches a few stories; the common one none but its own
    assert rank_related(entries, order, last=ranking).reranked == 0  # nothing edited: nothing ranked again
    # Another order (a story dated anew, one added) ranks every story again.
    assert rank_related(entries, order[1:] + order[:1], last=ranking).reranked == len(entries)

