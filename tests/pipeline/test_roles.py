from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model
from tests.people import affiliations as _affiliations
from tests.people import person as _person
from tests.people import roles as _roles

import quotemine.factories  # noqa: F401  (registers factories and extensions)

SEED = Path(__file__).resolve().parents[2] / "data" / "samples" / "tajikistan-turns-west.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", "quotemine_roles")


def _roles_of(doc: Doc, person: dict[str, Any]) -> list[str]:
    return [doc.text[s:e].lower() for s, e in person["roles"]]


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("President Farid Olimov opened the session on Monday.", "Farid Olimov", "President"),
        ("French trade minister Claire Dubois arrived in Rome.", "Claire Dubois", "French trade minister"),
        ("The deputy prime minister Olim Safarov resigned.", "Olim Safarov", "deputy prime minister"),
        (
            "Veteran Kazakh lawyer and historian Bakyt Nurlanov disagreed.",
            "Bakyt Nurlanov",
            "Veteran Kazakh lawyer and historian",
        ),
        ("They met with interior ministry head Rustam Aliyev.", "Rustam Aliyev", "interior ministry head"),
    ],
)
def test_roles_pre_name_titles(nlp: Language, text: str, name: str, role: str) -> None:
    assert _roles(nlp(text), name) == [role]


def test_roles_apposition_with_organisation_gives_affiliation(nlp: Language) -> None:
    text = (
        "Lola Rakhimova, a researcher at the department of economics at the Khujand State University, "
        "told reporters that prices rose."
    )
    doc = nlp(text)
    assert _roles(doc, "Lola Rakhimova") == [
        "researcher at the department of economics at the Khujand State University"
    ]
    assert _affiliations(doc, "Lola Rakhimova") == ["Khujand State University"]


def test_roles_former_director_of_an_organisation(nlp: Language) -> None:
    text = "Timur Karimov, former director of the Institute of Regional Studies, said the plan would fail."
    doc = nlp(text)
    assert _roles(doc, "Timur Karimov") == ["former director of the Institute of Regional Studies"]
    assert _affiliations(doc, "Timur Karimov") == ["Institute of Regional Studies"]


def test_roles_participle_naming_a_newspaper_gives_affiliation(nlp: Language) -> None:
    text = "Olga Semenova, writing in the Russian daily Novaya Gazeta last week, said the talks failed."
    doc = nlp(text)
    assert _affiliations(doc, "Olga Semenova") == ["Novaya Gazeta"]
    assert _roles(doc, "Olga Semenova") == ["writing in the Russian daily Novaya Gazeta"]


def test_roles_predicate_role(nlp: Language) -> None:
    doc = nlp("Marat Bekov is a political analyst in Almaty.")
    assert _roles(doc, "Marat Bekov") == ["political analyst in Almaty"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("President Obama has promised Bekov more aid.", "Bekov"),
        ("Marat Bekov, Anna Petrova and John Smith signed the letter.", "Marat Bekov"),
        ("He met his counterparts Anna Petrova and John Smith.", "Anna Petrova"),
    ],
)
def test_roles_no_role_without_a_role_phrase(nlp: Language, text: str, name: str) -> None:
    assert _roles(nlp(text), name) == []


def test_roles_repeated_title_is_kept_once_and_spans_labelled(nlp: Language) -> None:
    doc = nlp("President Farid Olimov spoke first. Later President Olimov left.")
    assert _roles(doc, "Farid Olimov") == ["President"]
    assert [s.label_ for s in doc.spans["qm_roles"]] == ["p1"]


