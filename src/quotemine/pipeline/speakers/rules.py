"""The speaker resolution rules: from a local speaker mention to a person or an organisation.

``Resolver.resolve`` tries the rules of ``RULES`` in order; the first that finds an entity decides,
and a mention no rule resolves stays unresolved (a wrong name is worse than none):

1. ``name``: the mention is (or ends in) a mention of a person or organisation ("the Fiscal
   Bureau" in "according to the Fiscal Bureau"; "Acme's Jane Roe" is Jane Roe); a bare surname
   several people bear is the one introduced first (of the gender an honorific states), a name
   run after a person's name ("Roe Foods") the body so named, never the person (``namesakes``);
2. ``surname``: its capitalised last word is the last word of exactly one entity's mentions;
   in both, a first name the person never goes by before the surname ("Tunde Roe" for the
   entity "Marta Roe") leaves the mention unresolved;
3. ``apposition``: a described speaker with a name in apposition ("A spokesman for the
   office, Raul Kest, said", "The coach of the Tigers, Ana Lind, said") is that name;
4. ``pronoun``: "he"/"she" take the most salient earlier person of the same gender (the last
   resolved speaker, unless a more recent person is named in the paragraph, a subject before an
   object; with no speaker near, the subject of the nearest paragraph that names someone before
   a later object; the one a question was put to before the one who asked), never a name inside a
   direct quote; with no one in that window, the only person named a few paragraphs back;
   never when one unnamed person ("a woman said") or an organisation spoke in the paragraph
   since that person was last heard; "I" outside quoted words is the writer when a byline names
   one (two bylined writers: no one), else like "he"; "it" takes the last organisation that
   spoke or was named nearby;
5. ``description``: a definite description ("the senator", "the Lakeland Liberal", "the bank")
   takes the entity whose descriptors hold its head word as a head (not "the book" for "the author
   of the book"), a narrower role ("the officer" for a sergeant) or a place its nationality names
   ("the Chilean" for "X of Chile"), and its capitalised words (and those of "from Ohio" after
   it), with the gender its head states; "the economist" is someone though "economists" are an
   unnamed group; several: those its qualifiers fit ("the prime minister"), then the last
   resolved speaker among them, else the one named in the last two paragraphs; never when the
   same description spoke unresolved in the paragraph since that one was heard; none but a gendered
   head ("the councilwoman"): the one person of that gender named before, when no one of unknown
   gender is named nearby; a generic "the company" takes the one organisation of that kind (a
   business is no ministry, "the force" a police body) that spoke in the last paragraphs with no
   other of that kind named since, else the one named there, else the one of that kind that spoke
   last; a job no one is described by ("the engineer") takes the person just quoted or named as a
   subject in the paragraph; a possessive description ("my father", "her manager") takes only
   the one entity the text describes so by a relation ("My father, Leon Roe, ...", "Roe's
   manager, Ana Lind,"), never a guess by gender or nearness; an age ("the 24-year-old") takes
   the person of that age ("Ola Roe, 24,"), else the one person named in this or the last
   paragraph, else the one just quoted;
6. ``antecedent``: a relative pronoun ("X, who said") takes what its antecedent resolves to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from quotemine.lexicons.gender import Gender, pronoun_gender, title_gender
from quotemine.lexicons.roles import POST_NOMINALS
from quotemine.lexicons.words import PERSON_PRONOUNS, POSSESSIVE_DETERMINERS
from quotemine.pipeline.records import SpeakerRecord
from quotemine.pipeline.speakers.dialogue import answerer, answers_question
from quotemine.pipeline.speakers.fitting import described_by, fits, from_place, qualified
from quotemine.pipeline.speakers.index import DocIndex, EntityKind, Mention, content_words, last_word
from quotemine.pipeline.speakers.namesakes import NAME_RUN, bare, namesake, other_given_name, short_org
from quotemine.pipeline.speakers.nouns import GENERIC_ORG_NOUNS, job_noun, narrower, org_noun_fits, role_noun
from quotemine.pipeline.speakers.salience import subject_first

__all__ = ["RULES", "Resolution", "Resolver", "SpeakerMention"]

#: First-person pronouns: outside quoted words they stand for the writer.
_FIRST_PERSON = frozenset({"i", "me"})
#: Pronouns that stand for one organisation.
_ORG_PRONOUNS = frozenset({"it"})
#: Determiners of a definite description.
_DEFINITE = frozenset({"the", "this", "that"})
#: A name as possessor opening a description ("Roe's lawyer").
_NAME_POSSESSOR = re.compile(r"[A-Z][\w-]*['’]s")
#: How many paragraphs back a generic organisation noun, or a description that fits several
#: entities, looks.
_ORG_WINDOW = 2
#: How many paragraphs back a "he"/"she" that finds no one in its window looks for a sole person.
_FAR_WINDOW = 3
#: An age used as a noun ("the 24-year-old").
_AGE = re.compile(r"\d{1,3}-years?-old")
#: A "which" clause right after a description: it describes a body or a thing, never a person.
_WHICH_AFTER = re.compile(r"\s*,\s*which\b")
#: How many paragraphs back "the company" may find the organisation that last spoke.
_ORG_SPEAKER_WINDOW = 6
#: Each generic organisation noun's unnamed other of its kind ("a rival firm"), compiled once.
_ANOTHER_OF_KIND = {
    noun: re.compile(rf"\b(?:an?|another|one|rival)\s+(?:[\w-]+\s+)?{re.escape(noun)}\b", re.I)
    for noun in GENERIC_ORG_NOUNS
}


@dataclass(frozen=True)
class SpeakerMention:
    """A local speaker mention to resolve, with its record and its text."""

    record: SpeakerRecord
    start: int
    end: int
    text: str

    @cached_property
    def low(self) -> str:
        """The mention, stripped and lower-cased."""
        return self.text.strip().lower()

    @cached_property
    def head(self) -> str:
        """The last word, lower-cased ("senator" of "the senator")."""
        return last_word(self.text) or ""

    @property
    def definite(self) -> bool:
        """Whether the mention opens with a definite determiner ("the minister")."""
        return self.low.split(" ", 1)[0] in _DEFINITE

    @property
    def described_words(self) -> list[str]:
        """The words after the determiner, without a place before "-based" ("The Oslo-based bank")."""
        words = self.text.split()[1:]
        based = [k for k, w in enumerate(words) if w.lower().endswith("-based")]
        return words[based[-1] + 1 :] if based else words

    @property
    def possessive(self) -> bool:
        """Whether the mention opens with a possessive ("her manager") or a name's ("Roe's aide")."""
        first = self.text.strip().split(" ", 1)[0]
        return first.lower() in POSSESSIVE_DETERMINERS or _NAME_POSSESSOR.fullmatch(first) is not None

    @property
    def unnamed(self) -> bool:
        """Whether ``quotemine_quotes`` marked the mention as naming no one ("analysts")."""
        return bool(self.record.get("unnamed"))

    @property
    def name_like(self) -> bool:
        """Whether every word is capitalised and no determiner opens it ("Okonjo", "Acme Corp")."""
        words = self.text.split()
        return bool(words) and not self.definite and all(w[:1].isupper() for w in words)


