"""Person shapes (issue 11): names after titles, datelines and research houses.

Every sentence here is invented (people, firms and places alike).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model

import quotemine.factories  # noqa: F401  (registers factories and extensions)
from quotemine.pipeline.entities import EntityRepairer


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities")


def _ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in {"PERSON", "ORG"}]


def _people(nlp: Language, text: str) -> list[str]:
    return [p["name"] for p in nlp(text)._.qm_people]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Speaker of the House Dan Rourke said the vote would go ahead.", "Dan Rourke"),
        ("Leader of the Opposition Kate Mills called the budget a disgrace.", "Kate Mills"),
        ("Minister for Health Ravi Chandok said wards were full.", "Ravi Chandok"),
        ("Detective Sergeant Anaru Whetu said the man was arrested on Friday.", "Anaru Whetu"),
    ],
)
def test_name_after_a_title_is_a_person(nlp: Language, text: str, name: str) -> None:
    assert name in _people(nlp, text)
    assert all(name not in org for org, label in _ents(nlp, text) if label == "ORG")


def test_long_title_keeps_the_body_the_ner_saw(nlp: Language) -> None:
    ents = _ents(nlp, "Speaker of the House Dan Rourke said the vote would go ahead.")
    assert ("Dan Rourke", "PERSON") in ents
    assert ("House Dan Rourke", "ORG") not in ents


def test_peer_named_by_one_word_is_a_person() -> None:
    words = ["Lord", "Penby", "said", "the", "bill", "was", "flawed", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        tags=["NNP", "NNP", "VBD", "DT", "NN", "VBD", "JJ", "."],
        ents=["O", "B-ORG", "O", "O", "O", "O", "O", "O"],
        heads=[1, 2, 2, 4, 5, 2, 5, 2],
        deps=["compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct"],
        sent_starts=[True] + [False] * 7,
    )
    EntityRepairer(spacy.blank("en"))(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Penby", "PERSON")]


def test_title_before_an_organisation_makes_no_person(nlp: Language) -> None:
    text = "Union leader Kelby Rail Workers said the strike would go on."
    assert ("Kelby Rail Workers", "ORG") in _ents(nlp, text)


def test_wire_dateline_is_no_part_of_a_name(nlp: Language) -> None:
    text = "OSLO - Brakkel Motors said on Tuesday it would recall 30,000 vans."
    assert ("Brakkel Motors", "ORG") in _ents(nlp, text)
    assert not any(t.startswith("OSLO") for t, _ in _ents(nlp, text))


def test_dateline_after_a_headline_is_cut(nlp: Language) -> None:
    text = "Vans recalled\n\nOSLO - Brakkel Motors said on Tuesday it would recall 30,000 vans."
    orgs = [t for t, label in _ents(nlp, text) if label == "ORG"]
    assert "Brakkel Motors" in orgs and not any("-" in o for o in orgs)


@pytest.mark.parametrize(
    "text",
    [
        "MARROWFORD, June 9 (Newswire) - The harbour board raised its fees, chair Odile Venn said.",
        "MARROWFORD (Newswire) - The harbour board raised its fees, chair Odile Venn said.",
        "Fees up\n\nMARROWFORD, Velland, Friday - The harbour board raised its fees, chair Odile Venn said.",
    ],
)
def test_dateline_place_alone_is_no_name(nlp: Language, text: str) -> None:
    names = [t for t, _ in _ents(nlp, text)]
    assert "Odile Venn" in names and not any("MARROWFORD" in n for n in names)


def test_capitals_opening_a_sentence_without_a_dateline_stay_a_name(nlp: Language) -> None:
    text = "Profits fell.\n\nKELCO said on Monday it would grow."
    assert ("KELCO", "ORG") in _ents(nlp, text)


def test_hyphenated_name_is_no_dateline(nlp: Language) -> None:
    assert "Ola Brun-Hagen" in _people(nlp, "Ola Brun-Hagen said the vans were safe.")


@pytest.mark.parametrize(
    "text",
    [
        "Brandauer said in a note to clients that the shares were cheap.",
        "Brandauer analysts said the shares were cheap.",
    ],
)
def test_lone_surname_with_a_research_note_is_an_organisation(nlp: Language, text: str) -> None:
    assert "Brandauer" not in _people(nlp, text)


def test_person_named_in_full_keeps_a_research_note(nlp: Language) -> None:
    text = "Ilse Brandauer, a fund manager, spoke first. Brandauer said in a note that prices would fall."
    assert _people(nlp, text) == ["Ilse Brandauer"]


def test_title_words_before_a_name_are_no_organisation(nlp: Language) -> None:
    text = "A man was arrested on Wednesday, Detective Constable Eira Vaughan said."
    assert "Eira Vaughan" in _people(nlp, text)
    assert not [t for t, label in _ents(nlp, text) if label == "ORG"]


def test_club_ending_in_a_place_word_is_no_person(nlp: Language) -> None:
    text = "Brynmor lost 2-0 to Kelby City on Saturday. Kelby City coach Ana Ruel said the win was deserved."
    assert "Kelby City" not in _people(nlp, text)


def test_plural_name_after_the_is_a_team(nlp: Language) -> None:
    text = "The Dunmere Hawks beat the Orlin Foxes on Sunday. Dunmere Hawks will face Kelby next."
    people = _people(nlp, text)
    assert "Dunmere Hawks" not in people and "Orlin Foxes" not in people


def test_lone_name_after_in_is_a_place(nlp: Language) -> None:
    text = "Kelby fire\n\nA fire destroyed a bakery in Kelby on Saturday night, police said."
    assert _people(nlp, text) == []


def test_person_named_in_full_after_in_stays_a_person(nlp: Language) -> None:
    text = "Ana Kelby chairs the board. Investors kept their faith in Kelby, the report said."
    assert _people(nlp, text) == ["Ana Kelby"]


def test_peer_with_a_known_surname_the_ner_missed_is_a_person(nlp: Language) -> None:
    assert _people(nlp, "Baroness Okafor said the bill was flawed.") == ["Okafor"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fly-half Rhys Tanwen kicked three penalties.", "Rhys Tanwen"),
        ("Centre-back Ivo Dunmall headed the winner.", "Ivo Dunmall"),
    ],
)
def test_name_after_a_hyphenated_position_is_a_person(nlp: Language, text: str, name: str) -> None:
    assert _people(nlp, text) == [name]
    assert not [t for t, label in _ents(nlp, text) if label == "ORG"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Skipper Ana Folau said the team was tired.", "Ana Folau"),
        ("Opener Kiran Deshmane made 112 on the first day.", "Kiran Deshmane"),
    ],
)
def test_position_word_opening_a_name_is_cut(nlp: Language, text: str, name: str) -> None:
    assert _people(nlp, text) == [name]


def test_dateline_with_its_country_is_cut(nlp: Language) -> None:
    text = "PERTH, Australia - Kelby Mining said on Monday that profits fell."
    assert ("Kelby Mining", "ORG") in _ents(nlp, text)


def test_name_after_a_title_with_two_links_is_a_person(nlp: Language) -> None:
    text = "The Secretary of State for Wales Dafydd Rhosier said the line would be electrified."
    assert _people(nlp, text) == ["Dafydd Rhosier"]


def test_club_a_later_rule_calls_a_person_is_no_person(nlp: Language) -> None:
    assert _people(nlp, "The Dunmore Falcons beat Kelby Town 3-1 at home.") == []


def test_team_before_a_score_stays_a_team_when_a_headline_reads_it_as_a_person() -> None:
    repairer = EntityRepairer(spacy.blank("en"), "quotemine_entities")
    # "Kelby lose ." (headline, read as a person) then "Ardle beat Kelby 2-1 ."
    words = ["Kelby", "lose", "\n\n", "Ardle", "beat", "Kelby", "2-1", "."]
    ents = ["B-PERSON", "O", "O", "B-ORG", "O", "B-PERSON", "O", "O"]
    tags = ["NNP", "VBP", "_SP", "NNP", "VBD", "NNP", "CD", "."]
    starts = [i in {0, 3} for i in range(len(words))]
    doc = repairer(Doc(spacy.blank("en").vocab, words=words, ents=ents, tags=tags, sent_starts=starts))
    assert "Kelby" in [o["name"] for o in doc._.qm_orgs]
    assert "Kelby" not in [p["name"] for p in doc._.qm_people]


def test_surname_read_as_an_organisation_joins_a_full_name_the_ner_missed() -> None:
    repairer = EntityRepairer(spacy.blank("en"), "quotemine_entities")
    # "Ferran Holt scored . Holt said so ." : the NER found no one and read "Holt" as a body
    words = ["Ferran", "Holt", "scored", ".", "Holt", "said", "so", "."]
    ents = ["O", "O", "O", "O", "B-ORG", "O", "O", "O"]
    tags = ["NNP", "NNP", "VBD", ".", "NNP", "VBD", "RB", "."]
    starts = [i in {0, 4} for i in range(len(words))]
    doc = repairer(Doc(spacy.blank("en").vocab, words=words, ents=ents, tags=tags, sent_starts=starts))
    assert [o["name"] for o in doc._.qm_orgs] == []
    assert [(p["name"], len(p["mentions"])) for p in doc._.qm_people] == [("Ferran Holt", 2)]
