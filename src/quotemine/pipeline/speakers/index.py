"""The people and organisations of one document, indexed for speaker resolution.

``DocIndex`` holds every mention of a person or an organisation (``Mention``), each entity's
gender (``Entity``: as the text states it through an honorific or a gendered title, else from an
unambiguous first name) and its descriptor words: the words of its roles and names, of an
apposition after a mention ("Jane Roe, the Lakeland Liberal,") and of a modifier run before one
("the budget airline Skyways", "Lakeland Liberal Jane Roe"). Mentions inside quoted content are
kept for overlap look-ups but are no antecedents of a pronoun ('"Roe is wrong," he said').
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from quotemine.lexicons.gender import Gender, pronoun_gender
from quotemine.lexicons.words import paragraph_starts
from quotemine.pipeline.records import OrgRecord, PersonRecord
from quotemine.pipeline.speakers.designations import ABBREVIATIONS, age_after, origin_after, party_after
from quotemine.pipeline.speakers.genders import person_gender
from quotemine.pipeline.speakers.surnames import capitalised_hits, surname_like, written_lower

__all__ = [
    "DocIndex",
    "Entity",
    "EntityKind",
    "Mention",
    "MentionRole",
    "content_words",
    "last_word",
]

EntityKind = Literal["person", "org"]
MentionRole = Literal["subject", "asked", "asker", "other"]
"""What a mention does in its clause: a subject, the one a question is put to ("asked Roe",
"Roe was asked"), the one who asks ("Roe asked"), or anything else."""

_WORD = re.compile(r"\w[\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s$")
#: What ends a clause for the words before a name: punctuation or a line break.
_CLAUSE_BREAK = re.compile(r'[,.;:()"“”!?\n]')
#: Words a description is not matched on: determiners, possessives, prepositions, conjunctions.
_FUNCTION = frozenset(
    "the a an this that these those its his her their our my your of for at in on to and or "
    "with by from as de la".split()
)
#: Determiners and possessives that open a descriptive phrase before a name ("the airline Skyways").
_OPENERS = frozenset("the a an its his her their".split())
#: The longest apposition or modifier run read as a description, in words.
_MAX_DESCRIPTION = 6


#: An apposition after a mention: ", the party's treasurer," (its words are descriptors).
_APPOSITION = re.compile(r",\s+(the|a|an|his|her|its|their)\s+([^,.;:()\n\"“”]{1,80})[,.;]")
#: What a person aged 13 to 19 may be called.
_TEEN = ("teenager", "teen")
#: Relative pronouns: a clause they open inside an apposition describes, but heads nothing.
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
#: Possessive determiners: a phrase they open ("his lawyer") describes someone by a relation.
_POSSESSIVE_OPENERS = frozenset("its his her their my our your".split())


@functools.lru_cache(maxsize=8192)
def last_word(text: str) -> str | None:
    """Return the last word of ``text``, lower-cased, without a possessive ``'s`` or a final dot."""
    words = _WORD.findall(text)
    return _POSSESSIVE.sub("", words[-1]).rstrip(".").lower() if words else None


def content_words(text: str) -> list[str]:
    """Return the lower-cased words of ``text`` a description is matched on (titles expanded)."""
    return list(_content_words(text))


@functools.lru_cache(maxsize=8192)
def _content_words(text: str) -> tuple[str, ...]:
    found = []
    for word in _WORD.findall(text):
        low = _POSSESSIVE.sub("", word).rstrip(".").lower()
        if low and low not in _FUNCTION:
            found.append(ABBREVIATIONS.get(low, low))
    return tuple(found)


class Mention(NamedTuple):
    """One mention of an entity: character offsets, the entity, and whether it is quoted.

    A named tuple (ordered by its fields, in this order): cheap to build, many per document.
    """

    start: int
    end: int
    entity_id: str
    quoted: bool = False


