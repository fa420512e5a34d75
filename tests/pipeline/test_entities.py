from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model

import quotemine.factories  # noqa: F401  (registers factories and extensions)
from quotemine.lexicons.names import names_compatible
from quotemine.pipeline.entities import EntityRepairer


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities")


@pytest.fixture(scope="module")
def repairer() -> EntityRepairer:
    return EntityRepairer(spacy.blank("en"), "quotemine_entities")


def _doc(words: list[str], ents: list[str], tags: list[str] | None = None, **kw: Any) -> Doc:
    vocab = spacy.blank("en").vocab
    n = len(words)
    return Doc(
        vocab,
        words=words,
        ents=ents,
        tags=tags or ["NNP"] * n,
        heads=kw.get("heads", list(range(n))),
        deps=kw.get("deps", ["ROOT"] * n),
        sent_starts=[True] + [False] * (n - 1),
    )


def _people(doc: Doc) -> list[dict[str, Any]]:
    return list(doc._.qm_people or [])


def _names(doc: Doc) -> list[str]:
    return [p["name"] for p in _people(doc)]


# ---------------------------------------------------------------- repairs on forced NER errors
@pytest.mark.parametrize(
    "words, ents, wrong",
    [
        (["Tajik", "migrants", "left", "."], ["B-PERSON", "O", "O", "O"], "Tajik"),
        (["Tajiks", "protested", "."], ["B-PERSON", "O", "O"], "Tajiks"),
        (["Afghan", "farmers", "agreed", "."], ["B-PERSON", "O", "O", "O"], "Afghan"),
    ],
)
def test_entities_demonyms_are_never_people(
    repairer: EntityRepairer, words: list[str], ents: list[str], wrong: str
) -> None:
    doc = repairer(_doc(words, ents))
    assert wrong not in _names(doc)
    assert [e.label_ for e in doc.ents if e.text == wrong] == ["NORP"]


@pytest.mark.parametrize(
    "words, ents, place",
    [
        (["Talks", "in", "Dushanbe", "ended", "."], ["O", "O", "B-PERSON", "O", "O"], "Dushanbe"),
        (["Talks", "in", "Dushanbe", "ended", "."], ["O", "O", "B-ORG", "O", "O"], "Dushanbe"),
        (["Tajikistan", "agreed", "."], ["B-NORP", "O", "O"], "Tajikistan"),
    ],
)
def test_entities_known_places_become_gpe(
    repairer: EntityRepairer, words: list[str], ents: list[str], place: str
) -> None:
    doc = repairer(_doc(words, ents))
    assert [e.label_ for e in doc.ents if e.text == place] == ["GPE"]
    assert not doc._.qm_people
    assert not doc._.qm_orgs


def test_entities_join_two_place_fragments_into_a_person(repairer: EntityRepairer) -> None:
    words = ["Dilnoza", "Karimova", "said", "no", "."]
    doc = _doc(
        words,
        ["B-GPE", "B-GPE", "O", "O", "O"],
        tags=["NNP", "NNP", "VBD", "DT", "."],
        heads=[1, 2, 2, 2, 2],
        deps=["compound", "nsubj", "ROOT", "dobj", "punct"],
    )
    doc = repairer(doc)
    assert _names(doc) == ["Dilnoza Karimova"]


def test_entities_extend_a_cut_name_over_its_first_name(repairer: EntityRepairer) -> None:
    doc = _doc(
        ["Yesterday", "Farhod", "Nazarov", "spoke", "."],
        ["O", "O", "B-PERSON", "O", "O"],
        tags=["NN", "NNP", "NNP", "VBD", "."],
    )
    doc = repairer(doc)
    assert _names(doc) == ["Farhod Nazarov"]