@dataclass(frozen=True)
class Resolution:
    """The entity a speaker mention resolved to, and the rule that found it."""

    entity_id: str
    kind: EntityKind
    rule: str
    antecedent: Mention | None = None


class Resolver:
    """Resolve speaker mentions of one document against its ``DocIndex``.

    Args:
        index: The document's people and organisations.
        titles: Titles a mention marked unnamed may still resolve by ("the spokesman").
        window: How many paragraphs back a pronoun looks for its antecedent.

    """

    def __init__(self, index: DocIndex, titles: frozenset[str], window: int) -> None:
        self.idx = index
        self.titles = titles
        self.window = window

    def resolve(self, m: SpeakerMention) -> Resolution | None:
        """Return the entity of ``m`` by the first rule that finds one, or ``None``."""
        for rule in RULES:
            found = rule(self, m)
            if found is not None:
                return found
        return None

    def _result(self, entity_id: str, rule: str, s: int) -> Resolution:
        kind = self.idx.entities[entity_id].kind
        return Resolution(entity_id, kind, rule, self.idx.earlier_mention(entity_id, s))

    def compatible(self, entity_id: str, kind: EntityKind, gender: Gender | None) -> bool:
        """Tell whether an entity may be what a mention of ``kind`` and ``gender`` stands for."""
        entity = self.idx.entities.get(entity_id)
        if entity is None or entity.kind != kind:
            return False
        return gender is None or entity.gender is None or entity.gender == gender

    def salient(self, s: int, kind: EntityKind, gender: Gender | None) -> str | None:
        """Return the most salient earlier entity of ``kind`` and ``gender`` near offset ``s``.

        The one a question was just put to (``_asked``); else the last resolved speaker in the
        window, unless an entity named after it in the same paragraph (a subject before an
        object, never the one who asked) is more recent.
        Names inside direct quotes never count.
        """
        here = self.idx.para(s)
        speaker = next(
            (r for r in self.idx.speakers_before(s, self.window) if self.compatible(r[1], kind, gender)), None
        )
        named_all = [
            mm
            for mm in self.idx.before(s, self.window)
            if not mm.quoted and self.compatible(mm.entity_id, kind, gender)
        ]
        in_para = [mm for mm in named_all if self.idx.para(mm.start) == here]
        asked = self._asked(in_para, named_all, here)
        if asked is not None and (speaker is None or asked.start > speaker[0]):
            return asked.entity_id
        if speaker is not None and answers_question(self, s, speaker[0], kind, bool(in_para)):
            return answerer(self, s, gender, speaker)  # "'Sure?' Roe asked. / '...,' he said"
        named = next((mm for mm in in_para if self.idx.role(mm) == "subject"), None)
        if named is None and named_all:
            named = subject_first(self.idx, named_all)
        if speaker is not None and (
            named is None
            or self.idx.role(named) == "asker"
            or named.entity_id == speaker[1]
            or self.idx.para(named.start) != here
            or named.start < speaker[0]
        ):
            return speaker[1]
        return named.entity_id if named is not None else None

    def _asked(self, in_para: list[Mention], named_all: list[Mention], here: int) -> Mention | None:
        """Return the mention a question was just put to, whose answer comes next, or ``None``.

        One asked in this paragraph ("Roe asked Kim whether ... He said"), or the last one named
        in the paragraph before when no one is named in this one: the answer paragraph of an
        interview ("Roe asked Kim whether ... / '...,' he said").
        """
        asked = next((mm for mm in in_para if self.idx.role(mm) == "asked"), None)
        if asked is None and not in_para and named_all and self.idx.para(named_all[0].start) == here - 1:
            asked = named_all[0] if self.idx.role(named_all[0]) == "asked" else None
        return asked

    def describe(self, m: SpeakerMention) -> str | None:
        """Return the one entity a definite description fits, or ``None`` (see the module doc)."""
        head = content_words(m.head)
        if not head:
            return None
        word = head[-1]
        capitals = {w for raw in m.described_words if raw[:1].isupper() for w in content_words(raw)}
        person_ok = not m.unnamed or word in self.titles or (m.definite and role_noun(word))
        if _WHICH_AFTER.match(self.idx.text, m.end):
            person_ok = False  # "the regulator, which has opened an inquiry,": no person
        gender = title_gender(word)
        candidates = self._candidates(m.start, word, capitals, gender, person_ok)
        if m.possessive:  # "her manager", "Roe's lawyer": only someone the text describes so, no guess
            first = m.low.split(" ", 1)[0]
            owner = pronoun_gender(first) or (f"@{last_word(first)}" if first[-2:] in ("'s", "’s") else None)
            candidates = [c for c in candidates if self.owned_by(c, word, owner)]
            return candidates[0] if len(candidates) == 1 else None
        if not candidates:
            return self.undescribed(m.start, word, gender if person_ok else None, person_ok, capitals)
        if len(candidates) > 1:  # "the prime minister": not the housing minister
            candidates = qualified(candidates, m.described_words, self.idx.entities)
            if not (candidates := from_place(candidates, self.idx.text, m.end, self.idx.entities)):
                return None  # two senators, neither "the senator from Ohio"
        found = candidates[0] if len(candidates) == 1 else self.most_salient(m.start, candidates)
        return None if found is not None and self.idx.unknown_since(word, m.start, found) else found

    def _candidates(
        self, s: int, word: str, capitals: set[str], gender: Gender | None, person_ok: bool
    ) -> list[str]:
        """Return the entities named before ``s`` a description headed by ``word`` fits."""
        roles = narrower(word)
        return [
            e.id
            for e in self.idx.entities.values()
            if (e.kind == "org" or (person_ok and (gender is None or e.gender in (None, gender))))
            and self.idx.first_start(e.id) < s
            and fits(self.idx.describe(e.id), word, capitals, roles)
        ]

    def owned_by(self, entity_id: str, word: str, owner: str | None) -> bool:
        """Tell whether the entity is described as the ``word`` of someone of gender ``owner``.

        "his lawyer": someone described as a lawyer (or attorney) of a man, or of someone the text
        gives no gender ("Roe's lawyer" with Roe of unknown gender), never of a woman; an owner
        "@roe" ("Roe's lawyer"): of Roe.
        """
        possessed = self.idx.entities[entity_id].possessed
        tags = set().union(*(possessed.get(w, ()) for w in (word, *narrower(word))))
        if not tags or (owner is not None and owner.startswith("@")):
            return owner in tags
        return owner is None or any(self._owner_gender(tag) in (None, owner) for tag in tags)

    def _owner_gender(self, tag: str) -> Gender | None:
        """Return the gender a possessor tag of ``Entity.possessed`` states, or ``None``."""
        if tag == "male" or tag == "female":
            return "male" if tag == "male" else "female"
        if not tag.startswith("@"):
            return None
        people = [e for e in self.idx.entities.values() if e.kind == "person" and tag[1:] in e.surnames]
        return people[0].gender if len(people) == 1 else None

    def undescribed(
        self, s: int, word: str, gender: Gender | None, person_ok: bool, capitals: set[str]
    ) -> str | None:
        """Return what a description no entity is described by stands for, or ``None``.

        An age ("the 24-year-old"): the one person just named (else ``just_quoted``), unless their
        stated age differs;
        a generic organisation noun: ``nearby_org``; a gendered title: ``only_one_of``; a job
        ("the engineer"): ``just_quoted``.
        """
        if _AGE.fullmatch(word) and person_ok:
            if self.idx.newcomer_here(s):
                return None  # "The ferryman smiled. '...,' the 78-year-old said": the one described
            found = self.only_person_nearby(s) or self.just_quoted(s, set())
            ages = self.idx.describe(found).descriptors if found is not None else set()
            return found if not any(_AGE.fullmatch(d) for d in ages) else None  # "Roe, 31,"
        if word in GENERIC_ORG_NOUNS:
            return self.nearby_org(s, word)
        if gender is not None:
            return self.only_one_of(s, gender)
        return self.just_quoted(s, capitals, word) if person_ok and job_noun(word) else None

    def only_one_of(self, s: int, gender: Gender) -> str | None:
        """Return the one person of ``gender`` named before ``s`` ("the councilwoman"), or ``None``.

        Only when no person of unknown gender is named in the last paragraphs, who might be the one.
        """
        nearby = {mm.entity_id for mm in self.idx.before(s, _ORG_WINDOW)}
        if any(self.idx.entities[i].kind == "person" and self.idx.entities[i].gender is None for i in nearby):
            return None
        people = [
            e.id
            for e in self.idx.entities.values()
            if e.kind == "person" and e.gender == gender and self.idx.first_start(e.id) < s
        ]
        return people[0] if len(people) == 1 else None

    def just_quoted(self, s: int, capitals: set[str], head: str = "") -> str | None:
        """Return the person a job description no one is described by stands for, or ``None``.

        News writing names a person, then calls them by what they do ("Fay Orr said ... / '...,'
        the engineer said"): the last speaker in this paragraph, else the last person named as a
        subject in it outside any quote's content, else the last speaker of the paragraph before
        (a subject named after the speaker wins: "Roe said ... Kim was unconvinced. '...,' the
        lawyer said" is Kim); only when no one unresolved
        spoke since, no capitalised word of the description ("the Oslo engineer") describes another
        person and each one before its head describes that person.
        """
        here = self.idx.para(s)
        people = [(pos, i) for pos, i in self.idx.speakers_before(s, 1) if self.compatible(i, "person", None)]
        spoke = next(((pos, i) for pos, i in people if self.idx.para(pos) == here), None)
        named = next(
            (
                (mm.start, mm.entity_id)
                for mm in self.idx.before(s, 0)
                if not self.idx.in_content(mm)
                and self.compatible(mm.entity_id, "person", None)
                and self.idx.role(mm) == "subject"
            ),
            None,
        )
        found = spoke or named or (people[0] if people else None)
        if spoke and named and named[0] > spoke[0]:
            found = named
        if found is None or self.idx.spoke_between(found[0], s, found[1]):
            return None
        self.idx.describe_entities()
        others = (e for e in self.idx.entities.values() if e.kind == "person" and e.id != found[1])
        if capitals and any(capitals & e.descriptors for e in others):
            return None
        if not described_by(self.idx.entities[found[1]], capitals - {head}):
            return None  # "the Chilean engineer" is not the person just quoted unless so described
        return found[1]

    def sole_person(self, s: int, gender: Gender) -> str | None:
        """Return the one person a "he"/"she" may stand for a few paragraphs back, or ``None``.

        When the pronoun's window holds no one (a paragraph of background between the person and
        the quote: "He grew up ... / The mill burned ... / '...,' he said"), the one person that
        spoke or was named, outside quoted words, in the last few paragraphs, if they may have
        that gender, no one else was named there and no other speaker (named or not) spoke since.
        """
        named = [(mm.start, mm.entity_id) for mm in self.idx.before(s, _FAR_WINDOW) if not mm.quoted]
        named += list(self.idx.speakers_before(s, _FAR_WINDOW))
        people = {i for _, i in named if self.idx.entities[i].kind == "person"}
        if len(people) != 1:
            return None
        only = next(iter(people))
        last = max(pos for pos, i in named if i == only)
        if self.idx.spoke_between(last, s, only):
            return None  # someone else (or someone unnamed: "my father said") spoke since
        return only if self.compatible(only, "person", gender) else None

    def only_person_nearby(self, s: int) -> str | None:
        """Return the one person named (outside quoted words) in this or the last paragraph, or ``None``."""
        people = {
            mm.entity_id
            for mm in self.idx.before(s, 1)
            if not mm.quoted and self.idx.entities[mm.entity_id].kind == "person"
        }
        return next(iter(people)) if len(people) == 1 else None

    def nearby_org(self, s: int, noun: str) -> str | None:
        """Return the organisation a generic ``noun`` ("the company") before ``s`` stands for, or ``None``.

        The organisation of that kind that spoke in the last paragraphs when no other one of that
        kind is named since ("The authority said ... / '...,' the agency said"); else the one
        organisation of that kind named in the last paragraphs; else (none, or several) the
        organisation of that kind that spoke last, a few paragraphs back at most, if it is one
        of them; else (none nearby, none spoke) the one organisation of that kind named before.
        """
        named = [mm for mm in self.idx.before(s, _ORG_WINDOW) if not mm.quoted]
        recent = next(
            ((pos, i) for pos, i in self.idx.speakers_before(s, _ORG_WINDOW) if self._org_fits(i, noun)), None
        )
        if recent is not None and not any(
            mm.start > recent[0] and mm.entity_id != recent[1] and self._org_fits(mm.entity_id, noun)
            for mm in named
        ):
            return recent[1]
        nearby = {mm.entity_id for mm in named}
        orgs = [i for i in nearby if self._org_fits(i, noun)]
        if len(orgs) == 1:
            return orgs[0]
        spoke = next(
            (i for _, i in self.idx.speakers_before(s, _ORG_SPEAKER_WINDOW) if self._org_fits(i, noun)), None
        )
        if spoke is None and not orgs:  # "the force said", the one police force named further up
            return self._only_org(s, noun)
        return spoke if spoke is not None and (not orgs or spoke in orgs) else None

    def _only_org(self, s: int, noun: str) -> str | None:
        """Return the one organisation of the ``noun`` kind named before ``s``, or ``None``.

        Not when another of that kind came in unnamed since its last mention ("a rival firm").
        """
        only = [
            i
            for i, e in self.idx.entities.items()
            if e.kind == "org" and self.idx.first_start(i) < s and self._org_fits(i, noun)
        ]
        if len(only) != 1:
            return None
        last = self.idx.earlier_mention(only[0], s)
        since = self.idx.text[last.end if last is not None else 0 : s]
        return only[0] if _ANOTHER_OF_KIND[noun].search(since) is None else None

    def _org_fits(self, entity_id: str, noun: str) -> bool:
        """Tell whether the organisation ``entity_id`` may be called "the ``noun``"."""
        entity = self.idx.entities[entity_id]
        if entity.kind != "org":
            return False
        return org_noun_fits(noun, entity.surnames)

    def most_salient(self, s: int, candidates: list[str]) -> str | None:
        """Return the last resolved speaker among ``candidates`` nearby, else the last one named nearby."""
        for _, eid in self.idx.speakers_before(s, self.window):
            if eid in candidates:
                return eid
        closest = next((mm for mm in self.idx.before(s, _ORG_WINDOW) if mm.entity_id in candidates), None)
        return closest.entity_id if closest is not None else None


