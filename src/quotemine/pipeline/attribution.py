"""The ``quotemine_attribution`` component, kept at its historical path.

The speaker resolution lives in ``quotemine.pipeline.speakers``; this module re-exports its
component so that existing imports and the factory keep working.
"""

from __future__ import annotations

from quotemine.pipeline.speakers import Attributor, drop_attribution, unnamed_titles

__all__ = ["Attributor", "drop_attribution", "unnamed_titles"]