def test_entities_surname_tagged_norp_joins_the_person(repairer: EntityRepairer) -> None:
    words = ["Umar", "Davlatov", "came", ".", "Davlatov", "left", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-NORP", "O", "O"]
    doc = repairer(_doc(words, ents, tags=["NNP", "NNP", "VBD", ".", "NNP", "VBD", "."]))
    people = _people(doc)
    assert len(people) == 1
    assert len(people[0]["mentions"]) == 2


def test_entities_titles_are_cut_from_person_names(repairer: EntityRepairer) -> None:
    words = ["Mr.", "Davlatov", "came", "."]
    doc = repairer(_doc(words, ["B-PERSON", "I-PERSON", "O", "O"], tags=["NNP", "NNP", "VBD", "."]))
    assert _names(doc) == ["Davlatov"]


# ---------------------------------------------------------------- name compatibility
@pytest.mark.parametrize(
    "a, b, same",
    [
        (("george", "w", "bush"), ("george", "bush"), True),
        (("rashid", "g"), ("rashid", "g", "abdullo"), True),
        (("j", "smith"), ("john", "smith"), True),
        (("hillary", "clinton"), ("bill", "clinton"), False),
        (("jeb", "bush"), ("george", "w", "bush"), False),
        (("rashid", "smith"), ("rashid", "g", "abdullo"), False),
    ],
)
def test_names_compatible(a: tuple[str, ...], b: tuple[str, ...], same: bool) -> None:
    assert names_compatible(a, b) is same
    assert names_compatible(b, a) is same


# ---------------------------------------------------------------- with the trained model
def test_entities_alias_merge_full_titled_bare_and_possessive(nlp: Language) -> None:
    text = (
        "President Imomali Rakhmonov flew to Paris on Monday. Rakhmonov's aides said the trip went well. "
        "Later President Rakhmonov met students, and Rakhmonov thanked them."
    )
    doc = nlp(text)
    people = [p for p in _people(doc) if p["name"] == "Imomali Rakhmonov"]
    assert len(people) == 1
    assert all(text[s:e] in {"Imomali Rakhmonov", "Rakhmonov"} for s, e in people[0]["mentions"])
    assert len(people[0]["mentions"]) == 4
    assert "Paris" not in _names(doc)


def test_entities_initial_and_surname_merge(nlp: Language) -> None:
    doc = nlp("George W Bush arrived in Ohio on Friday. Bush said the economy was strong.")
    assert _names(doc) == ["George W Bush"]
    assert len(_people(doc)[0]["mentions"]) == 2


def test_entities_never_merge_two_people_sharing_a_surname(nlp: Language) -> None:
    text = (
        "Hillary Clinton spoke in Iowa on Monday. Her husband Bill Clinton spoke in Ohio. "
        "Clinton said the crowd was large."
    )
    doc = nlp(text)
    names = _names(doc)
    assert "Hillary Clinton" in names and "Bill Clinton" in names
    bill = next(p for p in _people(doc) if p["name"] == "Bill Clinton")
    bare = text.rindex("Clinton said")
    # A bare surname goes to the person of that surname mentioned last before it.
    assert [bare, bare + len("Clinton")] in bill["mentions"]


def test_entities_acronym_joins_its_organisation(nlp: Language) -> None:
    text = (
        "The Centre for Media and Policy Studies published a survey. A researcher told CMPS that "
        "turnout fell."
    )
    doc = nlp(text)
    orgs = doc._.qm_orgs
    centre = [o for o in orgs if o["name"] == "Centre for Media and Policy Studies"]
    assert len(centre) == 1
    assert any(text[s:e] == "CMPS" for s, e in centre[0]["mentions"])


def test_entities_byline_is_an_author_and_matches_the_closing_bio(nlp: Language) -> None:
    text = (
        "Water Talks Stall\n\nBy Karim T\n\nTalks on water sharing stalled again this week.\n\n"
        "Karim T Umarov is an economist in Khujand"
    )
    doc = nlp(text)
    authors = [p for p in _people(doc) if p["author"]]
    assert len(authors) == 1
    assert authors[0]["name"] == "Karim T Umarov"
    assert len(authors[0]["mentions"]) == 2


def test_entities_ids_follow_first_mention_and_spans_carry_them(nlp: Language) -> None:
    doc = nlp("Anna Petrova met John Smith in Berlin. Smith and Petrova agreed.")
    people = _people(doc)
    assert [p["id"] for p in people] == ["p1", "p2"]
    assert [p["name"] for p in people] == ["Anna Petrova", "John Smith"]
    labels = {span.label_ for span in doc.spans["qm_people"]}
    assert labels == {"p1", "p2"}
    for person in people:
        assert person["mentions"] == sorted(person["mentions"])
        assert person["roles"] == [] and person["affiliations"] == []


@pytest.mark.parametrize("text", ["", "   \n\n ", "\x00\x01\ufffd", "\u201c\u201c\u201c", "By\n", "A" * 5000])
def test_entities_odd_input_never_raises(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert isinstance(doc._.qm_people, list)
    assert isinstance(doc._.qm_orgs, list)


def test_entities_disk_round_trip(tmp_path: Path, nlp: Language) -> None:
    comp = nlp.get_pipe("quotemine_entities")
    comp.to_disk(tmp_path / "ents")
    assert comp.from_disk(tmp_path / "ents") is comp


def test_entities_multiprocess(nlp: Language) -> None:
    texts = ["Anna Petrova met John Smith in Berlin.", "Tajik migrants left Moscow."]
    docs = list(nlp.pipe(texts, n_process=2))
    assert [p["name"] for p in docs[0]._.qm_people] == ["Anna Petrova", "John Smith"]
    assert docs[1]._.qm_people == []


# ---------------------------------------------------------------- precision rules (issue 4)
@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("Neither Cruz nor Christie answered the question.", "Cruz", "Neither Cruz"),
        ("Asserting Clinton had lied, Mr. Trump left the stage.", "Clinton", "Asserting Clinton"),
        (
            "Underdog Assemblywoman Rosa Delmonte won the primary.",
            "Rosa Delmonte",
            "Assemblywoman Rosa Delmonte",
        ),
        (
            "Moderator Peter Halloran asked the candidates about debt.",
            "Peter Halloran",
            "Moderator Peter Halloran",
        ),
    ],
)
def test_entities_cut_non_name_words_from_the_front(
    nlp: Language, text: str, expected: str, absent: str
) -> None:
    names = _names(nlp(text))
    assert expected in names
    assert absent not in names


