from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.recording import KeyRecording

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates import DateResolver
from quotemine.pipeline.dates.calendar import load_events
from quotemine.pipeline.dates.tense import direction as _direction
from quotemine.pipeline.dates.timex import Context, TimexResolver

REF = dt.date(2003, 1, 10)  # a Friday


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def run(nlp: Language, text: str, published: str | None = "2003-01-10") -> Doc:
    doc = nlp(text)
    doc._.qm_published = published
    return DateResolver(nlp, "quotemine_dates")(doc)


def by_text(doc: Doc) -> dict[str, dict[str, object]]:
    return {doc.text[d["start"] : d["end"]]: d for d in doc._.qm_dates}


@pytest.mark.parametrize(
    "text, value, granularity, modifier",
    [
        ("last month", "2002-12", "month", None),
        ("late-November", "2002-11", "month", "late"),
        ("November 29", "2002-11-29", "day", None),
        ("Nov. 29", "2002-11-29", "day", None),
        ("29 November 2002", "2002-11-29", "day", None),
        ("September 11, 2001", "2001-09-11", "day", None),
        ("Late last year", "2002", "year", "late"),
        ("early 1990", "1990", "year", "early"),
        ("mid-1990s", "199X", "decade", "mid"),
        ("1991", "1991", "year", None),
        ("2003", "2003", "year", None),
        ("the 1990s", "199X", "decade", None),
        ("the previous decade", "199X", "decade", None),
        ("two years ago", "2001", "year", None),
        ("three months ago", "2002-10", "month", None),
        ("yesterday", "2003-01-09", "day", None),
        ("today", "2003-01-10", "day", None),
        ("tomorrow", "2003-01-11", "day", None),
        ("this week", "2003-W02", "week", None),
        ("last week", "2003-W01", "week", None),
        ("next year", "2004", "year", None),
        ("the third quarter", "2003-Q3", "quarter", None),
        ("fourth-quarter", "2003-Q4", "quarter", None),
        ("the second quarter of 1999", "1999-Q2", "quarter", None),
        ("last quarter", "2002-Q4", "quarter", None),
        ("last summer", "2002-SU", "season", None),
        ("the 20th century", "19", "century", None),
        ("Christmas", "2002-12-25", "day", None),
        ("Thanksgiving 2001", "2001-11-22", "day", None),
        ("now", "PRESENT_REF", None, None),
        ("2002-11-29", "2002-11-29", "day", None),
        ("nineteen ninety-six", "1996", "year", None),
        ("2 weeks from January 15", "2003-01-29", "day", None),
        ("week 10 of 2027", "2027-W10", "week", None),
        ("the second week of 2021", "2021-W02", "week", None),
        ("Black Friday 2013", "2013-11-29", "day", None),
        ("this qtr", "2003-Q1", "quarter", None),
        ("Q4 2018", "2018-Q4", "quarter", None),
        ("the end of the year", "2003", "year", "late"),
        ("earlier this month", "2003-01", "month", "early"),
        ("05-Aug-2016", "2016-08-05", "day", None),
        ("2015-12", "2015-12", "month", None),
        ("March eighth", "2003-03-08", "day", None),
        ("Fri, Jul 18", "2003-07-18", "day", None),
        ("January nineteen ninety-seven", "1997-01", "month", None),
        ("the first Tuesday in November 2002", "2002-11-05", "day", None),
        ("the last Friday of the month", "2003-01-31", "day", None),
        ("a week ago", "2003-01-03", "day", None),
        ("three months from now", "2003-04-10", "day", None),
    ],
)
def test_resolver_values(
    resolver: TimexResolver, text: str, value: str, granularity: str | None, modifier: str | None
) -> None:
    tx = resolver.resolve(text, Context(REF))
    assert tx is not None
    assert (tx.value, tx.granularity, tx.modifier, tx.type) == (value, granularity, modifier, "date")


