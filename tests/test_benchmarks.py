"""The benchmark scripts stay importable as the package's layout changes (they run outside CI)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parent.parent / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda p: p.name)
def test_benchmark_script_imports(path: Path) -> None:
    spec = importlib.util.spec_from_file_location(f"_benchmark_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # runs the imports only: each script's work is under __main__
    assert callable(getattr(module, "main", None))
