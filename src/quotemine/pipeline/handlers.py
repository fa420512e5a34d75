"""The one shape of a component's error handler, as spaCy's ``Pipe`` defines it.

Every quotemine component subclasses ``spacy.pipeline.Pipe``: an error inside ``__call__`` goes to
``self.get_error_handler()``, which ``nlp.set_error_handler(...)`` replaces on every component.
Each component's default handler keeps the document going with that stage's output empty and a
warning in the report (one bad document must not end a batch of millions); spaCy's
``spacy.util.raise_error`` makes them raise instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

from spacy.tokens import Doc

__all__ = ["ErrorHandler"]

#: ``(component name, component, documents, exception) -> None``, or raise.
ErrorHandler: TypeAlias = Callable[[str, Any, list[Doc], Exception], None]
