"""Fail when a module of the package grows past 600 lines or a function past cyclomatic complexity 25.

usage: python .ci/layout_check.py [SRC_DIR]

The limits are the project's size rules (see docs/architecture.md); radon measures complexity the
way reviewers do. Prints every offender and exits 1 if there is one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from radon.complexity import cc_visit

MAX_LINES = 600
MAX_COMPLEXITY = 25


def main() -> int:
    """Check every module under the source folder and print the offenders."""
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "src")
    offenders: list[str] = []
    modules = sorted(root.rglob("*.py"))
    worst = 0
    for path in modules:
        code = path.read_text(encoding="utf-8")
        lines = code.count("\n") + 1
        if lines > MAX_LINES:
            offenders.append(f"{path}: {lines} lines (limit {MAX_LINES})")
        for block in cc_visit(code):
            worst = max(worst, block.complexity)
            if block.complexity > MAX_COMPLEXITY:
                offenders.append(
                    f"{path}:{block.lineno} {block.fullname}: complexity {block.complexity} "
                    f"(limit {MAX_COMPLEXITY})"
                )
    for line in offenders:
        print(line)
    print(f"{len(modules)} modules, worst function complexity {worst}, {len(offenders)} over the limits")
    return 1 if offenders else 0


if __name__ == "__main__":
    sys.exit(main())
