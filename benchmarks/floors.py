"""Score quotemine on the project's own hand-annotated samples and enforce regression floors.

usage: python benchmarks/floors.py [--no-check]

Reads data/samples/*.txt and data/samples/annotations.json (hand annotations of the project's own
sample articles), prints precision/recall/F1 per task, and exits 1 when a figure falls below its
floor. The floors sit below the measured figures; they catch regressions, not small changes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from quotemine import Extractor, Report

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
FLOORS = {"quotes e2e F1": 0.85, "people F1": 0.95, "dates value F1": 0.90, "money F1": 0.95}


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _speaker_words(report: Report, quote: Any) -> set[str]:
    words: set[str] = set()
    if quote.speaker is None:
        return words
    words.add(quote.speaker.text.split()[-1].lower().removesuffix("'s"))
    names = {p.id: p.name for p in report.people}
    if quote.speaker.person_id in names:
        words.add(names[quote.speaker.person_id].split()[-1].lower())
    return words


def score(report: Report, gold: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    """Return (true positives, predicted, gold) per task for one sample."""
    out: dict[str, tuple[int, int, int]] = {}
    used: set[str] = set()
    tp = 0
    for g in gold["quotes"]:
        for q in report.quotes:
            if q.id not in used and g["snippet"].replace('"', "") in q.text.replace('"', ""):
                if g["speaker"].lower() in _speaker_words(report, q):
                    tp += 1
                    used.add(q.id)
                    break
    out["quotes e2e F1"] = (tp, len(report.quotes), len(gold["quotes"]))
    names = [p.name for p in report.people]
    out["people F1"] = (len(set(names) & set(gold["people"])), len(names), len(gold["people"]))
    pred_dates = [(d.text, d.value) for d in report.dates if d.type == "date"]
    remaining = list(pred_dates)
    tp = 0
    for text, value in gold["dates"]:
        if (text, value) in remaining:
            remaining.remove((text, value))
            tp += 1
    out["dates value F1"] = (tp, len(pred_dates), len(gold["dates"]))
    pred_money = [(m.text, m.amount, m.currency, m.qualifier) for m in report.money]
    remaining_m = list(pred_money)
    tp = 0
    for text, amount, currency, qualifier in gold["money"]:
        key = (text, float(amount), currency, qualifier)
        if key in remaining_m:
            remaining_m.remove(key)
            tp += 1
    out["money F1"] = (tp, len(pred_money), len(gold["money"]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-check", action="store_true", help="print the figures, enforce no floor")
    args = parser.parse_args()
    annotations = json.loads((SAMPLES / "annotations.json").read_text(encoding="utf-8"))
    extractor = Extractor()
    totals: dict[str, list[int]] = {task: [0, 0, 0] for task in FLOORS}
    for name, gold in sorted((k, v) for k, v in annotations.items() if not k.startswith("_")):
        text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
        report = extractor.extract(text, published=gold["published"])
        for task, counts in score(report, gold).items():
            totals[task] = [a + b for a, b in zip(totals[task], counts, strict=True)]
            print(f"{name:28} {task:16} tp={counts[0]:3} pred={counts[1]:3} gold={counts[2]:3}")
    failed = False
    print(f"\n{'task':16} {'P':>6} {'R':>6} {'F1':>6}  floor")
    for task, (tp, n_pred, n_gold) in totals.items():
        p, r, f = _f1(tp, n_pred, n_gold)
        low = f < FLOORS[task]
        failed |= low
        print(f"{task:16} {p:6.3f} {r:6.3f} {f:6.3f}  {FLOORS[task]:.2f}{'  BELOW FLOOR' if low else ''}")
    return 1 if failed and not args.no_check else 0


if __name__ == "__main__":
    sys.exit(main())
