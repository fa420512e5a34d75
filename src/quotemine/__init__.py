"""quotemine: people, roles, quotes, dates and money from English news, with offsets.

>>> import quotemine
>>> report = quotemine.extract("Analysts said the plan would fail.", published="2003-01-10")
>>> report.quotes[0].kind
'indirect'
"""

from __future__ import annotations

import typing as _typing

from quotemine._version import __version__
from quotemine.api import DEFAULT_MODEL, Article, Extractor, Page, add_pipes, extract, load_pipeline
from quotemine.errors import (
    ArticleNotFoundError,
    InputError,
    MissingExtraError,
    ModelNotFoundError,
    PipelineError,
    QuotemineError,
    SchemaVersionError,
)
from quotemine.schema import SCHEMA_VERSION, Failure, Report, report_json_schema

if _typing.TYPE_CHECKING:
    from quotemine.views.arrow import arrow_schema
    from quotemine.views.frames import frames

__all__ = [
    "DEFAULT_MODEL",
    "SCHEMA_VERSION",
    "Article",
    "ArticleNotFoundError",
    "Extractor",
    "Failure",
    "InputError",
    "MissingExtraError",
    "ModelNotFoundError",
    "Page",
    "PipelineError",
    "QuotemineError",
    "Report",
    "SchemaVersionError",
    "__version__",
    "add_pipes",
    "arrow_schema",
    "extract",
    "frames",
    "load_pipeline",
    "report_json_schema",
]


def __getattr__(name: str) -> _typing.Any:
    """Load the table views on first use (PEP 562): extracting one article never needs them."""
    if name == "arrow_schema":
        from quotemine.views.arrow import arrow_schema

        return arrow_schema
    if name == "frames":
        from quotemine.views.frames import frames

        return frames
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
