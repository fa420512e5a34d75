"""quotemine: people, roles, quotes, dates and money from English news, with offsets."""

from __future__ import annotations

__version__ = "0.1.0"
