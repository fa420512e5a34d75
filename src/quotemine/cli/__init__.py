"""The command line: a thin layer over the Python API, and the only module that imports typer.

Every command parses its options and calls an importable function (``extract_results``,
``quotemine.api.render``'s views, ``quotemine.batch.run_batch``, ``report_json_schema``).

Exit statuses: 0 done; 1 a runtime error (an input missing or unreadable, the model not installed,
an output not writable; ``extract`` also after an error record); 2 a usage error (an unknown
option, a missing argument, a malformed option value). Each error prints one ``error: ...`` line on
stderr (typer's usage box for an unknown option or a missing argument; one line for a bad
``--format`` or ``--published``).
"""

from __future__ import annotations

from typing import Annotated

import typer

from quotemine._version import __version__
from quotemine.cli.batch import batch_cli
from quotemine.cli.extract import extract_cli
from quotemine.cli.info import info_cli, schema_cli
from quotemine.cli.render import render_cli
from quotemine.cli.stats import stats_cli

__all__ = ["app", "main"]

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Extract people, roles, quotes with speakers, dates and money from English news text.",
    epilog="Exit status: 0 done; 1 runtime error (an input missing or unreadable, the model not "
    "installed, an error record printed); 2 usage error (unknown option, malformed value).",
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"quotemine {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", help="print the version and exit", callback=_print_version, is_eager=True),
    ] = False,
) -> None:
    """Extract people, roles, quotes with speakers, dates and money from English news text."""


app.command("extract")(extract_cli)
app.command("render")(render_cli)
app.command("batch")(batch_cli)
app.command("schema")(schema_cli)
app.command("info")(info_cli)
app.command("stats")(stats_cli)


def main() -> None:
    """Run the command line (``python -m quotemine`` and the ``quotemine`` script)."""
    app(prog_name="quotemine")
