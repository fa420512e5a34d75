"""Raw text before parsing: the input check, HTML masking, the article's head, long-text chunks."""

from __future__ import annotations

from quotemine.text.chunks import split_chunks
from quotemine.text.head import byline_names, headline, published_from_dateline
from quotemine.text.inspect import inspect_text

__all__ = ["byline_names", "headline", "inspect_text", "published_from_dateline", "split_chunks"]
