"""Money pattern sources read back from the on-disk cache equal freshly written ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotemine.pipeline.money.currency import build_lexicon, iso_rows, load_lexicon_data
from quotemine.pipeline.money.patterns import MoneyPatterns


def test_cached_sources_equal_built_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTEMINE_CACHE_DIR", str(tmp_path))
    data = load_lexicon_data()
    lex = build_lexicon(data, iso_rows())
    built = MoneyPatterns.build(lex, data)
    first = MoneyPatterns.load(lex, data)  # writes the cache
    [cache_file] = tmp_path.glob("money-patterns-*.json")
    again = MoneyPatterns.load(lex, data)  # reads it
    assert first._sources == again._sources == built._sources
    assert again.qualifiers == built.qualifiers
    assert again.suffix.search("it cost 20 euros").group("post") == "euros"

    cache_file.write_text('{"suffix": 5}', encoding="utf-8")  # damaged: rebuilt, not trusted
    assert MoneyPatterns.load(lex, data)._sources == built._sources


def test_other_lexicon_data_is_another_cache_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTEMINE_CACHE_DIR", str(tmp_path))
    data = load_lexicon_data()
    lex = build_lexicon(data, iso_rows())
    MoneyPatterns.load(lex, data)
    changed = {**data, "qualifiers": {**data.get("qualifiers", {}), "give or take": "approximate"}}
    MoneyPatterns.load(build_lexicon(changed, iso_rows()), changed)
    assert len(list(tmp_path.glob("money-patterns-*.json"))) == 2
