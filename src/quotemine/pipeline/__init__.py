"""quotemine's spaCy components, one class per stage."""

from __future__ import annotations

from quotemine.pipeline.attribution import Attributor
from quotemine.pipeline.dates import DateResolver
from quotemine.pipeline.entities import EntityRepairer
from quotemine.pipeline.money import MoneyParser
from quotemine.pipeline.quotes import QuoteFinder
from quotemine.pipeline.roles import RoleTagger

__all__ = ["Attributor", "DateResolver", "EntityRepairer", "MoneyParser", "QuoteFinder", "RoleTagger"]