@pytest.mark.parametrize(
    "text, direction, value",
    [
        ("Tuesday", 0, "2003-01-07"),  # news: the most recent one
        ("Friday", 0, "2003-01-10"),  # the publication day itself
        ("last Friday", 0, "2003-01-03"),
        ("next Tuesday", 0, "2003-01-14"),
        ("Tuesday", 1, "2003-01-14"),  # "will meet on Tuesday"
        ("December", 0, "2002-12"),
        ("next March", 0, "2003-03"),
        ("Dec. 15", -1, "2002-12-15"),
        ("Feb. 3", 1, "2003-02-03"),
    ],
)
def test_resolver_direction(resolver: TimexResolver, text: str, direction: int, value: str) -> None:
    tx = resolver.resolve(text, Context(REF, direction))
    assert tx is not None and tx.value == value


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("the past 15 months", "duration", "P15M"),
        ("15 months", "duration", "P15M"),
        ("every week", "set", "P1W"),
        ("annually", "set", "P1Y"),
        ("3 p.m.", "time", "2003-01-10T15:00"),
        ("this morning", "time", "2003-01-10TMO"),
    ],
)
def test_resolver_types_non_dates(resolver: TimexResolver, text: str, kind: str, value: str) -> None:
    tx = resolver.resolve(text, Context(REF))
    assert tx is not None
    assert (tx.type, tx.value) == (kind, value)


def test_resolver_without_reference_keeps_value_none_with_note(resolver: TimexResolver) -> None:
    tx = resolver.resolve("last month", Context(None))
    assert tx is not None and tx.value is None and tx.note
    assert resolver.resolve("November 29", Context(None)) == resolver.resolve("November 29", Context(None))
    md = resolver.resolve("November 29", Context(None))
    assert md is not None and md.value == "XXXX-11-29"
    weekday = resolver.resolve("on Tuesday", Context(None))
    assert weekday is not None and weekday.value is None and weekday.note
    last_june = resolver.resolve("last June", Context(None))
    assert last_june is not None and last_june.value is None
    absolute = resolver.resolve("September 11, 2001", Context(None))
    assert absolute is not None and absolute.value == "2001-09-11"


def test_resolver_following_year_uses_the_anchor(resolver: TimexResolver) -> None:
    tx = resolver.resolve("the following year", Context(REF, 0, "1995"))
    assert tx is not None and tx.value == "1996"
    plain = resolver.resolve("next year", Context(REF, 0, "1995"))
    assert plain is not None and plain.value == "2004"


def test_resolver_year_ago_follows_quarter_anchor(resolver: TimexResolver) -> None:
    tx = resolver.resolve("a year earlier", Context(REF, 0, "2002-Q3"))
    assert tx is not None and tx.value == "2001-Q3"


SEED = (
    "The new era began after the September 11 attacks. Moscow recalled its envoy last month, and in "
    "late-November the talks stalled. On November 29 the deal was signed. Late last year prices rose. "
    "The republic became independent in 1991. The past 15 months have seen change. Before September 11, "
    "2001, few embassies were open. The government expects growth in 2003."
)


@pytest.mark.slow
def test_pipeline_seed_constructions(nlp: Language) -> None:
    doc = run(nlp, SEED)
    got = by_text(doc)
    assert got["September 11"]["value"] == "2001-09-11"
    assert got["last month"]["value"] == "2002-12"
    assert (got["late-November"]["value"], got["late-November"]["modifier"]) == ("2002-11", "late")
    assert got["November 29"]["value"] == "2002-11-29"
    assert (got["Late last year"]["value"], got["Late last year"]["modifier"]) == ("2002", "late")
    assert (got["1991"]["value"], got["1991"]["granularity"]) == ("1991", "year")
    assert got["September 11, 2001"]["value"] == "2001-09-11"
    assert got["2003"]["value"] == "2003"
    past = got["The past 15 months"]
    assert past["type"] == "duration" and past["value"] == "P15M"
    for d in doc._.qm_dates:
        assert set(d) == {"start", "end", "value", "granularity", "modifier", "type", "note"}
    assert [doc.text[s.start_char : s.end_char] for s in doc.spans["qm_dates"]] == list(got)
    assert doc.spans["qm_dates"][0].label_ == "date"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, target, value",
    [
        ("The ministers will meet on Tuesday to sign it.", "Tuesday", "2003-01-14"),
        ("The ministers met on Tuesday.", "Tuesday", "2003-01-07"),
        ("A fire broke out in the capital yesterday.", "yesterday", "2003-01-09"),
        ("The mine reopened two years ago.", "two years ago", "2001"),
    ],
)
def test_pipeline_tense_and_relative(nlp: Language, text: str, target: str, value: str) -> None:
    assert by_text(run(nlp, text))[target]["value"] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, target, value",
    [
        (
            "Security tightened after the September 11th attack on the capital.",
            "September 11th",
            "2001-09-11",
        ),
        ("The post-September 11 order changed the region.", "September 11", "2001-09-11"),
        ("Expo 2020 drew crowds, officials said.", None, None),
        ("She led the March of the Mothers through the city.", None, None),
        ("Now, the minister said, the border is open.", None, None),
        (
            "With an eye to February 20th, the senator said he would campaign hard.",
            "February 20th",
            "2003-02-20",
        ),
    ],
)
def test_pipeline_events_and_names(nlp: Language, text: str, target: str | None, value: str | None) -> None:
    got = by_text(run(nlp, text))
    if target is None:
        assert all(d["type"] != "date" for d in got.values())
    else:
        assert got[target]["value"] == value


