"""The dates stage (``quotemine_dates``): find temporal expressions and resolve them to TIMEX3 values.

========================  ==================================================================
module                    concern
========================  ==================================================================
``component``             ``DateResolver``: the spaCy component, its passes and serialisation
``candidates``            where a date may be: entities, anchored patterns, years in entities
``patterns``              the candidate patterns for running text and their start words
``vetting``               the ordered checks that drop a candidate, each with its reason
``tense``                 the direction of a year-less date from the verb it modifies
``local``                 a day named just before as the anchor of a bare weekday
``ranges``                the two ends of a written range made to agree
``timex``                 ``TimexResolver``: one expression to a value (normalise, rule tables)
``absolute``/``relative``  the ordered rule tables (pattern, rule)
``values``                ``Timex``, ``Context``, value formatting and the rule-table runner
``durations``             ISO 8601 values of durations and sets ("P3Y", "XXXX-WXX-2")
``times``                 values of times of day ("2003-01-10T17:00", "2003-01-10TNI")
``bounds``                the first and last calendar day a value covers
``words``                 month, weekday, count words and the patterns that read an expression
``calendar``              named days and events (``dates_events.json``)
``fallback``              dateparser, one parser per reference date
========================  ==================================================================
"""

from __future__ import annotations

from quotemine.pipeline.dates.component import DateResolver

__all__ = ["DateResolver"]
