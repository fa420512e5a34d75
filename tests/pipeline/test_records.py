from __future__ import annotations

import spacy
from spacy.tokens import DocBin

from quotemine.extensions import register_extensions
from quotemine.pipeline import records


def _round_trip(doc: spacy.tokens.Doc) -> spacy.tokens.Doc:
    nlp = spacy.blank("en")
    return next(iter(DocBin(store_user_data=True, docs=[doc]).get_docs(nlp.vocab)))


def test_records_come_back_as_json_lists_after_a_docbin_round_trip() -> None:
    register_extensions()
    doc = spacy.blank("en")("Anna Berg of the Harbour Board said it would wait.")
    records.set_people(
        doc,
        [
            {
                "id": "p1",
                "name": "Anna Berg",
                "mentions": [[0, 9]],
                "roles": [],
                "affiliations": ["o1"],
                "author": False,
            }
        ],
    )
    records.set_quotes(
        doc,
        [
            {
                "id": "q1",
                "start": 39,
                "end": 51,
                "kind": "indirect",
                "group": None,
                "cue": [34, 38],
                "speaker": {"start": 0, "end": 9, "person_id": "p1", "unnamed": False, "antecedent": None},
                "addressee": None,
            }
        ],
    )
    restored = _round_trip(doc)
    people = records.get_people(restored)
    quotes = records.get_quotes(restored)
    assert people == records.get_people(doc)
    assert type(people[0]["mentions"]) is list and type(people[0]["mentions"][0]) is list
    assert type(people[0]["affiliations"]) is list
    assert quotes[0]["cue"] == [34, 38] and type(quotes[0]["cue"]) is list
    # the extension itself now holds the documented lists too
    assert type(restored._.qm_people[0]["mentions"][0]) is list


def test_warnings_accumulate_in_order() -> None:
    register_extensions()
    doc = spacy.blank("en")("Nothing here.")
    records.add_warning(doc, "first")
    records.add_warnings(doc, ["second", "third"])
    records.add_warnings(doc, [])
    assert records.get_warnings(doc) == ["first", "second", "third"]


def test_published_date_is_read_and_written_as_an_iso_string() -> None:
    register_extensions()
    doc = spacy.blank("en")("Nothing here.")
    assert records.get_published(doc) is None
    records.set_published(doc, "2003-01-10")
    assert records.get_published(doc) == "2003-01-10"
