from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model
from tests.quoting import found

from quotemine.extensions import register_extensions
from quotemine.pipeline.quotes import QuoteFinder
from quotemine.pipeline.quotes.marks import find_marked_spans


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


@pytest.fixture(scope="module")
def finder(nlp: Language) -> QuoteFinder:
    register_extensions()
    return QuoteFinder(nlp, "quotemine_quotes")


def run(nlp: Language, finder: QuoteFinder, text: str) -> tuple[Doc, list[dict[str, Any]]]:
    doc = finder(nlp(text))
    return doc, doc._.qm_quotes


def content(doc: Doc, q: dict[str, Any]) -> str:
    return str(doc.text[q["start"] : q["end"]])


def speaker(doc: Doc, q: dict[str, Any]) -> str | None:
    spk = q["speaker"]
    return None if spk is None else str(doc.text[spk["start"] : spk["end"]])


# ---------------------------------------------------------------- marks (no model needed)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said: "We will win."', ["We will win."]),
        ("“We will win,” he said.", ["We will win,"]),
        ("«We will win», he said.", ["We will win"]),
        ("„We will win“, he said.", ["We will win"]),
        ("''We will win,'' he said.", ["We will win,"]),
        ("“She told me ‘never again’ twice,” he said.", ["She told me ‘never again’ twice,"]),
        # sloppy typing: a straight opener closed by a curly mark, a left mark used as a closer
        ('He went on. "We are going to work together.” Then he left.', ["We are going to work together."]),
        ("“Your facts are wrong.“ He left.", ["Your facts are wrong."]),
        # a curly pair nested in a straight quote stays inside it
        (
            'Ward stated: "It isn’t about “Equal Justice” anymore."',
            ["It isn’t about “Equal Justice” anymore."],
        ),
    ],
)
def test_marks_pair_every_style(text: str, expected: list[str]) -> None:
    spans, warnings = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == expected
    assert warnings == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # single marks as the quotation marks of British, Irish, Australian and Indian papers
        (
            "'We are sorry,' she said. 'It will not happen again.'",
            ["We are sorry,", "It will not happen again."],
        ),
        ("‘We are sorry,’ she said.", ["We are sorry,"]),
        ("Mackay said: 'We have let our riders down.'", ["We have let our riders down."]),
        ("Ola said the 'deal of the decade' was off.", ["deal of the decade"]),
        # apostrophes are no marks, nor is a letter between two of them
        ("The players' union said it didn't agree with Ola's plan.", []),
        ("Rock 'n' roll fans don't care, the band's manager said.", []),
        # a plural possessive inside the quotation does not close it; a mark before digits opens none
        ("'It is the Vances' farm all over again,' he said.", ["It is the Vances' farm all over again,"]),
        ("'We'll see. The riders' pay is too low,' she said.", ["We'll see. The riders' pay is too low,"]),
        ("She spent the '80s in Leeds, and the '90s, she said, in 'the wilderness'.", ["the wilderness"]),
        # inside a double quote, single marks stay part of it
        ("He said: \"She told me 'never again' twice.\"", ["She told me 'never again' twice."]),
    ],
)
def test_marks_single_quotation_marks(text: str, expected: list[str]) -> None:
    spans, _ = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == expected


def test_marks_single_quote_over_paragraphs_continues() -> None:
    text = (
        "'It takes a year to train a pilot,' she said. 'There is no quick fix.\n\n'But the timetable holds.'"
    )
    spans, _ = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "It takes a year to train a pilot,",
        "There is no quick fix.",
        "But the timetable holds.",
    ]
    assert spans[1].continues and spans[2].continued


def test_marks_quote_over_paragraphs_continues() -> None:
    text = "“The first part runs on.\n\n“And the second part ends here,” she said."
    spans, _ = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The first part runs on.",
        "And the second part ends here,",
    ]
    assert spans[0].continues and spans[1].continued


def test_marks_quote_bridged_to_the_next_paragraph_closer() -> None:
    # the second paragraph's opening mark was dropped: its first mark closes the quote
    text = 'The board met.\n\n"The quay is old.\n\nWe will rebuild it by the spring," said Tamsin Rudd.'
    spans, warnings = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["The quay is old.\n\nWe will rebuild it by the spring,"]
    assert spans[0].closed and warnings == []


