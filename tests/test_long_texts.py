"""Long texts: parsed chunk by chunk, one chunk at a time, into one report of the whole text."""

from __future__ import annotations

import gc
import re
import weakref
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from spacy.tokens import Doc

from quotemine import Extractor, Report
from quotemine.text.chunks import split_chunks
from tests.test_api import check_report

_PARAGRAPHS = (
    "“Prices will fall next year,” said Maria Lopez, the finance minister, on March 3, 2019.",
    "The council spent $4.5 million on the new bridge, according to Tomas Berger, the mayor of Linden.",
    "“We need more nurses,” Grace Odum told reporters on Tuesday.",
    "Henrik Sorensen, an economist at the Baltic Institute, said the budget of €200 million was too small.",
)


def _text(paragraphs: int, sep: str = "\n\n") -> str:
    return sep.join(_PARAGRAPHS[i % len(_PARAGRAPHS)] for i in range(paragraphs)) + "\n"


def _content(report: Report) -> dict[str, Any]:
    """What a report found, without ids, chunk groups and warnings."""
    data = report.model_dump(mode="json")
    names = {p["id"]: p["name"] for p in data["people"]}

    def spans(items: Iterable[dict[str, Any]]) -> tuple[tuple[int, int], ...]:
        return tuple((s["start"], s["end"]) for s in items)

    return {
        "quotes": [
            (q["start"], q["end"], q["kind"], q["speaker"] and names.get(q["speaker"]["person_id"]))
            for q in data["quotes"]
        ],
        "people": sorted(
            (p["name"], spans(p["mentions"]), spans(p["roles"]), len(p["affiliations"]))
            for p in data["people"]
        ),
        "organizations": sorted((o["name"], spans(o["mentions"])) for o in data["organizations"]),
        "dates": [(d["start"], d["end"], d["value"]) for d in data["dates"]],
        "money": [(m["start"], m["end"], m["amount"], m["currency"]) for m in data["money"]],
    }


def test_small_and_large_chunks_give_the_same_report(extractor: Extractor) -> None:
    text = _text(40)
    whole = Extractor(extractor.nlp, chunk_chars=len(text)).extract(text, published="2020-01-01")
    small = Extractor(extractor.nlp, chunk_chars=1000).extract(text, published="2020-01-01")
    middle = Extractor(extractor.nlp, chunk_chars=2000).extract(text, published="2020-01-01")
    assert f"long text processed in {len(split_chunks(text, 1000))} chunks" in small.warnings
    assert len(whole.quotes) == 40 and len(whole.money) == 20
    assert _content(small) == _content(whole) == _content(middle)
    # a role repeated word for word is kept once in the whole text, as within one chunk
    [lopez] = [p for p in small.people if p.name == "Maria Lopez"]
    assert [r.text for r in lopez.roles] == ["finance minister"]


@pytest.mark.parametrize("sep", ["\n\n", " "], ids=["paragraphs", "single-line"])
def test_offsets_hold_across_chunks(extractor: Extractor, sep: str) -> None:
    text = _text(60, sep)
    report = Extractor(extractor.nlp, chunk_chars=1000).extract(text, published="2020-01-01")
    check_report(report, text)
    assert len(report.quotes) == 60
    assert [q.id for q in report.quotes] == [f"q{n}" for n in range(1, 61)]


