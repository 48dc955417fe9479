"""Would LughaatNLP's Urdu NER improve name suggestions? (issue 18, "optional offline recogniser")

Measures, on a page set's Urdu pages (`lang == "ur"` in answers.json):
  - recall of `key_entities` by the project's pipeline (glossary + names.py),
    by LughaatNLP's NER alone, and by the union of the two, with the matching
    rule of bench/names_recall.py (imported from it);
  - the NER's extra names (those the project does not find), how many are
    key_entities, and a sample of up to 50 for judging precision by hand;
  - the NER's time per page (model loaded once, one thread), beside the
    project's whole extraction.

It needs torch and LughaatNLP, which are no dependency of the project: run it
with a separate venv, never the project's .venv (docs/importer.md, "An Urdu
NER model", says how to make one, and gives the figures and the decision).
Everything is local: the model ships inside LughaatNLP's wheel.

    /tmp/lughaat-venv/bin/python bench/names_lughaat.py ../shared/extraction-dev/pages \
        [--clean] [--gains] [--sample FILE]

--clean trims the NER's names with data/names.toml first (see Cleaner);
--gains lists the key entities only the NER finds; --sample FILE writes 50
extra names (page, tag, name, key or not, the text around it), fixed seed,
for judging by hand.
"""

import argparse
import importlib.util
import json
import random
import re
import sys
import time
import tomllib
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
# The importer's modules without the package's __init__, which registers the
# Pelican plugin: this venv has no Pelican.
_package = types.ModuleType("seed_reader")
_package.__path__ = [str(ROOT / "plugins" / "seed_reader")]
sys.modules.setdefault("seed_reader", _package)

from akhbar.normalize import words  # noqa: E402
from seed_reader.decoding import decode_seed  # noqa: E402
from seed_reader.importer import extractor_for  # noqa: E402
from seed_reader.knowledge import DATA_DIR  # noqa: E402

_spec = importlib.util.spec_from_file_location("names_recall", ROOT / "bench" / "names_recall.py")
names_recall = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(names_recall)
found = names_recall.found

SAMPLE_SIZE = 50
NAME_TYPES = ("PERSON", "LOCATION", "ORGANIZATION")  # not DATE, TIME, NUMBER, DESIGNATION
NAMED_LINE_KINDS = ("byline", "dateline", "credit", "note")  # as extract.py's named_text
_SENTENCE_END = re.compile(r"(?<=[۔؟!])\s+|\n")
# The package's tokenizer keeps a word and the Urdu comma or semicolon after it
# as one token ("اطلاعات،"), which its vocabulary does not know: its training
# text had "،" apart. Set them apart as it did.
_URDU_COMMA = re.compile(r"([،؛])")


def load_ner():
    """LughaatNLP's NER_Urdu, loaded from its own file.

    `from LughaatNLP import NER_Urdu` runs the package's __init__, which also
    imports its speech, summary and chatbot modules (gtts, SpeechRecognition,
    pydub, transformers, pandas, scikit-learn); the NER needs none of them."""
    spec = importlib.util.find_spec("LughaatNLP")
    if spec is None:
        sys.exit("LughaatNLP is not installed in this Python: see docs/importer.md")
    path = Path(spec.submodule_search_locations[0]) / "NER_Urdu.py"
    module_spec = importlib.util.spec_from_file_location("LughaatNLP.NER_Urdu", path)
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[module_spec.name] = module  # pkg_resources finds the model beside this file
    module_spec.loader.exec_module(module)
    return module.NER_Urdu()


def tag_tokens(ner, tokens: list[str]) -> list[str]:
    """One tag per token, in order (the package's ner_tags_urdu returns a dict
    by word, which loses a word's second occurrence)."""
    import torch

    tags = []
    for start in range(0, len(tokens), ner.max_length):
        chunk = tokens[start:start + ner.max_length]
        with torch.no_grad():
            predicted = ner.model(ner.preprocess_sentence(chunk)).argmax(dim=2).squeeze(0)
        tags.extend(str(ner.tag2label[predicted[i].item()]) for i in range(len(chunk)))
    return tags


