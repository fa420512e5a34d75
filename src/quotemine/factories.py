"""Register quotemine's spaCy factories.

This module is the target of the ``spacy_factories`` entry points, so spaCy imports it whenever a
``Language`` is created. It must stay cheap: the stage modules (and dateparser) are imported inside
the ``make_*`` bodies. No ``from __future__ import annotations`` here: spaCy builds a config model
from the real annotations of each ``make_*`` signature.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.util import registry

from quotemine.extensions import register_extensions

if TYPE_CHECKING:
    from quotemine.pipeline.attribution import Attributor
    from quotemine.pipeline.dates import DateResolver
    from quotemine.pipeline.entities import EntityRepairer
    from quotemine.pipeline.money import MoneyParser
    from quotemine.pipeline.quotes import QuoteFinder
    from quotemine.pipeline.roles import RoleTagger

register_extensions()


def make_entity_repairer(nlp: Language, name: str, explain: bool) -> "EntityRepairer":
    """Build the ``quotemine_entities`` component."""
    from quotemine.pipeline.entities import EntityRepairer

    return EntityRepairer(nlp, name, explain=explain)


def make_role_tagger(nlp: Language, name: str, spans_key: str) -> "RoleTagger":
    """Build the ``quotemine_roles`` component."""
    from quotemine.pipeline.roles import RoleTagger

    return RoleTagger(nlp, name, spans_key=spans_key)


def make_quote_finder(
    nlp: Language,
    name: str,
    spans_key: str,
    min_inherited_words: int,
    object_content: bool,
    xcomp_content: bool,
    scorer: Callable[..., dict[str, float | None]] | None,
) -> "QuoteFinder":
    """Build the ``quotemine_quotes`` component."""
    from quotemine.pipeline.quotes import QuoteFinder

    return QuoteFinder(
        nlp,
        name,
        spans_key=spans_key,
        min_inherited_words=min_inherited_words,
        object_content=object_content,
        xcomp_content=xcomp_content,
        scorer=scorer,
    )


def make_quote_scorer() -> Callable[..., dict[str, float | None]]:
    """Return the quote scorer (``quotemine.quote_scorer.v1``): overlap P/R/F and speaker accuracy."""
    from quotemine.pipeline.quotes.scorer import score_quotes

    return score_quotes


def make_attributor(nlp: Language, name: str, pronoun_window: int) -> "Attributor":
    """Build the ``quotemine_attribution`` component."""
    from quotemine.pipeline.attribution import Attributor

    return Attributor(nlp, name, pronoun_window=pronoun_window)


def make_date_resolver(
    nlp: Language,
    name: str,
    include_refs: bool,
    include_non_dates: bool,
    use_dateparser: bool,
    infer_published: bool,
) -> "DateResolver":
    """Build the ``quotemine_dates`` component."""
    from quotemine.pipeline.dates import DateResolver

    return DateResolver(
        nlp,
        name,
        include_refs=include_refs,
        include_non_dates=include_non_dates,
        use_dateparser=use_dateparser,
        infer_published=infer_published,
    )


def make_money_parser(nlp: Language, name: str, spans_key: str, inherit_currency: bool) -> "MoneyParser":
    """Build the ``quotemine_money`` component."""
    from quotemine.pipeline.money import MoneyParser

    return MoneyParser(nlp, name, spans_key=spans_key, inherit_currency=inherit_currency)


Language.factory(
    "quotemine_entities",
    assigns=["doc.ents", "doc.spans", "doc._.qm_people", "doc._.qm_orgs", "doc._.qm_entity_reasons"],
    requires=["doc.ents", "token.dep"],
    default_config={"explain": False},
)(make_entity_repairer)
Language.factory(
    "quotemine_roles",
    assigns=["doc.spans", "doc._.qm_people", "doc._.qm_orgs"],
    requires=["doc._.qm_people", "token.dep"],
    default_config={"spans_key": "qm_roles"},
)(make_role_tagger)
registry.scorers("quotemine.quote_scorer.v1")(make_quote_scorer)
Language.factory(
    "quotemine_quotes",
    assigns=["doc.spans", "doc._.qm_quotes"],
    requires=["token.dep", "token.lemma"],
    default_config={
        "spans_key": "qm_quotes",
        "min_inherited_words": 3,
        "object_content": True,
        "xcomp_content": False,
        "scorer": {"@scorers": "quotemine.quote_scorer.v1"},
    },
    default_score_weights={"quotes_f": 1.0, "quotes_p": 0.0, "quotes_r": 0.0, "speaker_acc": 0.0},
)(make_quote_finder)
Language.factory(
    "quotemine_attribution",
    assigns=["doc._.qm_quotes"],
    requires=["doc._.qm_quotes"],
    default_config={"pronoun_window": 1},
)(make_attributor)
Language.factory(
    "quotemine_dates",
    assigns=["doc.spans", "doc._.qm_dates"],
    requires=["doc.ents"],
    default_config={
        "include_refs": True,
        "include_non_dates": True,
        "use_dateparser": True,
        "infer_published": True,
    },
)(make_date_resolver)
Language.factory(
    "quotemine_money",
    assigns=["doc.spans", "doc._.qm_money"],
    requires=["doc.ents"],
    default_config={"spans_key": "qm_money", "inherit_currency": True},
)(make_money_parser)
