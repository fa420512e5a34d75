"""Peak memory over a long single-process run: is it flat?

Feeds articles (dev texts cycled, cut to --chars characters, each given a few never-seen-before
names and numbers so the string store sees new strings, as a real archive would) through
``Extractor.pipe`` in one process, and prints the peak RSS after each checkpoint.

    python benchmarks/memory.py [../shared/eval/quotes/polnear.dev.jsonl] --checkpoints 2000 20000

Acceptance: peak RSS at 20,000 articles within 10% of the peak at 2,000.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import string
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from quotemine import Extractor

ROOT = Path(__file__).resolve().parent.parent


def _rss_now_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def _articles(path: Path, chars: int, total: int, seed: int) -> Iterator[dict[str, str]]:
    texts = [json.loads(line)["text"][:chars] for line in path.open(encoding="utf-8") if line.strip()]
    rng = random.Random(seed)
    for number in range(total):
        name = "".join(rng.choice(string.ascii_lowercase) for _ in range(7)).title()
        town = "".join(rng.choice(string.ascii_lowercase) for _ in range(8)).title()
        extra = (
            f'\n\n"We expect {rng.randint(2, 999)} new jobs," said {name} Okoro{number}, '
            f"mayor of {town}, on March {rng.randint(1, 28)}, 20{rng.randint(10, 24)}."
        )
        yield {"id": str(number), "text": texts[number % len(texts)] + extra, "published": "2016-05-01"}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared/eval/quotes/polnear.dev.jsonl"))
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--chars", type=int, default=1500, help="cut each article to this many characters")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    extractor = Extractor()
    checkpoints = sorted(args.checkpoints)
    strings_start = len(extractor.nlp.vocab.strings)
    print(f"after load: peak RSS {_peak_mb():.0f} MB, strings {strings_start}", flush=True)
    started = time.perf_counter()
    peaks: dict[int, float] = {}
    done = failures = 0
    for result in extractor.pipe(
        _articles(Path(args.data), args.chars, checkpoints[-1], args.seed), batch_size=args.batch_size
    ):
        done += 1
        failures += type(result).__name__ == "Failure"
        if done in checkpoints or done % 2000 == 0:
            peaks[done] = _peak_mb()
            print(
                f"{done:>7} articles: peak RSS {peaks[done]:7.1f} MB, RSS now {_rss_now_mb():7.1f} MB, "
                f"strings {len(extractor.nlp.vocab.strings)}, {time.perf_counter() - started:6.0f} s",
                flush=True,
            )
    first, last = peaks[checkpoints[0]], peaks[checkpoints[-1]]
    growth = (last - first) / first
    print(
        f"peak RSS at {checkpoints[0]}: {first:.1f} MB; at {checkpoints[-1]}: {last:.1f} MB; "
        f"growth {growth:+.1%} (target < 10%); failures {failures}"
    )
    sys.exit(0 if abs(growth) < 0.10 else 1)


if __name__ == "__main__":
    main()
