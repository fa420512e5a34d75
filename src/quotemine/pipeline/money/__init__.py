"""The money stage (``quotemine_money``): amounts with ISO 4217 currencies, hedges, ranges and rates.

=============  =====================================================================
module         concern
=============  =====================================================================
``component``  ``MoneyParser``: the spaCy component, its windows and serialisation
``scan``       the five passes that find candidates (``MoneyCandidate``)
``refine``     select, weights, ranges, qualifiers and rates, inherited currencies
``patterns``   the patterns compiled from one lexicon
``currency``   ``money_lexicon.json`` + ISO 4217 into ``CurrencyLexicon`` lookups
``amounts``    figures and number words into ``Decimal``, and back to decimal strings
=============  =====================================================================
"""

from __future__ import annotations

from quotemine.pipeline.money.component import MoneyParser

__all__ = ["MoneyParser"]