@pytest.mark.parametrize(
    "text, not_people",
    [
        ("The Clinton campaign did not release the amount it is paying.", {"Clinton", "The Clinton"}),
        ("The senator kept up his fiery rhetoric over the weekend on Twitter.", {"Twitter"}),
        ("They spent the summer on Long Island with friends.", {"Long Island"}),
        ("Voters in Lee County lined up early on Tuesday.", {"Lee County"}),
    ],
)
def test_entities_places_modifiers_and_brands_are_not_people(
    nlp: Language, text: str, not_people: set[str]
) -> None:
    assert not set(_names(nlp(text))) & not_people


def test_entities_headline_names_are_cut_to_the_body_names(nlp: Language) -> None:
    text = (
        "Ted Cruz Refuses To Back Down On Immigration Plan\n\n"
        "Sen. Ted Cruz said on Monday that he would not change his plan."
    )
    assert _names(nlp(text)) == ["Ted Cruz"]


def test_entities_a_modifier_mention_joins_a_named_person(nlp: Language) -> None:
    doc = nlp("Bernie Sanders spoke first. Later a Bernie Sanders rally filled the park.")
    (person,) = _people(doc)
    assert person["name"] == "Bernie Sanders"
    assert len(person["mentions"]) == 2


# ------------------------------------------------------- precision and one-word people (issue 4, part 3)
def _parsed(
    words: list[str],
    ents: list[str],
    tags: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    """A hand-parsed one-sentence Doc (heads are absolute token indices)."""
    n = len(words)
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        ents=ents,
        tags=tags,
        pos=pos or ["PROPN" if t.startswith("NNP") else "NOUN" if t.startswith("NN") else "X" for t in tags],
        heads=heads,
        deps=deps,
        sent_starts=[True] + [False] * (n - 1),
    )


def _labels(doc: Doc) -> dict[str, str]:
    return {e.text: e.label_ for e in doc.ents}


def test_entities_outlet_names_are_organisations(repairer: EntityRepairer) -> None:
    doc = repairer(
        _parsed(
            ["Politico", "reported", "it", "."],
            ["B-PERSON", "O", "O", "O"],
            tags=["NNP", "VBD", "PRP", "."],
            heads=[1, 1, 1, 1],
            deps=["nsubj", "ROOT", "dobj", "punct"],
        )
    )
    assert _names(doc) == []
    assert _labels(doc) == {"Politico": "ORG"}