def test_chunks_are_parsed_one_at_a_time(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = extractor.nlp
    batches: list[int] = []
    real_pipe = nlp.pipe

    def spy(docs: Iterable[Doc], **kwargs: Any) -> Iterator[Doc]:
        given = list(docs)  # everything handed over in one call is parsed as one stream
        batches.append(len(given))
        return real_pipe(given, **kwargs)

    monkeypatch.setattr(nlp, "pipe", spy)
    text = _text(40)
    report = Extractor(nlp, chunk_chars=1000).extract(text, published="2020-01-01")
    chunks = len(split_chunks(text, 1000))
    assert f"long text processed in {chunks} chunks" in report.warnings
    assert batches == [1] * chunks and chunks > 3


def test_chunked_text_leaves_no_strings_in_the_vocabulary(extractor: Extractor) -> None:
    nlp = extractor.nlp
    words = " ".join(f"Zorvath{n} Quillbrenner{n} said the plan was fine." for n in range(150))
    Extractor(nlp, chunk_chars=1000).extract(words)  # warm up lazily created strings
    before = len(nlp.vocab.strings)
    report = Extractor(nlp, chunk_chars=1000).extract(words.replace("Zorvath", "Merrowick"))
    assert any("chunks" in w for w in report.warnings)
    assert len(nlp.vocab.strings) == before


def test_pipe_keeps_input_order_around_long_texts(extractor: Extractor) -> None:
    long_text = _text(40)
    items = [
        {"id": "short1", "text": _PARAGRAPHS[0]},
        {"id": "long", "text": long_text},
        {"id": "short2", "text": _PARAGRAPHS[2]},
    ]
    results = list(Extractor(extractor.nlp, chunk_chars=1000).pipe(items, batch_size=2))
    assert [r.id for r in results] == ["short1", "long", "short2"]
    assert all(isinstance(r, Report) for r in results)
    assert [len(r.quotes) for r in results if isinstance(r, Report)] == [1, 40, 1]
    alone = [extractor.extract(item["text"], doc_id=item["id"]) for item in items[::2]]
    assert [results[0], results[2]] == alone


def test_warnings_of_later_chunks_give_offsets_into_the_whole_text(extractor: Extractor) -> None:
    broken = "The mayor said “the plan is dead and nobody will ever save it now.\n\n"
    text = _text(20) + "\n\n" + broken + _text(8)
    report = Extractor(extractor.nlp, chunk_chars=1000).extract(text, published="2020-01-01")
    offsets = [int(m.group(1)) for w in report.warnings for m in [re.search(r"at offset (\d+)", w)] if m]
    assert offsets, report.warnings
    assert all(text[offset] == "“" for offset in offsets)


def test_a_long_text_after_a_short_one_leaves_finished(extractor: Extractor) -> None:
    items = [_PARAGRAPHS[0], _text(40), ""]
    small = Extractor(extractor.nlp, chunk_chars=1000)
    for item, report in zip(items, small.pipe(items), strict=True):
        assert isinstance(report, Report)
        assert report._text == item  # looked at before the next report is asked for


def test_pipe_keeps_no_report_the_caller_dropped(extractor: Extractor) -> None:
    texts = [_PARAGRAPHS[0], _PARAGRAPHS[1], _PARAGRAPHS[2]]
    results = extractor.pipe(texts)
    first = weakref.ref(next(results))  # the report itself is dropped at once
    next(results)
    gc.collect()
    assert first() is None  # the window of documents does not hold it to its end
    assert len(list(results)) == 1


def test_long_text_among_short_ones_with_two_processes(extractor: Extractor) -> None:
    items = [_PARAGRAPHS[1], _text(40), _PARAGRAPHS[3]]
    small = Extractor(extractor.nlp, chunk_chars=1000)
    assert list(small.pipe(items, n_process=2, batch_size=1)) == list(small.pipe(items))


def test_merged_items_stay_independent_and_round_trip(extractor: Extractor) -> None:
    text = _text(40)
    report = Extractor(extractor.nlp, chunk_chars=1000).extract(text, published="2020-01-01")
    first, second = report.quotes[0], report.quotes[-1]
    fields = set(second.model_fields_set)
    changed = first.model_copy(update={"group": "elsewhere"})
    assert changed.group == "elsewhere" and "group" in changed.model_fields_set
    assert second.model_fields_set == fields and first.group != "elsewhere"
    assert Report.model_validate_json(report.model_dump_json()) == report
    whole = Extractor(extractor.nlp, chunk_chars=len(text)).extract(text, published="2020-01-01")
    items = {"dates", "money"}
    assert report.model_dump(exclude_unset=True, include=items) == whole.model_dump(
        exclude_unset=True, include=items
    )