def spans(tokens: list[str], tags: list[str]) -> list[tuple[str, str]]:
    """(type, text) of each name in BILOU tags; a run of one type's B/I/L tags
    is one name even where the model's B or L is missing."""
    found_spans, current, kind = [], [], None

    def close():
        if current and kind in NAME_TYPES:
            found_spans.append((kind, " ".join(current)))
        current.clear()

    for token, tag in zip(tokens, tags, strict=True):
        prefix, _, tag_kind = tag.partition("-")
        if prefix in ("B", "U") or tag_kind != kind or not tag_kind:
            close()
            kind = tag_kind or None
        if tag_kind:
            current.append(token)
        if prefix in ("L", "U"):
            close()
            kind = None
    close()
    return found_spans


def ner_names(ner, text: str) -> list[tuple[str, str, str]]:
    """(type, name, sentence) for each name the NER finds in the text."""
    out = []
    for sentence in _SENTENCE_END.split(text):
        tokens = ner.urdu_tokenize(_URDU_COMMA.sub(r" \1 ", sentence))
        if tokens:
            out.extend((kind, name, sentence.strip()) for kind, name in spans(tokens, tag_tokens(ner, tokens)))
    return out


class Cleaner:
    """--clean: a name as the project's own vocabulary (data/names.toml) would
    leave it: titles taken off its start ("وزیر اعلیٰ X" -> "X"), function and
    common words off either end, a title word off its end; what is left of one
    word is dropped (a lone word is mostly an ordinary one: ترجمان، اداکارہ)."""

    def __init__(self, names_toml: Path):
        vocabulary = tomllib.loads(names_toml.read_text(encoding="utf-8"))
        self.titles = sorted({tuple(words(t)) for t in vocabulary["titles"]["ur"]}, key=len, reverse=True)
        self.stop = {w for phrase in vocabulary["function_words"]["ur"] + vocabulary["common_words"]["ur"]
                     for w in words(phrase)}
        self.title_words = {w for title in self.titles for w in title}

    def __call__(self, name: str) -> str:
        tokens = [t for t in name.split() if words(t)]
        folded = [tuple(words(t)) for t in tokens]
        start, end = 0, len(tokens)
        changed = True
        while changed and start < end:
            changed = False
            for title in self.titles:
                span = tuple(w for f in folded[start:start + len(title)] for w in f)
                if span == title:
                    start, changed = start + len(title), True
                    break
            while start < end and set(folded[start]) & self.stop:
                start, changed = start + 1, True
            while start < end and set(folded[end - 1]) & (self.stop | self.title_words):
                end, changed = end - 1, True
        return " ".join(tokens[start:end]) if end - start >= 2 else ""


def named_text(extraction) -> str:
    """The text the importer looks for names in (extract.py's named_text)."""
    lines = [line.text for line in extraction.removed if line.kind in NAMED_LINE_KINDS]
    return "\n".join([extraction.title, extraction.standfirst or "",
                      *(c.text for c in extraction.captions), *extraction.paragraphs, *lines])


def project_candidates(extraction) -> set[tuple[str, ...]]:
    """What bench/names_recall.py counts as found: names, and glossary spellings."""
    candidates = {tuple(words(n.text)) for n in extraction.names}
    for mention in extraction.entities:
        entry = mention.entry
        for spelling in (*mention.spellings, *entry.variants, entry.ur, entry.en):
            candidates.add(tuple(words(spelling)))
    return candidates


