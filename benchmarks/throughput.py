"""Throughput of the full quotemine Extractor against the bare spaCy pipeline, same texts, one process.

    python benchmarks/throughput.py [../shared/eval/quotes/polnear.dev.jsonl] --docs 60 --rounds 3 [--profile]

Runs are interleaved (bare, quotemine, bare, quotemine, ...) after one warm-up of each, and the
best round of each is compared (characters per second), by wall clock and by the process's own
CPU time (steadier when other processes share the machine); the time each side spent in Python's
garbage collector is printed too (a full collection walks every object of the process: about
0.2 s with a spaCy pipeline loaded). ``--profile`` then times each quotemine
stage over the same texts in CPU time (spaCy's stages, each quotemine component, the
Extractor's look at each input before the parse, and report building). spaCy's stages run batch
by batch; quotemine's stages and the report run one document at a time, in the order
``Extractor.pipe`` runs them, so what a Doc's stages share (its token list) is made once per Doc,
as in the Extractor, not once per stage; the objects alive before it starts (the pipeline) are
frozen out of the garbage collector's walks, so a full collection does not land on one stage.

Both sides run the same spaCy components (checked) with the same batch size, each inside a memory
zone; the quotemine side also runs its own components and builds every report.

Acceptance (issue 11): quotemine / bare >= 0.95.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from collections import defaultdict
from pathlib import Path

import spacy

from quotemine import Extractor
from quotemine.api import DEFAULT_MODEL, QUOTEMINE_PIPES
from quotemine.report import build_report

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.95  # issue 11, acceptance 3


class _GcClock:
    """Add up the time Python's garbage collector runs, and its full collections."""

    def __init__(self) -> None:
        self.seconds = {"bare": 0.0, "quotemine": 0.0}
        self.full = {"bare": 0, "quotemine": 0}
        self.side = "bare"
        self._started = 0.0
        gc.callbacks.append(self._tick)

    def _tick(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        self.seconds[self.side] += time.perf_counter() - self._started
        self.full[self.side] += info["generation"] == 2


def _texts(path: Path, docs: int) -> list[str]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [row["text"] for row in rows[:docs]]


def _bare(nlp: spacy.language.Language, texts: list[str], batch_size: int) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    with nlp.memory_zone():
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    return time.perf_counter() - started, time.process_time() - cpu


def _full(extractor: Extractor, texts: list[str], batch_size: int) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    for _ in extractor.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def _profile(extractor: Extractor, texts: list[str], batch_size: int) -> None:
    """Time every pipe of the full pipeline, and the Extractor's own work, over the texts."""
    nlp = extractor.nlp
    costs: dict[str, float] = defaultdict(float)
    clock = time.process_time  # the process's own time: steadier than the wall clock under load
    # the pipeline's own objects (model, vocabulary, lexicons) out of the collector's walks: a full
    # collection would otherwise land on whichever stage happens to trigger it (about 0.2 s, more
    # than most stages cost in all), and the shares would move from run to run
    gc.collect()
    gc.freeze()
    started = clock()
    for index, text in enumerate(texts):  # the Extractor's own look at each input before the parse
        extractor._prepare(index, text, "record")
    costs["prepare"] += clock() - started
    with nlp.memory_zone():
        started = clock()
        docs = [nlp.make_doc(text) for text in texts]
        costs["tokenizer"] += clock() - started
        for doc in docs:
            doc._.qm_published = "2016-01-01"
        ours_in_order = [(name, proc) for name, proc in nlp.pipeline if name in QUOTEMINE_PIPES]
        for name, proc in nlp.pipeline:  # spaCy's stages batch by batch, as nlp.pipe runs them
            if name in QUOTEMINE_PIPES:
                continue
            started = clock()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=batch_size))
            else:
                docs = [proc(doc) for doc in docs]
            costs[name] += clock() - started
        # quotemine's stages and the report one document at a time, as the Extractor runs them (its
        # components have no batch ``pipe``: nlp.pipe takes each Doc through all of them, then the
        # report is built), so what they share per Doc (doc_text, doc_tokens) is made once, as there
        for text, doc in zip(texts, docs, strict=True):
            for name, proc in ours_in_order:
                started = clock()
                proc(doc)
                costs[name] += clock() - started
            started = clock()
            build_report(doc, text=text, model=extractor.model_name)
            costs["build_report"] += clock() - started
    gc.unfreeze()
    total = sum(costs.values())
    ours = {*QUOTEMINE_PIPES, "build_report", "prepare"}
    spacy_cost = sum(cost for name, cost in costs.items() if name not in ours)
    print(f"\nper-stage cost over {len(texts)} docs ({sum(map(len, texts)):,} chars):")
    for name, cost in sorted(costs.items(), key=lambda item: -item[1]):
        tag = "quotemine" if name in ours else "spaCy"
        print(
            f"  {name:<24} {tag:<9} {cost:7.3f} s  {cost / total:6.1%}"
            f"  ({cost / spacy_cost:6.1%} of spaCy's stages)"
        )
    print(f"  {'total':<24} {'':<9} {total:7.3f} s")
    print(f"  quotemine's share: {sum(costs[n] for n in ours) / total:.1%} of the total")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared/eval/quotes/polnear.dev.jsonl"))
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--profile", action="store_true", help="time each stage afterwards")
    args = parser.parse_args()

    texts = _texts(Path(args.data), args.docs)
    chars = sum(len(text) for text in texts)
    bare = spacy.load(args.model)
    extractor = Extractor(args.model)
    spacy_pipes = [name for name in extractor.nlp.pipe_names if name not in QUOTEMINE_PIPES]
    if spacy_pipes != bare.pipe_names:  # else the ratio compares different parses
        raise SystemExit(f"the spaCy components differ: {spacy_pipes} vs {bare.pipe_names}")
    print(f"{len(texts)} docs, {chars:,} chars; bare pipeline: {', '.join(bare.pipe_names)}")
    print(f"quotemine pipeline: {', '.join(extractor.nlp.pipe_names)}")
    _bare(bare, texts[:5], args.batch_size)  # warm-up
    _full(extractor, texts[:5], args.batch_size)
    bare_times: list[float] = []
    full_times: list[float] = []
    cpu_times: dict[str, list[float]] = {"bare": [], "quotemine": []}
    clock = _GcClock()
    for round_number in range(args.rounds):
        order = [("bare", _bare, bare), ("quotemine", _full, extractor)]
        if round_number % 2:
            order.reverse()
        for label, run, target in order:
            clock.side = label
            seconds, cpu = run(target, texts, args.batch_size)  # type: ignore[operator]
            (bare_times if label == "bare" else full_times).append(seconds)
            cpu_times[label].append(cpu)
            print(
                f"  round {round_number + 1} {label:<9} {seconds:6.2f} s  {chars / seconds:10,.0f} chars/s"
                f"  (CPU {cpu:6.2f} s)"
            )
    bare_rate, full_rate = chars / min(bare_times), chars / min(full_times)
    print(f"bare spaCy : {bare_rate:10,.0f} chars/s (best of {args.rounds})")
    print(f"quotemine  : {full_rate:10,.0f} chars/s (best of {args.rounds})")
    print(f"ratio      : {full_rate / bare_rate:.3f} (target >= {TARGET:.2f})")
    # the process's own CPU time: what other processes on a shared machine do does not count
    cpu_ratio = min(cpu_times["bare"]) / min(cpu_times["quotemine"])
    print(f"CPU ratio  : {cpu_ratio:.3f} (best CPU time of each side; steadier under load)")
    gc.callbacks.remove(clock._tick)
    for side, total in (("bare", sum(bare_times)), ("quotemine", sum(full_times))):
        print(
            f"garbage collection, {side:<9}: {clock.seconds[side]:6.2f} s ({clock.seconds[side] / total:.1%} "
            f"of its rounds), {clock.full[side]} full collection(s)"
        )
    if args.profile:
        _profile(extractor, texts, args.batch_size)


if __name__ == "__main__":
    main()