_Rule = Callable[[Resolver, SpeakerMention], "Resolution | None"]


def by_name(r: Resolver, m: SpeakerMention) -> Resolution | None:
    """1. The mention is, or ends in, a mention of an entity; else it holds a person's mention.

    A person's name that only modifies the mention ("other Roe challengers", a group) or owns
    what it names ("Roe's lawyer") is not the speaker.
    """
    covering = r.idx.covering(m.start, m.end)
    if not covering:
        return None
    tail = m.text.rstrip()
    head_start = m.start + len(tail) - len(tail.split()[-1]) if tail.split() else m.start
    at_head = [c for c in covering if c.end > head_start]
    if at_head:
        named = at_head[-1]
        entity = r.idx.entities[named.entity_id]
        if named.start > m.start and other_given_name(r.idx.text, named.start, entity):
            return None  # "Tunde Roe" is not the "Marta Roe" the surname was linked to
        if entity.kind == "person" and bare(r.idx.text, m, named):  # "Hale said", two Hales named
            shared = namesake(r, m, named.entity_id)
            return r._result(shared, "name", m.start) if shared is not None else None
        return Resolution(named.entity_id, entity.kind, "name")
    person = next((c for c in covering if r.idx.entities[c.entity_id].kind == "person"), None)
    if person is None or m.unnamed or r.idx.text.startswith(("'", "’"), person.end):
        return None  # "he and other Roe challengers", "Roe's lawyer": not Roe
    if NAME_RUN.fullmatch(r.idx.text, person.end, m.start + len(tail)):  # "Hale Logistics": a body
        alias = r.idx.alias(tail)
        return r._result(alias, "name", m.start) if alias is not None else None
    return Resolution(person.entity_id, "person", "name")


