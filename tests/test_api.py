from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotemine
from quotemine import Article, Extractor, Failure, InputError, Report


def _spans(node: Any) -> list[dict[str, Any]]:
    """Every object with text/start/end in a report's JSON data."""
    found = []
    if isinstance(node, dict):
        if {"text", "start", "end"} <= node.keys():
            found.append(node)
        for value in node.values():
            found += _spans(value)
    elif isinstance(node, list | tuple):
        for value in node:
            found += _spans(value)
    return found


def check_report(report: Report, text: str) -> None:
    """The invariants every report holds."""
    data = report.model_dump(mode="json")
    for span in _spans(data):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
    people = {p.id for p in report.people}
    orgs = {o.id for o in report.organizations}
    for quote in report.quotes:
        if quote.speaker is not None and quote.speaker.person_id is not None:
            assert quote.speaker.person_id in people
    for person in report.people:
        assert set(person.affiliations) <= orgs
    assert Report.model_validate_json(report.model_dump_json()) == report
    assert report.document.char_count == len(text)


@pytest.mark.parametrize("bad", [None, 42, ["text"], {"text": "x"}, 3.5])
def test_extract_refuses_non_text(extractor: Extractor, bad: Any) -> None:
    with pytest.raises(InputError):
        extractor.extract(bad)


def test_extract_refuses_undecodable_bytes(extractor: Extractor) -> None:
    with pytest.raises(InputError, match="not valid UTF-8"):
        extractor.extract(b"\xff\xfe\xfa not utf8")
    with pytest.raises(InputError, match="not valid UTF-8"):
        extractor.extract("Kamala Oduya said the ferry was late.".encode("latin-1") + b" caf\xe9")


def test_utf8_bytes_give_the_report_of_their_text(extractor: Extractor) -> None:
    text = (
        "\u201cThe ferry will run again in June,\u201d said Kamala Oduya, the harbour master in V\u00e4rnby."
    )
    data = text.encode("utf-8")
    report = extractor.extract(data, doc_id="b1")
    assert report == extractor.extract(text, doc_id="b1")
    assert report.quotes and report.document.char_count == len(text)
    assert all(data.decode("utf-8")[q.start : q.end] == q.text for q in report.quotes)
    results = list(extractor.pipe([data, b"\xffbad", text]))
    assert results[0] == extractor.extract(text)
    assert isinstance(results[1], Failure) and "UTF-8" in results[1].reason
    assert results[2] == results[0]


@pytest.mark.parametrize("published", ["yesterday", "2003-13-45", "10/01/2003", 2003])
def test_extract_refuses_a_bad_published_date(extractor: Extractor, published: Any) -> None:
    with pytest.raises(InputError, match="published"):
        extractor.extract("The minister said so.", published=published)


@pytest.mark.parametrize(
    "text, warning",
    [("", "empty"), ("  \n\t ", "empty"), ("\x00\x01\x02\x03" * 40, "binary")],
)
def test_unreadable_text_gives_an_empty_report_with_a_warning(
    extractor: Extractor, text: str, warning: str
) -> None:
    report = extractor.extract(text)
    assert not (report.people or report.quotes or report.dates or report.money)
    assert any(warning in w for w in report.warnings)
    check_report(report, text)


def test_non_english_text_gives_an_empty_report_with_a_warning(extractor: Extractor) -> None:
    text = (
        "Le ministre a déclaré mardi que le gouvernement ne reculerait pas devant les syndicats, "
        "malgré les grèves qui paralysent le pays depuis une semaine et les grandes manifestations."
    )
    report = extractor.extract(text)
    assert report.quotes == () and report.people == ()
    assert any("English" in w for w in report.warnings)


def test_html_input_keeps_offsets_into_the_html(extractor: Extractor) -> None:
    html = (
        "<html><body><h1>Vote</h1><p>“The vote was free,” said Anna Berg, the head of the "
        "electoral commission.</p><script>alert('x')</script></body></html>"
    )
    report = extractor.extract(html)
    check_report(report, html)
    assert any("HTML" in w for w in report.warnings)
    assert [q.text for q in report.quotes] == ["The vote was free,"]


def test_published_date_accepts_date_and_iso_strings(extractor: Extractor) -> None:
    text = "The minister said last month that prices would fall."
    a = extractor.extract(text, published=date(2003, 1, 10))
    b = extractor.extract(text, published="2003-01-10T08:00:00")
    assert a.document.published == b.document.published == "2003-01-10"
    assert a.document.published_source == "caller"


