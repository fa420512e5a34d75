"""Forms of address, sides in a result, section labels and place modifiers (entity stage).

Every sentence here is invented; the hand-parsed ``Doc``s force the NER errors each rule repairs.
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
    return default_model("quotemine_entities", config={"explain": True})


@pytest.fixture(scope="module")
def repairer() -> EntityRepairer:
    return EntityRepairer(spacy.blank("en"), "quotemine_entities", explain=True)


def _parsed(words: list[str], ents: list[str], tags: list[str], spaces: list[bool] | None = None) -> Doc:
    """A hand-parsed one-sentence Doc (each token its own head)."""
    n = len(words)
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        ents=ents,
        tags=tags,
        pos=["PROPN" if t.startswith("NNP") else "NOUN" if t.startswith("NN") else "X" for t in tags],
        heads=list(range(n)),
        deps=["dep"] * n,
        sent_starts=[True] + [False] * (n - 1),
    )


def _orgs(doc: Doc) -> list[str]:
    return [o["name"] for o in doc._.qm_orgs]


def _people(doc: Doc) -> list[str]:
    return [p["name"] for p in doc._.qm_people]


# ---------------------------------------------------------------- forms of address
@pytest.mark.parametrize(
    ("title", "label"),
    [("Mr", "GPE"), ("Dr", "ORG"), ("Cllr", "NORP"), ("Dame", "FAC"), ("Insp", "GPE"), ("Ms", "PERSON")],
)
def test_a_name_after_a_form_of_address_is_a_person(repairer: EntityRepairer, title: str, label: str) -> None:
    words = [title, "Kelby", "said", "the", "bridge", "was", "unsafe", "."]
    ents = ["O", f"B-{label}", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", "VBD", "DT", "NN", "VBD", "JJ", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _people(doc) == ["Kelby"]
    assert "Kelby" not in _orgs(doc)


def test_an_organisation_word_after_the_name_keeps_the_company(repairer: EntityRepairer) -> None:
    words = ["Mr", "Pennock", "Bakery", "cut", "prices", "."]
    ents = ["O", "B-ORG", "I-ORG", "O", "O", "O"]
    tags = ["NNP", "NNP", "NNP", "VBD", "NNS", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _people(doc) == []
    assert _orgs(doc) == ["Pennock Bakery"]


def test_a_lower_case_word_before_a_place_is_no_form_of_address(repairer: EntityRepairer) -> None:
    words = ["He", "met", "the", "lord", "in", "Kelby", "."]
    ents = ["O", "O", "O", "O", "O", "B-GPE", "O"]
    tags = ["PRP", "VBD", "DT", "NN", "IN", "NNP", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert "Kelby" not in _people(doc)


# ---------------------------------------------------------------- sides in a result
def test_a_side_leading_a_verb_of_result_and_a_one_word_side_before_a_score(nlp: Language) -> None:
    doc = nlp("The Ardlow Plovers beat the Gannets 3-1 on Sunday. The Plovers coach praised the keeper.")
    assert "Ardlow Plovers" in _orgs(doc)
    assert "Gannets" in _orgs(doc)


def test_a_one_word_plural_without_a_score_is_no_side(repairer: EntityRepairer) -> None:
    words = ["Voters", "beat", "the", "Pellicks", "to", "the", "station", "."]
    tags = ["NNS", "VBD", "DT", "NNPS", "IN", "DT", "NN", "."]
    doc = repairer(_parsed(words, ["O"] * len(words), tags))
    assert "Pellicks" not in _orgs(doc)


def test_a_score_is_cut_from_a_side_the_ner_ran_into_it(repairer: EntityRepairer) -> None:
    words = ["They", "lost", "to", "Ardlow", "Plovers", "2-0", "."]
    ents = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    tags = ["PRP", "VBD", "IN", "NNP", "NNPS", "CD", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _orgs(doc) == ["Ardlow Plovers"]


# ---------------------------------------------------------------- labels and place modifiers
def test_an_organisation_word_alone_on_its_line_is_a_label(repairer: EntityRepairer) -> None:
    words = ["Council", "\n", "The", "Kelby", "Council", "met", "."]
    ents = ["B-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O"]
    tags = ["NNP", "_SP", "DT", "NNP", "NNP", "VBD", "."]
    spaces = [False, False, True, True, True, False, False]
    doc = repairer(_parsed(words, ents, tags, spaces))
    assert _orgs(doc) == ["Kelby Council"]


def test_a_place_before_residents_is_no_organisation(nlp: Language) -> None:
    doc = nlp("Brackwater residents complained about the noise on Monday.")
    assert "Brackwater" not in _orgs(doc)


# ---------------------------------------------------------------- trades and public bodies
@pytest.mark.parametrize("trade", ["Roofing", "Ticketing", "Plumbing"])
def test_a_name_ending_in_a_trade_gerund_is_a_company(repairer: EntityRepairer, trade: str) -> None:
    words = ["Orlin", trade, "said", "refunds", "would", "follow", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", "VBD", "NNS", "MD", "VB", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _people(doc) == []
    assert _orgs(doc) == [f"Orlin {trade}"]


def test_a_transport_executive_named_with_and_keeps_its_first_place(repairer: EntityRepairer) -> None:
    words = ["The", "Kelby", "and", "Ardle", "Transport", "Executive", "met", "."]
    ents = ["O", "B-GPE", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    tags = ["DT", "NNP", "CC", "NNP", "NNP", "NNP", "VBD", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _orgs(doc) == ["Kelby and Ardle Transport Executive"]