@pytest.mark.parametrize("text", ["", " ", "\x00", "President", "By , , ,", "X, a, b, c, d."])
def test_roles_odd_input_never_raises(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert isinstance(doc._.qm_people, list)


def test_roles_disk_round_trip(tmp_path: Path, nlp: Language) -> None:
    comp = nlp.get_pipe("quotemine_roles")
    comp.to_disk(tmp_path / "roles")
    assert comp.from_disk(tmp_path / "roles") is comp


def test_roles_word_lists_round_trip_gives_identical_output(tmp_path: Path, nlp: Language) -> None:
    """``to_disk`` saves the role, title and honorific lists; a tagger restored from them agrees."""
    from quotemine.pipeline.roles import RoleTagger, RoleWords

    comp = nlp.get_pipe("quotemine_roles")
    assert isinstance(comp, RoleTagger)
    comp.to_disk(tmp_path / "roles")
    other = RoleTagger(nlp, "other")
    other.words = RoleWords(frozenset(), frozenset(), frozenset())
    other.from_disk(tmp_path / "roles")
    assert other.words == comp.words
    text = "French trade minister Claire Dubois met Omar Lind, a lecturer at the university, on Monday."
    with nlp.select_pipes(disable=["quotemine_roles"]):
        before = nlp(text)
    people_a = [dict(p) for p in comp(before)._.qm_people]
    with nlp.select_pipes(disable=["quotemine_roles"]):
        again = nlp(text)
    assert [dict(p) for p in other(again)._.qm_people] == people_a
    assert any(p["roles"] for p in people_a)


def test_roles_every_option_through_add_pipe() -> None:
    blank = spacy.blank("en")
    comp = blank.add_pipe("quotemine_roles", config={"spans_key": "my_roles"})
    assert comp.spans_key == "my_roles"
    assert "my_roles" in blank("Nothing here.").spans


def test_roles_error_handler_warns_by_default_and_can_raise(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacy.util import raise_error

    from quotemine.pipeline.roles import RoleTagger

    comp = RoleTagger(nlp, "quotemine_roles")

    def broken(doc: Doc) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(comp, "_tag", broken)
    doc = comp(spacy.blank("en")("President Farid Olimov spoke."))
    assert doc._.qm_warnings == ["role tagging failed: KeyError('boom')"]
    comp.set_error_handler(raise_error)
    with pytest.raises(KeyError):
        comp(spacy.blank("en")("President Farid Olimov spoke."))


# ---------------------------------------------------------------- the seed article, reviewed by hand
SEED_PEOPLE: dict[str, tuple[list[str], list[str], bool]] = {
    # name: (roles, affiliations, author)
    "Rashid G Abdullo": (["political analyst in Dushanbe"], [], True),
    "Imomali Rakhmonov": (["President"], [], False),
    "George W Bush": (["President"], [], False),
    "Jacques Chirac": ([], [], False),
    "Ashurbov Imomov": (["Leading Tajik lawyer and sociologist"], [], False),
    "Sanobar Shermatova": (
        ["commenting in the Russian newspaper Moskovskie Novosti"],
        ["Moskovskie Novosti"],
        False,
    ),
    "Shukhrat Sadiev": (
        [
            "lecturer at the department of history and international relations at the "
            "Russian-Tajik Slavic University"
        ],
        ["Russian-Tajik Slavic University"],
        False,
    ),
    "Michele Alliot-Marie": (["French defence minister"], [], False),
    "Saidamir Zukhurov": (["deputy prime minister"], [], False),
    "Sherali Khairulloev": (["defence chief"], [], False),
    "Talbak Nazarov": (["foreign ministry head"], [], False),
    "Iskandar Asadullaev": (
        ["former director of the president's Centre of Strategic Research"],
        ["Centre of Strategic Research"],
        False,
    ),
    "Dodojon Atovullo": (["exiled opposition journalist"], [], False),
}


@pytest.fixture(scope="module")
def seed_doc(nlp: Language) -> Doc:
    return nlp(SEED.read_text(encoding="utf-8"))


def test_seed_people_are_exactly_the_named_people(seed_doc: Doc) -> None:
    assert [p["name"] for p in seed_doc._.qm_people] == list(SEED_PEOPLE)
    assert [p["id"] for p in seed_doc._.qm_people] == [f"p{i}" for i in range(1, len(SEED_PEOPLE) + 1)]


@pytest.mark.parametrize("name", list(SEED_PEOPLE))
def test_seed_person_roles_affiliations_author(seed_doc: Doc, name: str) -> None:
    roles, affiliations, author = SEED_PEOPLE[name]
    assert _roles(seed_doc, name) == roles
    assert _affiliations(seed_doc, name) == affiliations
    assert _person(seed_doc, name)["author"] is author


def test_seed_mentions(seed_doc: Doc) -> None:
    text = seed_doc.text
    rakhmonov = _person(seed_doc, "Imomali Rakhmonov")
    assert [text[s:e] for s, e in rakhmonov["mentions"]] == ["Imomali Rakhmonov"] + ["Rakhmonov"] * 3
    bush = _person(seed_doc, "George W Bush")
    assert [text[s:e] for s, e in bush["mentions"]] == ["George W Bush", "Bush"]
    author = _person(seed_doc, "Rashid G Abdullo")
    assert [text[s:e] for s, e in author["mentions"]] == ["Rashid G", "Rashid G Abdullo"]
    for person in seed_doc._.qm_people:
        for s, e in person["mentions"]:
            assert text[s:e] in person["name"] or person["name"].endswith(text[s:e].split()[-1])


def test_seed_no_place_or_nationality_is_a_person_or_org(seed_doc: Doc) -> None:
    text = seed_doc.text
    mentioned = {text[s:e] for p in seed_doc._.qm_people for s, e in p["mentions"]}
    for word in ("Tajik", "Tajiks", "Dushanbe", "Russian", "Moscow", "Tajikistan", "Russia"):
        assert word not in mentioned
    org_mentions = {text[s:e] for o in seed_doc._.qm_orgs for s, e in o["mentions"]}
    assert "Dushanbe" not in org_mentions
    assert {e.label_ for e in seed_doc.ents if e.text == "Rakhmonov"} == {"PERSON"}


def test_seed_iwpr_acronym(seed_doc: Doc) -> None:
    text = seed_doc.text
    iwpr = [o for o in seed_doc._.qm_orgs if o["name"] == "Institute for War and Peace Reporting"]
    assert len(iwpr) == 1
    assert sum(text[s:e] == "IWPR" for s, e in iwpr[0]["mentions"]) == 3


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Its general secretary, Helen Okafor, said the offer was an insult.",
            "Helen Okafor",
            "general secretary",
        ),
        (
            "The company's chief executive, Lars Holm, said the bridge would open.",
            "Lars Holm",
            "chief executive",
        ),
    ],
)
def test_roles_role_before_an_apposed_name(nlp: Language, text: str, name: str, role: str) -> None:
    assert _roles(nlp(text), name) == [role]