def test_entities_outlet_name_yields_to_a_full_name_ending_in_it(repairer: EntityRepairer) -> None:
    words = ["Vicente", "Fox", "spoke", ".", "Fox", "left", "."]
    doc = repairer(
        _parsed(
            words,
            ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O"],
            tags=["NNP", "NNP", "VBD", ".", "NNP", "VBD", "."],
            heads=[1, 2, 2, 2, 5, 5, 5],
            deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
        )
    )
    (person,) = _people(doc)
    assert person["name"] == "Vicente Fox"
    assert len(person["mentions"]) == 2


def test_entities_org_apposition_removes_a_one_word_person(repairer: EntityRepairer) -> None:
    # "Teck, the mining company, says so."
    doc = repairer(
        _parsed(
            ["Teck", ",", "the", "mining", "company", ",", "says", "so", "."],
            ["B-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"],
            tags=["NNP", ",", "DT", "NN", "NN", ",", "VBZ", "RB", "."],
            heads=[6, 0, 4, 4, 0, 0, 6, 6, 6],
            deps=["nsubj", "punct", "det", "compound", "appos", "punct", "ROOT", "advmod", "punct"],
        )
    )
    assert _names(doc) == []


def test_entities_one_word_modifier_before_a_noun_is_no_person(repairer: EntityRepairer) -> None:
    # "Millikin assistant director Bryan Marshall said so." : "assistant" is an adjective here.
    doc = repairer(
        _parsed(
            ["Millikin", "assistant", "director", "Bryan", "Marshall", "said", "so", "."],
            ["B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"],
            tags=["NNP", "JJ", "NN", "NNP", "NNP", "VBD", "RB", "."],
            heads=[4, 2, 4, 4, 5, 5, 5, 5],
            deps=["compound", "amod", "compound", "compound", "nsubj", "ROOT", "advmod", "punct"],
        )
    )
    assert _names(doc) == ["Bryan Marshall"]


def test_entities_word_glued_by_a_hyphen_is_no_person(repairer: EntityRepairer) -> None:
    doc = repairer(
        _parsed(
            ["Fans", "filled", "Comic", "-", "Con", "."],
            ["O", "O", "O", "O", "B-PERSON", "O"],
            tags=["NNS", "VBD", "NNP", "HYPH", "NNP", "."],
            heads=[1, 1, 4, 4, 1, 1],
            deps=["nsubj", "ROOT", "compound", "punct", "dobj", "punct"],
            spaces=[True, True, False, False, False, False],
        )
    )
    assert _names(doc) == []