def test_published_date_comes_from_a_dateline_when_not_given(extractor: Extractor) -> None:
    text = "DUSHANBE, Jan. 10, 2003 (IWPR) - The minister said last month that prices would fall."
    report = extractor.extract(text)
    assert report.document.published == "2003-01-10"
    assert report.document.published_source == "dateline"


def test_without_any_date_relative_dates_have_no_value(extractor: Extractor) -> None:
    report = extractor.extract("The minister said last month that prices would fall.")
    assert report.document.published is None
    assert all(d.value is None for d in report.dates if d.text == "last month")


def test_pipe_keeps_order_and_records_bad_items(extractor: Extractor) -> None:
    items: list[Any] = [
        "The minister said the plan would fail.",
        {"id": "b", "text": None},
        Article(text="", id="c"),
        {"id": "d", "text": "Analysts said prices would rise.", "published": "not a date"},
        {"text": "missing id is fine"},
        {"id": "f"},
        Article(text="“We will win,” she said.", id="g", published="2020-01-01"),
    ]
    results = list(extractor.pipe(items, batch_size=2))
    assert len(results) == len(items)
    assert [type(r).__name__ for r in results] == [
        "Report",
        "Failure",
        "Report",
        "Failure",
        "Report",
        "Failure",
        "Report",
    ]
    assert [r.index for r in results if isinstance(r, Failure)] == [1, 3, 5]
    assert results[1].id == "b" and results[6].id == "g"


def test_long_text_is_processed_in_chunks_with_offsets_into_the_whole(extractor: Extractor) -> None:
    para = "“Prices will fall next year,” said Maria Lopez, the finance minister of the republic.\n\n"
    text = para * 40
    small = Extractor(extractor.nlp, chunk_chars=1000)
    report = small.extract(text, published="2020-01-01")
    check_report(report, text)
    assert len(report.quotes) == 40
    assert len({q.id for q in report.quotes}) == 40
    assert any("chunks" in w for w in report.warnings)
    lopez = [p for p in report.people if p.name == "Maria Lopez"]
    assert len(lopez) == 1 and len(lopez[0].mentions) == 40


def test_pipe_docs_yields_each_annotated_doc_with_the_result_pipe_gives(extractor: Extractor) -> None:
    items: list[Any] = [
        {"id": "a", "text": "“We will win,” said Anna Berg, the head of the commission."},
        {"id": "b", "text": None},
        Article(text="", id="c"),
        {"id": "d", "text": "<p>Analysts said prices would rise.</p><p>The mayor&nbsp;agreed.</p>"},
    ]
    pairs = list(extractor.pipe_docs(items, batch_size=2))
    assert [result for _, result in pairs] == list(extractor.pipe(items, batch_size=2))
    (doc, report), (bad_doc, failure), (empty_doc, empty), (html_doc, html_report) = pairs
    assert isinstance(report, Report) and isinstance(failure, Failure) and isinstance(empty, Report)
    assert doc.text == items[0]["text"]
    assert [(s.start_char, s.end_char) for s in doc.spans["qm_quotes"]] == [
        (q.start, q.end) for q in report.quotes
    ]
    assert len(bad_doc) == 0 and len(empty_doc) == 0
    assert len(html_doc.text) == len(items[3]["text"])  # masked text: offsets are the report's
    assert isinstance(html_report, Report) and "<p>" not in html_doc.text


def test_pipe_docs_gives_docs_displacy_can_show(extractor: Extractor) -> None:
    from spacy import displacy

    doc, _ = next(extractor.pipe_docs(["“Prices will fall,” said Maria Lopez, the finance minister."]))
    [quote] = doc.spans["qm_quotes"]
    markup = displacy.render(doc, style="span", options={"spans_key": "qm_quotes"}, jupyter=False)
    assert "Prices" in markup and quote.label_ in markup


def test_pipe_docs_joins_the_chunks_of_a_long_text(extractor: Extractor) -> None:
    para = "“Prices will fall next year,” said Maria Lopez, the finance minister of the republic.\n\n"
    text = para * 40
    small = Extractor(extractor.nlp, chunk_chars=1000)
    [(doc, report)] = list(small.pipe_docs([text]))
    assert isinstance(report, Report) and len(report.quotes) == 40
    assert doc.text == text
    assert [(s.start_char, s.end_char) for s in doc.spans["qm_quotes"]] == [
        (q.start, q.end) for q in report.quotes
    ]


