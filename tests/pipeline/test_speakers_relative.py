"""Relative-pronoun speakers, answers to questions and organisation speakers, on parsed texts."""

from __future__ import annotations

from typing import Any


def _speakers(extractor: Any, text: str) -> dict[str, tuple[str | None, str | None, bool]]:
    """Return {quote text: (speaker words shown, linked name, unnamed)} for ``text``."""
    report = extractor.extract(text)
    names = {p.id: p.name for p in report.people} | {o.id: o.name for o in report.organizations}
    out: dict[str, tuple[str | None, str | None, bool]] = {}
    for q in report.quotes:
        spk = q.speaker
        if spk is None:
            out[q.text] = (None, None, False)
            continue
        key = spk.person_id or spk.organization_id
        assert text[spk.start : spk.end] == spk.text
        out[q.text] = (spk.text, names.get(key) if key else None, spk.unnamed)
    return out


def test_which_after_a_statement_is_the_one_who_issued_it(extractor: Any) -> None:
    text = "Corvel Shipping issued a statement, which said the ferry would sail again in April."
    shown, name, _ = _speakers(extractor, text)["the ferry would sail again in April"]
    assert name == "Corvel Shipping"
    assert shown == "Corvel Shipping"


def test_which_after_an_unnamed_issuer_shows_the_issuer_not_the_pronoun(extractor: Any) -> None:
    text = "The parish council issued a statement, which said the footbridge would reopen."
    shown, name, _ = _speakers(extractor, text)["the footbridge would reopen"]
    assert name is None
    assert shown == "The parish council"


def test_which_after_a_time_looks_past_it_to_the_report(extractor: Any) -> None:
    text = "Corvel Shipping released a report on Tuesday, which found that freight costs had risen."
    shown, name, _ = _speakers(extractor, text)["that freight costs had risen"]
    assert name == "Corvel Shipping"
    assert shown != "which"


def test_who_is_the_person_it_follows(extractor: Any) -> None:
    text = (
        "The warning came from Tamsin Reyes, who told reporters the dam was leaking.\n\n"
        '"We will appeal," said Bram Okafor, who added that the fine was unfair.'
    )
    found = _speakers(extractor, text)
    assert found["the dam was leaking"][:2] == ("Tamsin Reyes", "Tamsin Reyes")
    assert found["that the fine was unfair"][:2] == ("Bram Okafor", "Bram Okafor")


def test_who_after_an_unnamed_group_is_that_group(extractor: Any) -> None:
    text = "The doubts came from several economists, who said the levy would fail."
    assert _speakers(extractor, text)["the levy would fail"] == ("several economists", None, True)


def test_the_answer_paragraph_belongs_to_the_one_asked(extractor: Any) -> None:
    text = (
        "Simon Voss interviewed Pieter Lang on Sunday.\n\n"
        "Voss asked Lang whether the pension fund was safe.\n\n"
        '"It is completely safe," he said.'
    )
    found = _speakers(extractor, text)
    assert found["whether the pension fund was safe"][1] == "Simon Voss"
    assert found["It is completely safe,"][1] == "Pieter Lang"


def test_a_subject_named_in_the_answer_paragraph_still_wins(extractor: Any) -> None:
    text = (
        "Simon Voss interviewed Pieter Lang on Sunday.\n\n"
        "Voss asked Lang whether the pension fund was safe.\n\n"
        'Voss then turned to the budget. "It is a mess," he said.'
    )
    assert _speakers(extractor, text)["It is a mess,"][1] == "Simon Voss"


def test_an_organisation_speaking_after_its_chief_stays_the_organisation(extractor: Any) -> None:
    text = (
        "Kara Doyle, the chief executive of Corvel Airways, said the storms were the worst in years. "
        '"We have never seen anything like it," she said.\n\n'
        "Corvel Airways said it had cancelled 40 flights.\n\n"
        "The airline said it would refund every passenger."
    )
    report = extractor.extract(text)
    orgs = {o.id: o.name for o in report.organizations}
    by_text = {q.text: q.speaker for q in report.quotes}
    assert by_text["We have never seen anything like it,"].person_id is not None
    for said in ("it had cancelled 40 flights", "it would refund every passenger"):
        spk = by_text[said]
        assert spk.person_id is None
        assert orgs.get(spk.organization_id or "") == "Corvel Airways"


