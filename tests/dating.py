"""The dates stage run alone on a parsed text, for the date rules' tests."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates import DateResolver


def dates_in(nlp: Language, text: str, published: dt.date) -> dict[str, tuple[str | None, str]]:
    """Each date mention's text -> (TIMEX3 value, type), resolved against ``published``."""
    doc = nlp(text)
    doc._.qm_published = published.isoformat()
    DateResolver(nlp, "quotemine_dates")(doc)
    return {doc.text[d["start"] : d["end"]]: (d["value"], d["type"]) for d in doc._.qm_dates}