def test_add_pipes_refuses_config_for_an_unknown_component(extractor: Extractor) -> None:
    import spacy

    with pytest.raises(quotemine.PipelineError, match="no quotemine component"):
        quotemine.add_pipes(spacy.blank("en"), config={"quotemine_nope": {}})


def test_missing_model_names_the_package_to_install() -> None:
    with pytest.raises(quotemine.ModelNotFoundError, match="pip install"):
        quotemine.load_pipeline("en_core_web_nonexistent")


def test_pipeline_without_parser_is_refused() -> None:
    import spacy

    with pytest.raises(quotemine.PipelineError, match="parser"):
        quotemine.add_pipes(spacy.blank("en"))


def test_pipeline_is_loaded_once() -> None:
    assert quotemine.load_pipeline() is quotemine.load_pipeline()


QUOTE_MARKS = st.sampled_from(['"', "“", "”", "‘", "’", "«", "»", "'", "„"])
NEWSY = st.lists(
    st.one_of(
        st.sampled_from(["said", "told", "Reuters", "Mr Smith", "he", ".", ",", "\n\n", "$5m", "May 3"]),
        QUOTE_MARKS,
        st.text(max_size=12),
    ),
    max_size=40,
).map(" ".join)


@given(st.one_of(st.text(max_size=300), NEWSY))
def test_any_text_gives_a_valid_report(extractor: Extractor, text: str) -> None:
    report = extractor.extract(text, published="2010-06-01")
    check_report(report, text)


# ------------------------------------------------------------------------------ awkward input (#13)

SURROGATE_TEXT = "“Prices will fall,” said Anna Berg \ud83d, the finance minister.\ud800"


def test_a_lone_surrogate_is_read_as_a_replacement_character_with_a_warning(extractor: Extractor) -> None:
    report = extractor.extract(SURROGATE_TEXT, doc_id="id\udc80")
    read = SURROGATE_TEXT.replace("\ud83d", "\ufffd").replace("\ud800", "\ufffd")
    check_report(report, read)
    assert report.id == "id\ufffd"
    assert [q.text for q in report.quotes] == ["Prices will fall,"]
    assert any("2 surrogate code point(s)" in w and "U+FFFD" in w for w in report.warnings)
    report.model_dump_json()  # UTF-8 can encode it


def test_a_text_of_one_surrogate_gives_an_empty_report(extractor: Extractor) -> None:
    report = extractor.extract("\ud800")
    check_report(report, "\ufffd")
    assert any("surrogate" in w for w in report.warnings)


def test_pipe_records_surrogates_without_aborting(extractor: Extractor) -> None:
    items: list[Any] = [
        {"id": "a", "text": "The minister said prices would fall."},
        {"id": "b", "text": "\ud800"},
        {"id": "c\ud800", "text": "Analysts said prices would rise.", "published": "2003-01-10"},
    ]
    results = list(extractor.pipe(items, errors="record"))
    assert [type(r).__name__ for r in results] == ["Report", "Report", "Report"]
    assert [r.id for r in results] == ["a", "b", "c\ufffd"]
    for result in results:
        Report.model_validate_json(result.model_dump_json())


def test_an_oversized_amount_is_dropped_with_one_warning_not_the_report(
    extractor: Extractor, caplog: pytest.LogCaptureFixture
) -> None:
    text = "$" + "9" * 309
    with caplog.at_level("WARNING"):
        report = extractor.extract(text)
    check_report(report, text)
    assert report.money == ()
    assert [w for w in report.warnings if "money" in w] == [
        "1 money amount(s) too large to be real (over 10^21) were left out"
    ]
    assert not [r for r in caplog.records if r.exc_info]  # no traceback logged


def test_an_oversized_amount_leaves_the_other_amounts(extractor: Extractor) -> None:
    text = "The fund lost $" + "9" * 40 + ", and the city spent $5 million, the minister said."
    report = extractor.extract(text)
    check_report(report, text)
    assert [m.amount for m in report.money] == [5_000_000.0]
    assert any("too large" in w for w in report.warnings)


