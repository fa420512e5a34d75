"""Roles, affiliations and organisations outside US politics: British titles, clubs, companies, councils.

The unit tests use sentences written for them; the article tests run six invented articles (one per
genre: wire business story, regional crime report, sports story, long feature, opinion column,
non-US outlet) in ``tests/data/genres`` and check the people, roles, affiliations and organisations
a reader expects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span
from tests.models import default_model

import quotemine.factories  # noqa: F401  (registers factories and extensions)
from quotemine.pipeline.entities.cluster import OrgMention, cluster_orgs

GENRES = Path(__file__).resolve().parents[1] / "data" / "genres"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", "quotemine_roles")


def _person(doc: Doc, surname: str) -> dict[str, Any]:
    matches = [p for p in doc._.qm_people if surname in (p["name"], p["name"].split()[-1])]
    assert len(matches) == 1, [p["name"] for p in doc._.qm_people]
    return matches[0]


def _roles(doc: Doc, surname: str) -> str:
    return " | ".join(doc.text[s:e] for s, e in _person(doc, surname)["roles"]).lower()


def _affiliations(doc: Doc, surname: str) -> list[str]:
    orgs = {o["id"]: o["name"] for o in doc._.qm_orgs}
    return [orgs[oid] for oid in _person(doc, surname)["affiliations"]]


def _orgs(doc: Doc) -> list[str]:
    return [o["name"] for o in doc._.qm_orgs]


def _names(doc: Doc) -> list[str]:
    return [p["name"] for p in doc._.qm_people]


# ---------------------------------------------------------------------- unit rules
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Supt Wendell Okoro said more officers would patrol the market.", "Wendell Okoro", "supt"),
        ("Cllr Maisie Tranter said the plan was unfair.", "Maisie Tranter", "cllr"),
        ("Det Insp Owen Carrow said the inquiry was continuing.", "Owen Carrow", "det insp"),
    ],
)
def test_british_title_without_full_stop_starts_no_name(
    nlp: Language, text: str, name: str, role: str
) -> None:
    doc = nlp(text)
    assert name in _names(doc)
    assert role in _roles(doc, name.split()[-1])


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Kent Olabode QC, who acts for the families, said the inquiry was flawed.", "Kent Olabode", "qc"),
        ("Marta Ilves MP told the meeting that the school would stay open.", "Marta Ilves", "mp"),
    ],
)
def test_post_nominal_letters_mark_a_person_and_a_role(
    nlp: Language, text: str, name: str, role: str
) -> None:
    doc = nlp(text)
    assert name in _names(doc)
    assert role in _roles(doc, name.split()[-1])


def test_honours_after_a_name_are_no_role(nlp: Language) -> None:
    doc = nlp("Vera Coltrane OBE said the charity had grown.")
    assert "Vera Coltrane" in _names(doc)
    assert "obe" not in _roles(doc, "Coltrane")


def test_org_pronoun_before_role_gives_affiliation(nlp: Language) -> None:
    doc = nlp(
        "The grant came from the Pellow Arts Trust. Its director, Isla Garroway, said it was a record year."
    )
    assert "director" in _roles(doc, "Garroway")
    assert _affiliations(doc, "Garroway") == ["Pellow Arts Trust"]


def test_definite_org_noun_before_role_gives_affiliation(nlp: Language) -> None:
    text = (
        "The Tamberly District Council met on Monday.\n\n"
        "The council's chief executive, Rachel Penhale, said the budget was tight."
    )
    doc = nlp(text)
    assert "chief executive" in _roles(doc, "Penhale")
    assert _affiliations(doc, "Penhale") == ["Tamberly District Council"]


def test_possessive_org_before_role_gives_affiliation(nlp: Language) -> None:
    doc = nlp(
        "Sales rose at Quenby Holdings. Quenby Holdings' finance director, Ola Brandt, said margins held."
    )
    assert "finance director" in _roles(doc, "Brandt")
    assert _affiliations(doc, "Brandt") == ["Quenby Holdings"]


def test_possessive_of_another_phrase_gives_no_affiliation(nlp: Language) -> None:
    doc = nlp("After Quenby Textiles' results, chief executive Ola Brandt said margins held.")
    assert "Quenby Textiles" not in _affiliations(doc, "Brandt")


def test_role_of_organisation_before_name_without_parsed_apposition(nlp: Language) -> None:
    doc = nlp("The chief constable of Westerly Police, Martin Ashgrove, said burglaries were down.")
    assert "chief constable" in _roles(doc, "Ashgrove")
    assert _affiliations(doc, "Ashgrove") == ["Westerly Police"]


def test_apposition_to_subject_takes_predicate_role(nlp: Language) -> None:
    doc = nlp("Her nephew, Callum Reeve, is a volunteer at the Brisco Wildlife Centre.")
    assert "volunteer" in _roles(doc, "Reeve")
    assert _affiliations(doc, "Reeve") == ["Brisco Wildlife Centre"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Fans of Kelby Rovers cheered as the team came out.", "Kelby Rovers"),
        ("Supporters of Ardle FC queued for tickets.", "Ardle FC"),
        ("The game was shown live on Pembury Sport last night.", "Pembury Sport"),
    ],
)
def test_club_and_company_names_are_organisations(nlp: Language, text: str, org: str) -> None:
    doc = nlp(text)
    assert org in _orgs(doc)
    assert org not in _names(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Jonah Wray, 31, of Lindley Road, Harcastle, was charged with theft.",
        "Officers were called to Tanner Row shortly after midnight.",
    ],
)
def test_street_is_neither_person_nor_organisation(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert not any(("Road" in n or "Row" in n) for n in _names(doc) + _orgs(doc))


def test_name_modifying_a_noun_of_land_is_no_organisation(nlp: Language) -> None:
    doc = nlp.make_doc("Boats along the Pendry coast stayed in port, the Marlow Council said.")
    for name, proc in nlp.pipeline:
        if name == "quotemine_entities":  # the tagger calls "Pendry" an organisation
            doc.ents = [Span(doc, 3, 4, "ORG"), Span(doc, 10, 12, "ORG")]
        doc = proc(doc)
    assert _orgs(doc) == ["Marlow Council"]


@pytest.mark.parametrize(
    ("text", "surname", "org"),
    [
        ("Tallis Energy chief executive Nira Okonjo said prices would fall.", "Okonjo", "Tallis Energy"),
        ("Tallis Energy's chief executive, Nira Okonjo, said prices would fall.", "Okonjo", "Tallis Energy"),
        (
            "Inverdale United's captain, Sean Mallory, said the team would bounce back.",
            "Mallory",
            "Inverdale United",
        ),
    ],
)
def test_organisation_named_only_in_a_title(nlp: Language, text: str, surname: str, org: str) -> None:
    doc = nlp(text)
    assert org in _orgs(doc)
    assert _affiliations(doc, surname) == [org]


def test_capitalised_title_words_are_no_organisation(nlp: Language) -> None:
    doc = nlp("Deputy Chief Constable Ian Sowerby said the review was complete.")
    assert _orgs(doc) == []


@pytest.mark.parametrize(
    ("text", "surname", "org"),
    [
        (
            "Ingrid Solberg, of the Nordvik School of Economics, said rates would rise.",
            "Solberg",
            "Nordvik School",
        ),
        (
            "Tom Leary, for the Crown Prosecution Service, said the evidence was clear.",
            "Leary",
            "Prosecution Service",
        ),
    ],
)
def test_organisation_set_off_by_commas_after_name(nlp: Language, text: str, surname: str, org: str) -> None:
    doc = nlp(text)
    assert any(org in a for a in _affiliations(doc, surname))


def test_address_set_off_by_commas_is_no_affiliation(nlp: Language) -> None:
    doc = nlp("Callum Beattie, of Marsh Lane, Hollinwood, was fined.")
    assert _affiliations(doc, "Beattie") == []


def test_relative_clause_after_apposition_gives_role_and_affiliation(nlp: Language) -> None:
    doc = nlp(
        "Nico Brandt, a former Kelby striker who now works as a pundit for Marlin Sport, "
        "said the result was fair."
    )
    assert "pundit" in _roles(doc, "Brandt")
    assert "striker" in _roles(doc, "Brandt")
    assert _affiliations(doc, "Brandt")[-1] == "Marlin Sport"


def test_relative_clause_on_another_noun_gives_no_affiliation(nlp: Language) -> None:
    doc = nlp("Nico Brandt, whose brother owns a shop that works for Marlin Sport, said the result was fair.")
    assert "Marlin Sport" not in _affiliations(doc, "Brandt")


def test_mp_for_a_constituency_names_no_organisation(nlp: Language) -> None:
    doc = nlp("Rhona Calder, the MP for Westholm, said the hospital must stay open.")
    assert "mp" in _roles(doc, "Calder")
    assert "Westholm" not in _orgs(doc)


def test_relative_clause_with_adverb_gives_affiliation(nlp: Language) -> None:
    doc = nlp("Ewan Price, who now works for Calloway Freight, said the port was busy.")
    assert _affiliations(doc, "Price") == ["Calloway Freight"]


def test_company_tail_leaves_the_same_company() -> None:
    groups = cluster_orgs([OrgMention(0, 20, "Hendry Foods Plc"), OrgMention(30, 42, "Hendry Foods")])
    assert [[m.text for m in g] for g in groups] == [["Hendry Foods Plc", "Hendry Foods"]]


def test_first_word_of_a_company_with_a_legal_form_is_its_short_form() -> None:
    groups = cluster_orgs([OrgMention(0, 20, "Hendry Foods Plc"), OrgMention(30, 36, "Hendry")])
    assert [[m.text for m in g] for g in groups] == [["Hendry Foods Plc", "Hendry"]]
    # without a legal form, the first word still joins the one longer name it starts (issue 11 probe)
    assert len(cluster_orgs([OrgMention(0, 12, "Hendry Foods"), OrgMention(30, 36, "Hendry")])) == 1


def test_club_first_word_is_its_short_form() -> None:
    groups = cluster_orgs([OrgMention(0, 13, "Pellow Rovers"), OrgMention(20, 26, "Pellow")])
    assert [[m.text for m in g] for g in groups] == [["Pellow Rovers", "Pellow"]]


# ---------------------------------------------------------------------- one article per genre
def _doc(nlp: Language, name: str) -> Doc:
    return nlp((GENRES / f"{name}.txt").read_text(encoding="utf-8"))


def test_genre_wire_business_story(nlp: Language) -> None:
    doc = _doc(nlp, "wire_business")
    assert "chief executive" in _roles(doc, "Quillon")
    assert "chief financial officer" in _roles(doc, "Anand-Pryce")
    assert _affiliations(doc, "Anand-Pryce") == ["Brackmoor Foods Plc"]
    assert "Brackmoor" not in _orgs(doc)  # the company's short form, merged into its name
    assert "analyst" in _roles(doc, "Ekberg")
    assert _affiliations(doc, "Ekberg") == ["Harrowgate Securities"]
    assert "finance director" in _roles(doc, "Delacourt")
    assert _affiliations(doc, "Delacourt") == ["Osterby Mills"]
    assert {
        "Brackmoor Foods Plc",
        "Fenwick Retail Consortium",
        "Harrowgate Securities",
        "Osterby Mills",
    } <= set(_orgs(doc))
    assert not any("Consortium" in n for n in _names(doc))


def test_genre_regional_crime_report(nlp: Language) -> None:
    doc = _doc(nlp, "crime_regional")
    assert "det insp" in _roles(doc, "Ostwick")
    assert "supt" in _roles(doc, "Pelling")
    assert "cllr" in _roles(doc, "Farrow")
    assert "leader" in _roles(doc, "Farrow")
    assert _affiliations(doc, "Farrow") == ["Dunmere Borough Council"]
    assert "chief constable" in _roles(doc, "Kettleby")
    assert _affiliations(doc, "Kettleby") == ["Northmarsh Police"]
    assert {"Northmarsh Police", "Dunmere Magistrates' Court", "Dunmere Borough Council"} <= set(_orgs(doc))
    assert "Treharne" in [n.split()[-1] for n in _names(doc)]
    assert not any("Road" in n or "Row" in n for n in _names(doc) + _orgs(doc))
    assert "Dunmere" not in _names(doc)


def test_genre_sports_story(nlp: Language) -> None:
    doc = _doc(nlp, "sports")
    assert "midfielder" in _roles(doc, "Ansah-Whyte")
    assert "head coach" in _roles(doc, "Brenninkmeyer")
    assert "manager" in _roles(doc, "Moorhouse")
    assert _affiliations(doc, "Moorhouse") == ["Castlebury FC"]
    assert "captain" in _roles(doc, "Braddock")
    assert "defender" in _roles(doc, "Onwuena")
    assert "pundit" in _roles(doc, "Onwuena")
    assert "Vantage Sport" in _affiliations(doc, "Onwuena")
    assert {"Harwick Rovers", "Castlebury FC", "Vantage Sport"} <= set(_orgs(doc))
    assert not {"Harwick Rovers", "Castlebury FC", "Vantage Sport"} & set(_names(doc))


def test_genre_long_feature(nlp: Language) -> None:
    doc = _doc(nlp, "feature")
    assert "lecturer" in _roles(doc, "Lennox-Hart")
    assert _affiliations(doc, "Lennox-Hart") == ["University of Kilbride"]
    assert "professor" in _roles(doc, "Crombie")
    assert _affiliations(doc, "Crombie") == ["Dunkeld University"]
    assert "director" in _roles(doc, "Sutherland")
    assert _affiliations(doc, "Sutherland") == ["Heritage Lottery Trust"]
    assert "volunteer" in _roles(doc, "Euan Mowbray")
    assert _affiliations(doc, "Euan Mowbray") == ["Carrick Ness Heritage Centre"]
    assert {"Coastal Lights Board", "Heritage Lottery Trust", "Carrick Ness Heritage Centre"} <= set(
        _orgs(doc)
    )


def test_genre_opinion_column(nlp: Language) -> None:
    doc = _doc(nlp, "opinion")
    assert "chairman" in _roles(doc, "Ashdown")
    assert _affiliations(doc, "Ashdown") == ["Local Government Network"]
    assert "housing minister" in _roles(doc, "Chandrasekhar")
    assert "mp" in _roles(doc, "Oduya")
    assert "cllr" in _roles(doc, "Hulme")
    assert _affiliations(doc, "Hulme") == ["Eastleigh Vale District Council"]
    assert {"Local Government Network", "Treasury", "Institute for Fiscal Research"} <= set(_orgs(doc))
    assert "Westmarch" not in _orgs(doc)


def test_genre_non_us_outlet(nlp: Language) -> None:
    doc = _doc(nlp, "nonus_outlet")
    assert "mayor" in _roles(doc, "Whitcombe")
    assert "councillor" in _roles(doc, "Pennington")
    assert "associate professor" in _roles(doc, "Castellane")
    assert _affiliations(doc, "Castellane") == ["Tasman University"]
    assert "chief executive" in _roles(doc, "Holloway")
    assert _affiliations(doc, "Holloway") == ["Harbourside Regional Council"]
    assert "spokesperson" in _roles(doc, "Faulkner")
    assert _affiliations(doc, "Faulkner") == ["Ratepayers' Alliance"]
    assert "qc" in _roles(doc, "Oduya")
    assert {"Harbourside Regional Council", "Tasman University", "Ratepayers' Alliance"} <= set(_orgs(doc))
