"""The dates stage (``quotemine_dates``): find temporal expressions and resolve them to TIMEX3 values.

========================  ==================================================================
module                    concern
========================  ==================================================================
``component``             ``DateResolver``: the spaCy component, its passes and serialisation
``candidates``            where a date may be: entities, anchored patterns, years in entities
``patterns``              the candidate patterns for running text and their start words
``vetting``               the ordered checks that drop a candidate, each with its reason
``tense``                 the direction of a year-less date from the verb it modifies
``timex``                 ``TimexResolver``: one expression to a value (normalise, rule tables)
``absolute``/``relative``  the ordered rule tables (pattern, rule)
``values``                ``Timex``, ``Context``, value formatting and the rule-table runner
``words``                 month, weekday, count words and the patterns that read an expression
``calendar``              named days and events (``dates_events.json``)
``fallback``              dateparser, one parser per reference date
========================  ==================================================================
"""

from __future__ import annotations

from quotemine.pipeline.dates.component import DateResolver

__all__ = ["DateResolver"]