@pytest.mark.parametrize(
    "text",
    [
        # the next paragraph opens with a mark: the news convention, no bridge
        '"The quay is old.\n\n"We will rebuild it," said Tamsin Rudd.',
        # the quote would end with a full stop and no attribution after the mark
        '"The quay is old.\n\nWe will rebuild it." Then the vote came.',
        # once the first mark closes the quote, the next paragraph's marks do not pair
        '"The quay is old.\n\nWe will rebuild it," the "builder" said, "soon.',
        # the quote would cross two paragraph breaks
        '"The quay is old.\n\nIt leaks.\n\nWe will rebuild it," said Tamsin Rudd.',
    ],
)
def test_marks_no_bridge_without_a_plain_closer(text: str) -> None:
    spans, _ = find_marked_spans(text)
    assert not any("\n\n" in text[s.start : s.end] for s in spans)


def test_marks_bridged_quote_keeps_the_unbalanced_warning_elsewhere() -> None:
    text = '"The quay is old.\n\nWe will rebuild it," said Tamsin Rudd.\n\nA stray " mark sits here.'
    spans, warnings = find_marked_spans(text)
    assert len(spans) == 1 and len(warnings) == 1


def test_quote_bridged_over_a_paragraph_break_is_one_direct_quote(nlp: Language, finder: QuoteFinder) -> None:
    text = 'The board met.\n\n"The quay is old.\n\nWe will rebuild it by the spring," said Tamsin Rudd.'
    assert found(nlp, finder, text) == [
        ("The quay is old.\n\nWe will rebuild it by the spring,", "Tamsin Rudd")
    ]


def test_marks_unbalanced_degrades_per_paragraph() -> None:
    text = 'A stray " mark sits here.\n\n"This one is fine," he said.'
    spans, warnings = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["This one is fine,"]
    assert len(warnings) == 1


# ---------------------------------------------------------------- constructions (model)