def by_surname(r: Resolver, m: SpeakerMention) -> Resolution | None:
    """2. Its capitalised last word is the last word of exactly one entity's mentions.

    Not when another first name stands before it ("Tunde Roe" is not "Marta Roe").
    """
    if m.low in PERSON_PRONOUNS or (m.unnamed and not m.name_like):
        return None
    words = m.text.split()
    if not words or not words[-1][:1].isupper():
        return None
    ids = [e.id for e in r.idx.entities.values() if m.head in e.surnames]
    if not ids and len(words) == 1:  # "Fjellco said" for "Fjellco Ferries"
        short = short_org(r, m.head)
        return r._result(short, "surname", m.start) if short is not None else None
    if len(ids) != 1:
        return None
    last = m.start + len(m.text.rstrip()) - len(words[-1])
    if other_given_name(r.idx.text, last, r.idx.entities[ids[0]]):
        return None  # "Tunde Roe" shares only the surname of "Marta Roe"
    return r._result(ids[0], "surname", m.start)


#: What may stand between a described speaker and the name in apposition to it: a short
#: prepositional tail ("of the Tigers", "for the office") or relative clause ("who built the
#: bridge"), and the opening comma or dash.
_APPOSED_GAP = re.compile(
    r"(?:\s+(?:of|for|at|with|from|in|on|to|who|that)\s+[^,;:.()\"“”\n—–]{1,60}?)?\s*(?:,|—|–|\s-)\s*"
)
#: What an apposed name may open with, outside its mention: "the" and up to two lower-case words
#: of what it is ("the pension fund Oakridge Partners"), or "a ... named" ("a retired nurse named").
_APPOSED_ARTICLE = re.compile(
    r"(?:(?i:the)\s+(?:[a-z][\w-]*\s+){0,2}|(?i:an?)\s+(?:[a-z0-9][\w-]*\s+){1,3}(?:named|called)\s+)(?=[A-Z])"
)
#: What closes the apposition after the name: a comma, a dash, or a bracket.
_APPOSED_CLOSE = re.compile(r"\s*(?:,|—|–|-\s|\()")


