"""Fuzz quotemine with awkward input: nothing may raise, every span must hold, every report round-trip.

    python benchmarks/fuzz.py [--inputs 25000] [--seed 13] [--batch-size 64]

Five families of short inputs, in turn: random Unicode (lone surrogates, control characters,
carriage returns, emoji included); windows of the sample articles in ``data/samples`` with random
mutations; storms of quotation marks; huge and tiny numbers next to currency signs; dates around
extreme publication dates (years 1 to 9999, malformed and empty ones among them). They run
through ``Extractor.pipe(errors="record")`` in batches, and the script counts:

- exceptions: anything raised, and any error record that is not the ``InputError`` of a
  publication date quotemine documents as refused (out of range or malformed);
- offset violations: a span whose ``text`` is not ``text[start:end]`` of the text as quotemine
  reads it (each surrogate code point read as U+FFFD, the documented rule);
- schema violations: ``Report.model_validate_json(r.model_dump_json()) != r``, or a report
  whose JSON cannot be written.

Acceptance (issue 13): 0 / 0 / 0 over at least 25,000 inputs. Exit status 1 otherwise.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from quotemine import Extractor, Failure, InputError, Report
from quotemine.articles import iso_date

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"

QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "「", "」", "``", "''"]
AWKWARD = ["\ud800", "\udfff", "\ud83d", "\ude00", "\x00", "\x07", "\x1b", "\r", "\r\n", "\u2028", "\ufeff"]
AWKWARD += ["\u200b", "\u202e", "😀", "👩‍👩‍👧", "\t", "\n\n", "<p>", "</p>", "&amp;", "&#", "<script>"]
WORDS = ["said", "told", "according to", "he", "she", "they", "Mr", "Anna Berg", "the minister", ".", ","]
WORDS += ["$", "€", "£", "million", "bn", "last month", "on Tuesday", "yesterday", "next year", "By"]
CURRENCY = ["$", "US$", "€", "£", "¥", "Rs", "", "USD ", "EUR "]
SCALES = ["", " million", " billion", " trillion", "bn", "m", "k", " lakh", " crore", " thousand"]
DATE_PHRASES = [
    "last month",
    "yesterday",
    "tomorrow",
    "on Tuesday",
    "this weekend",
    "next week",
    "two weeks ago",
    "a century ago",
    "in 10,000 years",
    "1,000,000 days ago",
    "next decade",
    "March 3",
    "the 1990s",
    "in 3000 BC",
    "on 31 December 9999",
    "on 1 January 1",
]


def _random_unicode(rng: random.Random) -> str:
    """Characters from all over Unicode, surrogates and controls included."""
    chars = []
    for _ in range(rng.randint(0, 120)):
        pick = rng.random()
        if pick < 0.1:
            chars.append(rng.choice(AWKWARD))
        elif pick < 0.5:
            chars.append(chr(rng.randint(0x20, 0x7E)))
        elif pick < 0.6:
            chars.append(chr(rng.randint(0xD800, 0xDFFF)))
        else:
            chars.append(chr(rng.randint(0, 0x10FFFF)))
    return "".join(chars)


def _mutated(rng: random.Random, samples: list[str]) -> str:
    """A window of a sample article with characters deleted, inserted and replaced."""
    source = rng.choice(samples)
    start = rng.randint(0, max(0, len(source) - 400))
    chars = list(source[start : start + rng.randint(50, 400)])
    for _ in range(rng.randint(0, 12)):
        if not chars:
            break
        at = rng.randrange(len(chars))
        action = rng.random()
        if action < 0.3:
            del chars[at]
        elif action < 0.6:
            chars.insert(at, rng.choice(AWKWARD + QUOTES))
        elif action < 0.8:
            chars[at] = rng.choice(QUOTES)
        else:
            chars.insert(at, rng.choice(CURRENCY) + "9" * rng.randint(1, 400))
    return "".join(chars)


def _quote_storm(rng: random.Random) -> str:
    """Quotation marks, unbalanced and nested, among speech words."""
    parts = [
        rng.choice(QUOTES) if rng.random() < 0.5 else rng.choice(WORDS) for _ in range(rng.randint(1, 60))
    ]
    return " ".join(parts) if rng.random() < 0.7 else "".join(parts)


def _number(rng: random.Random) -> str:
    """A figure of a few to hundreds of digits, or a tiny fraction, with a currency and a scale."""
    kind = rng.random()
    if kind < 0.4:
        figure = "9" * rng.randint(1, 400)
    elif kind < 0.6:
        figure = "0." + "0" * rng.randint(1, 300) + "1"
    elif kind < 0.8:
        figure = ",".join(["999"] * rng.randint(1, 120))
    else:
        figure = rng.choice(["1e309", "1e-400", "NaN", "Infinity", "-0", "0.0", ".5", "9" * 20 + ".99"])
    money = f"{rng.choice(CURRENCY)}{figure}{rng.choice(SCALES)}"
    frame = rng.choice(["{}", "The fund lost {} last year, the minister said.", "{} to {}", "“{},” he said."])
    return frame.format(money, money)


def _dated(rng: random.Random) -> str:
    phrases = ", ".join(rng.choice(DATE_PHRASES) for _ in range(rng.randint(1, 4)))
    return f"The minister said {phrases} that prices would fall."


def _published(rng: random.Random) -> object:
    """A publication date: often none, else ordinary, extreme, malformed or empty."""
    pick = rng.random()
    if pick < 0.5:
        return None
    if pick < 0.7:
        return f"{rng.randint(1990, 2030):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if pick < 0.9:
        year = rng.choice([1, 2, 99, 100, 101, 9898, 9899, 9900, 9998, 9999])
        return f"{year:04d}-{rng.choice(['01-01', '12-31', '06-15'])}"
    return rng.choice(["", "20030110", "2003-W02-5", "2003-01-10T12:00", "2003-13-45", "yesterday", "\ud800"])


FAMILIES: tuple[Callable[[random.Random, list[str]], str], ...] = (
    lambda rng, _: _random_unicode(rng),
    _mutated,
    lambda rng, _: _quote_storm(rng),
    lambda rng, _: _number(rng),
    lambda rng, _: _dated(rng),
)


def inputs(count: int, seed: int) -> Iterator[dict[str, Any]]:
    """Yield ``count`` records ``{"id", "text", "published"}``, the families in turn."""
    rng = random.Random(seed)
    samples = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    for n in range(count):
        yield {"id": str(n), "text": FAMILIES[n % len(FAMILIES)](rng, samples), "published": _published(rng)}


def _as_read(text: str) -> str:
    """The text as quotemine reads it: each surrogate code point as U+FFFD (same length)."""
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _spans(node: object) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if {"text", "start", "end"} <= node.keys():
            yield node
        for value in node.values():
            yield from _spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from _spans(value)


def _refused_date(published: object) -> bool:
    try:
        iso_date(published)
    except InputError:
        return True
    return False


def check(record: dict[str, Any], result: Report | Failure, counts: Counter[str]) -> None:
    """Count what is wrong with one result (nothing, for a sound report or a documented refusal)."""
    if isinstance(result, Failure):
        documented = result.error == "InputError" and _refused_date(record["published"])
        counts["refused dates" if documented else "exceptions"] += 1
        if not documented:
            print(
                f"  error record for input {record['id']}: {result.error}: {result.reason}", file=sys.stderr
            )
        return
    counts["reports"] += 1
    text = _as_read(record["text"])
    try:
        data = result.model_dump(mode="json")
        round_trip = Report.model_validate_json(result.model_dump_json()) == result
    except Exception as exc:  # a report that cannot be written is a schema violation
        print(f"  input {record['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
        counts["schema violations"] += 1
        return
    if not round_trip or result.document.char_count != len(text):
        counts["schema violations"] += 1
    for span in _spans(data):
        if (
            not (0 <= span["start"] <= span["end"] <= len(text))
            or text[span["start"] : span["end"]] != span["text"]
        ):
            counts["offset violations"] += 1


def run(extractor: Extractor, records: list[dict[str, Any]], batch_size: int, counts: Counter[str]) -> None:
    """Run one batch; if it raises, run its records one by one to count each exception."""
    try:
        results = list(extractor.pipe(records, batch_size=batch_size, errors="record"))
    except Exception:
        for record in records:
            try:
                [result] = list(extractor.pipe([record], errors="record"))
            except Exception as exc:
                counts["exceptions"] += 1
                print(f"  input {record['id']}: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
            else:
                check(record, result, counts)
        return
    for record, result in zip(records, results, strict=True):
        check(record, result, counts)


def main() -> None:
    """Run the fuzz inputs and print the counts; exit 1 unless exceptions and violations are all 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=25_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--window", type=int, default=1000, help="records per pipe() call")
    args = parser.parse_args()
    extractor = Extractor()
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    window: list[dict[str, Any]] = []
    chars = 0
    for record in inputs(args.inputs, args.seed):
        window.append(record)
        chars += len(record["text"])
        if len(window) >= args.window:
            run(extractor, window, args.batch_size, counts)
            window = []
    if window:
        run(extractor, window, args.batch_size, counts)
    elapsed = time.perf_counter() - started
    print(f"inputs: {args.inputs:,} ({chars:,} characters, seed {args.seed}) in {elapsed:.0f} s")
    refused = counts["refused dates"]
    print(f"reports: {counts['reports']:,}; error records for refused publication dates: {refused:,}")
    print(f"exceptions: {counts['exceptions']}")
    print(f"offset violations: {counts['offset violations']}")
    print(f"schema violations: {counts['schema violations']}")
    sys.exit(1 if counts["exceptions"] or counts["offset violations"] or counts["schema violations"] else 0)


if __name__ == "__main__":
    main()
