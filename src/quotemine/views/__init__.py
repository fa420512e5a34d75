"""Views of a report for people: HTML (the highlighted article) and Markdown; tables in ``frames``.

Views read ``quotemine.schema`` models only: they never run the pipeline (``quotemine.api.render``
does, then calls a view). ``Report.to_frames`` and ``Report._repr_html_`` call them through
function-level imports, so ``schema`` does not import this package when it is imported.
"""

from __future__ import annotations

from enum import StrEnum

from quotemine.views.html import SPEAKER_COLOURS, to_html
from quotemine.views.markdown import to_markdown

__all__ = ["SPEAKER_COLOURS", "RenderFormat", "to_html", "to_markdown"]


class RenderFormat(StrEnum):
    """The views ``quotemine.api.render`` and ``quotemine render`` produce."""

    html = "html"
    markdown = "markdown"
