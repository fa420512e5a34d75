"""The ``quotemine_entities`` component: explain, error handler, disk round trip, the fixed bugs."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error
from tests.models import default_model

import quotemine.factories  # noqa: F401  (registers factories and extensions)
from quotemine.pipeline import EntityRepairer as PublicEntityRepairer
from quotemine.pipeline.entities import EntityRepairer
from quotemine.pipeline.entities.vetting import PERSON_RULES, person_verdict
from quotemine.pipeline.records import get_orgs, get_people, get_warnings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", config={"explain": True})


def _doc(words: list[str], ents: list[str], tags: list[str]) -> Doc:
    n = len(words)
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        ents=ents,
        tags=tags,
        heads=list(range(n)),
        deps=["ROOT"] * n,
        sent_starts=[True] + [False] * (n - 1),
    )


def test_public_imports_name_one_class() -> None:
    assert PublicEntityRepairer is EntityRepairer


def test_factory_default_config_has_explain_off() -> None:
    pipeline = spacy.blank("en")
    comp = pipeline.add_pipe("quotemine_entities")
    assert isinstance(comp, EntityRepairer)
    assert comp.explain is False
    assert pipeline.get_pipe_meta("quotemine_entities").default_config == {"explain": False}


# ---------------------------------------------------------------- explain
def test_explain_gives_the_reason_of_every_candidate() -> None:
    comp = EntityRepairer(spacy.blank("en"), explain=True)
    doc = comp(
        _doc(
            ["Tajik", "migrants", "met", "Farida", "Nazarova", "."],
            ["B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O"],
            ["NNP", "NNS", "VBD", "NNP", "NNP", "."],
        )
    )
    reasons = doc._.qm_entity_reasons
    assert json.loads(json.dumps(reasons)) == reasons  # JSON primitives only
    by_text = {r["text"]: r for r in reasons}
    assert by_text["Tajik"]["label"] == "NORP"
    assert "demonym: nationality word" in by_text["Tajik"]["reasons"]
    assert by_text["Farida Nazarova"]["label"] == "PERSON"
    assert by_text["Farida Nazarova"]["reasons"][0] == "NER label PERSON"
    assert {"start", "end", "text", "label", "reasons"} == set(by_text["Tajik"])
    assert doc.text[by_text["Tajik"]["start"] : by_text["Tajik"]["end"]] == "Tajik"


def test_explain_names_the_rule_that_dropped_a_candidate(nlp: Language) -> None:
    doc = nlp("Water Talks\n\nBy Mira Castell\n\nThe NWRA said on Monday that reservoirs were low.")
    reasons = doc._.qm_entity_reasons
    assert any(r["text"] == "Mira Castell" and "byline name" in r["reasons"] for r in reasons)
    dropped = [r for r in reasons if r["label"] is None]
    assert all(r["reasons"] for r in dropped)


def test_explain_off_writes_nothing() -> None:
    comp = EntityRepairer(spacy.blank("en"))
    doc = comp(
        _doc(
            ["Farida", "Nazarova", "left", "."],
            ["B-PERSON", "I-PERSON", "O", "O"],
            ["NNP"] * 2 + ["VBD", "."],
        )
    )
    assert doc._.qm_entity_reasons is None
    assert [p["name"] for p in get_people(doc)] == ["Farida Nazarova"]


def test_person_rules_are_an_ordered_list_with_a_default() -> None:
    assert len(PERSON_RULES) > 10 and all(callable(rule) for rule in PERSON_RULES)
    comp = EntityRepairer(spacy.blank("en"))
    from quotemine.pipeline.entities.context import Context

    doc = _doc(["Farida", "Nazarova", "left", "."], ["O"] * 4, ["NNP", "NNP", "VBD", "."])
    ctx = Context(doc, comp.lex, comp._org_head_ids)
    assert person_verdict(ctx, 0, 2).label == "PERSON"
    assert person_verdict(ctx, 2, 2).label is None


# ---------------------------------------------------------------- error handler
def _broken(doc: Doc) -> None:
    raise RuntimeError("boom")


def test_error_handler_degrades_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    comp = EntityRepairer(spacy.blank("en"))
    monkeypatch.setattr(comp, "_annotate", _broken)
    doc = comp(_doc(["Farida", "left", "."], ["B-PERSON", "O", "O"], ["NNP", "VBD", "."]))
    assert get_people(doc) == [] and get_orgs(doc) == []
    assert doc._.qm_people == [] and doc._.qm_orgs == []
    assert get_warnings(doc) == ["entity repair failed: RuntimeError('boom')"]


def test_error_handler_can_be_set_to_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline = spacy.blank("en")
    comp = pipeline.add_pipe("quotemine_entities")
    monkeypatch.setattr(comp, "_annotate", _broken)
    docs = list(pipeline.pipe(["Farida left.", "Tomas left."]))
    assert [d._.qm_people for d in docs] == [[], []]  # a batch never dies
    pipeline.set_error_handler(raise_error)
    assert comp.get_error_handler() is raise_error
    with pytest.raises(RuntimeError, match="boom"):
        pipeline("Farida left.")


# ---------------------------------------------------------------- to_disk / from_disk
def test_disk_round_trip_restores_the_lexicons_and_the_output(tmp_path: Path, nlp: Language) -> None:
    comp = nlp.get_pipe("quotemine_entities")
    assert isinstance(comp, EntityRepairer)
    text = "Anna Petrova met Dilnoza Karimova in Dushanbe. Karimova said the Tajik Water Agency agreed."
    before = nlp(text)
    comp.to_disk(tmp_path / "ents")
    restored = EntityRepairer(nlp, "quotemine_entities").from_disk(tmp_path / "ents")
    assert restored.lex == comp.lex
    after = restored(nlp(text, disable=["quotemine_entities"]))
    assert after._.qm_people == before._.qm_people
    assert after._.qm_orgs == before._.qm_orgs
    assert [(e.text, e.label_) for e in after.ents] == [(e.text, e.label_) for e in before.ents]


def test_from_disk_uses_the_saved_lexicons(tmp_path: Path) -> None:
    comp = EntityRepairer(spacy.blank("en"))
    words, ents, tags = (
        ["Zorblat", "Quenmir", "left", "."],
        ["B-PERSON", "I-PERSON", "O", "O"],
        ["NNP", "NNP", "VBD", "."],
    )
    assert get_people(comp(_doc(words, ents, tags))) == []  # no known first name, no evidence
    saved = EntityRepairer(spacy.blank("en"))
    saved.lex = dataclasses.replace(saved.lex, first_names=saved.lex.first_names | {"zorblat"})
    saved.to_disk(tmp_path / "ents")
    restored = EntityRepairer(spacy.blank("en")).from_disk(tmp_path / "ents")
    assert "zorblat" in restored.lex.first_names
    assert [p["name"] for p in get_people(restored(_doc(words, ents, tags)))] == ["Zorblat Quenmir"]


# ---------------------------------------------------------------- bug 1: acronym before its name
@pytest.mark.parametrize(
    "text",
    [
        "The NWRA said on Monday that reservoirs were low. The Northern Water Research Agency was "
        "founded in 1990 and employs 40 scientists.",
        "The Northern Water Research Agency said on Monday that reservoirs were low. The NWRA was "
        "founded in 1990 and employs 40 scientists.",
    ],
)
def test_acronym_and_full_name_are_one_organisation_in_either_order(nlp: Language, text: str) -> None:
    (org,) = nlp(text)._.qm_orgs
    assert org["name"] == "Northern Water Research Agency"
    assert sorted(text[s:e] for s, e in org["mentions"]) == ["NWRA", "Northern Water Research Agency"]


# ---------------------------------------------------------------- bug 2: one owner of the byline
@pytest.mark.parametrize(
    "byline, authors",
    [
        ("by Mira Castell", ["Mira Castell"]),
        ("By Mira Castell and Tomas Reyes", ["Mira Castell", "Tomas Reyes"]),
        ("BY MIRA CASTELL", ["MIRA CASTELL"]),
    ],
)
def test_byline_authors_are_exactly_the_flagged_people(
    extractor: object, byline: str, authors: list[str]
) -> None:
    from quotemine import Extractor

    assert isinstance(extractor, Extractor)
    text = f"Dams Run Dry\n\n{byline}\n\nReservoirs fell to record lows this week, officials said."
    report = extractor.extract(text)
    assert [a.text for a in report.document.authors] == authors
    flagged = [p for p in report.people if p.author]
    assert [p.name for p in flagged] == authors
    author_spans = {(a.start, a.end) for a in report.document.authors}
    for person in flagged:
        assert any((m.start, m.end) in author_spans for m in person.mentions)


# ---------------------------------------------------------------- what kind of thing a name is (issue 11)
def _reasons(doc: Doc, text: str) -> list[str]:
    return [reason for r in doc._.qm_entity_reasons if r["text"] == text for reason in r["reasons"]]


def _org_names(doc: Doc) -> set[str]:
    return {o["name"] for o in get_orgs(doc)}


def _person_names(doc: Doc) -> set[str]:
    return {p["name"] for p in get_people(doc)}


def test_hyphenated_adjective_is_no_organisation(nlp: Language) -> None:
    doc = nlp("The Kessel-owned paper printed the story on Monday, said Ann Liu.")
    assert "Kessel" not in _org_names(doc)
    kessel = [r for r in doc._.qm_entity_reasons if r["text"] == "Kessel"]
    assert kessel and kessel[-1]["label"] is None
    assert any("hyphenated adjective" in reason for reason in _reasons(doc, "Kessel"))


def test_model_name_of_a_vehicle_is_a_product_but_a_maker_stays_an_organisation(nlp: Language) -> None:
    doc = nlp("The Canberra-based Orvald Group said it would sell the Falcon XR jet and the Kessel sedan.")
    assert "Orvald Group" in _org_names(doc)
    assert not any("Falcon" in name for name in _org_names(doc))
    assert {e.label_ for e in doc.ents if e.text.startswith("Falcon")} <= {"PRODUCT"}


def test_holiday_and_street_are_neither_people_nor_organisations(nlp: Language) -> None:
    doc = nlp("Bill Tanner said the plan would fail. Tanner spoke on Easter at Elm Street.")
    assert _person_names(doc) == {"Bill Tanner"}
    assert not any("Easter" in name or "Street" in name for name in _org_names(doc))
    assert any("holiday" in reason for r in doc._.qm_entity_reasons for reason in r["reasons"])


def test_a_bill_is_a_law_not_the_person_called_bill(nlp: Language) -> None:
    doc = nlp(
        "Bill Okafor spoke on Monday. The senators passed the Data Bill on Tuesday. Bill said it was good."
    )
    okafor = [p for p in get_people(doc) if p["name"] == "Bill Okafor"]
    assert len(okafor) == 1
    assert all("Data" not in doc.text[s:e] for s, e in okafor[0]["mentions"])
    assert {e.label_ for e in doc.ents if e.text.endswith("Data Bill")} <= {"LAW"}


def test_role_word_before_a_name_the_ner_called_an_organisation(nlp: Language) -> None:
    doc = nlp("Actress Amandla Rowe was also honoured as she took home the award.")
    assert "Amandla Rowe" in _person_names(doc)
    assert "role word before a first name" in _reasons(doc, "Amandla Rowe") + _reasons(
        doc, "Actress Amandla Rowe"
    )


def test_organisation_possessive_is_split_from_the_personal_name_after_it(nlp: Language) -> None:
    doc = nlp("As the Daily Courier's Ravi Mehta wrote, the vote was close.")
    assert "Ravi Mehta" in _person_names(doc)
    assert "Daily Courier" in _org_names(doc)
    assert "personal name after an organisation's possessive" in _reasons(doc, "Ravi Mehta")


def test_personal_name_the_ner_called_an_organisation_after_an_organisation_possessive(nlp: Language) -> None:
    doc = nlp("As the Daily Courier's Ishaan Tharoor wrote, the vote was close.")
    assert "Ishaan Tharoor" in _person_names(doc)
    assert _org_names(doc) == {"Daily Courier"}


def test_place_after_an_organisation_possessive_is_no_person(nlp: Language) -> None:
    doc = nlp("They visited the Orvald Foundation's Magic Kingdom park.")
    assert _person_names(doc) == set()


def test_possessive_and_personal_name_read_as_one_title_are_split() -> None:
    comp = EntityRepairer(spacy.blank("en"), explain=True)
    doc = comp(
        _doc(
            ["Kelwix", "'s", "Adam", "Sharp", "said", "no", "."],
            ["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O", "O", "O"],
            ["NNP", "POS", "NNP", "NNP", "VBD", "UH", "."],
        )
    )
    assert _person_names(doc) == {"Adam Sharp"}
    assert _org_names(doc) == {"Kelwix"}
    assert "organisation's possessive before a personal name" in _reasons(doc, "Kelwix")


def test_romance_article_and_one_word_is_no_person() -> None:
    comp = EntityRepairer(spacy.blank("en"), explain=True)
    doc = comp(
        _doc(
            ["Tom", "Rusk", "spoke", "to", "La", "Quintessa", "."],
            ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O"],
            ["NNP", "NNP", "VBD", "IN", "NNP", "NNP", "."],
        )
    )
    assert _person_names(doc) == {"Tom Rusk"}
    assert "article and one word: the name of an organisation, not a person" in _reasons(doc, "La Quintessa")


def test_every_first_pass_rule_says_which_labels_it_acts_on() -> None:
    from quotemine.pipeline.entities import relabel

    assert set(relabel._RULE_LABELS) == set(relabel.FIRST_PASS_RULES)
    for label, rules in relabel._RULES_BY_LABEL.items():
        assert list(rules) == [r for r in relabel.FIRST_PASS_RULES if label in relabel._RULE_LABELS[r]]