@dataclass
class Entity:
    """A person or organisation a speaker may resolve to.

    Attributes:
        id: The person or organisation id (``p1``, ``o1``).
        kind: ``"person"`` or ``"org"``.
        gender: The gender the text gives the person, or ``None``.
        descriptors: Lower-cased words that describe the entity (roles, names, appositions).
        heads: The descriptors a description may be headed by: not the words after a preposition
            or of a possessor ("author", not "book", of "the author of the book", "the book's
            author").
        possessed: The heads of phrases that describe the entity by a relation ("his lawyer",
            "Roe's father", "a lawyer for Roe"), each with what the phrases say of the other side
            of the relation: a gender ("male" for "his"), "@" and a name ("@roe"), or "".
        surnames: Last words of its mentions ("Ortiz" for "Lena Ortiz").
        givens: First words of its mentions of two words or more, lower-cased ("lena").
        author: Whether the person is named in the byline.

    """

    id: str
    kind: EntityKind
    gender: Gender | None = None
    descriptors: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    possessed: dict[str, set[str]] = field(default_factory=dict)
    surnames: set[str] = field(default_factory=set)
    givens: set[str] = field(default_factory=set)
    author: bool = False


def _inside(spans: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    """Tell whether ``[s, e)`` lies inside one of the sorted ``spans``."""
    k = bisect.bisect_right(spans, (s, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= s and e <= spans[k][1]


def _words_before(text: str, s: int) -> list[str]:
    """Return the words right before offset ``s`` in its clause, nearest last (no punctuation)."""
    window = text[max(0, s - 80) : s]
    words = _CLAUSE_BREAK.split(window)[-1].split()
    return words[-_MAX_DESCRIPTION:]


#: Prepositions that end the head part of a descriptive phrase ("author of the book").
_PREPOSITIONS = frozenset("of for at in on with from to by about against over under after before".split())
#: Prepositions after a head noun that make it a relation to someone ("a lawyer for Roe").
_RELATION_PREPOSITIONS = frozenset({"of", "for", "to"})
#: Words that never stand between a determiner and a name as its modifiers: prepositions,
#: auxiliaries, conjunctions, relatives and cue verbs ("his lawyer has offered Roe").
_NOT_MODIFIERS = _PREPOSITIONS | frozenset(
    "is are was were be been being has have had do does did will would can could should may might "
    "must and or but that who whom whose which than as not said says told tells asked".split()
)


def _opener(word: str) -> str:
    """Return the word opening a descriptive phrase: a determiner lower-cased, a possessor as written."""
    return word if _POSSESSIVE.search(word) else word.lower()


def _phrase_modifiers(text: str, left: int, s: int) -> tuple[str, list[str]]:
    """Return the words of a mention's noun phrase before it (from the parse), and their opener."""
    words = text[left:s].split() if left < s else []
    if words and (words[0].lower() in _OPENERS or _POSSESSIVE.search(words[0])):
        return _opener(words[0]), words[1:]
    return "", words


def _modifiers(text: str, s: int) -> tuple[str, list[str]]:
    """Return the descriptive words before a mention (after a determiner, or a capitalised run).

    With the determiner that opens them, lower-cased ("" for a capitalised run).
    """
    words = _words_before(text, s)
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in _OPENERS or _POSSESSIVE.search(words[k]):  # "the", "his", "Roe's"
            after = words[k + 1 :]
            if any(w.lower() in _NOT_MODIFIERS for w in after):
                break  # "the move against Roe", "his lawyer has offered Roe": a clause, not modifiers
            return _opener(words[k]), after
    run: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or word.lower() in _NOT_MODIFIERS:
            break
        run.insert(0, word)
    return "", run


#: A description set off before a name: "Her manager, " / "My father - " / "Roe's lawyer, " (opened
#: by a determiner or a possessor).
_PRE_APPOSITION = re.compile(
    r"(?:^|[.;:!?\n\"“”(]\s*)((?:(?i:the|a|an|its|his|her|their|my|our|your)|[A-Z][\w.-]*['’]s)"
    r"\s[^,.;:()\n\"“”]{1,80}?)\s*(?:,|—|–|\s-)\s*$",
)
#: The marks that end ``_PRE_APPOSITION`` (before the spaces up to the name).
_SETS_OFF = (",", "—", "–", "-")
#: What closes an apposition after a name.
_APPOSITION_CLOSE = re.compile(r"\s*(?:,|—|–|-\s|\()")


def _pre_apposition(text: str, s: int, e: int) -> tuple[str, list[str]]:
    """Return the words of a description set off right before a mention: "My father, Leon Roe, said".

    Only a phrase that opens its sentence (or follows a quotation mark or bracket), starts with a
    determiner or possessive, and is closed off again after the name. With its determiner.
    """
    if not _APPOSITION_CLOSE.match(text, e) or not text[max(0, s - 100) : s].rstrip().endswith(_SETS_OFF):
        return "", []  # cheap tests first: the pattern ends in one of these marks, then spaces
    m = _PRE_APPOSITION.search(text, max(0, s - 100), s)
    if m is None:
        return "", []
    words = m.group(1).split()
    return _opener(words[0]), words[1:] if len(words) <= _MAX_DESCRIPTION + 1 else []


def _apposition(text: str, e: int) -> tuple[str, list[str]]:
    """Return the determiner and words of ", the|a|an|his ... ," right after a mention ending at ``e``."""
    m = _APPOSITION.match(text, e, e + 100)
    if m is None:
        return "", []
    words = m.group(2).split()
    relative = next((k for k, w in enumerate(words) if w.lower() in _RELATIVE_PRONOUNS), None)
    if relative is not None:  # "a lawyer who represents the family": the noun before the clause
        words = words[:relative]
    return m.group(1).lower(), words if len(words) <= _MAX_DESCRIPTION else []


@dataclass
class DocIndex:
    """The people and organisations of one document, with their mentions in text order."""

    text: str
    para_starts: list[int]
    entities: dict[str, Entity]
    mentions: list[Mention]
    mstarts: list[int] = field(default_factory=list)
    resolved: list[tuple[int, str]] = field(default_factory=list)  # (speaker start, entity id)
    unresolved: list[int] = field(default_factory=list)  # starts of speaker mentions left unresolved
    unknown_heads: dict[int, str] = field(default_factory=dict)  # head words of the unresolved
    lone: list[int] = field(default_factory=list)  # those of one unnamed person ("a woman", "my father")
    _by_entity: dict[str, list[Mention]] = field(default_factory=dict)
    _starts_of: dict[str, list[int]] = field(default_factory=dict)
    role_of: Callable[[int, int], MentionRole] | None = None
    _roles: dict[tuple[int, int], MentionRole] = field(default_factory=dict)
    _pending: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # to describe, by entity
    _phrase_start: Callable[[int, int], int] | None = None
    reported: list[tuple[int, int]] = field(default_factory=list)  # every quote's content, sorted
    #: Tells whether a singular person noun no entity stands for ("his daughter") is a subject in
    #: ``[lo, hi)`` outside quoted content, of a gender that may be ``gender`` (from the parse).
    newcomers: Callable[[int, int, Gender | None], bool] | None = None
    #: The speaker mentions (by start) of questions ("asked"), each with its addressee span or None.
    questions: dict[int, tuple[int, int] | None] = field(default_factory=dict)

    def in_content(self, m: Mention) -> bool:
        """Tell whether the mention ``m`` lies inside the content of a quote, direct or reported."""
        return _inside(self.reported, m.start, m.end)

    def role(self, m: Mention) -> MentionRole:
        """Return what the mention ``m`` does in its clause (a subject when there is no parse)."""
        if self.role_of is None:
            return "subject"
        key = (m.start, m.end)
        if key not in self._roles:
            self._roles[key] = self.role_of(m.start, m.end)
        return self._roles[key]

    @classmethod
    def build(
        cls,
        text: str,
        people: Iterable[PersonRecord],
        orgs: Iterable[OrgRecord] = (),
        quoted: Iterable[tuple[int, int]] = (),
        role_of: Callable[[int, int], MentionRole] | None = None,
        phrase_start: Callable[[int, int], int] | None = None,
    ) -> DocIndex:
        """Index ``people`` and ``orgs``; mentions inside a ``quoted`` span are marked quoted.

        ``role_of`` tells what the mention ``[start, end)`` does in its clause (from the parse);
        without it every mention counts as a subject. ``phrase_start`` gives the start of the noun
        phrase a mention heads (from the parse: "the budget airline" of "Skyvane"); without it the
        words before a mention are guessed from the text.
        """
        spans = sorted(quoted)
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []
        pending: dict[str, list[tuple[int, int]]] = {}
        for kind, records in (("person", people), ("org", orgs)):
            for record in records:
                entity = Entity(str(record["id"]), kind)  # type: ignore[arg-type]
                entities[entity.id] = entity
                todo = pending.setdefault(entity.id, [])
                for m in record.get("mentions") or []:
                    s, e = int(m[0]), int(m[1])
                    mentions.append(Mention(s, e, entity.id, _inside(spans, s, e)))
                    _name(entity, text, s, e)
                    todo.append((s, e))
                for r in record.get("roles") or []:  # type: ignore[attr-defined]
                    if not _inside(spans, int(r[0]), int(r[1])):  # '"The mayor lies," he said': no role
                        todo.append((int(r[0]), -int(r[1])))  # a role: its end negated
                if kind == "person":
                    entity.gender = person_gender(text, record)  # type: ignore[arg-type]
                    entity.author = bool(record.get("author"))
        mentions.extend(_bare_surnames(text, entities, mentions, spans))
        mentions.sort()
        index = cls(text, paragraph_starts(text), entities, mentions, [m.start for m in mentions])
        index.role_of = role_of
        index._pending = pending
        index._phrase_start = phrase_start
        return index

    def describe_entities(self) -> None:
        """Read every entity's descriptive words (``descriptors``, ``heads``, ``possessed``), once."""
        for entity_id in list(self._pending):
            self.describe(entity_id)

    def describe(self, entity_id: str) -> Entity:
        """Return the entity ``entity_id`` with its descriptive words read (once).

        Deferred from ``build`` until a description needs them, entity by entity: most documents
        have no description, and one looks only at the entities named before it.
        """
        entity = self.entities[entity_id]
        for s, e in self._pending.pop(entity_id, ()):
            if e < 0:
                _add_phrase(entity, "", self.text[s:-e].split())
            else:
                _describe(entity, self.text, s, e, self._phrase_start(s, e) if self._phrase_start else None)
        return entity

    def para(self, char: int) -> int:
        """Return the paragraph number of the character offset ``char``."""
        return bisect.bisect_right(self.para_starts, char) - 1

    def covering(self, s: int, e: int) -> list[Mention]:
        """Return the mentions overlapping ``[s, e)``, in text order."""
        k = max(0, bisect.bisect_left(self.mstarts, s) - 4)
        hi = bisect.bisect_left(self.mstarts, e, k)
        return [m for m in self.mentions[k:hi] if m.end > s]

    def before(self, s: int, paragraphs: int) -> list[Mention]:
        """Return the mentions that start before ``s`` within ``paragraphs`` paragraphs, nearest first."""
        first = self.para_starts[max(0, self.para(s) - paragraphs)]
        lo = bisect.bisect_left(self.mstarts, first)
        hi = bisect.bisect_left(self.mstarts, s)
        return [m for m in reversed(self.mentions[lo:hi]) if m.end <= s]

    def by_entity(self) -> dict[str, list[Mention]]:
        """Return the mentions of each entity, in text order (built once)."""
        if not self._by_entity:
            for m in self.mentions:
                self._by_entity.setdefault(m.entity_id, []).append(m)
        return self._by_entity

    def earlier_mention(self, entity_id: str, s: int) -> Mention | None:
        """Return the last mention of ``entity_id`` that starts before ``s``."""
        own = self.by_entity().get(entity_id, [])
        starts = self._starts_of.get(entity_id)
        if starts is None:  # built once per entity: a look-up per speaker must not be linear
            starts = self._starts_of[entity_id] = [m.start for m in own]
        k = bisect.bisect_left(starts, s)
        return own[k - 1] if k else None

    def first_start(self, entity_id: str) -> int:
        """Return the offset of the first mention of ``entity_id`` (the text's length if none)."""
        own = self.by_entity().get(entity_id)
        return own[0].start if own else len(self.text)

    def speakers_before(self, s: int, paragraphs: int) -> Iterator[tuple[int, str]]:
        """Yield the resolved speakers before ``s`` within ``paragraphs`` paragraphs, nearest first."""
        here = self.para(s)
        k = bisect.bisect_left(self.resolved, (s, ""))
        while k > 0 and here - self.para(self.resolved[k - 1][0]) <= paragraphs:
            k -= 1
            yield self.resolved[k]

    def remember(self, s: int, entity_id: str | None, head: str = "") -> None:
        """Record that the speaker mention at ``s`` resolved to ``entity_id`` (``None``: to no one).

        ``head``: the head word of an unresolved mention ("senator" of "the senator from Ohio").
        """
        if entity_id is None:
            bisect.insort(self.unresolved, s)
            self.unknown_heads[s] = head
        else:
            bisect.insort(self.resolved, (s, entity_id))

    def remember_lone(self, s: int) -> None:
        """Record that the unresolved speaker mention at ``s`` stands for one unnamed person."""
        bisect.insort(self.lone, s)

    def unknown_since(self, head: str, s: int, entity_id: str) -> bool:
        """Tell whether a description of that ``head`` spoke unresolved in the paragraph of ``s``.

        Only since ``entity_id`` was last heard (named outside a direct quote, or resolved as a
        speaker): "The senator from Ohio has opposed it. '...,' the senator said" is the one from
        Ohio, whom no candidate is.
        """
        start = self.para_starts[self.para(s)]
        unknown = [u for u, h in self.unknown_heads.items() if start <= u < s and h == head]
        if not unknown:
            return False
        named = [m.start for m in self.by_entity().get(entity_id, []) if m.start < s and not m.quoted]
        spoke = [pos for pos, i in self.resolved if i == entity_id and pos < s]
        return max(unknown) > max(named + spoke, default=-1)

    def lone_since(self, entity_id: str, s: int) -> bool:
        """Tell whether one unnamed person spoke in the paragraph of ``s`` since ``entity_id`` was last heard.

        "Roe said ... / Outside, a woman said she felt sick. '...,' she said": "she" is the woman,
        not Roe. Heard: named outside a direct quote, or resolved as a speaker.
        """
        k = bisect.bisect_left(self.lone, s)
        if k == 0 or self.para(self.lone[k - 1]) != self.para(s):
            return False
        named = [m.start for m in self.by_entity().get(entity_id, []) if m.start < s and not m.quoted]
        spoke = [pos for pos, i in self.resolved if i == entity_id and pos < s]
        return self.lone[k - 1] > max(named + spoke, default=-1)

    def newcomer_since(self, entity_id: str, s: int, gender: Gender | None) -> bool:
        """Tell whether someone unnamed came in, in the paragraph of ``s``, where ``entity_id`` is not heard.

        "Roe said ... / His daughter, Kai, runs the shop. She said ...": "she" is not Roe's from
        the paragraph before, but the daughter the entities stage did not list. Heard: named
        outside a direct quote, or resolved as a speaker, in the paragraph before ``s``.
        """
        if self.newcomers is None:
            return False
        start = self.para_starts[self.para(s)]
        if any(start <= m.start < s and not m.quoted for m in self.by_entity().get(entity_id, [])):
            return False
        if any(start <= pos < s and i == entity_id for pos, i in self.resolved):
            return False
        return self.newcomers(start, s, gender)

    def newcomer_here(self, s: int) -> bool:
        """Tell whether someone unnamed comes in as a subject in the paragraph of ``s``, before it."""
        return self.newcomers is not None and self.newcomers(self.para_starts[self.para(s)], s, None)

    def org_spoke_here(self, entity_id: str, s: int) -> bool:
        """Tell whether an organisation spoke in the paragraph of ``s`` that ``entity_id`` is absent from.

        "Roe said ... / Acme, the maker, said X. '...,' she said": "she" is not Roe from the
        paragraph before; someone of the organisation, maybe, but not named.
        """
        here = self.para(s)
        start = self.para_starts[here]
        k = bisect.bisect_left(self.resolved, (start, ""))
        spoke = [(pos, i) for pos, i in self.resolved[k:] if pos < s]
        if not any(self.entities[i].kind == "org" for _, i in spoke):
            return False
        named = (m for m in self.by_entity().get(entity_id, []) if start <= m.start < s and not m.quoted)
        return not any(i == entity_id for _, i in spoke) and next(named, None) is None

    def alias(self, name: str) -> str | None:
        """Return the one entity a mention of which is written ``name`` (any case), or ``None``."""
        low = name.strip().lower()
        found = {m.entity_id for m in self.mentions if self.text[m.start : m.end].lower() == low}
        return found.pop() if len(found) == 1 else None

    def spoke_between(self, lo: int, hi: int, entity_id: str) -> bool:
        """Tell whether a speaker other than ``entity_id`` (or an unresolved one) spoke in ``(lo, hi)``."""
        k = bisect.bisect_right(self.unresolved, lo)
        if k < len(self.unresolved) and self.unresolved[k] < hi:
            return True
        k = bisect.bisect_right(self.resolved, (lo, "\uffff"))
        return any(eid != entity_id for pos, eid in self.resolved[k:] if pos < hi)


def _bare_surnames(
    text: str, entities: dict[str, Entity], mentions: list[Mention], quoted: Sequence[tuple[int, int]]
) -> list[Mention]:
    """Return the mentions of a person by surname alone that the entity stage did not list.

    "Roe is digging in. He said ...": a capitalised word that is the surname of exactly one
    person (and the last word of no organisation) is a mention of that person, unless the text
    also writes it in lower case (a common word).
    """
    owners: dict[str, list[Entity]] = {}
    for entity in entities.values():
        for word in entity.surnames:
            owners.setdefault(word, []).append(entity)
    person = {w: ents[0].id for w, ents in owners.items() if len(ents) == 1 and ents[0].kind == "person"}
    person = {w: i for w, i in person.items() if len(w) >= 3 and surname_like(w)}
    if not person:
        return []
    hits = capitalised_hits(text, person)
    # also a common word ("Young", "young people"): capitals prove nothing
    common = {low for low in hits if written_lower(text, low)}
    taken = sorted((m.start, m.end) for m in mentions)
    found = []
    for low, spans in hits.items():
        if low in common:
            continue
        for s, e in spans:
            k = bisect.bisect_right(taken, (s, 1 << 62)) - 1
            if (k >= 0 and taken[k][1] > s) or (k + 1 < len(taken) and taken[k + 1][0] < e):
                continue  # part of a listed mention
            found.append(Mention(s, e, person[low], _inside(quoted, s, e)))
    return found


def _name(entity: Entity, text: str, s: int, e: int) -> None:
    """Add the last word of a mention to the entity's surnames, its first word to its given names."""
    word, given = _name_words(text[s:e])
    if word:
        entity.surnames.add(word)
    if given is not None and entity.kind == "person":
        entity.givens.add(given)


@functools.lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str | None, str | None]:
    """Return the last word of a name (``last_word``) and its first word lower-cased when it has two."""
    words = name.split()
    return last_word(name), words[0].lower() if len(words) >= 2 else None


def _describe(entity: Entity, text: str, s: int, e: int, left: int | None = None) -> None:
    """Add the words of a mention, its apposition and its modifiers to the entity's descriptors."""
    name = text[s:e]
    if entity.kind == "org":
        words = content_words(name)
        words += [_singular(w) for w in words]  # "Skyvane Airlines": "the airline"
        entity.descriptors.update(words)
        entity.heads.update(words)
    _add_phrase(entity, *_apposition(text, e))
    _add_phrase(entity, *_pre_apposition(text, s, e))
    _add_phrase(entity, *(_modifiers(text, s) if left is None else _phrase_modifiers(text, left, s)))
    if entity.kind == "person":
        age = age_after(text, e)
        if age is not None:
            entity.descriptors.add(age)
            entity.heads.add(age)
            if 13 <= int(age.split("-", 1)[0]) <= 19:  # "Ola Roe, 17,": "the teenager"
                entity.heads.update(_TEEN)
                entity.descriptors.update(_TEEN)
        party = party_after(text, e)  # "democrat", then the state's words
        if party is not None:
            entity.descriptors.update((party[0], *content_words(party[1])))
            entity.heads.add(party[0])
        origin = origin_after(text, e)  # "of Iowa": describes, but heads nothing
        if origin is not None:
            entity.descriptors.update(content_words(origin[0]))
            _add_phrase(entity, *_apposition(text, origin[1]))  # "X of Iowa, a Democrat,"


def _add_phrase(entity: Entity, opener: str, words: list[str]) -> None:
    """Add the words of a descriptive phrase: all as descriptors, those of its head part as heads.

    The head part ends at the first preposition and leaves out possessors ("the book's author":
    "author"), so "the book" never stands for the book's author. A phrase opened by a possessive
    ("his lawyer") or a possessor ("Roe's lawyer"), or whose head takes "of", "for" or "to" ("a
    lawyer for Roe"), also gives its head part as ``possessed``.
    """
    if not words:  # most mentions have no apposition or modifier: only an owner's name to add
        if opener[:1].isupper():
            entity.descriptors.update(content_words(opener))
        return
    entity.descriptors.update(content_words(" ".join(words)))
    if opener[:1].isupper():  # "Poland's Tomasz Krol", "Acme's Jane Roe": described by the owner's name
        entity.descriptors.update(content_words(opener))
    heads: list[str] = []
    owner = _possessor(opener) if opener in _POSSESSIVE_OPENERS or _POSSESSIVE.search(opener) else None
    for k, word in enumerate(words):
        if word.lower() in _PREPOSITIONS:
            if word.lower() in _RELATION_PREPOSITIONS and owner is None:  # "a lawyer for Roe"
                after = [w for w in words[k + 1 :] if w.lower() not in _OPENERS]
                named = last_word(after[0]) if after and after[0][:1].isupper() else None
                owner = f"@{named}" if named else ""
            break
        if _POSSESSIVE.search(word.rstrip(",")):
            owner = _possessor(word.rstrip(","))
        else:
            heads.extend(content_words(word))
    entity.heads.update(heads)
    if owner is not None:
        for head in heads:
            entity.possessed.setdefault(head, set()).add(owner)


def _possessor(word: str) -> str:
    """Return what a possessive says of its owner: a gender ("his"), "@" and a name ("Roe's"), or ""."""
    low = word.lower()
    if low in _POSSESSIVE_OPENERS:
        return pronoun_gender(low) or ""
    name = last_word(word)
    return f"@{name}" if name and word[:1].isupper() else ""


def _singular(word: str) -> str:
    """Return the singular of a regular English plural ("airlines", "utilities"), else ``word``."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word