@pytest.mark.parametrize(
    "text, kind, quote, spk",
    [
        ('"We will win the vote," he said.', "direct", "We will win the vote,", "he"),
        ('"We will win the vote," said the minister.', "direct", "We will win the vote,", "minister"),
        ('Mary Jones said: "Prices will rise next year."', "direct", "Prices will rise next year.", "Jones"),
        # the complementiser belongs to the reported content (PARC / PolNeAR convention)
        ("The senator said that taxes would go down.", "indirect", "that taxes would go down", "senator"),
        (
            "Analysts believe that the ruling was a mistake.",
            "indirect",
            "that the ruling was a mistake",
            "Analysts",
        ),
        (
            'The mayor said the plan was "a disaster for the city" and should be dropped.',
            "mixed",
            'the plan was "a disaster for the city" and should be dropped',
            "mayor",
        ),
        (
            "Unemployment rose sharply in March, according to the labour ministry.",
            "indirect",
            "Unemployment rose sharply in March",
            "ministry",
        ),
    ],
)
def test_quotes_constructions(
    nlp: Language, finder: QuoteFinder, text: str, kind: str, quote: str, spk: str
) -> None:
    doc, quotes = run(nlp, finder, text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q["kind"] == kind
    assert content(doc, q) == quote
    assert spk in (speaker(doc, q) or "")


def test_quotes_split_quote_shares_group(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(nlp, finder, '"We will win," he said, "whatever it costs us in the end."')
    assert [content(doc, q) for q in quotes] == ["We will win,", "whatever it costs us in the end."]
    assert quotes[0]["group"] is not None
    assert quotes[0]["group"] == quotes[1]["group"]
    assert all(speaker(doc, q) == "he" for q in quotes)


def test_quotes_addressee_and_cue(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(nlp, finder, "The lawyer Anna Petrova told reporters that the court had erred.")
    q = quotes[0]
    assert doc.text[q["cue"][0] : q["cue"][1]] == "told"
    assert doc.text[q["addressee"][0] : q["addressee"][1]] == "reporters"
    assert speaker(doc, q) == "Anna Petrova"


def test_quotes_speaker_trims_description(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(
        nlp, finder, "Veteran lawyer and writer Tomas Halvorsen told the paper that the law was unfair."
    )
    assert speaker(doc, quotes[0]) == "Tomas Halvorsen"


@pytest.mark.parametrize(
    "text, expected, unnamed",
    [
        ("Transport for London said the offer was fair.", "Transport for London", False),
        ("The Bank of Japan said rates would stay low.", "The Bank of Japan", False),
        ("A Pentagon spokesman said the talks had failed.", "A Pentagon spokesman", True),
    ],
)
def test_quotes_speaker_keeps_whole_organisation_names(
    nlp: Language, finder: QuoteFinder, text: str, expected: str, unnamed: bool
) -> None:
    doc, quotes = run(nlp, finder, text)
    assert speaker(doc, quotes[0]) == expected
    assert quotes[0]["speaker"]["unnamed"] is unnamed


def test_quotes_speaker_is_the_name_in_apposition(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(nlp, finder, "Its general secretary, Helen Okafor, said the offer was an insult.")
    assert speaker(doc, quotes[0]) == "Helen Okafor"


def test_quotes_straight_quote_opened_mid_paragraph_runs_over_paragraphs(
    nlp: Language, finder: QuoteFinder
) -> None:
    text = (
        '"Demand is strong," Sato said. "Our customers want more than we can make.\n\n'
        '"If we do not build, someone else will."'
    )
    doc, quotes = run(nlp, finder, text)
    assert [content(doc, q) for q in quotes] == [
        "Demand is strong,",
        "Our customers want more than we can make.",
        "If we do not build, someone else will.",
    ]
    assert len({q["group"] for q in quotes}) == 1 and not doc._.qm_warnings


def test_quotes_scare_quotes_and_titles_are_not_quotes(nlp: Language, finder: QuoteFinder) -> None:
    _, quotes = run(nlp, finder, 'The so-called "reform" was discussed in the film "Blue Skies" on Monday.')
    assert quotes == []


def test_quotes_paragraph_continuation_keeps_speaker(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        '"We have waited long enough for this day," the governor said.\n\n'
        '"Now the work begins for all of us."'
    )
    doc, quotes = run(nlp, finder, text)
    assert [q["kind"] for q in quotes] == ["direct", "direct"]
    assert speaker(doc, quotes[1]) == "governor" or "governor" in (speaker(doc, quotes[1]) or "")
    assert quotes[0]["group"] == quotes[1]["group"] is not None


def test_quotes_unnamed_group_speaker(nlp: Language, finder: QuoteFinder) -> None:
    _, quotes = run(nlp, finder, "Officials said that the border would reopen on Friday.")
    assert quotes[0]["speaker"]["unnamed"] is True


def test_quotes_unbalanced_marks_keep_other_quotes(nlp: Language, finder: QuoteFinder) -> None:
    text = 'The "deal was odd, one critic wrote.\n\n"It will not pass the Senate," she said.'
    doc, quotes = run(nlp, finder, text)
    assert any(content(doc, q) == "It will not pass the Senate," for q in quotes)
    assert doc._.qm_warnings


@pytest.mark.parametrize("text", ["", "   \n\n  ", '"""', "“", "\x00\x01 ‘’ «", '" ' * 500])
def test_quotes_never_raise_on_odd_input(nlp: Language, finder: QuoteFinder, text: str) -> None:
    doc, quotes = run(nlp, finder, text)
    assert isinstance(quotes, list)
    for q in quotes:
        assert 0 <= q["start"] <= q["end"] <= len(doc.text)


def test_quotes_spans_group_written(nlp: Language, finder: QuoteFinder) -> None:
    doc, _ = run(nlp, finder, '"We will win the vote," he said.')
    assert [s.label_ for s in doc.spans["qm_quotes"]] == ["direct"]


def test_quotes_lexicon_round_trip(nlp: Language, finder: QuoteFinder, tmp_path: Any) -> None:
    finder.to_disk(tmp_path)
    other = QuoteFinder(nlp, "other").from_disk(tmp_path)
    assert other.lexicon == finder.lexicon
    text = 'In the view of analysts, the plan will fail. "It is over," she said.'
    assert run(nlp, other, text)[1] == run(nlp, finder, text)[1]


SEED = (
    "Leading Tajik lawyer and sociologist Ashurbov Imomov told IWPR that the deportation was "
    '"legally dubious", and had violated a series of international conventions.\n\n'
    "Analysts believe that the move was connected to a series of articles in the Russian media.\n\n"
    "Sanobar Shermatova, commenting in a Russian newspaper on November 29, said, "
    '"The deportation of Tajik migrants is political pressure and must be seen as a warning."\n\n'
    "Iskandar Asadullaev, former director of the Centre, said Russia's position in Central Asia has "
    "been weakening for some time, and that this has been thrown into sharp relief by America's power."
)


def test_quotes_seed_style_attributions(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(nlp, finder, SEED)
    got = [(q["kind"], speaker(doc, q)) for q in quotes]
    assert ("mixed", "Ashurbov Imomov") in got
    assert ("indirect", "Analysts") in got
    assert ("direct", "Sanobar Shermatova") in got
    assert ("indirect", "Iskandar Asadullaev") in got


# ---------------------------------------------------------------- constructions added in issue 3


@pytest.mark.parametrize(
    "text, quote, spk",
    [
        # a quote that opens a sentence takes the cue after it
        (
            'The talks ended late. "It is a fair deal," Petrova said of the plan.',
            "It is a fair deal,",
            "Petrova",
        ),
        # the subject of the cue is found past an apposition with a number in it
        (
            '"We were wrong to wait so long," Ramos, 58, told the agency in an interview.',
            "We were wrong to wait so long,",
            "Ramos",
        ),
        # a verbless noun phrase before a colon is the speaker
        (
            'Dana Whitfield, a local farmer: "The rain came too late for the wheat this year."',
            "The rain came too late for the wheat this year.",
            "Dana Whitfield",
        ),
        # a capitalised exclamation followed by its cue is speech, not a title
        ("They celebrated. “Happy New Year to All!,” he tweeted.", "Happy New Year to All!,", "he"),
        # a new speech verb from the lexicon
        (
            '"Nobody reads those reports anyway," scoffed the clerk.',
            "Nobody reads those reports anyway,",
            "clerk",
        ),
    ],
)
def test_quotes_direct_cue_variants(
    nlp: Language, finder: QuoteFinder, text: str, quote: str, spk: str
) -> None:
    doc, quotes = run(nlp, finder, text)
    found = [q for q in quotes if content(doc, q) == quote]
    assert len(found) == 1, [content(doc, q) for q in quotes]
    assert found[0]["kind"] == "direct"
    assert spk in (speaker(doc, found[0]) or "")


def test_quotes_quoted_titles_after_a_cue_are_not_quotes(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        '"We will keep fighting for every vote," the senator said.\n\n'
        'She said so on "Meet the Voters Tonight" and in her book "The Long Road Home."'
    )
    doc, quotes = run(nlp, finder, text)
    assert [content(doc, q) for q in quotes if q["kind"] == "direct"] == [
        "We will keep fighting for every vote,"
    ]


def test_quotes_quoted_phrase_in_a_clause_is_mixed(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(
        nlp, finder, 'At the rally the governor attacked his rival, calling him "a total fraud."'
    )
    (q,) = [q for q in quotes if q["kind"] == "mixed"]
    assert content(doc, q).startswith("him")
    assert content(doc, q).endswith('fraud."')  # the closing mark is kept: the quote is balanced
    assert speaker(doc, q) == "the governor"


def test_quotes_issuer_of_a_statement_is_the_speaker(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(
        nlp, finder, "The ministry issued a statement saying that the border would stay closed."
    )
    assert len(quotes) == 1
    assert speaker(doc, quotes[0]) == "The ministry"


def test_quotes_content_of_a_parenthetical_cue_starts_after_it(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(
        nlp, finder, "The mayor attacked the new tax, which he said would drive small shops out of the city."
    )
    spoken = [q for q in quotes if doc.text[q["cue"][0] : q["cue"][1]] == "said"]
    assert spoken
    assert content(doc, spoken[0]).startswith("would drive small shops")
    assert speaker(doc, spoken[0]) == "he"


def test_quotes_relative_pronoun_speaker_has_antecedent(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(nlp, finder, "The report quoted Maria Lind, who said that the vote had been rigged.")
    (q,) = [q for q in quotes if "rigged" in content(doc, q)]
    assert speaker(doc, q) == "who"
    a0, a1 = q["speaker"]["antecedent"]
    assert doc.text[a0:a1] == "Maria Lind"


@pytest.mark.parametrize(
    "text",
    [
        "President Kalder has already promised Tomasz Brenner more than 50 million dollars in aid.",
        "The bank promised the farmers $2 million.",
        "President Bush has already promised Rakhmonov more than 50 million dollars in grants for 2003.",
        "The minister promised the miners 40 million roubles.",
    ],
)
def test_quotes_promise_of_money_is_not_speech(nlp: Language, finder: QuoteFinder, text: str) -> None:
    _, quotes = run(nlp, finder, text)
    assert quotes == []


def test_quotes_object_content_keeps_its_predicate(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(nlp, finder, "The opposition accused the minister of hiding the real figures.")
    assert len(quotes) == 1
    assert content(doc, quotes[0]) == "the minister of hiding the real figures"


def test_quotes_cost_is_linear_in_quotes(nlp: Language, finder: QuoteFinder) -> None:
    """Many quotes in one document: each record is found once and the run stays quick."""
    import time

    para = '"We will win this round of talks," the envoy said. "Nothing is settled yet," he added.\n\n'
    doc = nlp(para * 150)
    t0 = time.perf_counter()
    finder(doc)
    elapsed = time.perf_counter() - t0
    assert len(doc._.qm_quotes) == 300
    assert elapsed < 2.0


@pytest.mark.parametrize(
    "text, quote, spk",
    [
        ("His claim that the vote was rigged was false.", "the vote was rigged", "His"),
        ("The senator repeated the argument that taxes hurt growth.", "taxes hurt growth", "The senator"),
    ],
)
def test_quotes_nominal_cues(nlp: Language, finder: QuoteFinder, text: str, quote: str, spk: str) -> None:
    doc, quotes = run(nlp, finder, text)
    found = [q for q in quotes if content(doc, q).endswith(quote)]
    assert len(found) == 1, [content(doc, q) for q in quotes]
    assert speaker(doc, found[0]) == spk


def test_quotes_relative_clause_on_a_cue_noun_is_not_content(nlp: Language, finder: QuoteFinder) -> None:
    _, quotes = run(nlp, finder, "It was the argument that convinced the jury.")
    assert quotes == []


@pytest.mark.parametrize(
    "text, quote",
    [
        (
            "The mayor attacked the council, calling it, among other things, “a club for insiders.”",
            "it, among other things, “a club for insiders.”",
        ),
        (
            'She described the judge as "fair" with a "steady hand."',
            'the judge as "fair" with a "steady hand."',
        ),
        # the medium the parse hung on the predicate is the cue's, not what was said
        ('The bishop called it "a bleak but honest verdict" in a letter.', 'it "a bleak but honest verdict"'),
        ('Ms Tarrow described the levy as "clumsy" on Thursday.', 'the levy as "clumsy"'),
    ],
)
def test_quotes_object_content_takes_a_quoted_predicate(
    nlp: Language, finder: QuoteFinder, text: str, quote: str
) -> None:
    doc, quotes = run(nlp, finder, text)
    mixed = [content(doc, q) for q in quotes if q["kind"] == "mixed"]
    assert mixed == [quote]


def test_quotes_content_cut_inside_a_quotation_takes_all_of_it(nlp: Language, finder: QuoteFinder) -> None:
    text = 'The senator has said that he would "cut the budget in half. I don\'t know how, but we will."'
    doc, quotes = run(nlp, finder, text)
    (q,) = quotes
    assert q["kind"] == "mixed"
    assert content(doc, q).endswith("but we will")


@pytest.mark.parametrize(
    "text, spk",
    [
        # a capitalised "modal" before a finite verb is a name (a surname such as Will or May)
        ("In his column, Will wrote that the mayor could win the harbour vote.", "Will"),
        # the subject of "is likely to stress" speaks
        ("Okafor is likely to stress that the fund would pause its grants.", "Okafor"),
        # a nominal cue in a prepositional phrase takes the subject of the verb
        ("Brandt stirred anger with a claim that the ferries were unsafe.", "Brandt"),
    ],
)
def test_quotes_speaker_repairs(nlp: Language, finder: QuoteFinder, text: str, spk: str) -> None:
    doc, quotes = run(nlp, finder, text)
    assert quotes, text
    assert speaker(doc, quotes[-1]) == spk


@pytest.mark.parametrize(
    "text, quote, spk",
    [
        (
            "The mayor called for a ban on plastic bags in the city.",
            "a ban on plastic bags in the city",
            "The mayor",
        ),
        (
            "She spoke about the cost of housing for young families.",
            "the cost of housing for young families",
            "She",
        ),
    ],
)
def test_quotes_prepositional_cues(
    nlp: Language, finder: QuoteFinder, text: str, quote: str, spk: str
) -> None:
    doc, quotes = run(nlp, finder, text)
    assert [(content(doc, q), speaker(doc, q)) for q in quotes] == [(quote, spk)]


def test_quotes_survive_multiprocess_pipe() -> None:
    """Quote dicts are JSON primitives: they come back from worker processes intact."""
    pipe = default_model("quotemine_quotes", "quotemine_attribution")
    texts = ['"We will win the vote," he said.', "Officials said that the border would reopen.", "Nothing."]
    docs = list(pipe.pipe(texts, n_process=2, batch_size=1))
    assert [[q["kind"] for q in d._.qm_quotes] for d in docs] == [["direct"], ["indirect"], []]
    assert docs[0].text[24:26] == "he"
    assert docs[0]._.qm_quotes[0]["speaker"]["start"] == 24
    assert [s.label_ for s in docs[1].spans["qm_quotes"]] == ["indirect"]


@pytest.mark.parametrize(
    "text",
    [
        # a date is not what someone said
        "Sanobar Petrova, commenting in a newspaper on November 29, was not available later.",
        # a place before a colon is a topic, not a speaker
        "Syria: Female Prisoners Speak Out About Their Ordeal\n\nThe report was published on Monday.",
    ],
)
def test_quotes_no_record_for_dates_and_place_topics(nlp: Language, finder: QuoteFinder, text: str) -> None:
    _, quotes = run(nlp, finder, text)
    assert quotes == []


def test_quotes_content_stays_in_its_paragraph(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        "Chipmaker to build 1.2 trillion yen plant in Kyushu\n\n"
        "TOKYO, Jan 9 - Hoshino Semiconductor said it would spend 1.2 trillion yen on a new plant."
    )
    doc, quotes = run(nlp, finder, text)
    assert [content(doc, q) for q in quotes] == ["it would spend 1.2 trillion yen on a new plant"]


def test_quotes_participle_takes_the_reporting_subject(nlp: Language, finder: QuoteFinder) -> None:
    text = "Analysts said the plan was bold but risky, noting that prices for memory chips fell sharply."
    doc, quotes = run(nlp, finder, text)
    noting = [q for q in quotes if doc.text[q["cue"][0] : q["cue"][1]] == "noting"]
    assert noting and speaker(doc, noting[0]) == "Analysts"


def test_quotes_stance_with_a_source(nlp: Language, finder: QuoteFinder) -> None:
    doc, quotes = run(nlp, finder, "The bill is expected by analysts to pass the Senate.")
    assert [(content(doc, q), speaker(doc, q)) for q in quotes] == [("to pass the Senate", "analysts")]


def test_quotes_sourceless_stance_only_when_asked(nlp: Language, finder: QuoteFinder) -> None:
    """ "seemed to soften" is the writer's reading: no quote unless infinitive clauses are asked for."""
    text = "The senator seemed to soften his stance on trade."
    assert run(nlp, finder, text)[1] == []
    wide = QuoteFinder(nlp, "quotemine_quotes", xcomp_content=True)
    doc, quotes = run(nlp, wide, text)
    assert [(content(doc, q), speaker(doc, q)) for q in quotes] == [("to soften his stance on trade", None)]


def test_quotes_trailing_which_clause_is_the_reporters(nlp: Language, finder: QuoteFinder) -> None:
    text = "He said he would look at the bill, which would give the police more time."
    doc, quotes = run(nlp, finder, text)
    assert [content(doc, q) for q in quotes] == ["he would look at the bill"]


# ---------------------------------------------------------------- bug 4: every lexicon key is read


@pytest.mark.parametrize(
    "text, quote, spk, cue",
    [
        (
            "In the words of the minister, the plan is dead.",
            "the plan is dead",
            "the minister",
            "In the words of",
        ),
        (
            "The harvest will be late this year, in the view of most farmers.",
            "The harvest will be late this year",
            "most farmers",
            "in the view of",
        ),
        (
            "In the opinion of the court, the contract was never binding.",
            "the contract was never binding",
            "the court",
            "In the opinion of",
        ),
    ],
)
def test_quotes_speaker_phrases_from_the_lexicon(
    nlp: Language, finder: QuoteFinder, text: str, quote: str, spk: str, cue: str
) -> None:
    doc, quotes = run(nlp, finder, text)
    assert [(content(doc, q), speaker(doc, q)) for q in quotes] == [(quote, spk)]
    start, end = quotes[0]["cue"]
    assert doc.text[start:end] == cue


class _Recording(dict[str, object]):
    """A mapping that remembers which keys were asked for."""

    def __init__(self, data: dict[str, object]) -> None:
        super().__init__(data)
        self.asked: set[str] = set()

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> object:
        self.asked.add(key)
        return super().__getitem__(key)


def test_every_key_of_the_cue_files_is_read() -> None:
    from quotemine.lexicons import data_json
    from quotemine.pipeline.attribution import unnamed_titles
    from quotemine.pipeline.quotes.cues import CUES_FILE, UNNAMED_FILE, build_lexicon

    cues, unnamed = _Recording(data_json(CUES_FILE)), _Recording(data_json(UNNAMED_FILE))
    lexicon = build_lexicon(cues, unnamed)
    titles = unnamed_titles(unnamed)
    # "description" documents each file; every other key must be read by the code
    assert cues.asked >= set(cues) - {"description"}
    assert unnamed.asked >= set(unnamed) - {"description"}
    assert ("according", "to") in lexicon.phrases and "spokesman" in titles


def test_speaker_pronouns_have_one_owner() -> None:
    from quotemine.lexicons import data_json
    from quotemine.pipeline.quotes.cues import CUES_FILE

    assert "pronouns" not in data_json(CUES_FILE)  # lexicons.words.SPEAKER_PRONOUNS owns them


# ---------------------------------------------------------------- spaCy conventions


def test_quotes_every_option_through_add_pipe() -> None:
    import quotemine.factories  # noqa: F401

    blank = spacy.blank("en")
    config = {
        "spans_key": "my_quotes",
        "min_inherited_words": 5,
        "object_content": False,
        "xcomp_content": True,
        "scorer": {"@scorers": "quotemine.quote_scorer.v1"},
    }
    comp = blank.add_pipe("quotemine_quotes", config=config)
    assert isinstance(comp, QuoteFinder)
    assert (comp.spans_key, comp.min_inherited_words, comp.object_content, comp.xcomp_content) == (
        "my_quotes",
        5,
        False,
        True,
    )
    assert comp.scorer is not None
    doc = blank('"We will win," he said.')
    assert "my_quotes" in doc.spans and "qm_quotes" not in doc.spans


def test_quotes_error_handler_degrades_by_default_and_can_raise(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacy.util import raise_error

    import quotemine.pipeline.quotes.component as component

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(component, "find_quotes", broken)
    finder = QuoteFinder(nlp, "quotemine_quotes")
    doc = finder(nlp('"We will win," he said.'))
    assert doc._.qm_quotes == [] and list(doc.spans["qm_quotes"]) == []
    assert doc._.qm_warnings == ["quotes: skipped after an internal error (RuntimeError)"]
    finder.set_error_handler(raise_error)
    with pytest.raises(RuntimeError, match="boom"):
        finder(nlp('"We will win," he said.'))


def test_quotes_scorer_reports_overlap_prf_and_speaker_accuracy(nlp: Language) -> None:
    """``nlp.evaluate`` scores quotes by span overlap against gold ``doc._.qm_quotes``."""
    from spacy.training import Example

    pipe = default_model("quotemine_quotes")
    text = '"The bridge will open in May," the mayor said. Nobody else spoke.'
    reference = pipe.make_doc(text)
    quote_end = text.index(",")
    mayor = text.index("the mayor")
    gold_speaker = {"start": mayor, "end": mayor + 9, "person_id": None, "unnamed": False}
    reference._.qm_quotes = [
        {"id": "q1", "start": 1, "end": quote_end, "kind": "direct", "group": None, "cue": None,
         "speaker": gold_speaker, "addressee": None},
        {"id": "q2", "start": text.index("Nobody"), "end": len(text) - 1, "kind": "indirect", "group": None,
         "cue": None, "speaker": None, "addressee": None},
    ]  # fmt: skip
    scores = pipe.evaluate([Example(pipe.make_doc(text), reference)])
    assert scores["quotes_p"] == 1.0
    assert scores["quotes_r"] == 0.5
    assert scores["quotes_f"] == pytest.approx(2 / 3)
    assert scores["speaker_acc"] == 1.0