def test_roles_no_role_from_a_plain_noun_before_an_apposed_name(nlp: Language) -> None:
    assert _roles(nlp("His friend, Tom Lee, said nothing."), "Tom Lee") == []


# ---------------------------------------------------------------- issue 11 constructions (invented)
@pytest.mark.parametrize(
    "text, name, role, affiliations",
    [
        (
            "Treasury Secretary Jane Roe said the plan would work.",
            "Jane Roe",
            "Secretary",
            ["Treasury"],
        ),
        (
            "Tom Birch, the chairman of the Senate Ethics Committee, disagreed.",
            "Tom Birch",
            "chairman of the Senate Ethics Committee",
            ["Senate Ethics Committee"],
        ),
        (
            "The Brannock Foundation's director of policy, Lisa Venn, said no.",
            "Lisa Venn",
            "director of policy",
            ["Brannock Foundation"],
        ),
        (
            "Mara Quell, who heads the Orvald Institute, said no.",
            "Mara Quell",
            "head",
            ["Orvald Institute"],
        ),
        (
            "Ann Moss, the Labour Party's nominee, won the seat.",
            "Ann Moss",
            "nominee",
            ["Labour Party"],
        ),
        ("Quarterback Rick Mabe threw two passes.", "Rick Mabe", "Quarterback", []),
        ("Former Governor Ellen Tass spoke on Monday.", "Ellen Tass", "Former Governor", []),
    ],
)
def test_roles_constructions(nlp: Language, text: str, name: str, role: str, affiliations: list[str]) -> None:
    doc = nlp(text)
    assert _roles(doc, name) == [role]
    assert _affiliations(doc, name) == affiliations


