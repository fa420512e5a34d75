"""Entity kinds and organisation rules of issue 11: what is no organisation, and short forms that are.

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
from quotemine.pipeline.entities.cluster import OrgMention, cluster_orgs, short_form


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", config={"explain": True})


@pytest.fixture(scope="module")
def repairer() -> EntityRepairer:
    return EntityRepairer(spacy.blank("en"), "quotemine_entities", explain=True)


def _parsed(
    words: list[str],
    ents: list[str],
    tags: list[str],
    heads: list[int] | None = None,
    deps: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    """A hand-parsed one-sentence Doc (heads are absolute token indices; default: each its own)."""
    n = len(words)
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        ents=ents,
        tags=tags,
        pos=["PROPN" if t.startswith("NNP") else "NOUN" if t.startswith("NN") else "X" for t in tags],
        heads=heads if heads is not None else list(range(n)),
        deps=deps or ["dep"] * n,
        sent_starts=[True] + [False] * (n - 1),
    )


def _orgs(doc: Doc) -> dict[str, int]:
    return {o["name"]: len(o["mentions"]) for o in doc._.qm_orgs}


def _people(doc: Doc) -> dict[str, int]:
    return {p["name"]: len(p["mentions"]) for p in doc._.qm_people}


def _reasons(doc: Doc, text: str) -> list[str]:
    return [r for rec in doc._.qm_entity_reasons if rec["text"] == text for r in rec["reasons"]]


# ---------------------------------------------------------------- not organisations
def test_place_after_a_place_noun_and_of_is_a_place_in_every_mention(nlp: Language) -> None:
    doc = nlp(
        "Troops entered the disputed territory of Norvania-Kelat on Monday. "
        "Norvania-Kelat has its own parliament."
    )
    assert "Norvania-Kelat" not in _orgs(doc)
    assert any("place noun" in r for r in _reasons(doc, "Norvania-Kelat"))
    assert any("another mention" in r for r in _reasons(doc, "Norvania-Kelat"))


def test_award_is_no_organisation(repairer: EntityRepairer) -> None:
    words = ["She", "won", "the", "Golden", "Quill", "Award", "on", "Friday", "."]
    ents = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-DATE", "O"]
    tags = ["PRP", "VBD", "DT", "NNP", "NNP", "NNP", "IN", "NNP", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _orgs(doc) == {}
    assert any("award" in r for r in _reasons(doc, "Golden Quill Award"))


def test_group_ending_in_a_plural_nationality_word_is_no_organisation(repairer: EntityRepairer) -> None:
    words = ["The", "Kelvar", "Estonians", "marched", "."]
    doc = repairer(_parsed(words, ["O", "B-ORG", "I-ORG", "O", "O"], ["DT", "NNP", "NNPS", "VBD", "."]))
    assert _orgs(doc) == {}
    assert {e.text: e.label_ for e in doc.ents} == {"Kelvar Estonians": "NORP"}


def test_programme_named_before_a_programme_noun_is_no_organisation(repairer: EntityRepairer) -> None:
    words = ["Kelcare", "recipients", "lost", "cover", ".", "Kelcare", "costs", "more", "."]
    ents = ["B-ORG", "O", "O", "O", "O", "B-ORG", "O", "O", "O"]
    tags = ["NNP", "NNS", "VBD", "NN", ".", "NNP", "VBZ", "JJR", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _orgs(doc) == {}
    assert any("programme" in r for r in _reasons(doc, "Kelcare"))


def test_acronym_in_brackets_after_a_treaty_is_no_organisation(repairer: EntityRepairer) -> None:
    words = [
        "They",
        "signed",
        "the",
        "Kelby",
        "Trade",
        "Pact",
        "(",
        "KTP",
        ")",
        ".",
        "The",
        "KTP",
        "failed",
        ".",
    ]
    ents = ["O", "O", "O", "B-LAW", "I-LAW", "I-LAW", "O", "B-ORG", "O", "O", "O", "B-ORG", "O", "O"]
    tags = ["PRP", "VBD", "DT", "NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", ".", "DT", "NNP", "VBD", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _orgs(doc) == {}
    assert [e.label_ for e in doc.ents if e.text == "KTP"] == ["LAW", "LAW"]


def test_state_stays_a_place_but_a_newspaper_the_ner_called_a_place_is_an_organisation(nlp: Language) -> None:
    doc = nlp("In the Kelby Union-Gazette, Tom Hale wrote that the Soviet Union had collapsed.")
    assert _orgs(doc) == {"Kelby Union-Gazette": 1}
    assert any("called a place" in r for r in _reasons(doc, "Kelby Union-Gazette"))


def test_brand_word_the_ner_called_a_place_is_an_organisation(repairer: EntityRepairer) -> None:
    words = ["She", "entered", "a", "VeloShip", "store", "."]
    ents = ["O", "O", "O", "B-GPE", "O", "O"]
    doc = repairer(_parsed(words, ents, ["PRP", "VBD", "DT", "NNP", "NN", "."]))
    assert _orgs(doc) == {"VeloShip": 1}


# ---------------------------------------------------------------- people the NER called something else
def test_two_names_joined_by_a_hyphen_are_two_people_not_an_organisation(nlp: Language) -> None:
    doc = nlp("Tom Hale and Ana Reyes wrote the Hale-Reyes bill on Monday. Critics said it went too far.")
    assert "Hale-Reyes" not in _orgs(doc)
    assert _people(doc)["Tom Hale"] == 2
    assert "Reyes" in _people(doc) or "Ana Reyes" in _people(doc)


def test_double_barrelled_surname_is_never_split(repairer: EntityRepairer) -> None:
    words = ["Ana", "Hale", "-", "Reyes", "spoke", ".", "Hale", "-", "Reyes", "left", "."]
    ents = [
        "B-PERSON",
        "I-PERSON",
        "I-PERSON",
        "I-PERSON",
        "O",
        "O",
        "B-PERSON",
        "I-PERSON",
        "I-PERSON",
        "O",
        "O",
    ]
    tags = ["NNP", "NNP", "HYPH", "NNP", "VBD", ".", "NNP", "HYPH", "NNP", "VBD", "."]
    spaces = [True, False, False, True, False, True, False, False, True, False, False]
    doc = repairer(_parsed(words, ents, tags, spaces=spaces))
    assert _people(doc) == {"Ana Hale-Reyes": 2}


def test_name_followed_by_an_age_is_a_person(repairer: EntityRepairer) -> None:
    words = ["Dorian", "Oakes", ",", "26", ",", "a", "protester", ",", "was", "hurt", "."]
    ents = ["B-ORG", "I-ORG", "O", "B-DATE", "O", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", ",", "CD", ",", "DT", "NN", ",", "VBD", "VBN", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _people(doc) == {"Dorian Oakes": 1}
    assert _orgs(doc) == {}


def test_name_listed_with_full_names_only_is_a_person(repairer: EntityRepairer) -> None:
    words = ["Marta", "Novak", ",", "Ivo", "Kern", "and", "Tolani", "Brisk", "won", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "O"]
    tags = ["NNP", "NNP", ",", "NNP", "NNP", "CC", "NNP", "NNP", "VBD", "."]
    heads = [1, 8, 1, 4, 1, 4, 7, 4, 8, 8]
    deps = ["compound", "nsubj", "punct", "compound", "conj", "cc", "compound", "conj", "ROOT", "punct"]
    doc = repairer(_parsed(words, ents, tags, heads, deps))
    assert "Tolani Brisk" in _people(doc)
    assert any("listed with people" in r for r in _reasons(doc, "Tolani Brisk"))


def test_two_one_word_people_joined_by_and_support_each_other(repairer: EntityRepairer) -> None:
    words = ["Followers", "of", "Varnok", "and", "Ostelli", "marched", "."]
    ents = ["O", "O", "B-PERSON", "O", "B-PERSON", "O", "O"]
    tags = ["NNS", "IN", "NNP", "CC", "NNP", "VBD", "."]
    heads = [5, 0, 1, 2, 2, 5, 5]
    deps = ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"]
    doc = repairer(_parsed(words, ents, tags, heads, deps))
    assert set(_people(doc)) == {"Varnok", "Ostelli"}


def test_name_goes_on_over_a_nickname_in_brackets(nlp: Language) -> None:
    doc = nlp("Ruth K. (Ruthie) Olander runs a bakery on the quay in Kelby. Olander left.")
    assert _people(doc) == {"Ruth K. (Ruthie) Olander": 2}


def test_indefinite_article_before_a_possessive_name_is_a_brand(nlp: Language) -> None:
    doc = nlp("She shopped at a Hallam's store in Kelby. Hallam's said sales fell.")
    assert "Hallam" not in _people(doc)
    assert _orgs(doc) == {"Hallam": 2}


# ---------------------------------------------------------------- short forms
@pytest.mark.parametrize(
    "name, form",
    [
        ("Brannock Holdings Inc.", "Brannock"),
        ("Kessel Mills Plc", "Kessel"),
        ("Kelby Rovers", "Rovers"),
        ("the Labour Party", "Labour"),
        ("Kelby Institute", None),
        ("Brannock", None),
    ],
)
def test_short_form_of_a_company_club_or_party(name: str, form: str | None) -> None:
    assert short_form(name) == form


def test_club_short_form_joins_the_full_name() -> None:
    groups = cluster_orgs([OrgMention(0, 12, "Kelby Rovers"), OrgMention(40, 46, "Rovers")])
    assert [[m.text for m in g] for g in groups] == [["Kelby Rovers", "Rovers"]]


@pytest.mark.parametrize(
    "text, org, mentions",
    [
        (
            "Brannock Holdings Inc. said on Tuesday it would cut 300 jobs. "
            "Brannock, which makes paper, said profits fell.",
            "Brannock Holdings Inc.",
            2,
        ),
        (
            "Kelby Rovers beat Ardle Town on Saturday. Rovers scored twice in the first half, said Tom Hale.",
            "Kelby Rovers",
            2,
        ),
    ],
)
def test_short_form_of_a_company_or_club_is_a_mention_of_it(
    nlp: Language, text: str, org: str, mentions: int
) -> None:
    assert _orgs(nlp(text))[org] == mentions


def test_short_form_of_a_company_is_no_mention_when_a_person_has_that_surname(nlp: Language) -> None:
    doc = nlp("Ford Motor Co. said sales fell. Ford said it would cut jobs, according to Henry Ford.")
    assert _orgs(doc)["Ford Motor Co."] == 1


def test_party_word_is_the_party_only_where_it_stands_for_the_body(repairer: EntityRepairer) -> None:
    words = [
        "The",
        "Kelvan",
        "Party",
        "won",
        ".",
        "Kelvan",
        "said",
        "so",
        ".",
        "Kelvan",
        "voters",
        "cheered",
        ".",
    ]
    ents = ["O", "B-ORG", "I-ORG", "O", "O", "B-NORP", "O", "O", "O", "B-NORP", "O", "O", "O"]
    tags = ["DT", "NNP", "NNP", "VBD", ".", "NNP", "VBD", "RB", ".", "NNP", "NNS", "VBD", "."]
    heads = [2, 2, 3, 3, 3, 6, 6, 6, 6, 10, 11, 11, 11]
    deps = ["det", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "advmod", "punct"]
    deps += ["compound", "nsubj", "ROOT", "punct"]
    doc = repairer(_parsed(words, ents, tags, heads, deps))
    assert _orgs(doc) == {"Kelvan Party": 2}


def test_surname_the_ner_called_an_organisation_after_a_first_name_it_left_out(
    repairer: EntityRepairer,
) -> None:
    words = ["said", "Ana", "Reyes", ",", "an", "analyst", "."]
    ents = ["O", "O", "B-ORG", "O", "O", "O", "O"]
    tags = ["VBD", "NNP", "NNP", ",", "DT", "NN", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _people(doc) == {"Ana Reyes": 1}
    assert _orgs(doc) == {}


def test_known_organisation_after_a_first_name_stays_an_organisation(repairer: EntityRepairer) -> None:
    words = ["Ana", "Reuters", "reported", "."]
    doc = repairer(_parsed(words, ["O", "B-ORG", "O", "O"], ["NNP", "NNP", "VBD", "."]))
    assert _orgs(doc) == {"Reuters": 1}


def test_company_before_its_stock_ticker_is_an_organisation_and_the_ticker_is_not(
    repairer: EntityRepairer,
) -> None:
    words = [
        "Brannock",
        "Mills",
        "(",
        "BRNM.L",
        ")",
        "said",
        "profit",
        "fell",
        ".",
        "Brannock",
        "shares",
        "fell",
        ".",
    ]
    ents = ["B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD", "NN", "VBD", ".", "NNP", "NNS", "VBD", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _orgs(doc) == {"Brannock Mills": 2}
    assert _people(doc) == {}


def test_company_the_ner_missed_before_an_exchange_and_ticker(repairer: EntityRepairer) -> None:
    words = ["Halvard", "Tesk", "(", "NYSE", ":", "HVT", ")", "rose", "."]
    ents = ["O", "O", "O", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", "-LRB-", "NNP", ":", "NNP", "-RRB-", "VBD", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert _orgs(doc) == {"Halvard Tesk": 1}


def test_industry_word_ends_a_company_name_the_ner_read_as_a_person(nlp: Language) -> None:
    doc = nlp("Halvard Energy agreed to buy Tallis Oil for $2 billion, the companies said on Monday.")
    assert "Tallis Oil" in _orgs(doc)
    assert "Tallis Oil" not in _people(doc)


def test_head_words_after_a_head_word_stay_in_the_name(repairer: EntityRepairer) -> None:
    words = ["Shares", "in", "Tallis", "Energy", "Group", "fell", "."]
    tags = ["NNS", "IN", "NNP", "NNP", "NNP", "VBD", "."]
    heads = [5, 0, 4, 4, 1, 5, 5]
    deps = ["nsubj", "prep", "compound", "compound", "pobj", "ROOT", "punct"]
    doc = repairer(_parsed(words, ["O"] * 7, tags, heads, deps))
    assert _orgs(doc) == {"Tallis Energy Group": 1}


def test_one_word_after_a_person_and_comma_of_is_a_home_town(repairer: EntityRepairer) -> None:
    words = ["Dario", "Fenwick", ",", "of", "Mossbury", ",", "was", "charged", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", ",", "IN", "NNP", ",", "VBD", "VBN", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert "Mossbury" not in _orgs(doc)
    assert "Dario Fenwick" in _people(doc)
    assert any("home town" in r for r in _reasons(doc, "Mossbury"))


def test_organisation_named_again_after_a_person_and_comma_of_stays_one(repairer: EntityRepairer) -> None:
    words = ["Dario", "Fenwick", ",", "of", "Brellcorp", ",", "said", "Brellcorp", "would", "wait", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "B-ORG", "O", "O", "O"]
    tags = ["NNP", "NNP", ",", "IN", "NNP", ",", "VBD", "NNP", "MD", "VB", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert not any("home town" in r for r in _reasons(doc, "Brellcorp"))
    assert "Brellcorp" in _orgs(doc)


def test_constituency_after_member_for_is_no_organisation(repairer: EntityRepairer) -> None:
    words = ["Ada", "Quell", ",", "the", "Green", "member", "for", "Tolsby", "East", ",", "objected", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O", "O"]
    tags = ["NNP", "NNP", ",", "DT", "NNP", "NN", "IN", "NNP", "NNP", ",", "VBD", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert "Tolsby East" not in _orgs(doc)
    assert any("constituency" in r for r in _reasons(doc, "Tolsby East"))


def test_position_word_glued_to_a_name_at_sentence_start_is_a_role(repairer: EntityRepairer) -> None:
    words = ["Forward", "Ines", "Varga", "scored", "18", "points", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "B-CARDINAL", "O", "O"]
    tags = ["NNP", "NNP", "NNP", "VBD", "CD", "NNS", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert "Ines Varga" in _people(doc)
    assert not _orgs(doc)
    assert "role word before a first name" in _reasons(doc, "Ines Varga")


def test_one_word_before_a_score_after_a_contest_word_is_a_team(repairer: EntityRepairer) -> None:
    words = ["The", "Herons", "lost", "the", "final", "to", "Dunmere", "4-2", "."]
    ents = ["O", "B-ORG", "O", "O", "O", "O", "B-PERSON", "O", "O"]
    tags = ["DT", "NNPS", "VBD", "DT", "NN", "IN", "NNP", "CD", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert "Dunmere" not in _people(doc)
    assert any("a team" in r for r in _reasons(doc, "Dunmere"))


def test_name_after_to_without_a_score_stays_a_person(repairer: EntityRepairer) -> None:
    words = ["She", "lost", "the", "seat", "to", "Dunmere", "in", "May", "."]
    ents = ["O", "O", "O", "O", "O", "B-PERSON", "O", "B-DATE", "O"]
    tags = ["PRP", "VBD", "DT", "NN", "IN", "NNP", "IN", "NNP", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert not any("a team" in r for r in _reasons(doc, "Dunmere"))


def test_plural_name_after_the_before_a_score_is_a_team(nlp: Language) -> None:
    doc = nlp("The Dunmere Bay Herons beat the Kelby Stags 98-91 on Saturday.")
    assert "Kelby Stags" in _orgs(doc)
    assert any("a team" in r for r in _reasons(doc, "Kelby Stags"))


def test_plural_name_after_the_without_score_or_play_word_is_left_alone(repairer: EntityRepairer) -> None:
    words = ["She", "praised", "the", "Kelby", "Stags", "on", "Monday", "."]
    ents = ["O", "O", "O", "O", "O", "O", "B-DATE", "O"]
    tags = ["PRP", "VBD", "DT", "NNP", "NNPS", "IN", "NNP", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert "Kelby Stags" not in _orgs(doc)


def test_person_read_team_after_a_play_word_becomes_a_team(repairer: EntityRepairer) -> None:
    words = ["They", "face", "the", "top", "-", "seeded", "Tolsby", "Kings", "next", "."]
    ents = ["O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    tags = ["PRP", "VBP", "DT", "JJ", "HYPH", "VBN", "NNP", "NNPS", "RB", "."]
    spaces = [True, True, True, False, False, True, True, True, False, False]
    doc = repairer(_parsed(words, ents, tags, spaces=spaces))
    assert "Tolsby Kings" in _orgs(doc)
    assert "Tolsby Kings" not in _people(doc)


def test_standing_noun_glued_to_a_person_at_sentence_start_is_cut(repairer: EntityRepairer) -> None:
    words = ["Tenant", "Ines", "Varga", ",", "52", ",", "said", "no", "."]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-DATE", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", "NNP", ",", "CD", ",", "VBD", "DT", "."]
    doc = repairer(_parsed(words, ents, tags))
    assert "Ines Varga" in _people(doc)
    assert "Tenant Ines Varga" not in _people(doc)
