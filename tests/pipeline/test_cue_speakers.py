"""Which mention speaks for a cue (issue 11, round 2): each rule on sentences written for the project."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model

from quotemine.extensions import register_extensions
from quotemine.pipeline.quotes import QuoteFinder
from quotemine.pipeline.quotes.cues import build_lexicon, default_sources
from quotemine.pipeline.quotes.phrases import clip_paragraph
from quotemine.pipeline.quotes.speakers import SpeakerReader, speaker_record
from quotemine.pipeline.quotes.subjects import subject_of


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


@pytest.fixture(scope="module")
def finder(nlp: Language) -> QuoteFinder:
    register_extensions()
    return QuoteFinder(nlp, "quotemine_quotes")


def speakers(nlp: Language, finder: QuoteFinder, text: str) -> dict[str, str | None]:
    """Return {cue: speaker mention} for the quotes of ``text``, checking the offsets on the way."""
    doc: Doc = finder(nlp(text))
    out: dict[str, str | None] = {}
    for q in doc._.qm_quotes:
        spk: Any = q["speaker"]
        assert spk is None or spk["end"] > spk["start"]
        cue = text[q["cue"][0] : q["cue"][1]] if q.get("cue") else ""
        out[cue] = None if spk is None else text[spk["start"] : spk["end"]]
    return out


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a tool after a verb of means controls nothing: its user speaks
        (
            "Mayor Ilse Varga used her budget speech to call for a new harbour tax.",
            "call",
            "Mayor Ilse Varga",
        ),
        (
            "The farmer took the microphone to demand that the votes be counted again.",
            "demand",
            "The farmer",
        ),
        # the recipient of 'give' does
        (
            "The delay gave the councillor a reason to argue that the ferry contract was flawed.",
            "argue",
            "the councillor",
        ),
    ],
)
def test_a_tool_as_object_does_not_speak(
    nlp: Language, finder: QuoteFinder, text: str, cue: str, speaker: str
) -> None:
    assert speakers(nlp, finder, text).get(cue) == speaker


def test_an_object_that_is_a_person_still_controls(nlp: Language, finder: QuoteFinder) -> None:
    text = "The flooding led several shopkeepers to warn that the market would close."
    assert speakers(nlp, finder, text).get("warn") == "several shopkeepers"


def test_things_held_or_circumstances_do_not_speak(nlp: Language, finder: QuoteFinder) -> None:
    text = "Carrying placards calling the mayor a liar, the fishermen marched to the town hall."
    assert speakers(nlp, finder, text).get("calling") == "the fishermen"
    text = "The planners are under pressure to promise that the orchard will be spared."
    assert speakers(nlp, finder, text).get("promise") == "The planners"


def test_a_borrowed_subject_is_the_surface_subject_not_the_agent(nlp: Language, finder: QuoteFinder) -> None:
    text = 'Lena Orbach was greeted on the stage by the harbour master and joked, "I brought my own boat."'
    assert speakers(nlp, finder, text).get("joked") == "Lena Orbach"


def test_a_cue_never_reports_a_paragraph_before_its_own(nlp: Language) -> None:
    # the parse may run a quote paragraph and the next one into one sentence, making the quote the
    # content of a cue in the next paragraph: that content is dropped
    text = (
        '"And that is why careful leadership matters."\n\nDorn, who runs the ferry, has said tolls will rise.'
    )
    doc = nlp(text)
    said = next(t for t in doc if t.text == "said")
    brk = next(t.i for t in doc if "\n" in t.text)
    a, b = clip_paragraph(doc, 1, brk - 1, said.i)
    assert a == b
    # content after its cue in the same paragraph is kept
    tolls = next(t.i for t in doc if t.text == "tolls")
    assert clip_paragraph(doc, tolls - 1, len(doc) - 1, said.i) == (tolls - 1, len(doc) - 1)


def test_evidence_to_suggest_gets_no_speaker_from_its_holder(nlp: Language, finder: QuoteFinder) -> None:
    text = "The inspectors saw no evidence to indicate that the miller sold the grain twice."
    assert speakers(nlp, finder, text).get("indicate") is None


def _parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """Return a doc with the given (deliberately faulty) parse."""
    spaces = [
        w not in (",", ".", "\n\n") and i + 1 < len(words) and words[i + 1] not in (",", ".")
        for i, w in enumerate(words)
    ]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def test_a_name_opening_the_paragraph_before_an_aside_speaks(nlp: Language) -> None:
    # the parse ran the paragraph into the sentence before and hung "Kest" on it: "said" has no subject
    words = [
        "Fees",
        "rose",
        "for",
        "\n\n",
        "Kest",
        ",",
        "the",
        "mayor",
        ",",
        "said",
        "that",
        "fees",
        "would",
        "fall",
        ".",
    ]
    heads = [1, 9, 1, 2, 2, 4, 7, 4, 4, 9, 13, 13, 13, 9, 9]
    deps = [
        "nsubj",
        "ccomp",
        "prep",
        "dep",
        "pobj",
        "punct",
        "det",
        "appos",
        "punct",
        "ROOT",
        "mark",
        "nsubj",
        "aux",
        "ccomp",
        "punct",
    ]
    pos = [
        "NOUN",
        "VERB",
        "ADP",
        "SPACE",
        "PROPN",
        "PUNCT",
        "DET",
        "NOUN",
        "PUNCT",
        "VERB",
        "SCONJ",
        "NOUN",
        "AUX",
        "VERB",
        "PUNCT",
    ]
    doc = _parsed(nlp, words, heads, deps, pos)
    reader = SpeakerReader(doc, [-1] * len(doc), build_lexicon(*default_sources()))
    spk = reader.speaker_of(doc[9], (10, 14))
    assert spk is not None and doc.text[spk["start"] : spk["end"]] == "Kest"
    # a date before the cue is no subject, and the name before the aside still speaks
    words[8:9] = [",", "last", "week"]
    heads = [h if h < 9 else h + 2 for h in heads]
    heads[8:9] = [11, 10, 11]
    deps[8:9] = ["punct", "amod", "npadvmod"]
    pos[8:9] = ["PUNCT", "ADJ", "NOUN"]
    doc = _parsed(nlp, words, heads, deps, pos)
    date = doc.char_span(doc[9].idx, doc[10].idx + 4, label="DATE")
    assert date is not None
    doc.ents = [date]
    reader = SpeakerReader(doc, [-1] * len(doc), build_lexicon(*default_sources()))
    spk = reader.speaker_of(doc[11], (12, 16))
    assert spk is not None and doc.text[spk["start"] : spk["end"]] == "Kest"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The tolls doubled last year, according to a post from Mayor Ilse Varga.", "Mayor Ilse Varga"),
        (
            "He raised money for the mill, according to a review of tax filings by the Civic Trust.",
            "the Civic Trust",
        ),
        ("The tolls doubled last year, according to a report.", "a report"),
        ("The tolls doubled last year, according to the harbour master.", "the harbour master"),
    ],
)
def test_according_to_a_document_by_someone_is_that_someone(
    nlp: Language, finder: QuoteFinder, text: str, speaker: str
) -> None:
    assert speakers(nlp, finder, text).get("according to") == speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            '"They only came for the free soup," Councillor Dorn shot back with a grin.',
            "shot",
            "Councillor Dorn",
        ),
        ('"We are ready," the captain fired back.', "fired", "the captain"),
        ('"You know, it happens," Varga went on, as if she had not heard him.', "went", "Varga"),
    ],
)
def test_a_reply_verb_with_its_particle_after_a_quote_is_its_cue(
    nlp: Language, finder: QuoteFinder, text: str, cue: str, speaker: str
) -> None:
    assert speakers(nlp, finder, text) == {cue: speaker}


def test_going_on_to_do_something_reports_nothing(nlp: Language, finder: QuoteFinder) -> None:
    assert "went" not in speakers(nlp, finder, '"We are ready," the captain went on to win the race.')


def test_a_reply_verb_after_a_closed_sentence_starts_a_new_statement(
    nlp: Language, finder: QuoteFinder
) -> None:
    text = (
        'Early in the race, Varga mocked Dorn, calling him, with a grin, "a tired captain." '
        'Dorn fired back in March, mocking her for "the noise, the boasting, the theatrics" of her race.'
    )
    assert "fired" not in speakers(nlp, finder, text)


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "Varga was overheard on the ferry radio telling Dorn to get on a boat and go home after Dorn was "
            "pressed in an interview about his plans.",
            "telling",
            "Varga",
        ),
        ("The mayor was caught on tape saying that the tolls would double.", "saying", "The mayor"),
        ("A neighbour heard the captain on the radio telling the crew to leave.", "telling", "the captain"),
    ],
)
def test_the_medium_one_is_heard_on_does_not_speak(
    nlp: Language, finder: QuoteFinder, text: str, cue: str, speaker: str
) -> None:
    assert speakers(nlp, finder, text).get(cue) == speaker


def test_a_dateline_taken_for_the_subject_gives_way_to_the_name_after_it(nlp: Language) -> None:
    words = [
        "PORTVILLE",
        ",",
        "May",
        "3",
        "—",
        "Mayor",
        "Kest",
        "told",
        "reporters",
        "that",
        "tolls",
        "rose",
        ".",
    ]
    heads = [7, 0, 0, 2, 0, 6, 0, 7, 7, 11, 11, 7, 7]
    deps = [
        "nsubj",
        "punct",
        "npadvmod",
        "nummod",
        "punct",
        "compound",
        "appos",
        "ROOT",
        "dobj",
        "mark",
        "nsubj",
    ]
    deps += ["ccomp", "punct"]
    pos = [
        "PROPN",
        "PUNCT",
        "PROPN",
        "NUM",
        "PUNCT",
        "PROPN",
        "PROPN",
        "VERB",
        "NOUN",
        "SCONJ",
        "NOUN",
        "VERB",
    ]
    pos += ["PUNCT"]
    doc = _parsed(nlp, words, heads, deps, pos)
    reader = SpeakerReader(doc, [-1] * len(doc), build_lexicon(*default_sources()))
    spk = reader.speaker_of(doc[7], (10, 12))
    assert spk is not None and doc.text[spk["start"] : spk["end"]] == "Mayor Kest"


def test_a_document_noun_in_a_phrase_speaks_for_the_clause_subject(
    nlp: Language, finder: QuoteFinder
) -> None:
    text = 'Varga swiped at Dorn in a series of tweets: "Dorn, always sinking the ferry! Dorn does nothing!"'
    assert speakers(nlp, finder, text).get("tweets") == "Varga"


def test_a_described_name_opening_the_sentence_before_an_aside_speaks(nlp: Language) -> None:
    # "Port front-runner Ilse Kest - who ... - said ...", the parse hung the name on the sentence before
    words = ["Tolls", "rose", ".", "Port", "front", "-", "runner", "Kest", "-", "who", "left", "-", "said"]
    words += ["fees", "fell", "."]
    heads = [1, 1, 1, 7, 6, 6, 7, 1, 7, 10, 7, 7, 12, 14, 12, 12]
    deps = ["nsubj", "ROOT", "punct", "compound", "amod", "punct", "compound", "npadvmod", "punct", "nsubj"]
    deps += ["relcl", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    pos = [
        "NOUN",
        "VERB",
        "PUNCT",
        "PROPN",
        "NOUN",
        "PUNCT",
        "NOUN",
        "PROPN",
        "PUNCT",
        "PRON",
        "VERB",
        "PUNCT",
    ]
    pos += ["VERB", "NOUN", "VERB", "PUNCT"]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[
            True,
            False,
            True,
            True,
            False,
            False,
            True,
            True,
            True,
            True,
            True,
            True,
            True,
            True,
            False,
            False,
        ],
        heads=heads,
        deps=deps,
        pos=pos,
    )
    reader = SpeakerReader(doc, [-1] * len(doc), build_lexicon(*default_sources()))
    spk = reader.speaker_of(doc[12], (13, 15))
    assert spk is not None and doc.text[spk["start"] : spk["end"]].endswith("Kest")


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a relative clause hanging on the object: the pronoun is the host clause's subject
        (
            "Marlow Pettigrew blasted the ferry timetable, which he said was a disgrace.",
            "said",
            "Marlow Pettigrew",
        ),
        # a contact relative (no relative pronoun)
        ("Ilse Varga named three harbours she said had lost their ferries.", "said", "Ilse Varga"),
        # a free relative: "they" takes a plural subject
        ("Fishermen in Dunmore were angry about what they called a broken promise.", "called", "Fishermen"),
    ],
)
def test_a_pronoun_in_a_relative_clause_is_the_host_clause_subject(
    nlp: Language, finder: QuoteFinder, text: str, cue: str, speaker: str
) -> None:
    assert speakers(nlp, finder, text)[cue] == speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # "she" does not stand for a man the honorific names
        ("Mr. Pettigrew attacked the levy, which she said was unfair.", "said", "she"),
        # "they" does not stand for one person
        ("Ilse Varga rejected the plan, which they said was final.", "said", "they"),
        # a relative of time describes the time, not the subject
        ("Marlow Pettigrew lost the vote in May, when he said the tax would stay.", "said", "he"),
    ],
)
def test_a_pronoun_in_a_relative_clause_keeps_itself_when_the_subject_disagrees(
    nlp: Language, finder: QuoteFinder, text: str, cue: str, speaker: str
) -> None:
    assert speakers(nlp, finder, text)[cue] == speaker


def test_an_age_before_the_cue_is_the_speaker(nlp: Language, finder: QuoteFinder) -> None:
    text = 'Striker Ola Brenn scored twice.\n\n"It was a special day," the 24-year-old said.'
    assert speakers(nlp, finder, text)["said"] == "the 24-year-old"


def test_a_place_based_description_is_the_speaker_not_the_place(nlp: Language, finder: QuoteFinder) -> None:
    text = "The Kelton, Ontario-based chipmaker said demand for its processors remained strong."
    assert speakers(nlp, finder, text)["said"] == "The Kelton, Ontario-based chipmaker"


def test_a_name_before_a_description_in_apposition_is_the_speaker(nlp: Language) -> None:
    # a misread parse: the name and the description after it are both subjects of "said"
    words = [
        "Sgt.",
        "Ola",
        "Brenn",
        ",",
        "a",
        "spokeswoman",
        "for",
        "the",
        "force",
        ",",
        "said",
        "it",
        "ended",
        ".",
    ]
    heads = [2, 2, 10, 10, 5, 10, 5, 8, 6, 10, 10, 12, 10, 10]
    deps = ["compound", "compound", "nsubj", "punct", "det", "nsubj", "prep", "det", "pobj", "punct", "ROOT"]
    deps += ["nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB"]
    pos += ["PRON", "VERB", "PUNCT"]
    spaces = [True, True, False, True, True, True, True, True, False, True, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    subj = subject_of(doc[10], (11, 13))
    assert subj is not None and subj.text == "Brenn"


def test_a_name_the_parse_took_for_an_adverb_is_the_speaker(nlp: Language) -> None:
    # "Brenn" read as an adverb (an "-ly"-like word) with no subject for "said"; the NER names her before
    words = ["Ola", "Brenn", "spoke", ".", "Brenn", "said", "it", "ended", "."]
    heads = [1, 2, 2, 2, 5, 5, 7, 5, 5]
    deps = ["compound", "nsubj", "ROOT", "punct", "advmod", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "ADV", "VERB", "PRON", "VERB", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    spaces = [True, True, False, True, True, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents)
    subj = subject_of(doc[5], (6, 8))
    assert subj is not None and subj.text == "Brenn"
    # a lower-case adverb before the verb is no speaker
    words[4] = "also"
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents)
    assert subject_of(doc[5], (6, 8)) is None


def test_an_age_opening_the_sentence_is_the_speaker_of_a_verb_without_subject(
    nlp: Language, finder: QuoteFinder
) -> None:
    found = speakers(nlp, finder, "The 27-year-old added that the second goal was offside.")
    assert found == {"added": "The 27-year-old"}


def test_a_headline_run_into_the_subject_is_cut_at_the_paragraph_break(nlp: Language) -> None:
    words = ["Toll", "plan", "\n\n", "The", "harbour", "master", "said", "so"]
    spaces = [True, False, False, True, True, True, True, False]
    heads = [5, 5, 5, 5, 5, 6, 6, 6]
    deps = ["compound", "compound", "dep", "det", "compound", "nsubj", "ROOT", "advmod"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    record = speaker_record(doc, 0, 6, frozenset())
    assert doc.text[record["start"] : record["end"]] == "The harbour master"
    # a head before the break keeps the part before it
    heads = [1, 6, 1, 5, 5, 1, 6, 6]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    record = speaker_record(doc, 0, 6, frozenset())
    assert doc.text[record["start"] : record["end"]] == "Toll plan"


def test_a_lower_case_head_the_tagger_took_for_a_name_keeps_its_modifiers(
    nlp: Language, finder: QuoteFinder
) -> None:
    found = speakers(nlp, finder, "The GOP front-runner said taxes were too high.")
    assert found == {"said": "The GOP front-runner"}


@pytest.mark.parametrize(
    "text",
    [
        "The hearing resumed on Monday.\n\nDefending, Tessa Morland said her client regretted the loss.",
        "The hearing resumed on Monday.\n\nSpeaking afterwards, Tessa Morland said her client had regrets.",
    ],
)
def test_a_fronted_participle_is_not_the_speaker(nlp: Language, finder: QuoteFinder, text: str) -> None:
    assert speakers(nlp, finder, text)["said"] == "Tessa Morland"


def test_a_headline_subject_is_not_the_speaker_of_the_first_sentence(
    nlp: Language, finder: QuoteFinder
) -> None:
    text = (
        "Mayor hints at U-turn on tram fares\n\n"
        "BRELLSTADT - Mayor Ottilie Varga, the city's first elected mayor, said on Friday she would "
        "review the fare rise."
    )
    found = speakers(nlp, finder, text)
    assert found["said"] is not None and "hints" not in found["said"]
    assert found["said"].endswith("Ottilie Varga") and "BRELLSTADT" not in found["said"]
