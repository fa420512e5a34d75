"""Organisation rules of the 17:20 round: company head words, and the names they shorten to.

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
def repairer() -> EntityRepairer:
    return EntityRepairer(spacy.blank("en"), "quotemine_entities", explain=True)


def _parsed(
    words: list[str], ents: list[str], tags: list[str], arcs: dict[int, tuple[int, str]] | None = None
) -> Doc:
    """A hand-parsed Doc, one sentence per full stop; ``arcs`` maps a token to its head and label."""
    n = len(words)
    heads, deps = list(range(n)), ["dep"] * n
    for child, (head, dep) in (arcs or {}).items():
        heads[child], deps[child] = head, dep
    starts = [i == 0 or words[i - 1] == "." for i in range(n)]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        ents=ents,
        tags=tags,
        pos=["PROPN" if t.startswith("NNP") else "NOUN" if t.startswith("NN") else "X" for t in tags],
        lemmas=["say" if w == "said" else w.lower() for w in words],
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )


def _orgs(doc: Doc) -> dict[str, int]:
    return {o["name"]: len(o["mentions"]) for o in doc._.qm_orgs}


def _people(doc: Doc) -> dict[str, int]:
    return {p["name"]: len(p["mentions"]) for p in doc._.qm_people}


@pytest.mark.parametrize("head", ["Bros", "Tools", "Homes", "Pharmacy", "Dairy", "Ferries"])
def test_company_head_word_makes_a_name_read_as_a_person_a_company(
    repairer: EntityRepairer, head: str
) -> None:
    # "Tollan <head> cut prices . Tollan said sales fell ." with both names read as people
    words = ["Tollan", head, "cut", "prices", ".", "Tollan", "said", "sales", "fell", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", "VBD", "NNS", ".", "NNP", "VBD", "NNS", "VBD", "."]
    doc = repairer(_parsed(words, ents, tags, {5: (6, "nsubj")}))
    assert _orgs(doc) == {f"Tollan {head}": 2}  # the one-word mention is its short form
    assert _people(doc) == {}


def test_limited_company_the_ner_missed_is_found_from_its_tail(repairer: EntityRepairer) -> None:
    words = ["Merrow", "Ferries", "Ltd", "was", "fined", "."]
    ents = ["O"] * 6
    tags = ["NNP", "NNP", "NNP", "VBD", "VBN", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _orgs(doc) == {"Merrow Ferries Ltd": 1}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", config={"explain": True})


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Lawyers from Tallow, Brisk and Orme said they would appeal.", "Tallow, Brisk and Orme"),
        ("The sale was advised by Quillon, Harrick and Deste.", "Quillon, Harrick and Deste"),
        ("She is represented by the firm Ferrin and Lusk.", "Ferrin and Lusk"),
        ("Analysts at Wrexley & Dunn said the price was fair.", "Wrexley & Dunn"),
    ],
)
def test_surnames_joined_by_and_after_a_firm_word_are_one_firm(nlp: Language, text: str, firm: str) -> None:
    doc = nlp(text)
    assert firm in _orgs(doc)
    assert not any(part in _people(doc) for part in firm.replace(",", "").split())


def test_surnames_joined_by_and_without_a_firm_word_stay_as_they_are(nlp: Language) -> None:
    doc = nlp("The report was written by Tallow and Brisk last year.")
    assert "Tallow and Brisk" not in _orgs(doc)


def test_organisation_named_with_and_inside_keeps_its_first_word(nlp: Language) -> None:
    doc = nlp("Members of the Harwick and District Drivers Union voted to strike on Monday.")
    assert "Harwick and District Drivers Union" in _orgs(doc)


def test_name_read_as_an_organisation_in_apposition_to_a_role_is_a_person(repairer: EntityRepairer) -> None:
    # "Its finance director , Vesnaya Benedek , said profits rose ." with the name read as an ORG
    words = ["Its", "finance", "director", ",", "Vesnaya", "Benedek", ",", "said", "profits", "rose", "."]
    ents = ["O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    tags = ["PRP$", "NN", "NN", ",", "NNP", "NNP", ",", "VBD", "NNS", "VBD", "."]
    arcs = {0: (2, "poss"), 1: (2, "compound"), 2: (7, "nsubj"), 4: (5, "compound"), 5: (2, "appos")}
    doc = repairer(_parsed(words, ents, tags, arcs))
    assert _people(doc) == {"Vesnaya Benedek": 1}
    assert _orgs(doc) == {}


def test_organisation_in_apposition_to_a_word_that_is_also_a_kind_of_body_stays_one(
    repairer: EntityRepairer,
) -> None:
    # "Its publisher , Vesnaya Benedek , said ..." : a publisher is a person or a company
    words = ["Its", "publisher", ",", "Vesnaya", "Benedek", ",", "said", "sales", "rose", "."]
    ents = ["O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    tags = ["PRP$", "NN", ",", "NNP", "NNP", ",", "VBD", "NNS", "VBD", "."]
    arcs = {0: (1, "poss"), 1: (6, "nsubj"), 3: (4, "compound"), 4: (1, "appos")}
    doc = repairer(_parsed(words, ents, tags, arcs))
    assert _orgs(doc) == {"Vesnaya Benedek": 1}


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("The bid was advised by Garrow Pensely LLP and two banks.", "Garrow Pensely LLP"),
        ("Orlan Vetter GmbH said it would close the plant.", "Orlan Vetter GmbH"),
        ("The Swiss group Tessenau Kraft AG reported higher sales.", "Tessenau Kraft AG"),
        ("Shares in Brennock Tarle Plc rose on Monday.", "Brennock Tarle Plc"),
        ("The miner Quarrow Ridge Resources Pty Ltd cut output.", "Quarrow Ridge Resources Pty Ltd"),
    ],
)
def test_name_ending_in_a_legal_form_is_one_company(nlp: Language, text: str, firm: str) -> None:
    doc = nlp(text)
    assert firm in _orgs(doc)
    assert not any(firm.startswith(name) or firm.endswith(name) for name in _people(doc))
    assert [name for name in _orgs(doc) if name != firm and name in firm] == []


def test_short_legal_form_after_one_name_word_is_no_company(repairer: EntityRepairer) -> None:
    # "AG", "SA", "NV" also abbreviate other words: one name word before them is not enough
    words = ["Tessenau", "AG", "met", "Orlan", "Vetter", "AG", "."]
    ents = ["O"] * 7
    tags = ["NNP", "NNP", "VBD", "NNP", "NNP", "NNP", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _orgs(doc) == {"Orlan Vetter AG": 1}


def test_legal_form_after_a_name_with_of_inside_is_not_cut(nlp: Language) -> None:
    doc = nlp("Money came from the Friends of Carrow Valley Inc., a charity.")
    assert "Carrow Valley Inc." not in _orgs(doc)


def test_region_of_a_dateline_read_as_an_organisation_is_a_place(repairer: EntityRepairer) -> None:
    # "MARROW POINT, Tasmania — Ferries stopped . Tasmania closed ports ." with the region read as an ORG
    words = [
        "MARROW",
        "POINT",
        ",",
        "Tasmania",
        "—",
        "Ferries",
        "stopped",
        ".",
        "Tasmania",
        "closed",
        "ports",
        ".",
    ]
    ents = ["B-GPE", "I-GPE", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "O", "O", "O"]
    tags = ["NNP", "NNP", ",", "NNP", ":", "NNS", "VBD", ".", "NNP", "VBD", "NNS", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _orgs(doc) == {}


def test_organisation_after_a_comma_in_a_sentence_is_no_dateline_region(repairer: EntityRepairer) -> None:
    words = ["Shares", "in", "KELBY", ",", "Tarrow", "Brisk", "—", "fell", "."]
    ents = ["O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "O", "O", "O"]
    tags = ["NNS", "IN", "NNP", ",", "NNP", "NNP", ":", "VBD", "."]
    doc = repairer(_parsed(words, ents, tags, {i: (7, "dep") for i in range(9) if i != 7}))
    assert "Tarrow Brisk" in _orgs(doc)


def test_name_ending_in_a_club_word_read_as_a_person_is_a_club(nlp: Language) -> None:
    doc = nlp("Torrby Albion beat Brenna Vale 2-0 on Saturday. Fans of Torrby Albion sang all night.")
    assert _orgs(doc).get("Torrby Albion") == 2
    assert "Torrby Albion" not in _people(doc)


def test_first_name_before_a_club_word_stays_a_person(repairer: EntityRepairer) -> None:
    words = ["Laura", "Rangers", "said", "the", "club", "would", "appeal", "."]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 6
    tags = ["NNP", "NNP", "VBD", "DT", "NN", "MD", "VB", "."]
    doc = repairer(_parsed(words, ents, tags, {0: (2, "nsubj"), 1: (2, "nsubj")}))
    assert _people(doc) == {"Laura Rangers": 1}


@pytest.mark.parametrize(
    "text",
    [
        "Crews were sent to Wexley, a market town north of the river. Wexley has 4,000 residents.",
        "A man was arrested in Tarnholm after a fight. Police in Tarnholm said he was 24.",
    ],
)
def test_town_the_words_around_call_a_place_is_no_organisation(nlp: Language, text: str) -> None:
    assert _orgs(nlp(text)) == {}


def test_company_named_after_a_place_phrase_elsewhere_but_speaking_stays_an_organisation(
    nlp: Language,
) -> None:
    doc = nlp("A depot near Quillex was closed. Quillex said it would appeal.")
    assert _orgs(doc) == {"Quillex": 2}


@pytest.mark.parametrize(
    "text",
    [
        "Villages including Marlow Cross, Tenby Vale and Orsett lost power. Crews were sent on Friday.",
        "Towns affected include Ashgrove, Pellow and Quarnby, the water board said.",
    ],
)
def test_names_listed_after_a_plural_place_noun_are_no_organisations(nlp: Language, text: str) -> None:
    orgs = _orgs(nlp(text))
    assert not any(
        town in name for name in orgs for town in ("Marlow", "Tenby", "Orsett", "Pellow", "Quarnby")
    )


def test_list_of_companies_without_a_place_noun_stays_organisations(nlp: Language) -> None:
    doc = nlp("Shares in Vantor Pumps, Kessel Foods and Brannock Mills fell on Tuesday.")
    assert {"Vantor Pumps", "Kessel Foods", "Brannock Mills"} <= set(_orgs(doc))


def test_place_list_rule_needs_the_plural_place_noun(repairer: EntityRepairer) -> None:
    # "Ardle , Kelby and Orlin won ." read as three organisations: no place noun, they stay
    words = ["Ardle", ",", "Kelby", "and", "Orlin", "won", "."]
    ents = ["B-ORG", "O", "B-ORG", "O", "B-ORG", "O", "O"]
    tags = ["NNP", ",", "NNP", "CC", "NNP", "VBD", "."]
    assert set(_orgs(repairer(_parsed(words, ents, tags)))) == {"Ardle", "Kelby", "Orlin"}
    # "the villages of Ardle , Kelby and Orlin flooded ." : places
    words = ["The", "villages", "of", "Ardle", ",", "Kelby", "and", "Orlin", "flooded", "."]
    ents = ["O", "O", "O", "B-ORG", "O", "B-ORG", "O", "B-ORG", "O", "O"]
    tags = ["DT", "NNS", "IN", "NNP", ",", "NNP", "CC", "NNP", "VBD", "."]
    assert _orgs(repairer(_parsed(words, ents, tags))) == {}


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Tallon & Sons, the builder hired for the work, said it was ready.", "Tallon & Sons"),
        ("The contract went to Merrick and Sons last year.", "Merrick and Sons"),
    ],
)
def test_surname_and_a_family_firm_word_is_a_firm(nlp: Language, text: str, firm: str) -> None:
    doc = nlp(text)
    assert firm in _orgs(doc)
    assert not _people(doc)


def test_family_words_alone_make_no_firm(repairer: EntityRepairer) -> None:
    words = ["Sons", "and", "Daughters", "marched", "."]
    ents = ["O"] * 5
    tags = ["NNPS", "CC", "NNPS", "VBD", "."]
    assert _orgs(repairer(_parsed(words, ents, tags))) == {}


def test_name_of_a_programme_is_no_organisation(repairer: EntityRepairer) -> None:
    # "Its Brightway scheme opens in May ." with "Brightway" read as an organisation
    words = ["Its", "Brightway", "scheme", "opens", "in", "May", "."]
    ents = ["O", "B-ORG", "O", "O", "O", "B-DATE", "O"]
    tags = ["PRP$", "NNP", "NN", "VBZ", "IN", "NNP", "."]
    assert _orgs(repairer(_parsed(words, ents, tags, {1: (2, "compound")}))) == {}


def test_programme_name_that_also_stands_alone_stays_an_organisation(repairer: EntityRepairer) -> None:
    # "the Brightway scheme ... Brightway said": a body that runs a scheme of its own name
    words = ["The", "Brightway", "scheme", "opens", ".", "Brightway", "said", "so", "."]
    ents = ["O", "B-ORG", "O", "O", "O", "B-ORG", "O", "O", "O"]
    tags = ["DT", "NNP", "NN", "VBZ", ".", "NNP", "VBD", "RB", "."]
    doc = repairer(_parsed(words, ents, tags, {1: (2, "compound"), 5: (6, "nsubj")}))
    assert _orgs(doc) == {"Brightway": 2}


def test_name_and_carrier_word_read_as_a_person_is_an_airline(repairer: EntityRepairer) -> None:
    words = ["Tarvo", "Air", "cut", "fares", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O"]
    tags = ["NNP", "NNP", "VBD", "NNS", "."]
    doc = repairer(_parsed(words, ents, tags, {1: (2, "nsubj")}))
    assert _orgs(doc) == {"Tarvo Air": 1}
    assert _people(doc) == {}


def test_titled_word_is_a_person_not_a_short_form_of_a_company(repairer: EntityRepairer) -> None:
    # "Orvell & Sons Ltd cut jobs . Mr Orvell said so ." with "Orvell" read as a person
    words = ["Orvell", "&", "Sons", "Ltd", "cut", "jobs", ".", "Mr", "Orvell", "said", "so", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "B-PERSON", "O", "O", "O"]
    tags = ["NNP", "CC", "NNPS", "NNP", "VBD", "NNS", ".", "NNP", "NNP", "VBD", "RB", "."]
    doc = repairer(_parsed(words, ents, tags, {8: (9, "nsubj")}))
    assert _people(doc) == {"Orvell": 1}
    assert _orgs(doc) == {"Orvell & Sons Ltd": 1}