def test_roles_have_no_determiner(nlp: Language) -> None:
    doc = nlp("Nora Vale, a spokeswoman for the Ministry of Fisheries, said no.")
    assert _roles(doc, "Nora Vale") == ["spokeswoman for the Ministry of Fisheries"]
    assert _affiliations(doc, "Nora Vale") == ["Ministry of Fisheries"]


def test_roles_abbreviated_ranks_split_by_the_tokenizer(nlp: Language) -> None:
    doc = nlp("On Tuesday, Lt. Sam Ortt and Sgt. Dana Fill said the road was closed.")
    assert _roles(doc, "Sam Ortt") == ["Lt"]
    assert _roles(doc, "Dana Fill") == ["Sgt"]


def test_roles_plural_title_is_shared_by_a_list_of_names(nlp: Language) -> None:
    doc = nlp("Harmony Trust co-founders Ada Lind and Cy Pratt were honoured on Friday.")
    for name in ("Ada Lind", "Cy Pratt"):
        assert _roles(doc, name) == ["co-founders"]
        assert _affiliations(doc, name) == ["Harmony Trust"]


def test_roles_title_after_a_name_used_as_modifier(nlp: Language) -> None:
    doc = nlp("Walter Grey met voters. The Grey campaign manager, Peter Ivers, said the event was a success.")
    assert _roles(doc, "Peter Ivers") == ["campaign manager"]


@pytest.mark.parametrize(
    "text, name, org",
    [
        ("Ned Harlow of the Marlin Group said no.", "Ned Harlow", "Marlin Group"),
        ("Kit Brand at Tarwell Capital said the deal was off.", "Kit Brand", "Tarwell Capital"),
        ("Jo Kemp (Brightwater Partners) said no.", "Jo Kemp", "Brightwater Partners"),
        ("The Marlin Group's Ned Harlow said no.", "Ned Harlow", "Marlin Group"),
        ("Ivo Dunn, who works for Pinecrest Bank, said no.", "Ivo Dunn", "Pinecrest Bank"),
    ],
)
def test_affiliation_constructions_without_a_role(nlp: Language, text: str, name: str, org: str) -> None:
    doc = nlp(text)
    assert _affiliations(doc, name) == [org]
    assert org in {o["name"] for o in doc._.qm_orgs}


def test_no_affiliation_from_a_place_or_a_later_clause(nlp: Language) -> None:
    doc = nlp("Ivo Dunn, who lives in Dorrin, said the Pinecrest Bank was wrong.")
    assert _affiliations(doc, "Ivo Dunn") == []


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Rob Fenn, 26, a protester, said he was hit.", "Rob Fenn", "protester"),
        (
            "Sen. Ada Kross, R-Iowa, the chairman of the Senate Finance Committee, objected.",
            "Ada Kross",
            "chairman of the Senate Finance Committee",
        ),
        (
            "Ivo Dunn, who is the treasurer of the Kelworth Rowing Club, said no.",
            "Ivo Dunn",
            "treasurer of the Kelworth Rowing Club",
        ),
        (
            "Tina Holt served as treasurer of the Kelworth Rowing Club for a decade.",
            "Tina Holt",
            "treasurer of the Kelworth Rowing Club",
        ),
        (
            "Peter Walsh was named chairman of the Kelworth Rowing Club in 2010.",
            "Peter Walsh",
            "chairman of the Kelworth Rowing Club",
        ),
        ("Ruth Penn, the Liberal front-runner, was critical.", "Ruth Penn", "Liberal front-runner"),
    ],
)
def test_roles_after_asides_clauses_and_verbs(nlp: Language, text: str, name: str, role: str) -> None:
    assert role in _roles(nlp(text), name)


def test_no_role_from_a_plain_verb_phrase(nlp: Language) -> None:
    assert _roles(nlp("Tina Holt served as a reminder of the old days."), "Tina Holt") == []
    assert _roles(nlp("Rob Fenn, 26, said he was hit."), "Rob Fenn") == []