def test_the_report_builder_leaves_out_an_item_that_fails_validation() -> None:
    import spacy

    from quotemine.extensions import register_extensions
    from quotemine.report import build_report

    register_extensions()
    doc = spacy.blank("en")("Anna Berg said yes. Tom Reed said no.")
    doc._.qm_people = [
        {"id": "p1", "name": "Anna Berg", "mentions": [[0, 9]], "affiliations": ["o9"]},
        {"id": "p2", "mentions": [[20, 28]]},  # no name: a stage got its record wrong
    ]
    doc._.qm_quotes = [
        {"id": "q1", "start": 15, "end": 18, "kind": "direct"},
        {"id": "q2", "start": 34, "end": 36, "kind": "shouted"},  # no such kind
    ]
    doc._.qm_money = [{"start": 0, "end": 4, "amount": "1e400"}]
    report = build_report(doc)
    assert [p.name for p in report.people] == ["Anna Berg"]
    assert report.people[0].affiliations == ()  # no organisation o9 in the report
    assert [q.id for q in report.quotes] == ["q1"] and report.money == ()
    assert "extracted item(s) that failed validation were left out: 1 person, 1 quote" in report.warnings
    assert "1 money amount(s) too large to be real (over 10^21) were left out" in report.warnings


def test_report_spans_are_unique_in_text_order_and_every_misfit_is_counted() -> None:
    import spacy

    from quotemine.extensions import register_extensions
    from quotemine.report import build_report

    register_extensions()
    doc = spacy.blank("en")("Anna Berg met Tom Reed. Anna Berg left.")
    doc._.qm_people = [
        {"id": "p1", "name": "Anna Berg", "mentions": [[24, 33], [0, 9], [24, 33], [50, 60], [5, 2]]},
    ]
    doc._.qm_orgs = [{"id": "o1", "name": "Reed", "mentions": [[18, 22], [18, 22], [-1, 4]]}]
    report = build_report(doc)
    assert [(m.text, m.start) for m in report.people[0].mentions] == [("Anna Berg", 0), ("Anna Berg", 24)]
    assert [(m.text, m.start) for m in report.organizations[0].mentions] == [("Reed", 18)]
    assert "3 extracted item(s) had offsets outside the text and were left out" in report.warnings


@pytest.mark.parametrize("text", ["😀😀😀", "🎉 🎉\n\n🎉", "— … ★ ☆"])
def test_text_without_letters_or_digits_gives_an_empty_report_with_a_warning(
    extractor: Extractor, text: str
) -> None:
    report = extractor.extract(text)
    check_report(report, text)
    assert not (report.people or report.quotes or report.dates or report.money)
    assert any("no letters or digits" in w for w in report.warnings)


@pytest.mark.parametrize(
    "published", ["20030110", "2003-W02-5", "2003W025", "2003-01-10T12:00", "2003-01-10 23:59:59+05:00"]
)
def test_published_accepts_the_iso_8601_forms(extractor: Extractor, published: str) -> None:
    report = extractor.extract("The minister said last month that prices would fall.", published=published)
    assert report.document.published == "2003-01-10"
    assert [d.value for d in report.dates if d.text == "last month"] == ["2002-12"]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", date(1, 1, 1), "0099-12-31", "9900-01-01"])
def test_published_out_of_range_is_refused(extractor: Extractor, published: Any) -> None:
    with pytest.raises(InputError, match="out of range"):
        extractor.extract("The minister said so on Tuesday.", published=published)


@pytest.mark.parametrize("published", ["0100-01-01", "9899-12-31"])
def test_published_at_the_ends_of_the_range_keeps_every_date(extractor: Extractor, published: str) -> None:
    text = "The minister said on Tuesday that prices fell yesterday, and will rise tomorrow and next week."
    report = extractor.extract(text, published=published)
    assert len(report.dates) == 4 and all(d.value for d in report.dates)
    assert not any("failed" in w for w in report.warnings)


