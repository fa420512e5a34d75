"""``quotemine schema`` and ``quotemine info``: the report's JSON Schema; versions and pipeline."""

from __future__ import annotations

import json

import typer
from spacy import about

from quotemine._version import __version__
from quotemine.api import DEFAULT_MODEL, Extractor
from quotemine.cli._common import fail
from quotemine.errors import QuotemineError
from quotemine.schema import SCHEMA_VERSION, failure_json_schema, report_json_schema

__all__ = ["info_cli", "schema_cli"]


def schema_cli(
    failure: bool = typer.Option(
        False,
        "--failure",
        help="print the schema of the error record of a bad input (extract, batch)",
    ),
) -> None:
    """Print the JSON Schema of the report (--failure: of the error record of a bad input)."""
    typer.echo(json.dumps(failure_json_schema() if failure else report_json_schema(), indent=2))


def info_cli(
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="spaCy pipeline to load"),
) -> None:
    """Print versions and the pipeline quotemine would run."""
    try:
        extractor = Extractor(model)
    except QuotemineError as err:
        raise fail(str(err)) from err
    typer.echo(f"quotemine {__version__} (report schema {SCHEMA_VERSION})")
    typer.echo(f"spaCy {about.__version__}; model {extractor.model_name}")
    typer.echo("pipeline: " + " → ".join(extractor.nlp.pipe_names))
