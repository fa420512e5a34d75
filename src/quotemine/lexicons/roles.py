"""Role words the role and entity stages share that are not title or role nouns of their own.

``POST_NOMINALS``: letters written after a personal name ("Ana Reyes QC", "Tom Hale MP"). A name
before one is a person's, the letters are not part of the name, and those that are an office or a
rank ("QC", "MP") are also the person's role.
"""

from __future__ import annotations

from typing import Final

__all__ = ["POST_NOMINALS"]

#: Upper-case letters after a name, lower-cased: offices, ranks and honours.
POST_NOMINALS: Final = frozenset(
    {"qc", "kc", "mp", "msp", "mep", "mla", "td", "obe", "mbe", "cbe", "kbe", "dbe", "frs"}
)
