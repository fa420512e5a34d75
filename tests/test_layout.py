"""The package's layout rules, read from the source with ``ast``: no import cycle, typer only in the CLI.

Only *module-level* imports make a cycle that can break an import: the statements Python runs when a
module is first imported (in the module body, in ``if``/``try`` blocks and in class bodies, but not
in function bodies and not under ``if TYPE_CHECKING:``). Two function-level imports are deliberate:
``Report.to_frames`` and ``Report._repr_html_`` (``schema``) call the views, which import ``schema``.

An import names the module it loads: ``from quotemine.text.head import x`` is an edge to
``quotemine.text.head``; ``from quotemine.views import html`` is an edge to ``quotemine.views.html``.
The implicit import of parent packages is not an edge (Python allows it during a cycle).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "quotemine"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Yield the import statements Python runs when the module body runs."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _module_level(node.body)
            yield from _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                yield from _module_level(block)
        elif isinstance(node, ast.With):
            yield from _module_level(node.body)
        elif isinstance(node, ast.ClassDef):
            yield from _module_level(node.body)


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """Yield the quotemine modules an import statement loads."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names if alias.name in MODULES)
        return
    base = node.module or ""
    if node.level:
        package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    for alias in node.names:
        if f"{base}.{alias.name}" in MODULES:
            yield f"{base}.{alias.name}"
        elif base in MODULES:
            yield base


def _all_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    yield from (n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom))


def _tree(module: str) -> ast.Module:
    return ast.parse(MODULES[module].read_text(encoding="utf-8"))


def import_graph() -> dict[str, set[str]]:
    """Return the module-level import graph of the package: module → modules it imports."""
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        body = _tree(module).body
        graph[module] = {t for node in _module_level(body) for t in _targets(module, node)} - {module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one cycle of ``graph`` as a list of modules, or ``None``."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


def _imported_names(module: str) -> set[str]:
    """Every module name imported anywhere in ``module`` (function bodies included)."""
    names: set[str] = set()
    for node in _all_imports(_tree(module)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_module_level_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " → ".join(cycle or ())


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not m.startswith("quotemine.cli")))
def test_typer_is_imported_only_by_the_command_line(module: str) -> None:
    assert not any(name.split(".")[0] == "typer" for name in _imported_names(module))


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("quotemine.views")))
def test_views_never_import_the_api(module: str) -> None:
    assert not any(name.startswith(("quotemine.api", "quotemine.batch")) for name in _imported_names(module))


def test_factories_import_no_stage_or_report_at_module_level() -> None:
    graph = import_graph()
    assert graph["quotemine.factories"] <= {"quotemine.extensions"}
