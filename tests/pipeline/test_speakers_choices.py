"""Speaker resolution where two or more plausible people (or a person and a body) compete.

Found by genre probes (court, sports, business, family features): people who share a surname, a
company named after its founder, a description whose qualifier tells two office holders apart.
Every sentence is written for these tests; names, organisations and places are invented.
"""

from __future__ import annotations

import pytest
import spacy
from tests.speaking import Case, at, who

from quotemine.extensions import register_extensions
from quotemine.pipeline.speakers import Attributor
from quotemine.pipeline.speakers.nouns import person_noun


@pytest.fixture(scope="module")
def attributor() -> Attributor:
    register_extensions()
    return Attributor(spacy.blank("en"), "quotemine_attribution")


def _relink(case: Case, name: str, mention: str, nth: int) -> list[str | None]:
    """Resolve ``case`` after moving the ``nth`` bare ``mention`` to the person ``name``.

    The entity stage links a bare surname to one namesake, often the last one named: this puts
    the link where a test needs it.
    """
    doc = case.doc()
    span = at(case.text, mention, nth)
    for person in doc._.qm_people:
        person["mentions"] = [m for m in person["mentions"] if m != span]
        if person["name"] == name:
            person["mentions"].append(span)
    doc = Attributor(spacy.blank("en"), "quotemine_attribution")(doc)
    return [q["speaker"]["person_id"] or q["speaker"].get("organization_id") for q in doc._.qm_quotes]


_FAMILY = (
    "Martha Tenby, who founded the bakery, said the oven had failed. "
    '"We lost a week of bread," Tenby said.\n\n'
    "Her son, Rupert Tenby, runs the delivery van.\n\n"
    '"We will reopen on Monday," Tenby said.'
)


def test_a_shared_surname_is_the_namesake_introduced_first(attributor: Attributor) -> None:
    register_extensions()
    case = Case(
        _FAMILY,
        people={"Martha Tenby": [], "Rupert Tenby": []},
        quotes=[("Tenby", 3, "We will reopen on Monday,", "direct")],
    )
    assert _relink(case, "Rupert Tenby", "Tenby", 3) == ["p1"]


@pytest.mark.parametrize(
    ("said", "quote", "expected"),
    [
        # "Mr." picks the namesake of its gender
        ('"The van is fine," Mr. Tenby said.', ("Tenby", 2, "The van is fine,", "direct"), "p2"),
        # "Mrs." against the linked namesake takes the other
        ('"The oven is fixed," Mrs. Tenby said.', ("Mrs. Tenby", 0, "The oven is fixed,", "direct"), "p1"),
    ],
    ids=["picks_the_namesake_of_its_gender", "against_the_linked_namesake_takes_the_other"],
)
def test_an_honorific_picks_the_namesake(
    attributor: Attributor, said: str, quote: tuple[str, int, str, str], expected: str
) -> None:
    register_extensions()
    text = (
        "Martha Tenby, who founded the bakery, said the oven had failed.\n\n"
        "Her son, Rupert Tenby, runs the delivery van.\n\n" + said
    )
    case = Case(text, people={"Martha Tenby": [], "Rupert Tenby": []}, quotes=[quote])
    assert _relink(case, "Rupert Tenby", "Tenby", 2) == [expected]


def test_the_full_name_of_a_later_namesake_stays_theirs(attributor: Attributor) -> None:
    text = (
        "Martha Tenby, who founded the bakery, said the oven had failed.\n\n"
        '"The van is fine," said Rupert Tenby, her son.'
    )
    case = Case(
        text,
        people={"Martha Tenby": [], "Rupert Tenby": []},
        quotes=[("Rupert Tenby", 0, "The van is fine,", "direct")],
    )
    assert who(attributor, case) == ["p2"]


def test_a_company_named_after_a_person_is_the_company(attributor: Attributor) -> None:
    text = (
        "Tenby Bakeries was founded by Martha Tenby in 1990.\n\n"
        "Tenby Bakeries said on Friday it would close two shops."
    )
    doc = Case(
        text,
        people={"Martha Tenby": []},
        orgs=["Tenby Bakeries"],
        quotes=[("Tenby Bakeries", 1, "it would close two shops", "indirect")],
    ).doc()
    # the entity stage took the second "Tenby" for the founder
    doc._.qm_people[0]["mentions"].append(at(text, "Tenby", 2))
    doc = attributor(doc)
    assert doc._.qm_quotes[0]["speaker"]["organization_id"] == "o1"
    assert doc._.qm_quotes[0]["speaker"]["person_id"] is None


def test_a_compound_in_man_woman_or_person_names_one_person() -> None:
    assert person_noun("boatman") and person_noun("chairperson") and person_noun("horsewoman")
    assert not person_noun("harbour")


