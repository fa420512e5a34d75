"""``quotemine batch`` over 1,000 articles with 5 corrupt records: counts, resume, n_process 1 vs 2.

    python benchmarks/batch.py [../shared/eval/quotes/polnear.dev.jsonl] --articles 995 --chars 1000

Builds a JSONL input in a temporary folder: dev articles (cycled, cut to --chars characters, each
with its own id) plus five corrupt records: binary junk, an empty text, a record without text, a
bad publication date and a 10 MB text (over the default --max-chars of 5,000,000). Then runs the
command (``batch_cli`` under typer, as ``quotemine batch`` will) with ``--n-process 1``, again on
the same output (a resume: nothing left to do), and with ``--n-process 2`` into a new output, and
prints wall times, CPU times (all processes of the run) and counts. ``--repeat N`` runs the two
again N - 1 times, alternating, and prints the speed-up of the best times (the machine is shared;
the load average is printed before and after).

Acceptance: 995 reports + 5 error records; the resume processes 0; n_process 2 at least 1.7x as
fast as n_process 1 on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CLI = "import typer; from quotemine.cli.batch import batch_cli; typer.run(batch_cli)"


def build_input(source: Path, target: Path, articles: int, chars: int) -> None:
    texts = [json.loads(line)["text"][:chars] for line in source.open(encoding="utf-8") if line.strip()]
    rng = random.Random(7)
    rows: list[dict[str, object]] = [
        {"id": f"a{n}", "text": texts[n % len(texts)], "published": "2016-05-01"} for n in range(articles)
    ]
    corrupt: list[dict[str, object]] = [
        {"id": "bad-binary", "text": bytes(rng.randrange(256) for _ in range(4000)).decode("latin-1")},
        {"id": "bad-empty", "text": ""},
        {"id": "bad-missing-text", "published": "2016-05-01"},
        {"id": "bad-date", "text": texts[0], "published": "2016-13-45"},
        {"id": "bad-10mb", "text": "The minister said the talks would go on. " * 250_000},
    ]
    for offset, row in enumerate(corrupt):
        rows.insert((offset + 1) * len(rows) // 6, row)
    with target.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")


def run(args: list[str]) -> tuple[float, str]:
    """Run the command; return its wall time and its summary line with the CPU time it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CLI, *args], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"batch failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = next(line for line in done.stderr.splitlines() if " reports, " in line)
    return seconds, f"{summary} [CPU {cpu:.1f} s, all processes]"


def count(path: Path) -> tuple[int, int]:
    reports = errors = 0
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        if "error" in record and "document" not in record:
            errors += 1
        else:
            reports += 1
    return reports, errors


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared/eval/quotes/polnear.dev.jsonl"))
    parser.add_argument("--articles", type=int, default=995)
    parser.add_argument("--chars", type=int, default=1000, help="cut each article to this many characters")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=1, help="runs of n_process 1 and 2 each")
    args = parser.parse_args()
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))

    with tempfile.TemporaryDirectory(prefix="quotemine-batch-") as tmp:
        folder = Path(tmp)
        source = folder / "articles.jsonl"
        build_input(Path(args.data), source, args.articles, args.chars)
        size = source.stat().st_size / 2**20
        print(f"input: {args.articles} articles + 5 corrupt records, {size:.1f} MB")
        common = [str(source), "--no-progress", "--batch-size", str(args.batch_size)]
        one, two = folder / "one.jsonl", folder / "two.jsonl"
        seconds1, summary1 = run([*common, "-o", str(one), "--n-process", "1"])
        print(f"n_process 1: {seconds1:6.1f} s wall  | {summary1}")
        reports, errors = count(one)
        print(f"  output: {reports} reports, {errors} error records")
        for line in one.open(encoding="utf-8"):
            record = json.loads(line)
            if "error" in record and "document" not in record:
                print(f"    {record['id']}: {record['reason'][:100]}")
        seconds_resume, summary_resume = run([*common, "-o", str(one), "--n-process", "1"])
        print(f"resume     : {seconds_resume:6.1f} s wall  | {summary_resume}")
        print(f"  output after resume: {sum(count(one))} lines")
        seconds2, summary2 = run([*common, "-o", str(two), "--n-process", "2"])
        print(f"n_process 2: {seconds2:6.1f} s wall  | {summary2}")
        print(f"  output: {count(two)[0]} reports, {count(two)[1]} error records")
        print(f"speed-up n_process 2 / 1: {seconds1 / seconds2:.2f}x")
        _compare(one, two)
        times = {1: [seconds1], 2: [seconds2]}
        for round_ in range(1, args.repeat):
            for n in (1, 2):
                seconds, _ = run([*common, "-o", str(folder / f"r{round_}-{n}.jsonl"), "--n-process", str(n)])
                times[n].append(seconds)
                print(f"round {round_ + 1}, n_process {n}: {seconds:6.1f} s wall")
        if args.repeat > 1:
            best1, best2 = min(times[1]), min(times[2])
            speed = best1 / best2
            print(f"best of {args.repeat}: n_process 1 {best1:.1f} s, 2 {best2:.1f} s; speed-up {speed:.2f}x")
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def _compare(one: Path, two: Path) -> None:
    """Print how many output lines differ between two runs, and the first differing fields."""
    first = [json.loads(line) for line in one.open(encoding="utf-8")]
    second = [json.loads(line) for line in two.open(encoding="utf-8")]
    differ = [(a, b) for a, b in zip(first, second, strict=False) if a != b]
    print(f"n_process 1 vs 2: {len(differ)} of {len(first)} lines differ")
    for a, b in differ[:3]:
        fields = [key for key in a if a.get(key) != b.get(key)]
        print(f"  {a.get('id')} vs {b.get('id')}: fields {fields}")


if __name__ == "__main__":
    main()