@pytest.mark.slow
def test_pipeline_without_publication_date(nlp: Language) -> None:
    doc = run(nlp, "Talks collapsed last month.", published=None)
    d = by_text(doc)["last month"]
    assert d["value"] is None and d["note"]


def test_iso_datetime_reference_is_accepted(blank: Language) -> None:
    doc = run(blank, "It happened yesterday.", published="2003-01-10T08:30:00")
    assert by_text(doc)["yesterday"]["value"] == "2003-01-09"


def test_bad_reference_warns(blank: Language) -> None:
    doc = run(blank, "It happened yesterday.", published="10/01/2003")
    assert by_text(doc)["yesterday"]["value"] is None
    assert doc._.qm_warnings and "publication date" in doc._.qm_warnings[0]


def test_offsets_are_exact(blank: Language) -> None:
    text = "Prices rose in late-November, on Nov. 29, and again last month."
    doc = run(blank, text)
    assert doc._.qm_dates
    for d in doc._.qm_dates:
        assert 0 <= d["start"] < d["end"] <= len(text)
    assert "Nov. 29" in by_text(doc)


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\ufffd", "“unbalanced", "May " * 2000, "1" * 5000])
def test_odd_input_never_raises(blank: Language, text: str) -> None:
    doc = run(blank, text)
    assert isinstance(doc._.qm_dates, list)


def test_ages_and_bare_numbers_are_not_dates(blank: Language) -> None:
    doc = run(blank, "The 6-year-old boy and 54 others arrived.")
    assert doc._.qm_dates == []


def test_to_disk_from_disk_round_trip(blank: Language, tmp_path: Path) -> None:
    comp = DateResolver(blank, "quotemine_dates")
    comp.to_disk(tmp_path)
    other = DateResolver(blank, "quotemine_dates").from_disk(tmp_path)
    doc = blank("They met on Christmas Eve.")
    doc._.qm_published = "2003-01-10"
    assert other(doc)._.qm_dates[0]["value"] == "2002-12-24"


def test_factory_adds_component(blank: Language) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotemine_dates")
    doc = nlp.make_doc("The deal closed on Nov. 29.")
    doc._.qm_published = "2003-01-10"
    doc = nlp.get_pipe("quotemine_dates")(doc)
    assert doc._.qm_dates[0]["value"] == "2002-11-29"


def test_pipe_with_two_processes_keeps_results() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotemine_dates")
    docs = [nlp.make_doc(t) for t in ("It closed yesterday.", "Prices fell last month.")]
    for doc in docs:
        doc._.qm_published = "2003-01-10"
    out = list(nlp.pipe(docs, n_process=2))
    assert [d._.qm_dates[0]["value"] for d in out] == ["2003-01-09", "2002-12"]
    assert [s.text for s in out[1].spans["qm_dates"]] == ["last month"]


@pytest.mark.parametrize(
    "text, published",
    [
        ("ROME, March 14, 2024 - The council met on Wednesday.", "2024-03-14"),
        ("Headline here\n\nOSLO (Wire), 3 May 2021 - Talks ended.", "2021-05-03"),
        ("Published: 12 March 2024\nThe vote was held on Monday.", "2024-03-12"),
        ("The talks of March 3, 2001 failed on Monday.", None),
    ],
)
def test_publication_date_from_dateline(blank: Language, text: str, published: str | None) -> None:
    doc = run(blank, text, published=None)
    assert doc._.qm_published == published