_SENATE = (
    "Senator Ada Brisk, a Republican, and Senator Noor Quell, a Democrat, met on Monday.\n\n"
    '"The bridge is too costly," Brisk said.\n\n'
    "The senator from Kelderland has fought the bridge for years. "
    '"I will not stop now," the senator said.'
)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        pytest.param(
            Case(
                "Martha Tenby of Harwick said the oven had failed.",
                people={"Martha Tenby": []},
                quotes=[("Martha Tenby of Harwick", 0, "the oven had failed", "indirect")],
            ),
            ["p1"],
            id="a_person_named_in_a_longer_mention_is_still_the_speaker",
        ),
        pytest.param(
            Case(
                "Transport Minister Ilka Varn promised new trams. "
                "Doro Selm, the chief minister, backed her.\n\n"
                '"The trams will come," Varn said.\n\n'
                '"The budget is fixed," the chief minister said.',
                people={"Ilka Varn": ["Varn"], "Doro Selm": []},
                roles={"Ilka Varn": ["Transport Minister"], "Doro Selm": ["chief minister"]},
                quotes=[
                    ("Varn", 1, "The trams will come,", "direct"),
                    ("the chief minister", 0, "The budget is fixed,", "direct"),
                ],
            ),
            ["p1", "p2"],
            id="a_qualifier_before_the_head_tells_two_office_holders_apart",
        ),
        pytest.param(
            Case(
                "Transport Minister Ilka Varn promised new trams.\n\n"
                '"The trams will come," Varn said.\n\n'
                '"The budget is fixed," the embattled minister said.',
                people={"Ilka Varn": ["Varn"]},
                roles={"Ilka Varn": ["Transport Minister"]},
                quotes=[
                    ("Varn", 1, "The trams will come,", "direct"),
                    ("the embattled minister", 0, "The budget is fixed,", "direct"),
                ],
            ),
            ["p1", "p1"],
            id="a_qualifier_no_candidate_holds_sets_no_one_apart",
        ),
        pytest.param(
            Case(
                _SENATE,
                people={"Ada Brisk": ["Brisk"], "Noor Quell": []},
                roles={"Ada Brisk": ["Senator"], "Noor Quell": ["Senator"]},
                quotes=[
                    ("Brisk", 1, "The bridge is too costly,", "direct"),
                    ("The senator", 0, "has fought the bridge for years", "indirect"),
                    ("the senator", 0, "I will not stop now,", "direct"),
                ],
            ),
            ["p1", None, None],
            id="a_description_with_a_place_no_candidate_is_from_stays_unresolved",
        ),
        pytest.param(
            # only the second quote has a speaker mention; the first "The senator" is not a quote here
            Case(
                _SENATE,
                people={"Ada Brisk": ["Brisk"], "Noor Quell": []},
                roles={"Ada Brisk": ["Senator"], "Noor Quell": ["Senator"]},
                quotes=[
                    ("Brisk", 1, "The bridge is too costly,", "direct"),
                    ("the senator", 0, "I will not stop now,", "direct"),
                ],
            ),
            ["p1", "p1"],  # no unresolved senator spoke: the last one heard
            id="the_same_description_after_an_unresolved_one_is_not_the_last_speaker",
        ),
        pytest.param(
            Case(
                "Senator Ada Brisk of Kelderland and Senator Noor Quell met on Monday.\n\n"
                '"The bridge is too costly," the senator from Kelderland said.',
                people={"Ada Brisk": [], "Noor Quell": []},
                roles={"Ada Brisk": ["Senator"], "Noor Quell": ["Senator"]},
                quotes=[("the senator", 0, "The bridge is too costly,", "direct")],
            ),
            ["p1"],
            id="a_description_from_a_place_the_person_is_from_resolves",
        ),
        pytest.param(
            Case(
                "Senator Ada Brisk spoke on Monday.\n\n"
                '"The bridge is too costly," the senator from Kelderland said.',
                people={"Ada Brisk": []},
                roles={"Ada Brisk": ["Senator"]},
                quotes=[("the senator", 0, "The bridge is too costly,", "direct")],
            ),
            ["p1"],
            id="the_one_senator_needs_no_stated_place",
        ),
        pytest.param(
            Case(
                "Fjellco Ferries runs six boats on the sound.\n\n"
                "Fjellco said on Friday that fares would rise.",
                orgs=["Fjellco Ferries"],
                quotes=[("Fjellco", 1, "fares would rise", "indirect")],
            ),
            ["o1"],
            id="a_body_called_by_the_first_word_of_its_name",
        ),
        pytest.param(
            Case(
                "Morwen Lusk founded Morwen Textiles in 1990.\n\n"
                "Morwen said on Friday that the mill would close.",
                people={"Morwen Lusk": []},
                orgs=["Morwen Textiles"],
                quotes=[("Morwen", 2, "the mill would close", "indirect")],
            ),
            [None],
            id="the_first_word_of_a_body_that_is_also_a_first_name_stays_unresolved",
        ),
    ],
)
def test_the_speaker_among_competing_candidates(
    attributor: Attributor, case: Case, expected: list[str | None]
) -> None:
    assert who(attributor, case) == expected
