"""Closed-class word tables shared by the stages: the one owner of each.

Lower-case strings throughout. A stage that needs a narrower set derives it here, under a name that
says what it is for, rather than writing its own copy.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "DESCRIBING_POSSESSIVES",
    "FINITE_TAGS",
    "GENDERED_PRONOUNS",
    "NESTABLE_SUBJECT_PRONOUNS",
    "NOMINAL_SUBJECTS",
    "PARAGRAPH",
    "PERFECT_AUXILIARIES",
    "PERSON_PRONOUNS",
    "PERSON_SPEECH_VERBS",
    "POSSESSIVE_DETERMINERS",
    "POSSESSIVE_S",
    "SPEAKER_PRONOUNS",
    "paragraph_starts",
]

#: Pronouns that refer to one person and show a gender ("he", "hers").
GENDERED_PRONOUNS: Final = frozenset({"he", "his", "him", "himself", "she", "her", "hers", "herself"})
#: Personal pronouns that can stand for a single human speaker ("he said", "told me").
PERSON_PRONOUNS: Final = frozenset({"he", "she", "i", "him", "her", "me"})
#: Pronouns that can be the local speaker mention of a quote (including the relative "who").
SPEAKER_PRONOUNS: Final = frozenset(
    {"i", "he", "she", "we", "they", "you", "it", "who", "me", "him", "her", "us", "them"}
)
#: Subject pronouns whose own reported clause may hold a nested speech verb ("he said they think").
NESTABLE_SUBJECT_PRONOUNS: Final = frozenset({"he", "she", "they"})
#: Verbs whose subject is evidence of a person (lemmas): "X said", "X tweeted", "X believes".
#: Narrower than the speech cues of ``cues.json`` (which also hold "report", "show"... whose subject
#: may be a thing) and wider in three verbs of thought and speech ("believe", "think", "speak").
PERSON_SPEECH_VERBS: Final = frozenset(
    "say tell add argue claim note explain insist warn state write ask reply respond acknowledge "
    "admit announce declare suggest believe think comment predict urge contend speak tweet testify "
    "recall".split()
)
#: Possessive determiners ("his nephew", "their lawyer").
POSSESSIVE_DETERMINERS: Final = frozenset({"my", "your", "his", "her", "its", "our", "their"})
#: Those that can tie a description to someone the text describes ("his nephew"): "your" addresses the reader.
DESCRIBING_POSSESSIVES: Final = POSSESSIVE_DETERMINERS - {"your"}
#: The possessive clitic as spaCy tokenises it, straight or curly.
POSSESSIVE_S: Final = frozenset({"'s", "\u2019s"})
#: The dependency labels of a nominal subject, active or passive ("Roe said", "Roe was named").
NOMINAL_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
#: Penn tags of a finite verb or modal: a clause of its own starts there ("said", "says", "will").
FINITE_TAGS: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Auxiliaries of the perfect before a participle ("who has worked for Y", "had served as").
PERFECT_AUXILIARIES: Final = frozenset({"has", "have", "had"})
#: A paragraph: a run of characters without a line break (news text puts one paragraph per line).
PARAGRAPH: Final = re.compile(r"[^\n]+")
_AFTER_BREAK: Final = re.compile(r"(?<=\n)[^\n]+")


def paragraph_starts(text: str) -> list[int]:
    """Return the offset of every paragraph of ``text``: 0, then each line start after a break."""
    return [0, *(m.start() for m in _AFTER_BREAK.finditer(text))]