def test_dateline_resolves_relative_dates(blank: Language) -> None:
    doc = run(blank, "ROME, March 14, 2024 - The council met on Wednesday.", published=None)
    assert by_text(doc)["Wednesday"]["value"] == "2024-03-13"


def test_caller_date_wins_over_dateline(blank: Language) -> None:
    doc = run(blank, "ROME, March 14, 2024 - The council met on Wednesday.", published="2024-03-20")
    assert doc._.qm_published == "2024-03-20"
    assert by_text(doc)["Wednesday"]["value"] == "2024-03-20"


@pytest.mark.parametrize(
    "text, value",
    [
        ("Eid al-Fitr 2018", "2018-06-15"),
        ("Diwali 2019", "2019-10-27"),
        ("Chinese New Year 2018", "2018-02-16"),
        ("Rosh Hashanah 2018", "2018-09-10"),
        ("Chuseok 2019", "2019-09-13"),
        ("Seollal 2020", "2020-01-25"),
    ],
)
def test_resolver_lunar_holidays_from_the_holidays_package(
    resolver: TimexResolver, text: str, value: str
) -> None:
    pytest.importorskip("holidays")
    tx = resolver.resolve(text, Context(REF))
    assert tx is not None and tx.value == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("Onam 2019", "2019-09-11"),  # a regional holiday (Kerala): looked up in the subdivisions
        ("Karva Chauth in 2019", "2019-10-17"),  # an optional holiday, "in <year>"
        ("Ugadi 2019", "2019-04-06"),
        ("Guru Ravidass Jayanti 2019", "2019-02-19"),
        ("Hanukkah 2018", "2018-12-03"),
        ("clean monday 2018", "2018-02-19"),  # Orthodox Lent
        ("orthodox good friday 2020", "2020-04-17"),
        ("kaanum pongal 2018", "2018-01-16"),  # two days after Pongal
    ],
)
def test_resolver_regional_and_optional_holidays(resolver: TimexResolver, text: str, value: str) -> None:
    pytest.importorskip("holidays")
    tx = resolver.resolve(text, Context(REF))
    assert tx is not None and tx.value == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("the ides of March", "2003-03-15"),
        ("trinity sunday 2003", "2003-06-15"),
        ("Shrove Tuesday 2003", "2003-03-04"),
    ],
)
def test_resolver_named_days_from_the_lexicon(resolver: TimexResolver, text: str, value: str) -> None:
    tx = resolver.resolve(text, Context(REF))
    assert tx is not None and tx.value == value


@pytest.mark.parametrize(
    "text, value, granularity",
    [
        ("the upcoming two weeks", "2003-W04", "week"),  # REF is in W02
        ("two upcoming months", "2003-03", "month"),
        ("upcoming 2 quarters", "2003-Q3", "quarter"),
        ("upcoming three days", "2003-01-13", "day"),
        ("3 fridays from now", "2003-01-31", "day"),  # REF is a Friday: it does not count
        ("2 mondays ago", "2002-12-30", "day"),
        ("the first half of 2004", "2004-H1", "half"),
        ("the first two quarters of 1990", "1990-H1", "half"),
        ("the second half of next year", "2004-H2", "half"),
        ("year-end", "2003-12-31", "day"),
        ("since year-end", "2002-12-31", "day"),
    ],
)
def test_resolver_counted_units_halves_and_year_end(
    resolver: TimexResolver, text: str, value: str, granularity: str | None
) -> None:
    tx = resolver.resolve(text, Context(REF))
    assert tx is not None
    assert (tx.value, tx.granularity) == (value, granularity)


