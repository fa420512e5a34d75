"""Speaker resolution rules (``quotemine.pipeline.speakers``), one behaviour per test.

Every sentence here is written for these tests; names and organisations are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from tests.speaking import Case, at, who

from quotemine.extensions import register_extensions
from quotemine.pipeline.speakers import Attributor, DocIndex, Resolver
from quotemine.pipeline.speakers.index import MentionRole, content_words


@pytest.fixture(scope="module")
def attributor() -> Attributor:
    register_extensions()
    return Attributor(spacy.blank("en"), "quotemine_attribution")


def test_an_organisation_named_as_the_speaker_speaks(attributor: Attributor) -> None:
    case = Case(
        "Costs rose by a third, according to the Harbor Fiscal Bureau.",
        orgs=["Harbor Fiscal Bureau"],
        quotes=[("the Harbor Fiscal Bureau", 0, "Costs rose by a third", "indirect")],
    )
    doc = attributor(case.doc())
    speaker = doc._.qm_quotes[0]["speaker"]
    assert (speaker["person_id"], speaker["organization_id"]) == (None, "o1")


def test_a_person_named_with_their_organisation_is_the_speaker(attributor: Attributor) -> None:
    case = Case(
        "Norvale Air pilot Dana Pell said the runway was icy.",
        people={"Dana Pell": []},
        orgs=["Norvale Air"],
        quotes=[("Norvale Air pilot Dana Pell", 0, "the runway was icy", "indirect")],
    )
    assert who(attributor, case) == ["p1"]


def test_the_airline_is_the_organisation_not_its_chief(attributor: Attributor) -> None:
    case = Case(
        "Tomas Reel, who runs the budget airline Skyvane, said fares would rise. "
        "The airline announced it had added flights.",
        people={"Tomas Reel": []},
        orgs=["Skyvane"],
        quotes=[
            ("Tomas Reel", 0, "fares would rise", "indirect"),
            ("The airline", 0, "it had added flights", "indirect"),
        ],
    )
    assert who(attributor, case) == ["p1", "o1"]


def test_the_bank_is_the_organisation_with_bank_in_its_name(attributor: Attributor) -> None:
    case = Case(
        "Corvin Bank cut its rates on Friday. Analyst Mira Soll called it overdue.\n\n"
        "The bank said savers would gain.",
        people={"Mira Soll": []},
        orgs=["Corvin Bank"],
        quotes=[("The bank", 0, "savers would gain", "indirect")],
        unnamed={"The bank"},
    )
    assert who(attributor, case) == ["o1"]


def test_the_company_takes_the_one_organisation_named_nearby(attributor: Attributor) -> None:
    case = Case(
        "Pellmore Foods recalled its soup.\n\nThe company said no one fell ill.",
        orgs=["Pellmore Foods"],
        quotes=[("The company", 0, "no one fell ill", "indirect")],
        unnamed={"The company"},
    )
    assert who(attributor, case) == ["o1"]


def test_the_company_stays_unresolved_between_two_organisations(attributor: Attributor) -> None:
    case = Case(
        "Pellmore Foods sued Danvik Mills.\n\nThe company said the contract was void.",
        orgs=["Pellmore Foods", "Danvik Mills"],
        quotes=[("The company", 0, "the contract was void", "indirect")],
        unnamed={"The company"},
    )
    assert who(attributor, case) == [None]


def test_it_takes_the_organisation_that_spoke(attributor: Attributor) -> None:
    case = Case(
        "Danvik Mills said output fell. It said prices would hold.",
        orgs=["Danvik Mills"],
        quotes=[("Danvik Mills", 0, "output fell", "indirect"), ("It", 0, "prices would hold", "indirect")],
    )
    assert who(attributor, case) == ["o1", "o1"]


def test_she_skips_the_last_speaker_when_he_is_a_man(attributor: Attributor) -> None:
    case = Case(
        "Mr. Ivo Kest said the talks had failed. Ms. Hala Brun disagreed.\n\nShe said a deal was close.",
        people={"Ivo Kest": [], "Hala Brun": []},
        quotes=[
            ("Ivo Kest", 0, "the talks had failed", "indirect"),
            ("She", 0, "a deal was close", "indirect"),
        ],
    )
    assert who(attributor, case) == ["p1", "p2"]


def test_a_gendered_role_gives_the_gender(attributor: Attributor) -> None:
    case = Case(
        "Congresswoman Ada Vell and Rudi Holm met. Holm said little.\n\nShe said the bill would pass.",
        people={"Ada Vell": [], "Rudi Holm": ["Holm"]},
        roles={"Ada Vell": ["Congresswoman"]},
        quotes=[("Holm", 1, "little", "indirect"), ("She", 0, "the bill would pass", "indirect")],
    )
    assert who(attributor, case) == ["p2", "p1"]


def test_a_pronoun_never_takes_a_name_inside_a_direct_quote(attributor: Attributor) -> None:
    case = Case(
        'Hala Brun spoke at noon. "Ivo Kest is wrong about this," she said.',
        people={"Hala Brun": [], "Ivo Kest": []},
        quotes=[("she", 0, "Ivo Kest is wrong about this,", "direct")],
    )
    assert who(attributor, case) == ["p1"]


def test_a_name_in_reported_content_may_be_the_pronoun_speaker(attributor: Attributor) -> None:
    case = Case(
        "Ivo Kest spoke first.\n\nAt the hearing, Mr. Aron Tull was stunned by the vote, he said later.",
        people={"Ivo Kest": [], "Aron Tull": []},
        quotes=[
            ("Ivo Kest", 0, "first", "indirect"),
            ("he", 0, "At the hearing, Mr. Aron Tull was stunned by the vote", "indirect"),
        ],
    )
    assert who(attributor, case) == ["p1", "p2"]


def test_a_bare_surname_the_entities_missed_still_counts_for_a_pronoun(attributor: Attributor) -> None:
    case = Case(
        "Karl Brandt and Omar Lind met on Monday.\n\nBrandt is digging in. He said the fight would go on.",
        people={"Karl Brandt": [], "Omar Lind": []},
        quotes=[("He", 0, "the fight would go on", "indirect")],
    )
    assert who(attributor, case) == ["p1"]


def test_a_capitalised_surname_marked_unnamed_still_resolves(attributor: Attributor) -> None:
    case = Case(
        "Karl Brandt arrived late. Brandt said the vote was rigged.",
        people={"Karl Brandt": []},
        quotes=[("Brandt", 1, "the vote was rigged", "indirect")],
        unnamed={"Brandt"},
    )
    assert who(attributor, case) == ["p1"]


@pytest.mark.parametrize(
    ("mention", "expected"), [("The Lakeland Liberal", "p1"), ("The Marsh Liberal", "p2")]
)
def test_a_description_from_an_apposition_or_a_modifier(
    attributor: Attributor, mention: str, expected: str
) -> None:
    text = (
        "Dana Pell, the Lakeland Liberal, voted yes. Marsh Liberal Omar Lind voted no.\n\n"
        "The Lakeland Liberal said the vote was fair. The Marsh Liberal said it was not."
    )
    case = Case(
        text,
        people={"Dana Pell": [], "Omar Lind": []},
        quotes=[(mention, 0, "the vote was fair" if "Lakeland" in mention else "it was not", "indirect")],
    )
    assert who(attributor, case) == [expected]


def test_an_abbreviated_title_matches_its_full_word(attributor: Attributor) -> None:
    case = Case(
        "Sen. Ruth Amsel and Omar Lind spoke.\n\nThe senator said the budget was late.",
        people={"Ruth Amsel": [], "Omar Lind": []},
        roles={"Ruth Amsel": ["Sen."]},
        quotes=[("The senator", 0, "the budget was late", "indirect")],
    )
    assert who(attributor, case) == ["p1"]


def test_a_gendered_description_skips_a_person_of_the_other_gender(attributor: Attributor) -> None:
    case = Case(
        "Mr. Omar Lind, a congressman, and Ms. Ruth Amsel, a congresswoman, spoke.\n\n"
        "The congresswoman said the budget was late.",
        people={"Omar Lind": [], "Ruth Amsel": []},
        quotes=[("The congresswoman", 0, "the budget was late", "indirect")],
    )
    assert who(attributor, case) == ["p2"]


def test_of_two_people_a_description_fits_the_last_speaker_among_them(attributor: Attributor) -> None:
    case = Case(
        "Sen. Ruth Amsel met Sen. Ivo Kest. Amsel said the deal was dead.\n\n"
        "The senator said talks would go on.",
        people={"Ruth Amsel": ["Amsel"], "Ivo Kest": []},
        roles={"Ruth Amsel": ["Sen."], "Ivo Kest": ["Sen."]},
        quotes=[
            ("Amsel", 1, "the deal was dead", "indirect"),
            ("The senator", 0, "talks would go on", "indirect"),
        ],
    )
    assert who(attributor, case) == ["p1", "p1"]


def test_a_description_never_names_someone_introduced_later(attributor: Attributor) -> None:
    case = Case(
        "The senator said the deal was dead. Later, Sen. Ruth Amsel arrived.",
        people={"Ruth Amsel": []},
        roles={"Ruth Amsel": ["Sen."]},
        quotes=[("The senator", 0, "the deal was dead", "indirect")],
    )
    assert who(attributor, case) == [None]


def test_which_takes_the_organisation_its_antecedent_describes(attributor: Attributor) -> None:
    text = "Corvin Bank reported a loss. Critics blamed the bank, which said markets were to blame."
    case = Case(
        text,
        orgs=["Corvin Bank"],
        quotes=[("which", 0, "markets were to blame", "indirect")],
    )
    doc = case.doc()
    doc._.qm_quotes[0]["speaker"]["antecedent"] = at(text, "the bank")
    speaker = attributor(doc)._.qm_quotes[0]["speaker"]
    assert speaker["organization_id"] == "o1"


def test_i_outside_quotes_is_the_bylined_writer(attributor: Attributor) -> None:
    case = Case(
        "By Nora Fisk\n\nMy neighbour Ivo Kest keeps bees. I said the hives were too close.",
        people={"Nora Fisk": [], "Ivo Kest": []},
        quotes=[("I", 0, "the hives were too close", "indirect")],
    )
    doc = case.doc()
    doc._.qm_people[0]["author"] = True
    assert attributor(doc)._.qm_quotes[0]["speaker"]["person_id"] == "p1"


def test_a_non_agent_mention_stays_unresolved(attributor: Attributor) -> None:
    case = Case(
        "Karl Brandt wrote the memo. The passage said costs would rise.",
        people={"Karl Brandt": []},
        quotes=[("The passage", 0, "costs would rise", "indirect")],
    )
    assert who(attributor, case) == [None]


def test_a_subject_is_more_salient_than_an_object_named_after_it() -> None:
    text = "Karl Brandt thanked Omar Lind. He said more."
    people: list[Any] = [
        {"id": "p1", "name": "Karl Brandt", "mentions": [at(text, "Karl Brandt")], "roles": []},
        {"id": "p2", "name": "Omar Lind", "mentions": [at(text, "Omar Lind")], "roles": []},
    ]
    subjects = {tuple(at(text, "Karl Brandt"))}
    index = DocIndex.build(text, people, role_of=lambda s, e: "subject" if (s, e) in subjects else "other")
    assert Resolver(index, frozenset(), 1).salient(at(text, "He")[0], "person", "male") == "p1"
    plain = DocIndex.build(text, people)
    assert Resolver(plain, frozenset(), 1).salient(at(text, "He")[0], "person", "male") == "p2"


def test_description_words_expand_titles_and_drop_function_words() -> None:
    assert content_words("the Sen. of Lakeland's") == ["senator", "lakeland"]


def test_a_resolved_organisation_reaches_the_report(attributor: Attributor) -> None:
    from quotemine.report import build_report

    case = Case(
        "Prices will rise, the Harbor Fiscal Bureau said.",
        orgs=["Harbor Fiscal Bureau"],
        quotes=[("the Harbor Fiscal Bureau", 0, "Prices will rise", "indirect")],
    )
    report = build_report(attributor(case.doc()))
    speaker = report.quotes[0].speaker
    assert speaker is not None
    assert (speaker.person_id, speaker.organization_id) == (None, "o1")


def test_the_one_a_question_is_put_to_answers_it() -> None:
    text = "Ivo Kest was asked by Dana Pell whether the bill would pass. He said the votes were there."
    people: list[Any] = [
        {"id": "p1", "name": "Dana Pell", "mentions": [at(text, "Dana Pell")], "roles": []},
        {"id": "p2", "name": "Ivo Kest", "mentions": [at(text, "Ivo Kest")], "roles": []},
    ]
    roles: dict[tuple[int, int], MentionRole] = {
        tuple(at(text, "Dana Pell")): "other",  # type: ignore[dict-item]
        tuple(at(text, "Ivo Kest")): "asked",  # type: ignore[dict-item]
    }
    index = DocIndex.build(text, people, role_of=lambda s, e: roles[(s, e)])
    assert Resolver(index, frozenset(), 1).salient(at(text, "He")[0], "person", None) == "p2"


def test_the_one_who_asks_does_not_take_over_from_the_last_speaker() -> None:
    text = "Ivo Kest said the bill would pass. Dana Pell asked whether it was funded. He said it was."
    people: list[Any] = [
        {"id": "p1", "name": "Ivo Kest", "mentions": [at(text, "Ivo Kest")], "roles": []},
        {"id": "p2", "name": "Dana Pell", "mentions": [at(text, "Dana Pell")], "roles": []},
    ]
    roles: dict[tuple[int, int], MentionRole] = {
        tuple(at(text, "Ivo Kest")): "subject",  # type: ignore[dict-item]
        tuple(at(text, "Dana Pell")): "asker",  # type: ignore[dict-item]
    }
    index = DocIndex.build(text, people, role_of=lambda s, e: roles[(s, e)])
    index.remember(at(text, "Ivo Kest")[0], "p1")
    assert Resolver(index, frozenset(), 1).salient(at(text, "He")[0], "person", None) == "p1"


def test_a_surname_that_is_also_a_common_word_is_no_bare_mention(attributor: Attributor) -> None:
    case = Case(
        "Karl Young and Omar Lind met on Monday.\n\nYoung voters cheered. He said the fight would go on.",
        people={"Karl Young": [], "Omar Lind": []},
        quotes=[("He", 0, "the fight would go on", "indirect")],
    )
    plain = who(attributor, case)
    case.text = case.text.replace("cheered.", "cheered, and young people too.")
    assert plain == ["p1"]
    assert who(attributor, case) == ["p2"]  # "Young" is no mention: the last person named


def test_a_plural_organisation_name_fits_a_singular_description(attributor: Attributor) -> None:
    case = Case(
        "Skyvane Airlines cut fares.\n\nThe airline reported that demand was strong.",
        orgs=["Skyvane Airlines"],
        quotes=[("The airline", 0, "demand was strong", "indirect")],
    )
    assert who(attributor, case) == ["o1"]


def test_a_description_fitting_two_people_named_long_ago_stays_unresolved(attributor: Attributor) -> None:
    case = Case(
        "Sen. Ruth Amsel met Sen. Ivo Kest.\n\nThe vote was close.\n\nCosts rose.\n\n"
        "The senator said talks would go on.",
        people={"Ruth Amsel": [], "Ivo Kest": []},
        roles={"Ruth Amsel": ["Sen."], "Ivo Kest": ["Sen."]},
        quotes=[("The senator", 0, "talks would go on", "indirect")],
    )
    assert who(attributor, case) == [None]


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        (
            "Tomas Reel runs Skyvane Airlines. The airline announced it had added twelve flights.",
            "The airline",
            "Skyvane",
        ),
        (
            "Spending on roads will double by 2030, according to the Harbor Fiscal Bureau.",
            "the Harbor",
            "Harbor",
        ),
        (
            "Reporter Dana Pell asked Senator Ivo Kest whether the bill would pass. "
            "He said the votes were there.",
            "He",
            "Ivo Kest",
        ),
        (
            "Mayor Ivo Kest spoke at the rally. Nora Fisk, a teacher, thanked him.\n\n"
            "She said the school needed a new roof.",
            "She",
            "Nora Fisk",
        ),
    ],
)
def test_speakers_of_parsed_sentences(extractor: Any, text: str, speaker: str, name: str) -> None:
    report = extractor.extract(text)
    names = {p.id: p.name for p in report.people} | {o.id: o.name for o in report.organizations}
    (quote,) = [q for q in report.quotes if q.speaker is not None and q.speaker.text.startswith(speaker)]
    assert quote.speaker is not None
    assert name in names[quote.speaker.person_id or quote.speaker.organization_id or ""]


def test_a_gendered_title_takes_the_one_person_of_that_gender(attributor: Attributor) -> None:
    case = Case(
        "Mr. Ivo Kest met Ms. Nora Fisk at the council.\n\nThe councilwoman said she would vote no.",
        people={"Ivo Kest": [], "Nora Fisk": []},
        quotes=[("The councilwoman", 0, "she would vote no", "indirect")],
    )
    assert who(attributor, case) == ["p2"]


def test_a_gendered_title_stays_unresolved_beside_someone_of_unknown_gender(attributor: Attributor) -> None:
    case = Case(
        "Ms. Nora Fisk met Robin Vale at the council.\n\nThe councilwoman said she would vote no.",
        people={"Nora Fisk": [], "Robin Vale": []},
        quotes=[("The councilwoman", 0, "she would vote no", "indirect")],
    )
    assert who(attributor, case) == [None]


@pytest.mark.parametrize(
    "text",
    [
        "The passage says that the river flooded the town twice.",
        "Ivo Kest wrote a memo. The combination suggests that costs will rise sharply.",
        "Some evidence suggests that the mayor lied about the budget.",
    ],
)
def test_a_non_agent_subject_is_no_speaker(extractor: Any, text: str) -> None:
    report = extractor.extract(text)
    assert report.quotes and all(q.speaker is None for q in report.quotes)


def test_a_coordinated_pronoun_is_a_group_not_the_last_person(extractor: Any) -> None:
    report = extractor.extract(
        "Chris Dale spoke at the rally.\n\nLater, a guard pushed a photographer out of the hall, "
        "he and a colleague said."
    )
    (quote,) = report.quotes
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.unnamed, quote.speaker.person_id) == (
        "he and a colleague",
        True,
        None,
    )


def test_an_unnamed_pronoun_is_not_resolved(attributor: Attributor) -> None:
    case = Case(
        "Ivo Kest spoke first. He and his aide said the deal was off.",
        people={"Ivo Kest": []},
        quotes=[("He", 0, "the deal was off", "indirect")],
        unnamed={"He"},
    )
    assert who(attributor, case) == [None]


def test_of_two_parsed_subjects_the_one_next_to_the_verb_speaks(extractor: Any) -> None:
    report = extractor.extract(
        'Portville (QNS) – Mayor Ivo Kest has criticised the plan, saying that it "would ruin the '
        'harbour for everyone."'
    )
    speakers = {q.speaker.text for q in report.quotes if q.speaker is not None}
    assert speakers == {"Mayor Ivo Kest"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The sudden vote led several council members to warn that the budget would collapse.",
            "several council members",
        ),
        ("The report prompted Ivo Kest to say that the harbour was safe.", "Ivo Kest"),
    ],
)
def test_the_object_that_controls_an_infinitive_cue_speaks(extractor: Any, text: str, speaker: str) -> None:
    (quote,) = extractor.extract(text).quotes
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_they_after_a_plural_organisation_speaker_is_that_organisation(attributor: Attributor) -> None:
    case = Case(
        "Varga Shipping Lines said the fares would rise.\n\nThey blamed the new fuel tax.",
        orgs=["Varga Shipping Lines"],
        quotes=[
            ("Varga Shipping Lines", 0, "the fares would rise", "indirect"),
            ("They", 0, "the new fuel tax", "indirect"),
        ],
    )
    assert who(attributor, case) == ["o1", "o1"]


def test_they_after_an_unnamed_group_is_an_unnamed_group(attributor: Attributor) -> None:
    case = Case(
        "Several harbour pilots said the channel was too shallow. They called the dredging plan a joke.",
        quotes=[
            ("Several harbour pilots", 0, "the channel was too shallow", "indirect"),
            ("They", 0, "the dredging plan a joke", "indirect"),
        ],
        unnamed={"Several harbour pilots"},
    )
    doc = attributor(case.doc())
    assert [q["speaker"]["person_id"] for q in doc._.qm_quotes] == [None, None]
    assert doc._.qm_quotes[1]["speaker"]["unnamed"] is True


@pytest.mark.parametrize(
    "text",
    [
        # the previous speaker is one person: "they" is someone else
        "Ilse Varga said the fares would rise. They blamed the new fuel tax.",
        # a plural organisation speaker too far back
        "Varga Shipping Lines said fares would rise.\n\nA ferry left.\n\nIt rained.\n\nThey blamed the tax.",
    ],
)
def test_they_stays_unresolved_without_a_plural_speaker_just_before(
    attributor: Attributor, text: str
) -> None:
    first = "Ilse Varga" if text.startswith("Ilse") else "Varga Shipping Lines"
    case = Case(
        text,
        people={"Ilse Varga": []} if first == "Ilse Varga" else {},
        orgs=[] if first == "Ilse Varga" else ["Varga Shipping Lines"],
        quotes=[(first, 0, "would rise", "indirect"), ("They", 0, "the", "indirect")],
    )
    assert who(attributor, case)[1] is None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("A spokesman for the port authority, Raul Kest, said the cranes were safe.", "A spokesman"),
        (
            "The coach of the Dunmore Herons, Raul Kest - who won the cup twice - said the season was over.",
            "The coach",
        ),
        ("Her brother, Raul Kest (a fisherman), said the boat was lost.", "Her brother"),
    ],
)
def test_a_name_in_apposition_to_a_described_speaker_speaks(
    attributor: Attributor, text: str, mention: str
) -> None:
    case = Case(
        text,
        people={"Raul Kest": []},
        quotes=[(mention, 0, "the", "indirect")],
        unnamed={"A spokesman"},
    )
    assert who(attributor, case) == ["p1"]


@pytest.mark.parametrize(
    "text",
    [
        # a list of people, not an apposition
        "Two fishermen, Raul Kest and Ivo Lind, said the boat was lost.",
        # the name is a new clause's subject
        "A spokesman declined to comment, Raul Kest said the boat was lost.",
    ],
)
def test_a_name_after_a_described_speaker_that_is_no_apposition_is_not_the_speaker(
    attributor: Attributor, text: str
) -> None:
    first = text.split(",")[0].split()
    mention = " ".join(first[:2])
    case = Case(text, people={"Raul Kest": []}, quotes=[(mention, 0, "the", "indirect")], unnamed={mention})
    assert who(attributor, case) == [None]


def test_a_possessive_description_takes_the_one_person_described_so(attributor: Attributor) -> None:
    case = Case(
        "My father, Leon Brask, fished the bay for forty years. Ivo Lind sold him nets.\n\n"
        "My father said the herring never came back.",
        people={"Leon Brask": [], "Ivo Lind": []},
        quotes=[("My father", 1, "the herring never came back", "indirect")],
    )
    assert who(attributor, case) == ["p1"]


def test_a_possessive_description_is_never_a_guess_by_gender(attributor: Attributor) -> None:
    case = Case(
        "Mr. Leon Brask fished the bay for forty years.\n\nHis brother said the herring never came back.",
        people={"Leon Brask": []},
        quotes=[("His brother", 0, "the herring never came back", "indirect")],
    )
    assert who(attributor, case) == [None]


def test_the_company_is_never_a_public_office(attributor: Attributor) -> None:
    case = Case(
        "Pellmore Foods recalled its soup.\n\nThe Harbor Health Office said six people fell ill.\n\n"
        "The company said the batch was destroyed.",
        orgs=["Pellmore Foods", "Harbor Health Office"],
        quotes=[
            ("Pellmore Foods", 0, "recalled its soup", "indirect"),
            ("The company", 0, "the batch was destroyed", "indirect"),
        ],
        unnamed={"The company"},
    )
    assert who(attributor, case) == ["o1", "o1"]


def test_the_company_takes_the_business_that_spoke_a_few_paragraphs_back(attributor: Attributor) -> None:
    case = Case(
        "Pellmore Foods said it recalled its soup.\n\nShoppers were angry.\n\nShelves stood empty.\n\n"
        "The company said the batch was destroyed.",
        orgs=["Pellmore Foods"],
        quotes=[
            ("Pellmore Foods", 0, "it recalled its soup", "indirect"),
            ("The company", 0, "the batch was destroyed", "indirect"),
        ],
        unnamed={"The company"},
    )
    assert who(attributor, case) == ["o1", "o1"]


def test_an_age_takes_the_person_of_that_age(attributor: Attributor) -> None:
    case = Case(
        "Ola Brenn, 24, and Ivo Lind, 31, scored for Dunmore.\n\nThe 24-year-old said the pitch was heavy.",
        people={"Ola Brenn": [], "Ivo Lind": []},
        quotes=[("The 24-year-old", 0, "the pitch was heavy", "indirect")],
    )
    assert who(attributor, case) == ["p1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no age stated: the one person just named
        ("Striker Ola Brenn scored twice.\n\nThe 24-year-old said the pitch was heavy.", "p1"),
        # the one person named is of another age
        ("Ola Brenn, 31, scored twice.\n\nThe 24-year-old said the pitch was heavy.", None),
        # two people named: no guess
        ("Ola Brenn passed to Ivo Lind.\n\nThe 24-year-old said the pitch was heavy.", None),
    ],
)
def test_an_age_without_a_stated_match_takes_only_the_one_person_just_named(
    attributor: Attributor, text: str, expected: str | None
) -> None:
    people = {name: [] for name in ("Ola Brenn", "Ivo Lind") if name in text}
    case = Case(text, people=people, quotes=[("The 24-year-old", 0, "the pitch was heavy", "indirect")])
    assert who(attributor, case) == [expected]


@pytest.mark.parametrize("mention", ["Tunde Oyel", "Rev. Oyel", "Marta Oyel"])
def test_a_surname_after_another_first_name_is_not_that_person(attributor: Attributor, mention: str) -> None:
    text = (
        f"Marta Oyel opened a bakery in 1998. Oyel still bakes.\n\n{mention} said the first winter was hard."
    )
    case = Case(
        text,
        people={"Marta Oyel": ["Oyel"]},
        quotes=[(mention, 0, "the first winter was hard", "indirect")],
    )
    expected = None if mention.startswith("Tunde") else "p1"
    assert who(attributor, case) == [expected]


@pytest.mark.parametrize(
    "mention",
    ["The Kelton, Ontario-based chipmaker", "The lender", "The Oslo-based company"],
)
def test_a_business_noun_takes_the_business_that_spoke(attributor: Attributor, mention: str) -> None:
    case = Case(
        f"Velorix Inc reported a loss, Carrow Wire reported.\n\n{mention} said demand was weak.",
        orgs=["Velorix Inc", "Carrow Wire"],
        quotes=[("Velorix Inc", 0, "a loss", "indirect"), (mention, 0, "demand was weak", "indirect")],
    )
    assert who(attributor, case) == ["o1", "o1"]


def test_a_business_noun_is_no_guess_between_two_businesses_that_did_not_speak(
    attributor: Attributor,
) -> None:
    case = Case(
        "Velorix Inc bought Quenta Corp.\n\nThe chipmaker said demand was weak.",
        orgs=["Velorix Inc", "Quenta Corp"],
        quotes=[("The chipmaker", 0, "demand was weak", "indirect")],
    )
    assert who(attributor, case) == [None]


def test_a_quote_paragraph_continuing_a_speaker_keeps_them_salient(attributor: Attributor) -> None:
    text = (
        "Columnist Hector Vale wrote about the budget.\n\n"
        '"It is a fantasy," he wrote.\n\n'
        '"Voters deserve better."\n\n'
        "He also took aim at the council."
    )
    case = Case(
        text,
        people={"Hector Vale": []},
        quotes=[
            ("he", 0, "It is a fantasy", "direct"),
            ("he", 0, "Voters deserve better", "direct"),  # the continuation copies the mention
            ("He", 0, "the council", "indirect"),
        ],
    )
    assert who(attributor, case) == ["p1", "p1", "p1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # background paragraphs between the person and the quote
        (
            "Paul Ember restored the mill.\n\nIt burned in 2009.\n\nVolunteers saved it.\n\n"
            "He said it was worth it.",
            "p1",
        ),
        # someone else is named in between: no guess
        (
            "Paul Ember restored the mill.\n\nNia Abbot gave a grant.\n\nVolunteers saved it.\n\n"
            "He said it was worth it.",
            None,
        ),
        # too far back
        ("Paul Ember restored the mill.\n\nA.\n\nB.\n\nC.\n\nD.\n\nHe said it was worth it.", None),
    ],
)
def test_he_with_no_one_nearby_takes_the_only_person_a_few_paragraphs_back(
    attributor: Attributor, text: str, expected: str | None
) -> None:
    people = {name: [] for name in ("Paul Ember", "Nia Abbot") if name in text}
    case = Case(text, people=people, quotes=[("He", 0, "it was worth it", "indirect")])
    assert who(attributor, case) == [expected]


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("The Democrat", "p1"),
        ("the Texas Republican", "p2"),
        ("the Iowa Democrat", "p1"),
        ("the Ohio Democrat", None),
    ],
)
def test_a_party_designation_describes_the_person(
    attributor: Attributor, mention: str, expected: str | None
) -> None:
    text = (
        f"Sen. Jane Roeder (D-Iowa) and Rep. Carl Bisk, R-Texas, clashed.\n\n{mention} said the bill was bad."
    )
    case = Case(
        text,
        people={"Jane Roeder": [], "Carl Bisk": []},
        quotes=[(mention, 0, "the bill was bad", "indirect")],
    )
    assert who(attributor, case) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The author of the guide, Mira Solt, signed copies.\n\nThe guide said the trail was closed.",
        "The guide's author, Mira Solt, signed copies.\n\nThe guide said the trail was closed.",
    ],
)
def test_a_description_never_takes_the_possessor_or_object_of_an_apposition(
    attributor: Attributor, text: str
) -> None:
    nth = text.count("The guide") - 1
    case = Case(
        text, people={"Mira Solt": []}, quotes=[("The guide", nth, "the trail was closed", "indirect")]
    )
    assert who(attributor, case) == [None]


def test_the_author_still_takes_the_author_of_the_guide(attributor: Attributor) -> None:
    text = "The author of the guide, Mira Solt, signed copies.\n\nThe author said the trail was closed."
    case = Case(
        text, people={"Mira Solt": []}, quotes=[("The author", 1, "the trail was closed", "indirect")]
    )
    assert who(attributor, case) == ["p1"]


def test_he_is_no_guess_when_an_unnamed_speaker_spoke_since_the_only_person(attributor: Attributor) -> None:
    text = (
        "Paul Ember restored the mill.\n\nMy uncle worked there.\n\n"
        '"It was loud," my uncle said.\n\nHe said the pay was poor.'
    )
    case = Case(
        text,
        people={"Paul Ember": []},
        quotes=[("my uncle", 0, "It was loud", "direct"), ("He", 0, "the pay was poor", "indirect")],
    )
    assert who(attributor, case) == [None, None]


def test_a_modifier_run_stops_at_a_possessive_opener_far_from_the_name(attributor: Attributor) -> None:
    # "my" opens no modifier run: "My uncle would have hired Ember" says nothing of Ember
    text = "My uncle would have hired Paul Ember.\n\nMy uncle said the mill was loud."
    case = Case(text, people={"Paul Ember": []}, quotes=[("My uncle", 1, "the mill was loud", "indirect")])
    assert who(attributor, case) == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # described by the relation: "Roe's lawyer, Ann Kell,"
        ("Ivo Roe was fined. Roe's lawyer, Ann Kell, left early.\n\nHis lawyer said he would appeal.", "p2"),
        ("Ivo Roe was fined. His lawyer, Ann Kell, left early.\n\nHis lawyer said he would appeal.", "p2"),
        (
            "Ivo Roe was fined. Ann Kell, a lawyer for Roe, left early.\n\nHis lawyer said he would appeal.",
            "p2",
        ),
        (
            "Ivo Roe was fined after Roe's lawyer Ann Kell left early.\n\nHis lawyer said he would appeal.",
            "p2",
        ),
        # a lawyer, but nobody's lawyer in the text: "his lawyer" is someone else
        ("Ivo Roe was fined. Ann Kell, a lawyer, watched.\n\nHis lawyer said he would appeal.", None),
        # a clause between "his" and the name describes no one
        ("Ivo Roe was fined after his lawyer had sued Ann Kell.\n\nHis lawyer said he would appeal.", None),
    ],
)
def test_a_possessive_description_needs_a_person_described_by_that_relation(
    attributor: Attributor, text: str, expected: str | None
) -> None:
    nth = text.count("His lawyer") - 1
    case = Case(
        text,
        people={"Ivo Roe": [], "Ann Kell": []},
        quotes=[("His lawyer", nth, "he would appeal", "indirect")],
    )
    assert who(attributor, case) == [expected]


@pytest.mark.parametrize(
    ("mention", "unnamed"),
    [("he and other Roe supporters", True), ("Roe's lawyer", False), ("Ivo Roe", False)],
)
def test_a_name_inside_a_group_or_as_a_possessor_is_not_the_speaker(
    attributor: Attributor, mention: str, unnamed: bool
) -> None:
    text = f"Ivo Roe was fined on Monday.\n\n{mention} said the fine was unfair."
    case = Case(
        text,
        people={"Ivo Roe": []},  # the bare "Roe" is found as a surname mention
        quotes=[(mention, 0, "the fine was unfair", "indirect")],
        unnamed={mention} if unnamed else set(),
    )
    assert who(attributor, case) == ["p1" if mention == "Ivo Roe" else None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kell is the lawyer of a woman: "his lawyer" is someone else's
        (
            "Ms. Ada Roe was fined. Roe's lawyer, Ann Kell, left.\n\nHis lawyer said he would appeal.",
            None,
        ),
        ("Ada Roe was fined. Her lawyer, Ann Kell, left early.\n\nHis lawyer said he would appeal.", None),
        ("Ada Roe was fined. Her lawyer, Ann Kell, left early.\n\nHer lawyer said she would appeal.", "p2"),
        # the owner's gender is unknown: no objection
        ("Jordan Roe was fined. Roe's lawyer, Ann Kell, left.\n\nHis lawyer said he would appeal.", "p2"),
    ],
)
def test_a_possessive_description_agrees_with_the_owner_of_the_relation(
    attributor: Attributor, text: str, expected: str | None
) -> None:
    mention = "Her lawyer" if text.endswith("she would appeal.") else "His lawyer"
    nth = text.count(mention) - 1
    case = Case(
        text,
        people={text.split(" was")[0].removeprefix("Ms. "): [], "Ann Kell": []},
        quotes=[(mention, nth, "would appeal", "indirect")],
    )
    assert who(attributor, case) == [expected]


def test_post_nominal_letters_before_a_name_in_apposition_are_a_description(attributor: Attributor) -> None:
    text = "The local MP, Joanna Whitby, said the ferry would stay."
    case = Case(
        text,
        people={"Joanna Whitby": []},
        quotes=[("MP", 0, "the ferry would stay", "indirect")],
    )
    assert who(attributor, case) == ["p1"]


def test_a_name_before_another_name_in_apposition_stays_itself(attributor: Attributor) -> None:
    text = "Ola Brenn, Joanna Whitby, and the mayor said the ferry would stay."
    case = Case(
        text,
        people={"Ola Brenn": [], "Joanna Whitby": []},
        quotes=[("Ola Brenn", 0, "the ferry would stay", "indirect")],
    )
    assert who(attributor, case) == ["p1"]