@pytest.mark.parametrize("items", ["a text", b"bytes", {"text": "one record"}, Article(text="x"), 42])
def test_pipe_refuses_a_single_item_at_once(extractor: Extractor, items: Any) -> None:
    with pytest.raises(InputError, match="iterable"):
        extractor.pipe(items)
    with pytest.raises(InputError, match="iterable"):
        extractor.pipe_docs(items)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"batch_size": 0}, "batch_size"),
        ({"batch_size": 2.5}, "batch_size"),
        ({"n_process": 0}, "n_process"),
        ({"n_process": -2}, "n_process"),
        ({"errors": "ignore"}, "errors"),
    ],
)
def test_pipe_refuses_bad_options_at_once(
    extractor: Extractor, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        extractor.pipe(["The minister said so."], **options)
    with pytest.raises(InputError, match=message):
        extractor.pipe_docs(["The minister said so."], **options)


CR_ARTICLE = (
    "Harbour Talks Stall\n\nBy Jane Doe\n\nWELLINGTON, March 3, 2004 (Wire) - “We will not sign "
    "this deal,” said Tom Reed, the port director.\n\nThe union said talks would go on.\n"
)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_carriage_returns_are_line_breaks_with_offsets_into_the_callers_text(
    extractor: Extractor, newline: str
) -> None:
    text = CR_ARTICLE.replace("\n", newline)
    report = extractor.extract(text)
    check_report(report, text)
    plain = extractor.extract(CR_ARTICLE)
    assert report.document.title is not None and report.document.title.text == "Harbour Talks Stall"
    assert [a.text for a in report.document.authors] == ["Jane Doe"]
    assert report.document.published == plain.document.published == "2004-03-03"
    assert [p.name for p in report.people] == [p.name for p in plain.people]
    assert [q.text for q in report.quotes] == [q.text for q in plain.quotes]
    assert not any("\r" in p.name for p in report.people)


@pytest.mark.parametrize("space", ["\u00a0", "\t", "\u2009"])
def test_a_name_written_with_no_break_spaces_or_tabs_is_a_person_with_offsets_into_the_text(
    extractor: Extractor, space: str
) -> None:
    plain = "Harbour Talks Stall\n\n\u201cWe will not sign this deal,\u201d said Tomas Relling, the director."
    text = plain.replace(" ", space).replace("Stall\n", "Stall\f").replace("Relling,", "Relling\u200b,")
    report = extractor.extract(text)
    check_report(report, text)
    assert [p.name for p in report.people] == ["Tomas Relling"]
    assert [(q.text, q.speaker.person_id if q.speaker else None) for q in report.quotes] == [
        (f"We{space}will{space}not{space}sign{space}this{space}deal,", "p1")
    ]


def test_warnings_of_a_chunked_text_give_offsets_into_the_whole_text(extractor: Extractor) -> None:
    import re

    para = "“Prices will fall next year,” said Maria Lopez, the finance minister of the republic.\n\n"
    text = para * 30 + "The mayor said “the port will close, and never open again.\n\n" + para * 5
    small = Extractor(extractor.nlp, chunk_chars=1000)
    report = small.extract(text, published="2020-01-01")
    check_report(report, text)
    offsets = [int(m.group(1)) for w in report.warnings if (m := re.search(r"at offset (\d+)", w))]
    assert offsets, report.warnings
    assert all(text[n] == "“" and n > 1000 for n in offsets)


SURROGATE_CHARS = st.characters(codec=None, exclude_categories=())
EXTREME_DATES = st.one_of(
    st.none(),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["0100-01-01", "9899-12-31", "20030110", "2003-W02-5", "2003-01-10T12:00", "junk", ""]),
)


def _as_read(text: str) -> str:
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


AWKWARD = st.lists(
    st.sampled_from(
        ["\ud800", "\udfff", "\ud83d", "“", "”", '"', " said ", "\r\n", "\r", "$", "9" * 40, "😀"]
    ),
    max_size=30,
).map("".join)
FUZZ_TEXT = st.one_of(st.text(SURROGATE_CHARS, max_size=120), NEWSY, AWKWARD)


@given(st.lists(st.tuples(FUZZ_TEXT, EXTREME_DATES), max_size=4))
def test_pipe_never_raises_and_every_span_holds(extractor: Extractor, items: list[tuple[str, Any]]) -> None:
    """Fuzz in small: surrogates, quote storms, extreme dates; a Failure only for a bad date."""
    records = [{"id": str(n), "text": text, "published": when} for n, (text, when) in enumerate(items)]
    results = list(extractor.pipe(records, batch_size=2))
    assert len(results) == len(records)
    for (text, when), result in zip(items, results, strict=True):
        if isinstance(result, Failure):
            assert result.error == "InputError" and "published" in result.reason
            with pytest.raises(InputError):
                quotemine.articles.iso_date(when)
        else:
            check_report(result, _as_read(text))