def test_resolver_anchored_quarters_and_weekdays(resolver: TimexResolver) -> None:
    # a forecast quarter named before ("the third quarter of 2004") is no anchor for a year-ago figure
    tx = resolver.resolve("the year-ago period", Context(dt.date(2003, 10, 24), 0, "2004-Q3"))
    assert tx is not None and tx.value == "2002-Q3"
    # a reported quarter is
    tx = resolver.resolve("the year-ago period", Context(dt.date(2003, 10, 24), 0, "2003-Q3"))
    assert tx is not None and tx.value == "2002-Q3"
    tx = resolver.resolve("the 2002 quarter", Context(dt.date(2003, 10, 24)))
    assert tx is not None and tx.value == "2002-Q3"
    tx = resolver.resolve("the previous Friday", Context(REF, 0, "2003-01-03"))
    assert tx is not None and tx.value == "2002-12-27"
    tx = resolver.resolve("the end of year", Context(dt.date(2003, 3, 20), -1))  # "peaked by the end of year"
    assert tx is not None and (tx.value, tx.modifier) == ("2002", "late")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, target, value",
    [
        ("Will the envoy be back in two days? Or in a week?", "in a week", "2003-01-20"),
        ("Sales of the plant are expected to close around year end.", "around year end", "2003-12-31"),
    ],
)
def test_pipeline_direction_refinements(nlp: Language, text: str, target: str, value: str) -> None:
    assert by_text(run(nlp, text, published="2003-01-13"))[target]["value"] == value


@pytest.mark.slow
def test_pipeline_sentence_initial_currently_is_a_discourse_marker(nlp: Language) -> None:
    got = by_text(run(nlp, "Currently, the mine employs 300 people."))
    assert "Currently" not in got
    got = by_text(run(nlp, "The company currently employs 300 people."))
    assert got["currently"]["value"] == "PRESENT_REF"


@pytest.mark.slow
def test_pipeline_named_day_with_apostrophe_and_year(nlp: Language) -> None:
    got = by_text(run(nlp, "The parade on King's Day 2014 drew crowds."))
    assert got["King's Day 2014"]["value"] == "2014-04-26"


@pytest.mark.parametrize(
    "verb, lemma, expected", [("meet", "meet", 1), ("hurt", "hurt", 0), ("hits", "hit", 1)]
)
def test_direction_present_tense_that_reads_like_its_past(
    blank: Language, verb: str, lemma: str, expected: int
) -> None:
    # "Stocks <verb> the fund on Friday": a VBP identical to its past form ("hurt") does not look ahead
    tag = "VBZ" if verb.endswith("s") else "VBP"
    doc = Doc(
        blank.vocab,
        words=["Stocks", verb, "the", "fund", "on", "Friday"],
        pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN"],
        tags=["NNS", tag, "DT", "NN", "IN", "NNP"],
        lemmas=["stock", lemma, "the", "fund", "on", "Friday"],
        heads=[1, 1, 3, 1, 1, 4],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj"],
    )
    assert _direction(doc[5:6]) == expected


@pytest.mark.slow
def test_pipeline_planned_event_looks_ahead_and_copular_now_is_no_date(nlp: Language) -> None:
    got = by_text(run(nlp, "Protesters planned a large demonstration on Saturday.", published="2003-01-08"))
    assert got["Saturday"]["value"] == "2003-01-11"
    assert "now" not in by_text(run(nlp, "The mine is now the largest in the region."))
    assert by_text(run(nlp, "The company now owns 72% of the mine."))["now"]["value"] == "PRESENT_REF"


# ---------------------------------------------------------------- config, errors, serialisation
def test_add_pipe_takes_every_option_from_the_config() -> None:
    # bug 5: the factory had no default_config, so any config raised ConfigValidationError
    nlp = spacy.blank("en")
    options = {
        "include_refs": False,
        "include_non_dates": False,
        "use_dateparser": False,
        "infer_published": False,
    }
    comp = nlp.add_pipe("quotemine_dates", config=options)
    assert isinstance(comp, DateResolver)
    assert {k: getattr(comp, k) for k in options} == options
    doc = nlp("ROME, March 14, 2024 - Prices are now higher every week than a day ago.")
    assert doc._.qm_published is None  # infer_published=False: the dateline is not read
    assert all(d["type"] == "date" for d in doc._.qm_dates)  # include_non_dates=False
    assert all(d["value"] != "PRESENT_REF" for d in doc._.qm_dates)  # include_refs=False
    assert nlp.config["components"]["quotemine_dates"]["infer_published"] is False


def test_add_pipe_defaults_match_the_constructor() -> None:
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("quotemine_dates")
    plain = DateResolver(nlp, "plain")
    for key in ("include_refs", "include_non_dates", "use_dateparser", "infer_published"):
        assert getattr(comp, key) == getattr(plain, key)


