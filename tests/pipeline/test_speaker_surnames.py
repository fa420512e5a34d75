"""The bare-surname search of the speaker index: capitalised whole words, possessives, no fragments."""

from __future__ import annotations

from quotemine.pipeline.speakers.surnames import _capitalised_words, capitalised_hits, surname_like

_TEXT = (
    "Okafor said the plan was late. OKAFOR's deputy disagreed; an okafor-style fix, McOkafor "
    "and Okafors were no help. Okafor’s team met Brandt's lawyers, and Brandt-Lee stayed home."
)


def test_capitalised_hits_finds_whole_capitalised_words_and_possessives() -> None:
    hits = capitalised_hits(_TEXT, {"okafor", "brandt"})
    assert [_TEXT[s:e] for s, e in hits["okafor"]] == ["Okafor", "OKAFOR", "Okafor"]
    assert [_TEXT[s:e] for s, e in hits["brandt"]] == ["Brandt"]


def test_capitalised_hits_agrees_with_a_word_by_word_scan() -> None:
    words = {"okafor", "brandt", "lee", "the"}
    fast = {k: sorted(v) for k, v in capitalised_hits(_TEXT, words).items()}
    slow = {k: sorted(v) for k, v in _capitalised_words(_TEXT, words).items()}
    assert fast == slow


def test_surname_like_needs_a_word_that_can_be_capitalised() -> None:
    assert surname_like("o'hara") and surname_like("brandt-lee")
    assert not surname_like("st.john") and not surname_like("4chan")
