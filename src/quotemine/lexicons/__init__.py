"""Every word list quotemine reads: one cached loader per data file, one owner per table.

* ``data_lines`` / ``data_json``: the project's own data files (``quotemine/data/``), read once per
  process and cached; a component keeps what it derives from them and saves it with ``to_disk``.
* ``quotemine.lexicons.names``: places, personal names, titles, organisation words (from data
  packages and the project's files), behind the cached ``load_lexicons()``.
* ``quotemine.lexicons.words``: small closed-class tables (pronouns, quote marks, paragraph breaks)
  that several stages share.

The loaders are also spaCy ``registry.misc`` functions (``quotemine.data_json.v1``), so a config
can name them.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from spacy.util import registry

__all__ = ["data_json", "data_lines", "data_text"]


@functools.lru_cache(maxsize=64)
def data_text(name: str) -> str:
    """Return the text of a data file shipped with quotemine (``quotemine/data/<name>``); cached."""
    return resources.files("quotemine").joinpath("data", name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=64)
def data_lines(name: str) -> tuple[str, ...]:
    """Return the non-empty, non-comment (``#``) lines of a data file, stripped; cached."""
    lines = (line.strip() for line in data_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def data_json(name: str) -> Any:
    """Return a fresh copy of a JSON data file's content (parsed from the cached text)."""
    return json.loads(data_text(name))


@registry.misc("quotemine.data_json.v1")  # type: ignore[untyped-decorator]
def _registered_data_json(name: str) -> Any:
    """Let a spaCy config name a quotemine data file: ``@misc = "quotemine.data_json.v1"``."""
    return data_json(name)
