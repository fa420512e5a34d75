"""Where an indirect quote starts and ends, and clauses a misread parse offers as content (issue 11).

Every sentence here is written for the project.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model
from tests.quoting import found

from quotemine.extensions import register_extensions
from quotemine.pipeline.quotes import QuoteFinder
from quotemine.pipeline.quotes.candidates import QuoteCandidate, drop_nested


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


@pytest.fixture(scope="module")
def finder(nlp: Language) -> QuoteFinder:
    register_extensions()
    return QuoteFinder(nlp, "quotemine_quotes")


# ---------------------------------------------------------------- clauses that are no content


def test_a_subjects_relative_clause_is_no_fronted_content(nlp: Language, finder: QuoteFinder) -> None:
    text = "Brenner, meanwhile, who sits on no committee, said that fact tells you a lot about the board."
    assert found(nlp, finder, text) == [("that fact tells you a lot about the board", "Brenner")]


def test_a_clause_before_a_colon_is_no_content_of_the_cue_after_it(
    nlp: Language, finder: QuoteFinder
) -> None:
    text = "The board met for six hours on Monday: nine members said they backed the plan."
    assert found(nlp, finder, text) == [("they backed the plan", "nine members")]


def test_the_speaker_after_an_inverted_cue_is_no_second_statement(nlp: Language, finder: QuoteFinder) -> None:
    text = '"The ground is too wet," said Lena Ostrova, who runs the club yet voted against the new pitch.'
    assert found(nlp, finder, text) == [("The ground is too wet,", "Lena Ostrova")]


def test_a_relative_clause_around_the_cue_still_reports(nlp: Language, finder: QuoteFinder) -> None:
    text = "The board raised the fee, which Ekberg thinks will drive young players away."
    assert ("will drive young players away", "Ekberg") in found(nlp, finder, text)


def test_a_semicolon_ends_the_content(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        "Councillors said the delay was not deliberate; "
        "they only learned of the fault on Friday and reported it at once."
    )
    assert found(nlp, finder, text) == [("the delay was not deliberate", "Councillors")]


def _parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    spaces = [
        w != "\n\n" and nxt not in (".", "\n\n") for w, nxt in zip(words, [*words[1:], ""], strict=True)
    ]
    lemmas = [{"said": "say", "wrote": "write", "rose": "rise"}.get(w, w.lower()) for w in words]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_clause_in_the_next_paragraph_is_no_content(nlp: Language, finder: QuoteFinder) -> None:
    """A parse that hangs the next paragraph's clause on a cue does not make it that cue's content."""
    words = ["Roe", "said", "so", ".", "\n\n", "Prices", "rose", "sharply", "this", "week", "."]
    heads = [1, 1, 1, 1, 3, 6, 1, 6, 9, 6, 1]
    deps = ["nsubj", "ROOT", "advmod", "punct", "dep", "nsubj", "ccomp", "advmod", "det", "npadvmod", "punct"]
    pos = ["PROPN", "VERB", "ADV", "PUNCT", "SPACE", "NOUN", "VERB", "ADV", "DET", "NOUN", "PUNCT"]
    doc = finder(_parsed(nlp, words, heads, deps, pos))
    assert doc._.qm_quotes == []


def test_a_paragraph_after_a_cue_and_colon_is_its_content(nlp: Language, finder: QuoteFinder) -> None:
    words = ["Roe", "wrote", ":", "\n\n", "Prices", "rose", "sharply", "this", "week", "."]
    heads = [1, 1, 1, 2, 5, 1, 5, 8, 5, 1]
    deps = ["nsubj", "ROOT", "punct", "dep", "nsubj", "ccomp", "advmod", "det", "npadvmod", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "SPACE", "NOUN", "VERB", "ADV", "DET", "NOUN", "PUNCT"]
    doc = finder(_parsed(nlp, words, heads, deps, pos))
    [quote] = doc._.qm_quotes
    assert doc.text[quote["start"] : quote["end"]] == "Prices rose sharply this week"


# ---------------------------------------------------------------- where the content ends


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a modifier the parse hangs on the cue belongs to the object
        (
            "The mayor announced her partnership with a brewery from Oslo.",
            "her partnership with a brewery from Oslo",
        ),
        ("The ministry denied any part in the harbour fire.", "any part in the harbour fire"),
        ("The rowing club criticized the council on two counts.", "the council on two counts"),
        # when and where it was said are not what was said
        ("The dockers' union endorsed Ekberg last week.", "Ekberg"),
        ("The rowing club criticized the council in a statement.", "the council"),
    ],
)
def test_an_objects_modifiers(nlp: Language, finder: QuoteFinder, text: str, content: str) -> None:
    [(got, _)] = found(nlp, finder, text)
    assert got == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a second predicate of the speaker, in the tense of the cue, is not said
        (
            "Brenner insists the club must change, and has raised money for a new pitch.",
            "the club must change",
        ),
        (
            "The port authority denies that the crane was faulty and keeps it in service.",
            "that the crane was faulty",
        ),
        # one auxiliary shared by both predicates, and alternatives, stay in the statement
        (
            'Brenner noted that the council has cut the budget and called the plan "a disgrace."',
            'that the council has cut the budget and called the plan "a disgrace."',
        ),
        (
            "Most members said they would back Ekberg or were warming to him.",
            "they would back Ekberg or were warming to him",
        ),
    ],
)
def test_a_predicate_of_the_speaker_ends_the_content(
    nlp: Language, finder: QuoteFinder, text: str, content: str
) -> None:
    assert found(nlp, finder, text)[0][0] == content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speech conjunct of a clause about a thing is the reporter's second statement
        (
            "Opposition leader Nadia Forsey said the levy punishes renters and called for an audit.",
            [("the levy punishes renters", "Nadia Forsey"), ("an audit", "Nadia Forsey")],
        ),
        # ... and of a clause with a pronoun subject, whoever the pronoun is
        (
            "Tomas Rendt said he had battled the flu twice on the trail and called it a routine bug.",
            [
                ("he had battled the flu twice on the trail", "Tomas Rendt"),
                ("it a routine bug", "Tomas Rendt"),
            ],
        ),
        # a clause with a named subject of its own keeps its conjuncts
        (
            "Ada Roe said Kest had lied and called for a vote.",
            [("Kest had lied and called for a vote", "Ada Roe")],
        ),
        # alternatives stay in the statement
        (
            "Ada Roe said they should change the rules rather than criticise the board.",
            [("they should change the rules rather than criticise the board", "Ada Roe")],
        ),
    ],
)
def test_a_speech_conjunct_of_the_reported_clause_is_the_reporters(
    nlp: Language, finder: QuoteFinder, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(nlp, finder, text) == expected


# ---------------------------------------------------------------- commitments


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The harbour master pledged to reopen the pier by May.",
            "to reopen the pier by May",
            "The harbour master",
        ),
        ("Ekberg vowed to appeal the ruling.", "to appeal the ruling", "Ekberg"),
        ("The union threatened to strike if wages were cut.", "to strike if wages were cut", "The union"),
    ],
)
def test_a_commitment_is_said(
    nlp: Language, finder: QuoteFinder, text: str, content: str, speaker: str
) -> None:
    assert found(nlp, finder, text) == [(content, speaker)]


def test_a_refused_commitment_is_not(nlp: Language, finder: QuoteFinder) -> None:
    # a wish ("Brenner wants to reopen the pier") is reported as a belief: test_quote_beliefs.py
    assert found(nlp, finder, "Brenner refused to promise to reopen the pier.") == []


@pytest.mark.parametrize(
    "text",
    [
        # a decision, an attack and a question put to someone report nothing they said
        "The board decided that the pier would close in winter.",
        "The striker attacked the goalkeeper in the second half.",
        "Brenner was asked about the harbour fees at the meeting.",
    ],
)
def test_acts_that_are_not_statements(nlp: Language, finder: QuoteFinder, text: str) -> None:
    assert found(nlp, finder, text) == []


# ---------------------------------------------------------------- one statement, one quote


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Brenner said she believes the fees are too low.", ("she believes the fees are too low", "Brenner")),
        (
            "The mayor said the club had criticized the council for the delay.",
            ("the club had criticized the council for the delay", "The mayor"),
        ),
        (
            "Ekberg told reporters that he expects the pier to reopen in May.",
            ("that he expects the pier to reopen in May", "Ekberg"),
        ),
    ],
)
def test_a_statement_inside_a_statement_is_reported_once(
    nlp: Language, finder: QuoteFinder, text: str, quote: tuple[str, str]
) -> None:
    assert found(nlp, finder, text) == [quote]


def test_drop_nested_keeps_quotations_in_marks() -> None:
    outer = QuoteCandidate(0, 60, "mixed", None, None, None, rule="content clause")
    inner_indirect = QuoteCandidate(10, 30, "indirect", None, None, None, rule="content clause")
    inner_direct = QuoteCandidate(35, 55, "direct", None, None, None, rule="direct")
    apart = QuoteCandidate(70, 90, "indirect", None, None, None, rule="object")
    same_start = QuoteCandidate(0, 20, "indirect", None, None, None, rule="object")
    kept = drop_nested([outer, inner_indirect, inner_direct, apart, same_start])
    assert kept == [outer, inner_direct, apart]


@pytest.mark.parametrize(
    "text",
    [
        # a cue that names a statement nobody made
        "There is no denying the pier was a success.",
        "Voters cannot judge the plan without knowing what it costs.",
    ],
)
def test_statements_nobody_made(nlp: Language, finder: QuoteFinder, text: str) -> None:
    assert found(nlp, finder, text) == []


def test_quick_to_note_still_speaks(nlp: Language, finder: QuoteFinder) -> None:
    text = "Brenner was quick to note that the fees had doubled."
    assert found(nlp, finder, text) == [("that the fees had doubled", "Brenner")]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "The coaches stressed the value of a slower season that would keep young players fit.",
            ("the value of a slower season that would keep young players fit", "The coaches"),
        ),
        (
            "The mayor expressed her frustration with the harbour board.",
            ("her frustration with the harbour board", "The mayor"),
        ),
        ("Ekberg reiterated his support for the new pitch.", ("his support for the new pitch", "Ekberg")),
    ],
)
def test_stressing_and_expressing_report_their_object(
    nlp: Language, finder: QuoteFinder, text: str, quote: tuple[str, str]
) -> None:
    assert found(nlp, finder, text) == [quote]


# ---------------------------------------------------------------- marks and stray symbols


def test_a_quote_starts_at_its_first_word_after_a_masked_reference_mark() -> None:
    from quotemine.pipeline.quotes.marks import find_marked_spans
    from quotemine.text.html_mask import mask_html

    html = "<html><body><p>Chief Tomas Varga said, &quot;The ferry sails at noon.&quot;</p></body></html>"
    spans, _ = find_marked_spans(mask_html(html))
    assert [html[s.start : s.end] for s in spans] == ["The ferry sails at noon."]


def test_spaces_just_inside_the_marks_are_not_quoted() -> None:
    from quotemine.pipeline.quotes.marks import find_marked_spans

    text = 'Varga said: " The ferry sails at noon. "'
    spans, _ = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["The ferry sails at noon."]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('Chief Tomas Varga said \ufffd "We sail tonight."', "We sail tonight"),
        (
            'Chief Tomas Varga said \ufffd "The ferry sails at noon on Friday."',
            "The ferry sails at noon on Friday.",
        ),
    ],
)
def test_a_stray_symbol_before_the_marks_leaves_a_direct_quote(
    nlp: Language, finder: QuoteFinder, text: str, quote: str
) -> None:
    doc: Doc = finder(nlp(text))
    got = [(text[q["start"] : q["end"]], q["kind"]) for q in doc._.qm_quotes]
    assert got == [(quote, "direct")]


# ---------------------------------------------------------------- when it was said is not what


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Halvard Shipping Ltd said on Monday it would close two depots.", "it would close two depots"),
        ("Halvard Shipping said Thursday the depots would close.", "the depots would close"),
        ("Halvard Shipping said in April, the depots would close.", "the depots would close"),
        ("Halvard Shipping said last week that the depots would close.", "that the depots would close"),
    ],
)
def test_a_time_phrase_before_the_content_clause_is_when_it_was_said(
    nlp: Language, finder: QuoteFinder, text: str, content: str
) -> None:
    assert [c for c, _ in found(nlp, finder, text)] == [content]


def test_a_date_that_is_the_subject_of_the_content_stays(nlp: Language, finder: QuoteFinder) -> None:
    text = "Halvard Shipping said Friday was the last day for bids."
    assert [c for c, _ in found(nlp, finder, text)] == ["Friday was the last day for bids"]


# ---------------------------------------------------------------- a name in apposition to the source


def test_a_name_in_apposition_to_an_according_to_source_is_no_content(
    nlp: Language, finder: QuoteFinder
) -> None:
    text = "According to the club's treasurer, Ida Marsh, the roof needs urgent work."
    assert [c for c, _ in found(nlp, finder, text)] == ["the roof needs urgent work"]


def test_a_name_that_is_the_subject_after_an_according_to_phrase_stays(
    nlp: Language, finder: QuoteFinder
) -> None:
    text = "According to police, Ida Marsh, 34, was arrested on Friday."
    assert [c for c, _ in found(nlp, finder, text)] == ["Ida Marsh, 34, was arrested on Friday"]


# ---------------------------------------------------------------- parses that cut or lose a clause


def test_a_second_that_clause_is_more_of_the_statement(nlp: Language, finder: QuoteFinder) -> None:
    text = "Pia Lund said that the ferry ''ran late all winter,'' and that the crews were tired of the route."
    assert found(nlp, finder, text) == [
        ("that the ferry ''ran late all winter,'' and that the crews were tired of the route", "Pia Lund")
    ]


def test_a_subject_pronoun_after_a_speech_verb_opens_its_clause(nlp: Language, finder: QuoteFinder) -> None:
    # the parse reads "secured" as an adjective and "loans" as the object of "said"
    text = "The owner met fans. She said she had secured loans for the stadium."
    assert found(nlp, finder, text)[-1] == ("she had secured loans for the stadium", "She")


def test_a_clause_the_parse_read_as_an_object_is_content(nlp: Language, finder: QuoteFinder) -> None:
    # the parse reads "held" as an adjective of the object "firm"
    text = 'The Premier defended her record, insisting the state had "held firm" for patients.'
    assert ('the state had "held firm" for patients', "The Premier") in found(nlp, finder, text)


def test_a_content_clause_ends_before_another_speakers_cue(nlp: Language, finder: QuoteFinder) -> None:
    text = (
        'Vera Lind said the auditors found the budget sound, to which Roe shot back: "Nobody believes that."'
    )
    assert found(nlp, finder, text) == [
        ("the auditors found the budget sound", "Vera Lind"),
        ("Nobody believes that.", "Roe"),
    ]


def test_a_clause_of_its_own_before_the_colon_stops_the_search_for_a_cue(
    nlp: Language, finder: QuoteFinder
) -> None:
    # "found" further back is no cue of this quote: the person whose clause ends at the colon speaks
    text = 'The board found the budget sound, and Mira Kest shrugged: "Nobody believes that."'
    assert ("Nobody believes that.", "Mira Kest") in found(nlp, finder, text)


def test_a_clarification_is_said(nlp: Language, finder: QuoteFinder) -> None:
    text = "A club aide later clarified that the coach had misspoken."
    assert found(nlp, finder, text) == [("that the coach had misspoken", "A club aide")]


def test_a_cue_nouns_that_clause_after_a_time_phrase(nlp: Language, finder: QuoteFinder) -> None:
    # the parse hangs the clause on "came", the verb of the sentence
    for text in (
        "Ada Roe came under fire over her remark at the hearing that the levy was fair.",
        "Critics seized on her statement during the debate that the levy was fair.",
    ):
        assert found(nlp, finder, text) == [("that the levy was fair", "her")]
    # the parse may also read it as a complement clause of the noun in between
    text = 'He came under fire over his claim during the hearing that "the port is finally ready" for ships.'
    assert found(nlp, finder, text) == [('that "the port is finally ready" for ships', "his")]
    # a true relative clause of the noun in between is no content
    assert found(nlp, finder, "Critics seized on her statement at the meeting that was held on Monday.") == []


# ---------------------------------------------------------------- reasons and sources at the content's end


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mirela Vasko said the ferry ran late because the harbour crane had failed again.",
            "the ferry ran late because the harbour crane had failed again",
        ),
        (
            "The co-op said prices would rise, because its grain supplier had doubled the rent.",
            "prices would rise, because its grain supplier had doubled the rent",
        ),
    ],
)
def test_a_reason_after_the_content_is_part_of_it(
    nlp: Language, finder: QuoteFinder, text: str, content: str
) -> None:
    assert [c for c, _ in found(nlp, finder, text)] == [content]


def test_a_closing_source_phrase_is_no_part_of_the_content(nlp: Language, finder: QuoteFinder) -> None:
    text = "Tomas Ruud says the new tram line will pay for itself, according to the Lakeside Courier."
    assert ("the new tram line will pay for itself", "Tomas Ruud") in found(nlp, finder, text)


@pytest.mark.parametrize(
    "text",
    [
        "All told, the three rowing clubs spent more than $2 million on travel.",
        "It is worth mentioning that the Elmbridge ferry has never stopped in winter.",
        "It bears repeating that the Elmbridge ferry has never stopped in winter.",
    ],
)
def test_a_fixed_phrase_of_the_writer_reports_no_speech(
    nlp: Language, finder: QuoteFinder, text: str
) -> None:
    assert found(nlp, finder, text) == []


def test_people_who_all_told_someone_still_speak(nlp: Language, finder: QuoteFinder) -> None:
    text = "The wardens all told the inspector that the Elmbridge ferry was safe."
    assert [c for c, _ in found(nlp, finder, text)] == ["that the Elmbridge ferry was safe"]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            'Skippers attacked the harbour plan, calling it "a costly folly," she said.',
            'Skippers attacked the harbour plan, calling it "a costly folly,"',
            "she",
        ),
        (
            'He rejected the offer as "plainly insulting," the dockers\' secretary said.',
            'He rejected the offer as "plainly insulting,"',
            "the dockers' secretary",
        ),
    ],
)
def test_a_quoted_phrase_closing_a_clause_before_a_trailing_cue_is_one_mixed_quote(
    nlp: Language, finder: QuoteFinder, text: str, content: str, speaker: str
) -> None:
    assert found(nlp, finder, text) == [(content, speaker)]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "She said she knew two of the men: Arlo Penn and Ilse Marr.",
            "she knew two of the men: Arlo Penn and Ilse Marr",
        ),
        (
            "Rudd told reporters that the club had two options: sell the ground or merge with a rival.",
            "that the club had two options: sell the ground or merge with a rival",
        ),
    ],
)
def test_a_list_after_a_colon_stays_in_the_content(
    nlp: Language, finder: QuoteFinder, text: str, content: str
) -> None:
    assert [c for c, _ in found(nlp, finder, text)] == [content]


def test_a_quotation_after_a_colon_is_no_list(nlp: Language, finder: QuoteFinder) -> None:
    text = 'Rudd said there was one problem: "We have no money left."'
    assert ("We have no money left.", "Rudd") in found(nlp, finder, text)
