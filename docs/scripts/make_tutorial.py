"""Build docs/tutorial.ipynb from the cells below and execute it with nbclient (outputs are committed).

usage: python docs/scripts/make_tutorial.py [--no-execute]

The notebook runs in the ``docs/`` directory and finds the seed article by walking up to the
repository's ``data/samples/``. CI executes the committed notebook again (see ``.ci/run``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

DOCS = Path(__file__).resolve().parent.parent
NOTEBOOK = DOCS / "tutorial.ipynb"


def _display_cell() -> str:
    """Return the cell that shows the HTML view: the report itself once ``Report`` renders as HTML."""
    from quotemine.schema import Report

    if hasattr(Report, "_repr_html_"):
        return "report  # a Report displays itself as the highlighted article and a who-said-what table"
    return (
        "# the HTML view; in a release where Report has _repr_html_, `report` alone shows the same\n"
        "from IPython.display import HTML\n"
        "from quotemine.views import to_html\n\n"
        "HTML(to_html(report, text, standalone=False))"
    )


def build() -> nbformat.NotebookNode:
    """Return the tutorial notebook, not yet executed."""
    cells = [
        new_markdown_cell(
            "# quotemine tutorial: one article, end to end\n\n"
            "This notebook runs quotemine on the seed article of the repository, *Tajikistan Turns to "
            "The West* (IWPR, published 2003-01-10), and shows what comes out: the highlighted "
            "article, who said what, the people with their roles, dates and money, and the JSON "
            "report. Everything runs offline with the default English model."
        ),
        new_code_cell(
            "from pathlib import Path\n\n"
            "import quotemine\n\n"
            "root = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / 'data' / 'samples').is_dir())\n"
            "text = (root / 'data' / 'samples' / 'tajikistan-turns-west.txt').read_text(encoding='utf-8')\n"
            "print(len(text), 'characters')\n"
            "print(text[:300])"
        ),
        new_markdown_cell(
            "## Extract the report\n\n"
            "`quotemine.extract` loads the pipeline once per process (spaCy plus six quotemine "
            "components) and returns a `Report`. The publication date anchors relative dates such "
            "as *last month*."
        ),
        new_code_cell(
            "report = quotemine.extract(text, published='2003-01-10')\n"
            "print(f'{len(report.people)} people, {len(report.organizations)} organisations, '\n"
            "      f'{len(report.quotes)} quotes, {len(report.dates)} dates, {len(report.money)} money')"
        ),
        new_markdown_cell(
            "## The HTML view\n\n"
            "Quotes are highlighted in their speaker's colour, people and organisations are marked, "
            "and dates and money are underlined: hover one to see its normalised value. Below the "
            "article, the who-said-what table."
        ),
        new_code_cell(_display_cell()),
        new_markdown_cell(
            "## Quotes as a pandas table\n\n"
            "Every quote has its kind, its content span and its speaker: the local mention (a name, "
            "a pronoun, *analysts*) and, when it can be resolved, the person it refers to."
        ),
        new_code_cell(
            "import pandas as pd\n\n"
            "people = {p.id: p for p in report.people}\n"
            "quotes = pd.DataFrame(\n"
            "    {\n"
            "        'id': q.id,\n"
            "        'kind': q.kind,\n"
            "        'speaker': people[q.speaker.person_id].name\n"
            "        if q.speaker and q.speaker.person_id in people\n"
            "        else (q.speaker.text if q.speaker else None),\n"
            "        'unnamed': bool(q.speaker and q.speaker.unnamed),\n"
            "        'cue': q.cue.text if q.cue else None,\n"
            "        'start': q.start,\n"
            "        'end': q.end,\n"
            "        'quote': q.text,\n"
            "    }\n"
            "    for q in report.quotes\n"
            ")\n"
            "quotes"
        ),
        new_markdown_cell(
            "Every span points into the input text: `text[start:end]` gives back the quote exactly."
        ),
        new_code_cell(
            "assert all(text[q.start : q.end] == q.text for q in report.quotes)\n"
            "quotes.groupby('kind').size()"
        ),
        new_markdown_cell(
            "## People, dates and money\n\n"
            "`report.to_frames()` (and `quotemine.frames(reports)` for many) gives typed tables, the "
            "same ones a batch writes to Parquet or DuckDB: lists stay lists (each role keeps its "
            "offsets), amounts are exact decimals, dates are dates (`quotemine.arrow_schema()`)."
        ),
        new_code_cell(
            "tables = report.to_frames()\n"
            "people = tables['people']\n"
            "people.assign(roles=[[r['text'] for r in roles] for roles in people['roles']])[\n"
            "    ['person_id', 'name', 'roles', 'affiliation_names', 'n_mentions']\n"
            "]"
        ),
        new_code_cell(
            "tables['dates'][['text', 'value', 'value_start', 'value_end', 'granularity', 'modifier']]"
        ),
        new_code_cell("tables['money'][['text', 'amount', 'currency', 'qualifier']]"),
        new_markdown_cell(
            "## The JSON report\n\n"
            "The report is a pydantic model with a versioned JSON form (`quotemine schema` prints "
            "its JSON Schema). Here is the first quote:"
        ),
        new_code_cell("print(report.quotes[0].model_dump_json(indent=2))"),
        new_markdown_cell(
            "## Markdown summary\n\n"
            "The same summary `quotemine extract --format markdown` prints in a terminal:"
        ),
        new_code_cell(
            "from IPython.display import Markdown\n"
            "from quotemine.views import to_markdown\n\n"
            "Markdown(to_markdown(report))"
        ),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def main(argv: list[str] | None = None) -> int:
    """Write the notebook (executed unless ``--no-execute``)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-execute", action="store_true", help="write the cells without outputs")
    args = parser.parse_args(argv)
    nb = build()
    if not args.no_execute:
        NotebookClient(
            nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(DOCS)}}
        ).execute()
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"  # stable ids: re-running gives a small diff
        if cell.get("cell_type") == "code":
            cell.get("metadata", {}).pop("execution", None)
    nbformat.validate(nb)
    nbformat.write(nb, NOTEBOOK)
    print(f"wrote {NOTEBOOK.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