def _around(name: str, sentence: str, width: int = 50) -> str:
    """The sentence around the name's first word, to judge it by."""
    at = max(sentence.find(name.split()[0]), 0)
    return sentence[max(at - width, 0):at + len(name) + width]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("--sample", type=Path, help=f"write {SAMPLE_SIZE} extra names here")
    parser.add_argument("--gains", action="store_true",
                        help="list the key_entities the union finds and the project does not, with the NER name")
    parser.add_argument("--clean", action="store_true", help="clean the NER's names with data/names.toml first")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        import torch
    except ImportError:
        sys.exit("torch is not installed in this Python: run this with the venv docs/importer.md describes")
    torch.set_num_threads(1)
    ner = load_ner()
    load_seconds = time.perf_counter() - started
    answers = json.loads((args.pages / "answers.json").read_text(encoding="utf-8"))
    pages = [page for page in answers if page.get("lang") == "ur"]
    extractor = extractor_for(DATA_DIR)
    clean = Cleaner(DATA_DIR / "names.toml") if args.clean else None
    wanted, hits = 0, {"project": 0, "ner": 0, "union": 0}
    ner_seconds, project_seconds, ner_words, ner_total = 0.0, 0.0, 0, 0
    extras = []  # (page, type, name, sentence, is a key entity)
    gains = []  # (page, key entity, the NER names that find it)
    for page in pages:
        started = time.perf_counter()
        extraction = extractor.extract(decode_seed((args.pages / page["file"]).read_bytes()).text)
        project_seconds += time.perf_counter() - started
        text = named_text(extraction)
        started = time.perf_counter()
        found_by_ner = ner_names(ner, text)
        ner_seconds += time.perf_counter() - started
        if clean:
            found_by_ner = [(kind, clean(name), sentence) for kind, name, sentence in found_by_ner]
            found_by_ner = [found for found in found_by_ner if found[1]]
        ner_words += len(words(text))
        ner_total += len(found_by_ner)
        project = project_candidates(extraction)
        from_ner = {tuple(words(name)) for _, name, _ in found_by_ner} - {()}
        for answer in page["key_entities"]:
            wanted += 1
            by_project, by_ner = found(answer, project), found(answer, from_ner)
            hits["project"] += by_project
            hits["ner"] += by_ner
            hits["union"] += by_project or by_ner
            if by_ner and not by_project:
                gains.append((page["file"], answer, [" ".join(k) for k in from_ner if found(answer, {k})]))
        seen = set()
        for kind, name, sentence in found_by_ner:
            key = tuple(words(name))
            # Not a name the project finds, nor a piece of one ("مظہر" of "مظہر عالم میاں خیل").
            if not key or key in seen or found(name, project) or any(
                    names_recall._contains(candidate, key) for candidate in project):
                continue
            seen.add(key)
            is_key = any(found(answer, {key}) for answer in page["key_entities"])
            extras.append((page["file"], kind, name, sentence, is_key))

    for label in ("project", "ner", "union"):
        print(f"recall {label:8} {hits[label]}/{wanted} = {hits[label] / wanted:.1%}")
    print(f"over {len(pages)} Urdu pages{' (NER names cleaned)' if clean else ''}; NER names found: {ner_total} "
          f"({len(extras)} distinct per page that the project does not find, "
          f"{sum(e[4] for e in extras)} of them key_entities)")
    print(f"NER speed: {ner_seconds / len(pages) * 1000:.0f} ms a page "
          f"({ner_words / len(pages):.0f} words a page, one thread), torch import and model load {load_seconds:.1f} s; "
          f"the project's whole extraction: {project_seconds / len(pages) * 1000:.0f} ms a page")
    if args.gains:
        for file, answer, names in gains:
            print(f"  gained {file}: {answer}  <- {' | '.join(names)}")
    if args.sample:
        sample = random.Random(18).sample(extras, min(SAMPLE_SIZE, len(extras)))
        args.sample.write_text("".join(
            f"{i}\t{file}\t{kind}\t{name}\t{'key' if is_key else '-'}\t{_around(name, sentence)}\n"
            for i, (file, kind, name, sentence, is_key) in enumerate(sample, 1)), encoding="utf-8")
        print(f"sample of {len(sample)} extra names written to {args.sample}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