@pytest.mark.parametrize(
    "words, ents, tags, heads, deps",
    [
        (  # a plural group noun
            ["Generation", "Xers", "agreed", "."],
            ["B-PERSON", "I-PERSON", "O", "O"],
            ["NNP", "NNPS", "VBD", "."],
            [1, 2, 2, 2],
            ["compound", "nsubj", "ROOT", "punct"],
        ),
        (  # a family
            ["The", "Clintons", "left", "."],
            ["O", "B-PERSON", "O", "O"],
            ["DT", "NNPS", "VBD", "."],
            [1, 2, 2, 2],
            ["det", "nsubj", "ROOT", "punct"],
        ),
        (  # the organisation of a role ("director of X")
            ["She", "is", "director", "of", "Sleeping", "Weazel", "."],
            ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"],
            ["PRP", "VBZ", "NN", "IN", "NNP", "NNP", "."],
            [1, 1, 1, 2, 5, 3, 1],
            ["nsubj", "ROOT", "attr", "prep", "compound", "pobj", "punct"],
        ),
        (  # a common noun with a determiner, twice labelled PERSON
            ["The", "Playbook", "changed", ".", "The", "Playbook", "grew", "."],
            ["O", "B-PERSON", "O", "O", "O", "B-PERSON", "O", "O"],
            ["DT", "NNP", "VBD", ".", "DT", "NNP", "VBD", "."],
            [1, 2, 2, 2, 5, 6, 6, 6],
            ["det", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"],
        ),
    ],
)
def test_entities_groups_families_and_common_nouns_are_not_people(
    repairer: EntityRepairer,
    words: list[str],
    ents: list[str],
    tags: list[str],
    heads: list[int],
    deps: list[str],
) -> None:
    assert _names(repairer(_parsed(words, ents, tags, heads, deps))) == []


def test_entities_page_junk_is_cut_from_a_name(repairer: EntityRepairer) -> None:
    doc = repairer(
        _parsed(
            ["Sam", "LevineFlagShareLikeReply", "Ani", "said", "so", "."],
            ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O"],
            tags=["NNP", "NNP", "NNP", "VBD", "RB", "."],
            heads=[2, 2, 3, 3, 3, 3],
            deps=["compound", "compound", "nsubj", "ROOT", "advmod", "punct"],
        )
    )
    assert _names(doc) == ["Sam"]


@pytest.mark.parametrize(
    "words, ents, tags, heads, deps, name",
    [
        (  # a possessive
            ["Critics", "attacked", "Okonjo", "'s", "plan", "."],
            ["O", "O", "B-PERSON", "O", "O", "O"],
            ["NNS", "VBD", "NNP", "POS", "NN", "."],
            [1, 1, 4, 2, 1, 1],
            ["nsubj", "ROOT", "poss", "case", "dobj", "punct"],
            "Okonjo",
        ),
        (  # a subject with "his" after it
            ["Vigurie", "dedicated", "his", "life", "to", "it", "."],
            ["B-PERSON", "O", "O", "O", "O", "O", "O"],
            ["NNP", "VBD", "PRP$", "NN", "IN", "PRP", "."],
            [1, 1, 3, 1, 1, 4, 1],
            ["nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"],
            "Vigurie",
        ),
        (  # the subject of "be" with a role noun
            ["Gaudiano", "is", "a", "reporter", "."],
            ["B-PERSON", "O", "O", "O", "O"],
            ["NNP", "VBZ", "DT", "NN", "."],
            [1, 1, 3, 1, 1],
            ["nsubj", "ROOT", "det", "attr", "punct"],
            "Gaudiano",
        ),
        (  # a conjunct of a full personal name
            ["Women", "like", "Rihanna", "and", "Shonda", "Rhimes", "won", "."],
            ["O", "O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"],
            ["NNS", "IN", "NNP", "CC", "NNP", "NNP", "VBD", "."],
            [6, 0, 1, 2, 5, 2, 6, 6],
            ["nsubj", "prep", "pobj", "cc", "compound", "conj", "ROOT", "punct"],
            "Rihanna",
        ),
        (  # labelled PERSON twice, no determiner
            ["They", "met", "Trayvon", ".", "Police", "found", "Trayvon", "."],
            ["O", "O", "B-PERSON", "O", "O", "O", "B-PERSON", "O"],
            ["PRP", "VBD", "NNP", ".", "NNS", "VBD", "NNP", "."],
            [1, 1, 1, 1, 5, 5, 5, 5],
            ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
            "Trayvon",
        ),
    ],
)
def test_entities_one_word_people_used_as_names_are_kept(
    repairer: EntityRepairer,
    words: list[str],
    ents: list[str],
    tags: list[str],
    heads: list[int],
    deps: list[str],
    name: str,
) -> None:
    assert name in _names(repairer(_parsed(words, ents, tags, heads, deps)))


def test_entities_one_word_without_evidence_is_still_dropped(repairer: EntityRepairer) -> None:
    doc = repairer(
        _parsed(
            ["He", "posted", "on", "Zorblat", "."],
            ["O", "O", "O", "B-PERSON", "O"],
            tags=["PRP", "VBD", "IN", "NNP", "."],
            heads=[1, 1, 1, 2, 1],
            deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
        )
    )
    assert _names(doc) == []


def test_entities_one_word_people_in_real_text(nlp: Language) -> None:
    doc = nlp("The Atlantic examines Obama's failure to close Guantanamo.")
    assert _names(doc) == ["Obama"]
    assert "Twitter" not in _names(nlp("Trump took to Twitter to attack the judge."))


def test_entities_full_name_as_modifier_is_a_person(nlp: Language) -> None:
    assert "Corey Lewandowski" in _names(nlp("They discussed the Corey Lewandowski dismissal at length."))


@pytest.mark.parametrize(
    "words, ents, tags, heads, deps",
    [
        (  # a quoted title
            ["He", "made", "\u201c", "Twin", "Peaks", ",", "\u201d", "a", "series", "."],
            ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
            ["PRP", "VBD", "``", "NNP", "NNP", ",", "''", "DT", "NN", "."],
            [1, 1, 4, 4, 1, 4, 4, 8, 4, 1],
            ["nsubj", "ROOT", "punct", "compound", "dobj", "punct", "punct", "det", "appos", "punct"],
        ),
        (  # a title after "book,"
            ["In", "her", "book", ",", "Living", "History", ",", "she", "wrote", "."],
            ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"],
            ["IN", "PRP$", "NN", ",", "NNP", "NNP", ",", "PRP", "VBD", "."],
            [8, 2, 0, 2, 5, 2, 8, 8, 8, 8],
            ["prep", "poss", "pobj", "punct", "compound", "appos", "punct", "nsubj", "ROOT", "punct"],
        ),
    ],
)
def test_entities_titles_of_works_are_not_people(
    repairer: EntityRepairer,
    words: list[str],
    ents: list[str],
    tags: list[str],
    heads: list[int],
    deps: list[str],
) -> None:
    assert _names(repairer(_parsed(words, ents, tags, heads, deps))) == []


@pytest.mark.parametrize(
    "words, ents, tags, expected",
    [
        (  # an inverted cue word glued to the name
            ["Said", "Jones", ",", "\u201c", "No", ".", "\u201d"],
            ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
            ["VBD", "NNP", ",", "``", "UH", ".", "''"],
            ["Jones"],
        ),
        (  # a preposition inside the span
            ["Jillian", "Soto", "lost", "Daniela", "at", "Newtown", "."],
            ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"],
            ["NNP", "NNP", "VBD", "NNP", "IN", "NNP", "."],
            ["Jillian Soto", "Daniela"],
        ),
    ],
)
def test_entities_non_name_words_are_cut_from_inside_and_front(
    repairer: EntityRepairer, words: list[str], ents: list[str], tags: list[str], expected: list[str]
) -> None:
    n = len(words)
    assert _names(repairer(_parsed(words, ents, tags, [0] * n, ["dep"] * n))) == expected


def test_entities_hyphen_joined_names_and_named_chairs_are_no_people(repairer: EntityRepairer) -> None:
    words = ["Hillary", "Clinton", "and", "Donald", "Trump", "met", ".", "The", "Trump", "-", "Clinton"]
    words += ["fight", "began", "at", "the", "Roy", "P.", "Crocker", "Professor", "desk", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON"]
    ents += ["I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O"]
    tags = ["NNP", "NNP", "CC", "NNP", "NNP", "VBD", ".", "DT", "NNP", "HYPH", "NNP"]
    tags += ["NN", "VBD", "IN", "DT", "NNP", "NNP", "NNP", "NNP", "NN", "."]
    spaces = [True] * len(words)
    spaces[8] = spaces[9] = False
    n = len(words)
    doc = repairer(_parsed(words, ents, tags, [0] * n, ["dep"] * n, spaces=spaces))
    assert _names(doc) == ["Hillary Clinton", "Donald Trump"]


def test_entities_neighbourhood_before_a_city_is_a_place(repairer: EntityRepairer) -> None:
    words = ["A", "party", "in", "Clinton", "Hill", ",", "Brooklyn", ",", "ended", "."]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O"]
    tags = ["DT", "NN", "IN", "NNP", "NNP", ",", "NNP", ",", "VBD", "."]
    n = len(words)
    doc = repairer(_parsed(words, ents, tags, [0] * n, ["dep"] * n))
    assert _names(doc) == []
    assert _labels(doc)["Clinton Hill"] == "LOC"


def test_entities_headline_inside_a_long_span_is_cut_to_the_name(repairer: EntityRepairer) -> None:
    words = ["Rand", "Paul", "met", "Donald", "Trump", ".", "\n"]
    words += ["Rand", "Paul", "Scores", "Direct", "Hit", "On", "Donald", "Trump", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"]
    ents += ["B-PERSON"] + ["I-PERSON"] * 7 + ["O"]
    tags = ["NNP", "NNP", "VBD", "NNP", "NNP", ".", "_SP"] + ["NNP"] * 8 + ["."]
    sent_starts = [True] + [False] * 6 + [True] + [False] * 8
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents, tags=tags, sent_starts=sent_starts)
    people = _people(repairer(doc))
    assert [p["name"] for p in people] == ["Rand Paul", "Donald Trump"]
    assert [len(p["mentions"]) for p in people] == [2, 1]


# ---------------------------------------------------------------- names without person evidence
@pytest.mark.parametrize(
    "words, ents, tags, heads, deps",
    [
        (  # a quoted title whose first word the NER left out
            ["Reruns", "of", "\u201c", "Prison", "Break", "\u201d", "air", "."],
            ["O", "O", "O", "O", "B-PERSON", "O", "O", "O"],
            ["NNS", "IN", "``", "NNP", "NNP", "''", "VBP", "."],
            [6, 0, 4, 4, 1, 4, 6, 6],
            ["nsubj", "prep", "punct", "compound", "pobj", "punct", "ROOT", "punct"],
        ),
        (  # a thing named after someone
            ["They", "tested", "Moshe", "\u2019s", "Shield", "."],
            ["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"],
            ["PRP", "VBD", "NNP", "POS", "NNP", "."],
            [1, 1, 4, 2, 1, 1],
            ["nsubj", "ROOT", "poss", "case", "dobj", "punct"],
        ),
        (  # two capitalised common words with no first name and no person evidence
            ["Staffers", "read", "Off", "Message", "daily", "."],
            ["O", "O", "B-PERSON", "I-PERSON", "O", "O"],
            ["NNS", "VBP", "NNP", "NNP", "RB", "."],
            [1, 1, 3, 1, 1, 1],
            ["nsubj", "ROOT", "compound", "dobj", "advmod", "punct"],
        ),
        (  # a hyphen-joined pair of names before a party plural (one token)
            ["Gerald", "Ford-Rockefeller", "Republicans", "disagree", "."],
            ["B-PERSON", "I-PERSON", "O", "O", "O"],
            ["NNP", "NNP", "NNPS", "VBP", "."],
            [1, 2, 3, 3, 3],
            ["compound", "compound", "nsubj", "ROOT", "punct"],
        ),
    ],
)
def test_entities_works_things_and_unsupported_names_are_not_people(
    repairer: EntityRepairer,
    words: list[str],
    ents: list[str],
    tags: list[str],
    heads: list[int],
    deps: list[str],
) -> None:
    assert _names(repairer(_parsed(words, ents, tags, heads, deps))) == []


def test_entities_outlet_possessive_is_cut_before_a_full_name(repairer: EntityRepairer) -> None:
    doc = repairer(
        _parsed(
            ["Gazette", "\u2019s", "Ronald", "Pitkin", "reported", "it", "."],
            ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O"],
            ["NNP", "POS", "NNP", "NNP", "VBD", "PRP", "."],
            [3, 0, 3, 4, 4, 4, 4],
            ["poss", "case", "compound", "nsubj", "ROOT", "dobj", "punct"],
        )
    )
    assert _names(doc) == ["Ronald Pitkin"]


@pytest.mark.parametrize(
    "words, ents, tags, heads, deps, expected",
    [
        (  # a title before, split from its point by the tokenizer
            ["Guards", "freed", "Sgt", ".", "Bowe", "Pelletreaux", "."],
            ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"],
            ["NNS", "VBD", "NNP", ".", "NNP", "NNP", "."],
            [1, 1, 1, 1, 5, 1, 1],
            ["nsubj", "ROOT", "dobj", "punct", "compound", "dobj", "punct"],
            ["Bowe Pelletreaux"],
        ),
        (  # an age apposition
            ["Larossi", "Abballaq", ",", "18", ",", "voted", "."],
            ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
            ["NNP", "NNP", ",", "CD", ",", "VBD", "."],
            [1, 5, 1, 1, 1, 5, 5],
            ["compound", "nsubj", "punct", "appos", "punct", "ROOT", "punct"],
            ["Larossi Abballaq"],
        ),
        (  # the last word alone names it again
            ["Mitt", "Romney", "won", ";", "Romney", "smiled", "."],
            ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O"],
            ["NNP", "NNP", "VBD", ":", "NNP", "VBD", "."],
            [1, 2, 2, 2, 5, 2, 2],
            ["compound", "nsubj", "ROOT", "punct", "nsubj", "conj", "punct"],
            ["Mitt Romney"],
        ),
    ],
)
def test_entities_names_without_first_name_kept_on_person_evidence(
    repairer: EntityRepairer,
    words: list[str],
    ents: list[str],
    tags: list[str],
    heads: list[int],
    deps: list[str],
    expected: list[str],
) -> None:
    assert _names(repairer(_parsed(words, ents, tags, heads, deps))) == expected


def test_entities_group_descriptor_makes_every_mention_an_organisation(nlp: Language) -> None:
    doc = nlp(
        "Police said the attackers belonged to the group Jabhat al-Nusra. Jabhat al-Nusra has denied it."
    )
    assert _names(doc) == []
    assert any(e.text == "Jabhat al-Nusra" and e.label_ == "ORG" for e in doc.ents)


def test_entities_word_joined_to_a_place_after_in_is_no_person(nlp: Language) -> None:
    doc = nlp("The candidate will hold town halls in Manchester and Londonderry on Monday.")
    assert "Londonderry" not in _names(doc)


def test_entities_name_extends_over_an_apostrophe_surname(repairer: EntityRepairer) -> None:
    doc = repairer(
        _parsed(
            ["He", "told", "Bill", "O\u2019Rourkey", "of", "a", "station", "."],
            ["O", "O", "B-PERSON", "O", "O", "O", "O", "O"],
            ["PRP", "VBD", "NNP", "RB", "IN", "DT", "NN", "."],
            [1, 1, 1, 2, 2, 6, 4, 1],
            ["nsubj", "ROOT", "dobj", "advmod", "prep", "det", "pobj", "punct"],
        )
    )
    assert _names(doc) == ["Bill O\u2019Rourkey"]


def test_entities_names_inside_a_quoted_slogan_are_not_people(repairer: EntityRepairer) -> None:
    doc = repairer(
        _parsed(
            ["the", "\u201c", "Bernie", "or", "Bust", "\u201d", "crowd", "cheered", "."],
            ["O", "O", "B-PERSON", "O", "B-PERSON", "O", "O", "O", "O"],
            ["DT", "``", "NNP", "CC", "NNP", "''", "NN", "VBD", "."],
            [6, 2, 6, 2, 2, 2, 7, 7, 7],
            ["det", "punct", "compound", "cc", "conj", "punct", "nsubj", "ROOT", "punct"],
        )
    )
    assert _names(doc) == []


def test_entities_split_hyphen_pair_before_a_party_plural_is_no_person(repairer: EntityRepairer) -> None:
    doc = repairer(
        _parsed(
            ["Gerald", "Ford", "-", "Rockefeller", "Republicans", "disagree", "."],
            ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O"],
            ["NNP", "NNP", "HYPH", "NNP", "NNPS", "VBP", "."],
            [3, 3, 3, 4, 5, 5, 5],
            ["compound", "compound", "punct", "compound", "nsubj", "ROOT", "punct"],
            spaces=[True, False, False, True, True, False, False],
        )
    )
    assert _names(doc) == []


@pytest.mark.parametrize(
    "text, org",
    [
        ("Officials said a terrorist group known as Ansar al-Kharif was involved.", "Ansar al-Kharif"),
        ("Consulting firms like McKinsey have long hired bright young graduates.", "McKinsey"),
    ],
)
def test_entities_organisation_noun_and_bridge_word_make_an_organisation(
    nlp: Language, text: str, org: str
) -> None:
    doc = nlp(text)
    assert _names(doc) == []
    assert any(e.text == org and e.label_ == "ORG" for e in doc.ents)


def test_entities_quoted_work_tagged_by_the_ner_is_not_made_a_person(nlp: Language) -> None:
    # "Rush" is a first name: without the quote check the span would be turned into a person
    doc = nlp("CBS said it was canceling the low-rated ''Rush Hour.''\n\nIt was sad.")
    assert _names(doc) == []


def test_entities_book_cited_by_chapter_and_verse_is_no_person(repairer: EntityRepairer) -> None:
    doc = repairer(
        _parsed(
            ["Ezekiel", "45:1", "reads", ":", "this", "."],
            ["B-PERSON", "O", "O", "O", "O", "O"],
            ["NNP", "CD", "VBZ", ":", "DT", "."],
            [2, 0, 2, 2, 2, 2],
            ["nsubj", "nummod", "ROOT", "punct", "dobj", "punct"],
        )
    )
    assert _names(doc) == []