def test_the_passive_subject_of_a_verb_of_telling_heard_it_and_did_not_say_it(extractor: Any) -> None:
    text = (
        "Tamsin Reyes was asked whether she would stand again.\n\n"
        "Bram Okafor was told by inspectors that the kitchen had failed. "
        "Nell Quarry was reminded that the deadline had passed."
    )
    report = extractor.extract(text)
    by_text = {q.text: q for q in report.quotes}
    asked = by_text["whether she would stand again"]
    assert asked.speaker is None
    assert asked.addressee is not None and asked.addressee.text == "Tamsin Reyes"
    told = by_text["that the kitchen had failed"]
    assert told.speaker is not None and told.speaker.text == "inspectors"
    reminded = by_text["that the deadline had passed"]
    assert reminded.speaker is None


def test_a_fronted_asked_clause_was_put_to_the_subject_not_said_by_them(extractor: Any) -> None:
    text = 'Asked whether the mill would close, Ravi Tandon shook his head. "Not this year," he said.'
    by_text = {q.text: q for q in extractor.extract(text).quotes}
    question = by_text["whether the mill would close"]
    assert question.speaker is None
    assert question.addressee is not None and question.addressee.text == "Ravi Tandon"
    answer = by_text["Not this year,"].speaker
    assert answer is not None and answer.person_id is not None


def test_a_description_followed_by_which_is_no_person(extractor: Any) -> None:
    text = (
        "Nell Quarry, who chairs the tenants' group, said rents had doubled. "
        '"We are desperate," she said.\n\n'
        "The regulator, which has opened an inquiry, said it would report in the spring."
    )
    found = _speakers(extractor, text)
    assert found["We are desperate,"][1] == "Nell Quarry"
    assert found["it would report in the spring"] == ("The regulator", None, False)


_FORCE_TEXT = (
    "Sergeant Ivo Brack of Fenmoor Police said two men had been arrested. "
    '"The investigation continues," he said.\n\n'
    "The shop had been closed for a week.\n\n"
    "Its owner was away at the time.\n\n"
    "{extra}The force said both men would appear in court on Friday."
)


def test_the_force_is_the_one_police_force_named_further_up(extractor: Any) -> None:
    report = extractor.extract(_FORCE_TEXT.format(extra=""))
    orgs = {o.id: o.name for o in report.organizations}
    spk = next(q.speaker for q in report.quotes if "appear in court" in q.text)
    assert spk is not None and spk.person_id is None
    assert orgs.get(spk.organization_id or "") == "Fenmoor Police"


def test_the_force_is_left_open_after_another_force_came_in(extractor: Any) -> None:
    report = extractor.extract(_FORCE_TEXT.format(extra="A neighbouring force sent a dog unit. "))
    spk = next(q.speaker for q in report.quotes if "appear in court" in q.text)
    assert spk is not None and spk.person_id is None and spk.organization_id is None


def test_the_answer_after_a_quoted_question_is_not_the_askers(extractor: Any) -> None:
    text = (
        "Simon Voss interviewed Pieter Lang on Sunday. Voss asked Lang whether the pension fund was safe.\n\n"
        '"It is," Lang said.\n\n'
        '"Are you sure?" Voss asked.\n\n'
        '"Completely," he said.'
    )
    found = _speakers(extractor, text)
    assert found["Are you sure?"][1] == "Simon Voss"
    assert found["Completely,"][1] == "Pieter Lang"


def test_the_answer_to_a_question_asked_him_is_the_other_person(extractor: Any) -> None:
    text = (
        "Simon Voss interviewed Pieter Lang on Sunday.\n\n"
        '"Is the pension fund safe?" Voss asked him.\n\n'
        '"It is," he said.'
    )
    assert _speakers(extractor, text)["It is,"][1] == "Pieter Lang"


def test_the_answer_is_left_open_when_several_people_could_give_it(extractor: Any) -> None:
    text = (
        "Simon Voss interviewed Pieter Lang and Owen Pratt on Sunday.\n\n"
        '"Is the pension fund safe?" Voss asked.\n\n'
        '"It is," he said.'
    )
    assert _speakers(extractor, text)["It is,"][1] is None
