"""Speaker resolution: each quote's local speaker mention to a person, an organisation, or no one.

``index`` builds the document's people and organisations (mentions, gender, descriptors), ``rules``
holds the resolution rules, ``component`` the ``quotemine_attribution`` component.
"""

from __future__ import annotations

from quotemine.pipeline.speakers.component import Attributor, drop_attribution, unnamed_titles
from quotemine.pipeline.speakers.index import DocIndex, Entity, Mention
from quotemine.pipeline.speakers.rules import RULES, Resolution, Resolver, SpeakerMention

__all__ = [
    "RULES",
    "Attributor",
    "DocIndex",
    "Entity",
    "Mention",
    "Resolution",
    "Resolver",
    "SpeakerMention",
    "drop_attribution",
    "unnamed_titles",
]