def test_role_apposition_ends_at_its_relative_clause(nlp: Language) -> None:
    doc = nlp("The same could not be said for Rakeem Ode, 26, a protester who was punched in the face.")
    assert _roles(doc, "Rakeem Ode") == ["protester"]


def test_affiliation_from_an_organisation_possessive_glued_to_the_name(nlp: Language) -> None:
    doc = nlp("As the Daily Courier's Ravi Mehta wrote, the vote was close.")
    assert _affiliations(doc, "Ravi Mehta") == ["Daily Courier"]


@pytest.mark.parametrize(
    "text, role",
    [
        ("On Monday Senator Ann Voss said no.", "Senator"),
        ("After the vote Labour leader Ann Voss said no.", "Labour leader"),
    ],
)
def test_title_takes_no_adjacent_word_outside_it(nlp: Language, text: str, role: str) -> None:
    assert _roles(nlp(text), "Ann Voss") == [role]


def test_organisation_named_only_after_a_role_becomes_an_organisation(nlp: Language) -> None:
    doc = nlp("Ana Pell, a lecturer at Kelworth, said no.")
    assert _affiliations(doc, "Ana Pell") == ["Kelworth"]
    client = nlp("Ana Pell, a lawyer for Tom Rusk, said no.")
    assert _affiliations(client, "Ana Pell") == []
    assert "Tom Rusk" in {p["name"] for p in client._.qm_people}


def test_organisation_the_ner_cut_after_of_runs_on_and_is_the_affiliation(nlp: Language) -> None:
    doc = nlp(
        "Archbishop Aram Vell of the Kessarian Patriarchate of Dorrin told reporters the vote was close."
    )
    assert _roles(doc, "Aram Vell") == ["Archbishop"]
    assert _affiliations(doc, "Aram Vell") == ["Kessarian Patriarchate of Dorrin"]


def test_as_role_keeps_no_phrase_that_names_no_organisation(nlp: Language) -> None:
    doc = nlp("Walter Grey surged as the Orvald Party's front-runner on his platform of lower taxes.")
    assert _roles(doc, "Walter Grey") == ["front-runner"]


def test_role_is_cut_before_an_unclosed_bracket(nlp: Language) -> None:
    doc = nlp("Mara Lind is a former chairman of the Kelworth Council of Dorrin County (Calif.).")
    assert _roles(doc, "Mara Lind") == ["former chairman of the Kelworth Council of Dorrin County"]


def test_role_a_person_reports_of_himself_or_herself(nlp: Language) -> None:
    doc = nlp(
        "In a speech on Friday, Ann Voss claimed momentum and argued she is a stronger general "
        "election candidate than Tom Rusk."
    )
    assert _roles(doc, "Ann Voss") == ["stronger general election candidate"]
    assert _roles(doc, "Tom Rusk") == []


def test_no_reported_role_for_a_pronoun_of_the_other_gender(nlp: Language) -> None:
    assert _roles(nlp("Ann Voss said he is the treasurer."), "Ann Voss") == []


def test_predicate_role_leaves_out_a_duration(nlp: Language) -> None:
    assert _roles(nlp("Ann Voss said she was a nurse for ten years."), "Ann Voss") == ["nurse"]


def test_role_from_a_definite_description_of_the_one_person_just_named(nlp: Language) -> None:
    doc = nlp("Ann Voss won the primary in Dorrin on Tuesday. The senator said the result was clear.")
    assert _roles(doc, "Ann Voss") == ["senator"]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Voss met Tom Rusk on Tuesday. The senator said the result was clear.",
        "Tom Rusk won on Tuesday. The congresswoman said the result was clear.",
        "Press secretary Tim Boyle said the president was busy all week.",
    ],
)
def test_no_role_from_a_description_when_the_person_is_in_doubt(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert all(
        not any("senator" in r or "congresswoman" in r or "president" in r for r in _roles_of(doc, p))
        for p in doc._.qm_people
    )
