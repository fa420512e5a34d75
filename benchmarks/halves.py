"""Split each shared dev set into two fixed halves by document, to tune on one and check on the other.

usage: python benchmarks/halves.py [--out benchmarks/out/halves]

A rule written while looking at half A is honest only if half B, which nobody looked at, moves the
same way. The half of a document is a function of the ids (``halves``), so the split never
changes between runs or machines. Writes ``quotes-A.jsonl``, ``quotes-B.jsonl``, ``dates-*``,
``money-*`` and the folders ``e2e-A/`` and ``e2e-B/`` (copies of the article and gold files), then
prints the commands that score each half with the project's benchmarks.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
SETS = {"quotes": "quotes/polnear.dev.jsonl", "dates": "dates/dev.jsonl", "money": "money/dev.jsonl"}


def halves(doc_ids: list[str]) -> dict[str, str]:
    """Return ``{id: "A" | "B"}``: documents ranked by a hash of their id, alternately to A and B.

    The halves differ in size by one at most and never depend on the order of the file.
    """
    ranked = sorted(doc_ids, key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest())
    return {doc_id: "AB"[rank % 2] for rank, doc_id in enumerate(ranked)}


def _split_jsonl(name: str, source: Path, out: Path) -> dict[str, int]:
    import json

    lines = [line.rstrip("\n") for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [json.loads(line)["id"] for line in lines]
    half = halves(ids)
    counts = {"A": 0, "B": 0}
    for h in counts:
        chosen = [line for line, doc_id in zip(lines, ids, strict=True) if half[doc_id] == h]
        (out / f"{name}-{h}.jsonl").write_text("".join(line + "\n" for line in chosen), encoding="utf-8")
        counts[h] = len(chosen)
    return counts


def _split_e2e(source: Path, out: Path) -> dict[str, int]:
    counts = {"A": 0, "B": 0}
    for half in counts:
        target = out / f"e2e-{half}"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
    texts = sorted(source.glob("*.txt"))
    half_by_id = halves([t.stem for t in texts])
    for text in texts:
        half = half_by_id[text.stem]
        shutil.copy(text, out / f"e2e-{half}" / text.name)
        shutil.copy(text.with_suffix(".gold.json"), out / f"e2e-{half}" / f"{text.stem}.gold.json")
        counts[half] += 1
    return counts


def main() -> int:
    """Write both halves of every dev set and print how to score them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out" / "halves")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rel in SETS.items():
        counts = _split_jsonl(name, EVAL / rel, args.out)
        print(f"{name}: A {counts['A']} documents, B {counts['B']}")
    counts = _split_e2e(EVAL / "e2e" / "dev", args.out)
    print(f"e2e: A {counts['A']} articles, B {counts['B']}")
    o = args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out
    e = "../shared/eval"
    print("\nscore a half (H = A or B):")
    print(f"  python benchmarks/quotes.py {o}/quotes-H.jsonl --scorer {e}/quotes/score.py")
    print(f"  python benchmarks/dates.py --gold {o}/dates-H.jsonl --scorer {e}/dates/score_dates.py")
    print(f"  python benchmarks/money.py {o}/money-H.jsonl --scorer {e}/money/score_money.py")
    print(f"  python {e}/e2e/score_e2e.py {o}/e2e-H")
    return 0


if __name__ == "__main__":
    sys.exit(main())
