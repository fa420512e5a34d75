"""Person.gender: what the text states (titles, pronouns), a first name only as the last resort."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from quotemine import Extractor
from quotemine.lexicons.gender import first_name_gender
from quotemine.merge import merge_reports
from quotemine.pipeline.gender import GenderFinding, _quotation_marked, _Tokens, decide_gender
from quotemine.schema import Document, Person, Report, TextSpan

SAMPLES = Path(__file__).resolve().parent.parent.parent / "data" / "samples"


@pytest.mark.parametrize(
    ("text", "name", "gender", "evidence"),
    [
        # titles and honorifics attached to a mention, or heading a role
        ("Mrs. Ada Quill said the bridge was unsafe.", "Ada Quill", "female", "title"),
        ("Congresswoman Ada Quill said the bill would pass.", "Ada Quill", "female", "title"),
        ("Mr. Robin Vale said the bridge was safe.", "Robin Vale", "male", "title"),
        # the title wins over a first name that says otherwise
        (
            "Bram Tovey, a spokeswoman for the Vantor Group, said the deal was off.",
            "Bram Tovey",
            "female",
            "title",
        ),
        # a pronoun opening the next sentence of the same paragraph
        (
            "Robin Vale resigned on Monday. She had led the council for a decade.",
            "Robin Vale",
            "female",
            "pronoun",
        ),
        (
            "Robin Vale joined the Vantor Group in 2019. His office declined to comment.",
            "Robin Vale",
            "male",
            "pronoun",
        ),
        ("Robin Vale resigned on Monday. Her husband said he was proud.", "Robin Vale", "female", "pronoun"),
        # a speaker pronoun attribution resolved
        (
            "Robin Vale runs the Vantor Group. She said the plan would work.",
            "Robin Vale",
            "female",
            "pronoun",
        ),
        # "the <title>" of the person's role, then a pronoun in the same sentence
        (
            "Robin Vale, the president of the Ostrel Club, opened the season.\n"
            "Members thanked the president for his work.",
            "Robin Vale",
            "male",
            "pronoun",
        ),
        # the first-name lexicon when the text says nothing
        ("Helga Marrow said the vote was close.", "Helga Marrow", "female", "first_name"),
        ("Jane Marrow said the vote was close.", "Jane Marrow", "female", "first_name"),
        # nothing: an ungendered title and a first name of both genders, a unisex name
        ("Dr. Chris Doe said the vaccine was safe.", "Chris Doe", None, None),
        ("Jordan Pell said the vote was close.", "Jordan Pell", None, None),
        # conflicting pronouns: nothing, not even the first-name guess
        (
            "Sam Ortel resigned on Monday. She had led the council for a decade. Later he said he was tired.",
            "Sam Ortel",
            None,
            None,
        ),
        # a pronoun in the next paragraph, in a quotation, or after two people: not theirs
        ("Robin Vale resigned on Monday.\nShe had led the council for a decade.", "Robin Vale", None, None),
        ('Robin Vale resigned on Monday. "He lied to us," the mayor said.', "Robin Vale", None, None),
        ("Robin Vale met Tom Ashby on Monday. She said nothing.", "Robin Vale", None, None),
        ("Robin Vale met the minister on Monday. He said nothing.", "Robin Vale", None, None),
        # a speaker pronoun whose nearest antecedent is quoted, a modifier, or after someone else
        ('The talks went badly.\n"I will never trust Robin Vale," she said.', "Robin Vale", None, None),
        (
            "The talks went badly.\nRobin Vale supporters booed. Then she said the vote was rigged.",
            "Robin Vale",
            None,
            None,
        ),
        ("Professor Ada Quill watched Robin Vale's speech. He said it was weak.", "Robin Vale", None, None),
        # a pronoun against a first name of one clear gender: a resolution slip more likely than the name
        ("Tom Ashby arrived late. She said the meeting had started.", "Tom Ashby", None, None),
    ],
)
def test_gender_of_a_person(
    extractor: Extractor, text: str, name: str, gender: str | None, evidence: str | None
) -> None:
    report = extractor.extract(text)
    person = next(p for p in report.people if p.name == name)
    assert (person.gender, person.gender_evidence) == (gender, evidence)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('Vale said "we will win" and left.', ["we", "will", "win"]),
        ("Vale said \u201cwe will win\u201d and left.", ["we", "will", "win"]),
        ("Vale said \u2018we win\u2019 and left.", ["we", "win"]),
        # a paragraph break closes a quotation left open; the next paragraph's mark opens another
        ('"We will win\nVale said. "Or lose" today.', ["We", "will", "win", "Or", "lose"]),
        ('"Never," Vale said, "not once."', ["Never", ",", "not", "once", "."]),
        # an opening mark left unclosed runs to the end of the text
        ("Vale said \u201cwe will", ["we", "will"]),
        ("No quotation at all.", []),
        ("", []),
    ],
)
def test_quotation_marked(text: str, quoted: list[str]) -> None:
    doc = spacy.blank("en")(text)
    assert [doc[i].text for i in sorted(_quotation_marked(_Tokens(doc)))] == quoted


def test_organisations_get_no_gender(extractor: Extractor) -> None:
    report = extractor.extract("The Vantor Group said on Monday that she would not run again.")
    assert report.organizations
    assert all(p.gender is None for p in report.people)


@pytest.mark.parametrize(
    ("titles", "pronouns", "first", "expected"),
    [
        (["female"], [], "male", GenderFinding("female", "title")),
        ([], ["male", "male"], None, GenderFinding("male", "pronoun")),
        (["female"], ["female"], None, GenderFinding("female", "title")),
        (["female"], ["male"], "female", None),  # the text contradicts itself: no guess either
        ([], ["female"], "male", None),  # a pronoun against a clear first name
        ([], [], "male", GenderFinding("male", "first_name")),
        ([], [], None, None),
    ],
)
def test_decide_gender(
    titles: list[str], pronouns: list[str], first: str | None, expected: GenderFinding | None
) -> None:
    assert decide_gender(titles, pronouns, first) == expected  # type: ignore[arg-type]


# What the sample texts say, read by hand: a pronoun refers to each of these people ("she said",
# "He added", "the president's meetings with his counterparts"); no sample gives a gendered title.
SAMPLE_PRONOUNS = {
    "Helen Okafor": "female",
    "Lars Holm": "male",
    "Mari Kobayashi": "female",
    "Imomali Rakhmonov": "male",
}


def test_samples_genders(extractor: Extractor) -> None:
    seen = set()
    for path in sorted(SAMPLES.glob("*.txt")):
        report = extractor.extract(path.read_text(encoding="utf-8"))
        for person in report.people:
            seen.add(person.name)
            if person.name in SAMPLE_PRONOUNS:
                assert (person.gender, person.gender_evidence) == (SAMPLE_PRONOUNS[person.name], "pronoun")
            else:  # nothing in the text: at most the lexicon's guess, marked as such
                guess = first_name_gender(person.name.split()[0])
                assert person.gender == guess
                assert person.gender_evidence == ("first_name" if guess else None)
    assert set(SAMPLE_PRONOUNS) <= seen


def _chunk(gender: str | None, evidence: str | None) -> Report:
    person = Person(
        id="p1",
        name="Ada Quill",
        mentions=(TextSpan(text="Ada Quill", start=0, end=9),),
        gender=gender,
        gender_evidence=evidence,
    )
    return Report(quotemine_version="test", model="test", document=Document(char_count=9), people=(person,))


@pytest.mark.parametrize(
    ("chunks", "expected"),
    [
        ([(None, None), ("female", "pronoun")], ("female", "pronoun")),  # a later chunk states it
        ([("male", "first_name"), ("female", "title")], ("female", "title")),  # the text beats the guess
        ([("female", "pronoun"), ("female", "title")], ("female", "title")),
        ([("female", "pronoun"), ("male", "pronoun")], (None, None)),  # the chunks disagree
        ([("male", "first_name"), (None, None)], ("male", "first_name")),
    ],
)
def test_long_text_chunks_merge_genders(
    chunks: list[tuple[str | None, str | None]], expected: tuple[str | None, str | None]
) -> None:
    text = "Ada Quill " * len(chunks)
    parts = [(10 * n, _chunk(*found)) for n, found in enumerate(chunks)]
    [person] = merge_reports(text, parts, base=_chunk(None, None).model_copy(update={"people": ()})).people
    assert (person.gender, person.gender_evidence) == expected