def _broken(doc: Doc) -> None:
    raise RuntimeError("boom")


def test_error_handler_default_degrades_with_a_warning(
    blank: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    comp = DateResolver(blank, "quotemine_dates")
    monkeypatch.setattr(comp, "_annotate", _broken)
    doc = blank("It rained yesterday.")
    doc._.qm_published = "2003-01-10"
    comp(doc)
    assert doc._.qm_dates == []
    assert list(doc.spans["qm_dates"]) == []
    assert doc._.qm_warnings == ["dates: resolution failed (RuntimeError)"]


def test_error_handler_can_be_set_the_spacy_way(monkeypatch: pytest.MonkeyPatch) -> None:
    from spacy.util import raise_error

    nlp = spacy.blank("en")
    comp = nlp.add_pipe("quotemine_dates")
    monkeypatch.setattr(comp, "_annotate", _broken)
    assert nlp("It rained yesterday.")._.qm_warnings  # the default still degrades inside nlp()
    nlp.set_error_handler(raise_error)  # spaCy hands the handler to every pipe that takes one
    assert comp.get_error_handler() is raise_error
    with pytest.raises(RuntimeError, match="boom"):
        nlp("It rained yesterday.")


def test_infer_published_asks_the_head_module(blank: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    # one owner per fact: the dateline rule lives in quotemine.text.head
    from quotemine.text import head

    calls: list[str] = []

    def fake(text: str) -> str:
        calls.append(text)
        return "2010-06-15"

    monkeypatch.setattr(head, "published_from_dateline", fake)
    doc = run(blank, "No dateline here. It rained yesterday.", published=None)
    assert calls == ["No dateline here. It rained yesterday."]
    assert doc._.qm_published == "2010-06-15"
    assert by_text(doc)["yesterday"]["value"] == "2010-06-14"
    calls.clear()
    off = DateResolver(blank, "quotemine_dates", infer_published=False)
    off(blank("It rained yesterday."))
    assert calls == []


ROUND_TRIP_TEXT = (
    "They met on Christmas Eve, again on Nov. 29 and last month; the deal closes in the third "
    "quarter, two years after the 1990s boom, three days before Thanksgiving."
)


def test_round_trip_gives_identical_output(blank: Language, tmp_path: Path) -> None:
    comp = DateResolver(blank, "quotemine_dates")
    comp.to_disk(tmp_path)
    other = DateResolver(blank, "quotemine_dates").from_disk(tmp_path)
    docs = [blank(ROUND_TRIP_TEXT), blank(ROUND_TRIP_TEXT)]
    for doc in docs:
        doc._.qm_published = "2003-01-10"
    assert comp(docs[0])._.qm_dates == other(docs[1])._.qm_dates
    assert len(docs[0]._.qm_dates) >= 5


def test_round_trip_keeps_an_edited_events_table(blank: Language, tmp_path: Path) -> None:
    comp = DateResolver(blank, "quotemine_dates")
    events = load_events()
    events["fixed"]["founders' day"] = "03-02"
    comp._set_events(events)
    comp.to_disk(tmp_path)
    other = DateResolver(blank, "quotemine_dates").from_disk(tmp_path)
    doc = blank("The parade is on Founders' Day.")
    doc._.qm_published = "2003-01-10"
    assert by_text(other(doc))["Founders' Day"]["value"] == "2003-03-02"


def test_nlp_to_disk_round_trip(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotemine_dates", config={"include_refs": False})
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert loaded.get_pipe("quotemine_dates").include_refs is False
    a, b = nlp.make_doc(ROUND_TRIP_TEXT), loaded.make_doc(ROUND_TRIP_TEXT)
    a._.qm_published = b._.qm_published = "2003-01-10"
    assert nlp(a)._.qm_dates == loaded(b)._.qm_dates


def test_every_key_of_the_events_file_is_read() -> None:
    from quotemine.pipeline.dates.calendar import EventTable

    data = KeyRecording(load_events())
    TimexResolver(data)
    EventTable(data)
    assert set(data) - {"_doc"} <= data.read


def test_dateparser_is_imported_lazily() -> None:
    import subprocess
    import sys

    code = (
        "import sys, spacy, quotemine.factories\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('quotemine_dates'); nlp.add_pipe('quotemine_money')\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
