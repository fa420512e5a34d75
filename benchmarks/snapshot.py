"""Write every report quotemine gives on the shared dev texts, to compare two versions of the code.

usage: python benchmarks/snapshot.py OUT.jsonl [--compare BEFORE.jsonl] [--limit N]

A refactor that must not change behaviour is checked by running this before and after it: each line
is one report (``quotemine_version`` left out) of a text from the shared evaluation data (PolNeAR
dev articles, the end-to-end dev articles, the date and money cases) or of ``data/samples/``, in a
fixed order. ``--compare`` prints the ids whose reports differ and exits 1 if any do.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"


def _records(limit: int | None) -> Iterator[dict[str, Any]]:
    """Yield ``{"id", "text", "published"}`` for every text of the snapshot, in a fixed order."""
    for path in sorted((REPO / "data" / "samples").glob("*.txt")):
        yield {
            "id": f"sample/{path.stem}",
            "text": path.read_text(encoding="utf-8"),
            "published": "2003-01-10",
        }
    for path in sorted((EVAL / "e2e" / "dev").glob("*.txt")):
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        yield {
            "id": f"e2e/{path.stem}",
            "text": path.read_text(encoding="utf-8"),
            "published": gold.get("published"),
        }
    sources = (
        ("quotes/polnear.dev.jsonl", "meta"),
        ("dates/dev.jsonl", "reference"),
        ("money/dev.jsonl", None),
    )
    for name, date_key in sources:
        with open(EVAL / name, encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                if limit is not None and n >= limit:
                    break
                case = json.loads(line)
                published = (
                    case.get("meta", {}).get("date") if date_key == "meta" else case.get(date_key or "")
                )
                yield {
                    "id": f"{name}/{case['id']}",
                    "text": case["text"],
                    "published": (published or None) and str(published)[:10],
                }


def main() -> int:
    """Run the snapshot and optionally compare it with an earlier one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()

    import quotemine

    extractor = quotemine.Extractor()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for result in extractor.pipe(_records(args.limit)):
            data = result.model_dump(mode="json")
            data.pop("quotemine_version", None)
            out.write(json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n")
    if args.compare is None:
        return 0
    before = args.compare.read_text(encoding="utf-8").splitlines()
    after = args.out.read_text(encoding="utf-8").splitlines()
    changed = 0
    for old, new in zip(before, after, strict=False):
        if old != new:
            changed += 1
            print("differs:", json.loads(new).get("document", {}).get("id") or json.loads(new).get("id"))
    if len(before) != len(after):
        print(f"line counts differ: {len(before)} before, {len(after)} after")
        changed += 1
    print(f"{len(after)} reports, {changed} differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
