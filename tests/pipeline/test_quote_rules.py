"""Quote precision and recall rules (issue 11), each on sentences written for the project."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from tests.models import default_model
from tests.quoting import found

from quotemine.extensions import register_extensions
from quotemine.pipeline.quotes import QuoteFinder


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


@pytest.fixture(scope="module")
def finder(nlp: Language) -> QuoteFinder:
    register_extensions()
    return QuoteFinder(nlp, "quotemine_quotes")


# ---------------------------------------------------------------- false quotes


@pytest.mark.parametrize(
    "text",
    [
        # negated speech: no denial, no statement
        "Mayor Ada Brenner does not deny that the budget was late.",
        "Councillor Tom Vasko did not say whether he would run again.",
        "The harbour master never said the pier was unsafe.",
        "The ferry company has not confirmed the name of the new captain.",
        # a negation shared by "or"
        "The ferry company would not confirm or deny that the route will close.",
        # negative subjects
        "Nobody said the vote would be close.",
        "No official said the bridge would close.",
        # refusals
        "Councillor Tom Vasko declined to say whether he would run again.",
        "The club refused to confirm that its coach had resigned.",
        # hypothetical speech
        "Greta Holm rolled her eyes, as if to say the meeting was a waste of time.",
        "The umpire spread his hands as though to say the appeal was hopeless.",
        # non-speech uses of cue verbs: a forecast with no source, a small clause
        "Farmers in the valley are expected to plant less wheat this spring.",
        "Small bakeries find it harder to borrow money than large chains.",
        # a byline under a section header; section labels are no speakers
        "Analysis: Petra Lindqvist, The Harbour Gazette",
        "Analysis: Why the harbour deal collapsed",
        "UPDATE: The council has approved the plan.",
        "Opinion: The mayor is wrong about the stadium",
        "Q&A: The coach who rebuilt the county side",
        # labels of more than one word: a common noun that names no one
        "Key points: The toll on the Stavely bridge rises by 3 per cent from May.",
        "The big picture: Rents in Dunmere are climbing faster than wages.",
        "Editor's note: This article was updated with a reply from the water board.",
        # impersonal passives: the writer's sourcing names no speaker
        "It is learnt that the water board has asked for a report on the leak.",
        "The council, it may be recalled, ran a similar drive in the old town last year.",
        # a bare pronoun object says nothing of what was denied
        "She denied it.",
        "The club confirmed this on Monday.",
        # statements not made yet
        "The minister is expected to say on Monday that taxes will rise.",
        "The bank plans to announce a new chairman.",
        "Councillor Ivo Marsh is expected to defend the plan at the next meeting.",
        "The club plans to criticise the ruling in court.",
    ],
)
def test_cues_that_say_nothing_give_no_quote(nlp: Language, finder: QuoteFinder, text: str) -> None:
    assert found(nlp, finder, text) == []


def test_double_negation_still_speaks(nlp: Language, finder: QuoteFinder) -> None:
    text = "Ines Calloway did not hesitate to say that the tender was rigged."
    assert found(nlp, finder, text) == [("that the tender was rigged", "Ines Calloway")]


def test_negation_of_another_verb_does_not_silence_the_cue(nlp: Language, finder: QuoteFinder) -> None:
    text = "Ines Calloway did not attend the hearing but said that the tender was rigged."
    assert ("that the tender was rigged", "Ines Calloway") in found(nlp, finder, text)


def test_forecast_with_a_named_source_stays(nlp: Language, finder: QuoteFinder) -> None:
    text = "The levy is expected by economists to raise little money."
    assert found(nlp, finder, text) == [("to raise little money", "economists")]


def test_colon_line_with_a_statement_stays(nlp: Language, finder: QuoteFinder) -> None:
    text = "Mark Tovey: We will not sell the farm."
    assert found(nlp, finder, text) == [("We will not sell the farm", "Mark Tovey")]


# ---------------------------------------------------------------- missed quotes


def test_listed_points_after_said_colon(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        "In a statement, the dockers' union said:\n"
        "• Wages must rise with prices.\n"
        "• Night shifts need a second guard.\n"
        "• Every depot must have a first-aid room.\n"
        "The strike will start on Monday."
    )
    doc = finder(nlp(text))
    quotes = doc._.qm_quotes
    assert [text[q["start"] : q["end"]] for q in quotes] == [
        "Wages must rise with prices",
        "Night shifts need a second guard",
        "Every depot must have a first-aid room",
    ]
    assert {text[q["speaker"]["start"] : q["speaker"]["end"]] for q in quotes if q["speaker"]} == {
        "the dockers' union"
    }
    assert len({q["group"] for q in quotes}) == 1 and quotes[0]["group"] is not None


def test_numbered_points_after_said_colon(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        "The minister said:\n1. Taxes will fall for most families.\n2. The new rail line will open in 2030."
    )
    assert found(nlp, finder, text) == [
        ("Taxes will fall for most families", "The minister"),
        ("The new rail line will open in 2030", "The minister"),
    ]


def test_paragraph_after_said_colon(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        "The rowing club explained its decision in a letter to members:\n"
        "The club cannot afford a new boathouse without selling the old one."
    )
    assert ("The club cannot afford a new boathouse without selling the old one", "The rowing club") in found(
        nlp, finder, text
    )


def test_list_without_a_speech_cue_is_no_quote(nlp: Language, finder: QuoteFinder) -> None:
    text = "Here is what we know so far:\n- The fire started in the bakery at dawn.\n- Two people were hurt."
    assert found(nlp, finder, text) == []


def test_quote_in_the_sentence_after_its_cue(nlp: Language, finder: QuoteFinder) -> None:
    text = 'Dana Okoro said on Tuesday. "We will build two schools and a clinic before the winter."'
    assert found(nlp, finder, text) == [
        ("We will build two schools and a clinic before the winter.", "Dana Okoro")
    ]


def test_quote_after_a_cue_noun_sentence(nlp: Language, finder: QuoteFinder) -> None:
    text = 'Dana Okoro issued a warning to the council. "We will not wait another year for a clinic."'
    assert found(nlp, finder, text) == [("We will not wait another year for a clinic.", "Dana Okoro")]


def test_quote_after_a_sentence_on_how_a_person_spoke(nlp: Language, finder: QuoteFinder) -> None:
    text = 'Magistrate Ilse Varga was blunt. "You preyed on people who trusted you with their savings."'
    assert found(nlp, finder, text) == [
        ("You preyed on people who trusted you with their savings.", "Magistrate Ilse Varga")
    ]


def test_quote_after_a_copula_about_a_thing_is_not_attributed(nlp: Language, finder: QuoteFinder) -> None:
    text = 'The morning over the estuary was clear. "Perfect weather for the regatta at last."'
    assert found(nlp, finder, text) == []


def test_finding_with_a_misread_verb_is_a_content_clause(nlp: Language, finder: QuoteFinder) -> None:
    text = "Researchers at the Holloway Clinic found that the new inhaler cut admissions by half."
    assert found(nlp, finder, text) == [("that the new inhaler cut admissions by half", "Researchers")]


def test_possessor_of_a_view_speaks_the_host_clause(nlp: Language, finder: QuoteFinder) -> None:
    text = "In her view, the new ferry timetable is unfair to commuters from Orrin Bay."
    assert found(nlp, finder, text) == [
        ("the new ferry timetable is unfair to commuters from Orrin Bay", "her")
    ]


def test_the_writers_own_view_and_a_cue_of_its_own_add_nothing(nlp: Language, finder: QuoteFinder) -> None:
    assert found(nlp, finder, "In my view, the new ferry timetable is unfair to commuters.") == []
    text = "In his statement, Teodor Lusk said the ferry would run twice a day."
    assert found(nlp, finder, text) == [("the ferry would run twice a day", "Teodor Lusk")]


def test_a_view_noun_with_a_topic_is_an_act_not_a_frame(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        "In her assessment of a rival bid, Rowan Tibbs intimated that the deal would collapse within a year."
    )
    assert found(nlp, finder, text) == [("that the deal would collapse within a year", "Rowan Tibbs")]
    assert found(nlp, finder, "In her assessment of that dispute, the council was wrong to act.") == []


def test_a_condition_split_off_the_content_clause_stays_in_it(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        "Many angry fishermen who came to Dunmore to protest this week's vote say they'll back Ramos"
        " unless Orton drops the plan he gave Lee after it became obvious he would lose the seat."
    )
    content = text[text.index("they'll") : -1]
    assert found(nlp, finder, text) == [(content, "Many angry fishermen")]


def test_a_voiced_feeling_with_a_that_clause_is_reported(nlp: Language, finder: QuoteFinder) -> None:
    text = "Dana Voss voiced frustration that the court had ignored the evidence."
    assert found(nlp, finder, text) == [("that the court had ignored the evidence", "Dana Voss")]
    assert found(nlp, finder, "There was widespread disappointment that the ferry would stop.") == []


def test_clause_after_a_cue_and_a_colon_is_its_content(nlp: Language, finder: QuoteFinder) -> None:
    text = "Coach Mirela Dunn told the Ashby Echo: the squad will survive this season."
    assert found(nlp, finder, text) == [("the squad will survive this season", "Coach Mirela Dunn")]


def test_clause_after_a_cue_noun_and_a_colon_is_its_content(nlp: Language, finder: QuoteFinder) -> None:
    text = "The warning from Dr Halvard Senn was stark: the ward will run out of beds by March."
    assert found(nlp, finder, text) == [("the ward will run out of beds by March", "Dr Halvard Senn")]


def test_quote_after_a_negated_cue_sentence_is_not_attributed(nlp: Language, finder: QuoteFinder) -> None:
    text = 'Dana Okoro never said so. "We will build two schools and a clinic before the winter."'
    assert found(nlp, finder, text) == []


def test_quote_paragraph_continues_after_an_aside(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        '"We are not going anywhere," Ruth Mbeki said.\n'
        "Mbeki, 64, has run the rowing club since 1999.\n"
        '"This club has been here for ninety years and it will be here for ninety more."'
    )
    assert found(nlp, finder, text) == [
        ("We are not going anywhere,", "Ruth Mbeki"),
        ("This club has been here for ninety years and it will be here for ninety more.", "Ruth Mbeki"),
    ]


def test_aside_naming_another_person_ends_the_speech(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        '"We are not going anywhere," Ruth Mbeki said.\n'
        "Her neighbour, Tariq Osei, has lived on the street for decades.\n"
        '"This club has been here for ninety years and it will be here for ninety more."'
    )
    assert found(nlp, finder, text) == [("We are not going anywhere,", "Ruth Mbeki")]


@pytest.mark.parametrize(
    "text, quote, spk",
    [
        ("The engine failed twice during the flight, pilots and experts said.", None, "pilots"),
        ("Several residents and two firefighters said the alarm never sounded.", None, "Several residents"),
        ("Corin Vale denied ever meeting the developer.", "ever meeting the developer", "Corin Vale"),
        ("The treasurer admitted taking the envelope.", "taking the envelope", "The treasurer"),
        ("She denied any wrongdoing.", "any wrongdoing", "She"),
        ("The governor warned that the reservoir could run dry by August.", None, "The governor"),
        ("The governor warned lawmakers that the reservoir could run dry.", None, "The governor"),
        ("Officials warned residents to stay indoors.", "to stay indoors", "Officials"),
        ("The coach urged his players to forget the defeat.", "to forget the defeat", "The coach"),
    ],
)
def test_plural_sources_denials_and_warnings(
    nlp: Language, finder: QuoteFinder, text: str, quote: str | None, spk: str
) -> None:
    quotes = found(nlp, finder, text)
    assert len(quotes) == 1
    content, speaker = quotes[0]
    assert speaker == spk
    if quote is not None:
        assert content == quote
    else:
        assert content and content in text and len(content.split()) >= 4


def test_directive_needs_an_addressee(nlp: Language, finder: QuoteFinder) -> None:
    # "promised to cut taxes" is an intention, not an order to someone; "promised voters to" is the
    # object rule's reading, reported once
    text = "Corin Vale promised voters to cut taxes."
    assert len(found(nlp, finder, text)) == 1


# ---------------------------------------------------------------- evidence, calls, trailing cues


@pytest.mark.parametrize(
    "text, quote, spk",
    [
        (
            "Polls show the mayor up by 10 points in the next contest.",
            "the mayor up by 10 points in the next contest",
            "Polls",
        ),
        (
            "Early ballot data shows some signs of lower turnout.",
            "some signs of lower turnout",
            "Early ballot data",
        ),
        (
            "The mayor called on tech companies to become more careful.",
            "tech companies to become more careful",
            "The mayor",
        ),
        ("The union calls for the city to hire more drivers.", "the city to hire more drivers", "The union"),
        (
            "Last year the firm moved its headquarters to Leeds, company filings show.",
            "Last year the firm moved its headquarters to Leeds",
            "company filings",
        ),
        (
            "That is why the mayor had to lend his campaign money last month, fundraising documents show.",
            "That is why the mayor had to lend his campaign money last month",
            "documents",
        ),
        # a trailing cue with an addressee, a time or a medium after it, and a name set off by commas
        (
            "The group is not planning more store openings this year, the chain's finance chief, "
            "Ola Brandt, told The Harbour Times on Monday.",
            "The group is not planning more store openings this year",
            "Ola Brandt",
        ),
        (
            "The group is not planning more store openings this year, Ola Brandt, the chain's finance chief, "
            "said.",
            "The group is not planning more store openings this year",
            "Ola Brandt",
        ),
    ],
)
def test_evidence_calls_and_trailing_cues(
    nlp: Language, finder: QuoteFinder, text: str, quote: str, spk: str
) -> None:
    assert found(nlp, finder, text) == [(quote, spk)]


def test_showing_is_not_evidence_without_an_evidence_subject(nlp: Language, finder: QuoteFinder) -> None:
    assert found(nlp, finder, "The film shows a village in winter.") == []


def test_question_verb_reports_its_if_clause(nlp: Language, finder: QuoteFinder) -> None:
    text = "Then Ms. Varga asked the students if they were always so serious."
    assert found(nlp, finder, text) == [("if they were always so serious", "Ms. Varga")]


@pytest.mark.parametrize(
    "text, quote",
    [
        (
            "The fund announced it had raised $9 million by March, cementing its lead over rivals.",
            "it had raised $9 million by March",
        ),
        (
            "Officials said the grant would go to Ana Ruiz, who runs the harbour museum.",
            "the grant would go to Ana Ruiz",
        ),
    ],
)
def test_reporters_tail_is_cut_from_the_content(
    nlp: Language, finder: QuoteFinder, text: str, quote: str
) -> None:
    assert [q for q, _ in found(nlp, finder, text)] == [quote]


def test_fronted_condition_is_a_piece_of_the_statement(nlp: Language, finder: QuoteFinder) -> None:
    text = "If the vote fails, Mayor Ortiz said she would resign."
    doc = finder(nlp(text))
    quotes = doc._.qm_quotes
    assert [text[q["start"] : q["end"]] for q in quotes] == ["If the vote fails", "she would resign"]
    assert quotes[0]["group"] is not None and quotes[0]["group"] == quotes[1]["group"]


@pytest.mark.parametrize(
    "text",
    [
        "When asked about the vote, Mayor Ortiz said she would resign.",
        "After the meeting ended, Mayor Ortiz said she would resign.",
    ],
)
def test_framing_clause_is_not_part_of_the_statement(nlp: Language, finder: QuoteFinder, text: str) -> None:
    assert "she would resign" in [q for q, _ in found(nlp, finder, text)]
    assert not any(q.startswith(("When", "After")) for q, _ in found(nlp, finder, text))


def test_headline_speaker_named_again_in_the_article_stays(nlp: Language, finder: QuoteFinder) -> None:
    text = "Okafor: We will rebuild the pier.\n\nHarbour master Ada Okafor said the work starts in May."
    quotes = found(nlp, finder, text)
    assert ("We will rebuild the pier", "Okafor") in quotes


def test_wanting_to_know_still_asks(nlp: Language, finder: QuoteFinder) -> None:
    text = "Council members wanted to know whether the pier would reopen."
    assert [q for q, _ in found(nlp, finder, text)] == ["whether the pier would reopen"]


@pytest.mark.parametrize(
    "text",
    [
        "See the page at http:\n- The fire started in the bakery at dawn today.",
        "The union said:",
        '", he said.',
        "•",
    ],
)
def test_odd_lines_give_no_quote_and_no_error(nlp: Language, finder: QuoteFinder, text: str) -> None:
    doc = finder(nlp(text))
    assert doc._.qm_quotes == []
    assert not any("internal error" in w for w in (doc._.qm_warnings or []))


def test_likened_to_reports_the_comparison(nlp: Language, finder: QuoteFinder) -> None:
    text = "The plan creates tableaus that critics have likened to the parades of old empires."
    assert found(nlp, finder, text) == [("the parades of old empires", "critics")]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('The firm said that it was "deeply disappointed".', 'that it was "deeply disappointed"'),
        ("Ola Brand said the plan was \u201ca disaster\u201d.", "the plan was \u201ca disaster\u201d"),
        ('Ola Brand said the plan was "a disaster" for the town.', 'the plan was "a disaster" for the town'),
    ],
)
def test_a_mixed_quote_keeps_its_closing_mark(extractor: Any, text: str, quoted: str) -> None:
    """A mixed quote that ends at its closing mark keeps the mark: its quotation marks are balanced."""
    [quote] = extractor.extract(text).quotes
    assert (quote.kind, quote.text) == ("mixed", quoted)


def test_a_relative_pronoun_speaker_is_shown_as_its_antecedent(extractor: Any) -> None:
    """ "which" stands for its antecedent: the report shows that phrase, never the bare pronoun."""
    report = extractor.extract(
        "Officials cited reports in the local press, which accused the minister of lying."
    )
    speakers = {q.text: q.speaker for q in report.quotes}
    assert not any(s is not None and s.text == "which" for s in speakers.values())
    accused = speakers["the minister of lying"]
    assert accused is not None and accused.text == "the local press"


# ---------------------------------------------------------------- "as" asides, colons, datelines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As the Valley Courier reported last month, the mill has lost two of its largest buyers.",
            [("the mill has lost two of its largest buyers", "the Valley Courier")],
        ),
        (
            "As reported by the Valley Courier, the mayor resigned in March.",
            [("the mayor resigned in March", "the Valley Courier")],
        ),
        (
            "And as Okoro pointed out, the new levy hits small farms hardest.",
            [("the new levy hits small farms hardest", "Okoro")],
        ),
        (
            "As she told the Harbour Gazette on Monday, the plant will close in May.",
            [("the plant will close in May", "she")],
        ),
        (
            "The ferry lost money for a third year, as Dana Kell noted in her report.",
            [("The ferry lost money for a third year", "Dana Kell")],
        ),
    ],
)
def test_as_aside_reports_its_host_clause(
    nlp: Language, finder: QuoteFinder, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "as" of time, with what the speaker did, not what was said
        "As Pavel, a pilot with a taste for jokes, joked with his cousin on the porch, his brother left.",
        # a clause or an object of its own: no aside
        "As she announced the results, the crowd in the hall cheered loudly.",
    ],
)
def test_as_clause_of_time_or_with_content_is_no_aside(nlp: Language, finder: QuoteFinder, text: str) -> None:
    host = text.rsplit(", ", 1)[1].rstrip(".")
    assert all(host not in content for content, _ in found(nlp, finder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Captain Omar Diallo was blunt: "We threw it away in the last minute."', "Captain Omar Diallo"),
        ('Back at home, he returned to his usual lines: "Jobs first! No more excuses!"', "he"),
        ('The minister was clear: "There will be no new taxes."', "The minister"),
    ],
)
def test_quote_after_a_persons_clause_and_colon(
    nlp: Language, finder: QuoteFinder, text: str, expected: str
) -> None:
    quote = text[text.index('"') + 1 : text.rindex('"')]
    assert found(nlp, finder, text) == [(quote, expected)]


@pytest.mark.parametrize(
    "text",
    [
        'The report had a stark conclusion: "The dam will fail within ten years."',
        'The sign on the door read: "Closed for good."',
    ],
)
def test_quote_after_a_things_clause_and_colon_has_no_speaker(
    nlp: Language, finder: QuoteFinder, text: str
) -> None:
    assert found(nlp, finder, text) == []


def test_quote_after_a_sentence_of_speaking(nlp: Language, finder: QuoteFinder) -> None:
    text = 'Vera Lind spoke to reporters on Monday. "The plan will fail unless the council acts."'
    assert found(nlp, finder, text) == [("The plan will fail unless the council acts.", "Vera Lind")]


@pytest.mark.parametrize(
    "text",
    [
        "Mill news\n\nPORTVILLE, May 3 (Newswire) - The Brennard mill will cut 300 jobs, the company said.",
        "Mill news\n\nPORTVILLE - The Brennard mill will cut 300 jobs, the company said.",
    ],
)
def test_wire_dateline_is_not_content(nlp: Language, finder: QuoteFinder, text: str) -> None:
    assert found(nlp, finder, text) == [("The Brennard mill will cut 300 jobs", "the company")]


def test_a_verb_with_its_own_object_ends_no_trailing_attribution(nlp: Language, finder: QuoteFinder) -> None:
    text = "Because he had already served time in a cell, he found himself quickly back on the street."
    assert found(nlp, finder, text) == []


def test_single_marked_quotes_are_direct(nlp: Language, finder: QuoteFinder) -> None:
    text = "'It takes a year to train a pilot,' Fiona Mackay said. 'There is no quick fix.'"
    assert found(nlp, finder, text) == [
        ("It takes a year to train a pilot,", "Fiona Mackay"),
        ("There is no quick fix.", "Fiona Mackay"),
    ]
