"""Errors quotemine raises on purpose.

Every error derives from one base class, and most also from the builtin that fits, so callers can
catch either::

    QuotemineError
    ├── ModelNotFoundError (OSError)     the spaCy model is not installed
    ├── PipelineError                    a pipeline lacks the components quotemine needs
    ├── MissingExtraError (ImportError)  an optional extra a feature needs is not installed
    ├── InputError (ValueError)          the input is not text quotemine can read
    │   └── ArticleNotFoundError         a web page holds no article text
    └── SchemaVersionError (ValueError)  report JSON of a schema version this release cannot read

Bad *content* (empty text, no quotes, unbalanced quote marks) is not an error: it gives a valid
report with an entry in ``warnings``.
"""

from __future__ import annotations

__all__ = [
    "ArticleNotFoundError",
    "InputError",
    "MissingExtraError",
    "ModelNotFoundError",
    "PipelineError",
    "QuotemineError",
    "SchemaVersionError",
]


class QuotemineError(Exception):
    """Base class for every error quotemine raises on purpose."""


class ModelNotFoundError(QuotemineError, OSError):
    """The spaCy model asked for is not installed; the message names the package to install."""


class PipelineError(QuotemineError):
    """A spaCy pipeline lacks a component quotemine needs (a parser, an entity recogniser)."""


class InputError(QuotemineError, ValueError):
    """The input is not text: not a ``str``, undecodable bytes, or a malformed record."""


class MissingExtraError(QuotemineError, ImportError):
    """An optional extra a feature needs is not installed; the message says what to install."""


class ArticleNotFoundError(InputError):
    """A web page read as an article holds no article text (a page of links, an empty page)."""


class SchemaVersionError(QuotemineError, ValueError):
    """A report's JSON carries a schema version this release cannot read."""
