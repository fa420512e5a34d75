"""Money."""

from __future__ import annotations

from quotemine.pipeline.money.component import MoneyParser

__all__ = ["MoneyParser"]
