"""quotemine: people, roles, quotes, dates and money from English news, with offsets.

>>> import quotemine
>>> report = quotemine.extract("Analysts said the plan would fail.", published="2003-01-10")
>>> report.quotes[0].kind
'indirect'
"""

from __future__ import annotations

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