def by_apposition(r: Resolver, m: SpeakerMention) -> Resolution | None:
    """3. A described speaker with a name in apposition: "A spokesman for the office, Raul Kest, said".

    The name right after the description (after at most a short prepositional tail), closed by a
    comma, dash or bracket, is the speaker. Pronouns and names have no such apposition.
    """
    if m.low in PERSON_PRONOUNS or m.low in _ORG_PRONOUNS:
        return None
    if m.name_like and m.head not in POST_NOMINALS and m.head not in r.titles and m.low != "one":
        return None  # a name; "MP" or "Governor" (or "One" of them) before a name in apposition is not
    gap = _APPOSED_GAP.match(r.idx.text, m.end)
    if gap is None:
        return None
    start = gap.end()
    article = _APPOSED_ARTICLE.match(r.idx.text, start)  # "The regulator, the Fen Water Board, said"
    starts = (start, article.end()) if article is not None else (start,)
    named = next((c for c in r.idx.covering(start, starts[-1] + 1) if c.start in starts), None)
    if named is None or named.quoted or not _APPOSED_CLOSE.match(r.idx.text, named.end):
        return None
    return Resolution(named.entity_id, r.idx.entities[named.entity_id].kind, "apposition")


def by_pronoun(r: Resolver, m: SpeakerMention) -> Resolution | None:
    """4. A personal pronoun: the most salient earlier person of its gender; "it": an organisation."""
    if m.unnamed:
        return None  # "he and a colleague": a group
    authors = [e.id for e in r.idx.entities.values() if e.author]
    if m.low in _FIRST_PERSON and authors:
        found = authors[0] if len(authors) == 1 else None
    elif m.low in PERSON_PRONOUNS:
        gender = pronoun_gender(m.low)
        found = r.salient(m.start, "person", gender)
        if found is None and gender is not None:
            found = r.sole_person(m.start, gender)
        if found is not None and (
            r.idx.lone_since(found, m.start)
            or r.idx.org_spoke_here(found, m.start)
            or (gender is not None and r.idx.newcomer_since(found, m.start, gender))
        ):
            return None  # one unnamed person, or an organisation, spoke or came in since: "she" may be theirs
    elif m.low in _ORG_PRONOUNS:
        found = r.salient(m.start, "org", None)
    else:
        return None
    return r._result(found, "pronoun", m.start) if found is not None else None


def by_description(r: Resolver, m: SpeakerMention) -> Resolution | None:
    """5. A definite or possessive description: the entity whose descriptors fit it."""
    if not (m.definite or m.possessive):
        return None
    found = r.describe(m)
    return r._result(found, "description", m.start) if found is not None else None


def by_antecedent(r: Resolver, m: SpeakerMention) -> Resolution | None:
    """6. A relative pronoun: what its antecedent resolves to (a name or a description)."""
    antecedent = m.record.get("antecedent")
    if not antecedent:
        return None
    a0, a1 = int(antecedent[0]), int(antecedent[1])
    inner = SpeakerMention(
        SpeakerRecord(start=a0, end=a1, person_id=None, unnamed=False), a0, a1, r.idx.text[a0:a1]
    )
    found = by_name(r, inner) or by_surname(r, inner) or by_description(r, inner)
    return (
        Resolution(found.entity_id, found.kind, "antecedent", found.antecedent) if found is not None else None
    )


#: The resolution rules, in order: the first that finds an entity decides.
RULES: tuple[_Rule, ...] = (by_name, by_surname, by_apposition, by_pronoun, by_description, by_antecedent)
