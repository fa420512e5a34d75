"""Speaker and addressee mentions of cue words, read off the dependency parse (no NER labels needed)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Set
from typing import Final

import numpy
from spacy.tokens import Doc, Token

from quotemine.extensions import doc_text
from quotemine.lexicons import data_lines
from quotemine.lexicons.words import NESTABLE_SUBJECT_PRONOUNS, SPEAKER_PRONOUNS
from quotemine.pipeline.quotes.cues import CueLexicon
from quotemine.pipeline.quotes.phrases import SENT_END, np_span
from quotemine.pipeline.quotes.subjects import (
    BOUND_PRONOUNS,
    NON_AGENT_NOUNS,
    SUBJECT_DEPS,
    TIME_ENTS,
    bound_subject,
    is_thing,
    relative_antecedent,
    subject_of,
)
from quotemine.pipeline.records import SpeakerRecord

__all__ = [
    "NON_AGENT_NOUNS",
    "SUBJECT_DEPS",
    "SpeakerReader",
    "is_thing",
    "relative_antecedent",
    "speaker_record",
    "subject_of",
]

_NEST_DEPS = frozenset({"ccomp", "conj", "xcomp", "advcl"})
_ADDRESSEE_DEPS = frozenset({"dobj", "dative", "iobj"})
_NOT_SPEAKERS = ("it", "this", "that")
_NOMINAL = ("PROPN", "PRON", "NOUN")
#: Marks around an aside after a name ("Kest, the mayor, said"; "Kest - who ... - said").
_ASIDE_MARKS = frozenset({",", "-", "—", "–"})
#: Dashes that close a dateline.
_DASHES = frozenset({"-", "—", "–", "--"})
#: How far before its cue a name opening the paragraph may stand.
_MAX_FRONTED = 40
#: The furthest a verbless "NAME, description:" may run before its colon.
_MAX_COLON_SPEAKER = 25


#: Entity types of a time: never what a relative pronoun speaker stands for.
_TIME_ENTS: Final = frozenset({"DATE", "TIME"})
_RELATIVE_TAGS: Final = frozenset({"WDT", "WP", "WP$"})
_RELATIVES: Final = frozenset({"which", "that", "who", "whom", "whose"})


def _is_unnamed(doc: Doc, start: int, end: int, group_nouns: Set[str]) -> bool:
    """Tell whether the mention ``doc[start:end]`` names no one (see ``speaker_record``)."""
    span = doc[start:end]
    head = span.root
    if head.tag_ in _RELATIVE_TAGS or head.lower_ in _RELATIVES:
        return False  # "which", "that": it stands for its antecedent, not for an unnamed source
    if not (
        head.pos_ in ("NOUN", "NUM", "ADJ", "DET")
        or (head.pos_ != "PROPN" and head.lower_ not in SPEAKER_PRONOUNS)
    ):
        return False
    definite = span[0].lower_ in ("the", "this", "that") or any(t.dep_ == "poss" for t in head.lefts)
    plural = head.tag_ in ("NNS", "NNPS")
    group = head.lemma_.lower() in group_nouns
    if definite and not plural and not group:
        return False
    if head.i == start and head.is_title and any(t.pos_ == "PROPN" for t in span[1:]):
        return False  # a name built on a common noun: "Transport for London"
    return group or plural or not definite


def speaker_record(doc: Doc, start: int, end: int, group_nouns: Set[str]) -> SpeakerRecord:
    """Build the speaker record of a quote for the tokens ``doc[start:end]``.

    ``unnamed`` is true for a common-noun head in the group lexicon or with an indefinite or no
    determiner ("analysts", "a Pentagon spokesman"); a definite title ("the minister") stays
    ``False`` so the attribution stage may resolve it.

    Args:
        doc: The document.
        start: First token of the mention.
        end: Token after the mention.
        group_nouns: Head lemmas of group nouns.

    Returns:
        The record, in character offsets, with ``person_id`` left ``None``.

    """
    start, end = _within_paragraph(doc, start, end)
    span = doc[start:end]
    return SpeakerRecord(
        start=span.start_char,
        end=span.end_char,
        person_id=None,
        unnamed=_is_unnamed(doc, start, end, group_nouns),
    )


def _within_paragraph(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Return the tokens of ``doc[start:end]`` in the paragraph of its head.

    A parse may run a headline into the subject of the first sentence ("Mayor quits", a paragraph
    break, "The mayor of Dunmere said"): the mention is only the part after the break.
    """
    breaks = [t.i for t in doc[start:end] if "\n" in t.text]
    if not breaks:
        return start, end
    root = doc[start:end].root.i
    if root > breaks[-1]:
        return breaks[-1] + 1, end
    return start, next((b for b in breaks if b > root), end)


class SpeakerReader:
    """Read the speaker and addressee mentions of cues in one parsed document.

    Args:
        doc: The parsed document.
        qid: For each token, the index of the quoted stretch holding it, or -1.
        lexicon: The cue lexicon (group, document, cue and cognition words).

    """

    def __init__(self, doc: Doc, qid: list[int], lexicon: CueLexicon) -> None:
        self.doc = doc
        self.qid = qid
        self.lex = lexicon
        self.agents = lexicon.group_nouns | lexicon.document_nouns | _role_nouns()
        self._colons: list[int] | None = None  # token indices of the colons, read once
        self._person_words: frozenset[str] | None = None  # words of the PERSON entities, read once

    def _known_person_word(self, tok: Token) -> bool:
        """Tell whether a capitalised word the tagger took for a noun is a word of a named person."""
        if self._person_words is None:
            self._person_words = frozenset(t.text for e in self.doc.ents if e.label_ == "PERSON" for t in e)
        return tok.text[:1].isupper() and tok.text in self._person_words

    def _colon_within(self, a: int, b: int) -> bool:
        """Tell whether a colon stands among the tokens ``a`` to ``b`` (one bisection)."""
        if self._colons is None:
            colon = self.doc.vocab.strings.add(":")
            self._colons = numpy.flatnonzero(self.doc.to_array("ORTH") == colon).tolist()
        k = bisect.bisect_left(self._colons, a)
        return k < len(self._colons) and self._colons[k] < b

    def mention(self, head: Token) -> SpeakerRecord:
        """Return the speaker record of the noun phrase headed by ``head``."""
        based = _based_description(head)
        if based is not None:  # "The Tulsa, Oklahoma-based brewer": the whole description
            return speaker_record(self.doc, head.left_edge.i, based.i + 1, self.lex.group_nouns)
        s, e = np_span(head)
        doc = self.doc
        if s + 2 < e and doc[s].text.isupper() and len(doc[s].text) > 2 and doc[s + 1].text in _DASHES:
            s += 2  # a dateline the parse took into the name: "OSLO - Ana Roe"
        if head.pos_ == "PROPN" and head.is_lower and head.left_edge.i < s:
            s = head.left_edge.i  # "The GOP front-runner": a common noun the tagger took for a name
        if head.lower_ == "old" and head.i >= 4 and _age_noun(self.doc[head.i - 4], head.i + 1) is not None:
            s = min(s, head.i - 4)  # "the 24-year-old": the whole age and its determiner
            s = s - 1 if s > 0 and self.doc[s - 1].lower_ in ("the", "a", "an") else s
        if head.pos_ == "NOUN" and e < len(doc) and doc[e].dep_ == "appos" and doc[e].head.i == head.i:
            # "the website pollcount noted": the name set right after the noun, no comma, is the speaker
            a_end = doc[e].right_edge.i + 1
            if a_end - e <= 4 and all(t.pos_ in ("PROPN", "NOUN") and t.is_alpha for t in doc[e:a_end]):
                e = a_end
        return speaker_record(self.doc, s, e, self.lex.group_nouns)

    def phrase_speaker(self, pobj: Token) -> SpeakerRecord:
        """Return the speaker of "according to X": X, or the author of a document or thing X.

        "according to a post from Jane Roe", "according to a review of filings by the Civic
        Trust": the 'from'/'by' object of the document (or of its 'of' object) is the source.
        """
        if pobj.lemma_.lower() in self.lex.document_nouns or is_thing(pobj, self.agents):
            source = _author(pobj, self.agents)
            if source is not None:
                return self.mention(source)
        return self.mention(pobj)

    def colon_speaker(self, colon: Token) -> SpeakerRecord | None:
        """Read 'Jeremy Lott, author: "..."': a verbless noun phrase before a colon is the speaker."""
        doc = self.doc
        k = colon.i - 1
        limit = colon.i - _MAX_COLON_SPEAKER
        while k >= 0 and k > limit and "\n" not in doc[k].text and doc[k].text not in SENT_END:
            if doc[k].pos_ in ("VERB", "AUX") or self.qid[k] >= 0:
                return None
            k -= 1
        if k == limit or colon.i - k < 2:
            return None
        root = doc[k + 1 : colon.i].root
        if root.pos_ not in ("PROPN", "NOUN"):
            return None
        return self.mention(root)

    def _subject(self, verb: Token, content: tuple[int, int]) -> Token | None:
        """Return the subject token of ``verb``, repairing what the parse lost."""
        subj = subject_of(verb, content, self.lex.document_nouns, self.agents)
        if subj is not None and subj.text.isupper() and len(subj.text) > 2:
            subj = _past_dateline(subj)
        if subj is not None and subj.i < verb.i and _fronted_participle(subj):
            subj = _apposed_after_participle(verb, subj)
        if subj is not None and subj.i < verb.i and "\n" in doc_text(self.doc)[subj.idx : verb.idx]:
            subj = None  # a headline run into the first sentence ("Mayor quits / Roe said"): not its subject
        if subj is None and verb.i < content[0]:
            subj = self._fronted_name(verb)
            if subj is not None and subj.text.isupper() and len(subj.text) > 2:
                subj = _name_after_dateline(subj, verb)
            if subj is None and verb.i >= 5:  # "The 31-year-old added that": the parse has no subject
                subj = _age_noun(self.doc[verb.i - 5], verb.i)
        if subj is None and content[1] <= verb.i:
            subj = self._nominal_between(content[1], verb.i)
            if subj is None and all(t.is_punct or t.is_space for t in self.doc[content[1] : verb.i]):
                # inversion the parser missed: '"...," scoffed the clerk.'
                subj = self._nominal_between(verb.i + 1, min(verb.i + 4, len(self.doc)))
        if subj is None:
            subj = self._adjacent_name(verb, content)
        return subj

    def speaker_of(self, verb: Token, content: tuple[int, int]) -> SpeakerRecord | None:
        """Return the speaker record of the cue ``verb`` whose content is the token range ``content``."""
        if verb.pos_ == "NOUN":  # a cue verb the tagger took for a noun ("in a series of tweets:")
            found = self.noun_speaker(verb)
            if found is not None:
                return found
        if self._fronted_told(verb):
            return None
        subj = self._subject(verb, content)
        if subj is None or _non_agent(subj) or self._told(verb, subj):
            return None
        if subj.lower_ in NESTABLE_SUBJECT_PRONOUNS and verb.lemma_.lower() in self.lex.cognition_verbs:
            subj = self._outer_speaker(verb, subj)
        elif subj.lower_ in BOUND_PRONOUNS:
            subj = bound_subject(verb, subj) or subj
        spk = self.mention(subj)
        conj = [c for c in subj.children if c.dep_ == "conj"]
        if subj.lower_ in SPEAKER_PRONOUNS and conj:
            # "he and a colleague said": a group, not the one "he"; the mention is the group
            last = self.doc[max(c.right_edge.i for c in conj)]
            spk["end"] = max(int(spk["end"]), last.idx + len(last.text))
            spk["unnamed"] = True
        antecedent = self._relative_source(subj)
        if antecedent is not None:
            a0, a1 = np_span(antecedent)
            spk["antecedent"] = [self.doc[a0].idx, self.doc[a1 - 1].idx + len(self.doc[a1 - 1].text)]
            spk["unnamed"] = _is_unnamed(self.doc, a0, a1, self.lex.group_nouns)  # "analysts, who said"
        return spk

    def _told(self, verb: Token, subj: Token) -> bool:
        """Tell whether ``subj`` is the passive subject of a verb of telling: the addressee.

        "Kim was told that ...", "Kim was asked whether ...": Kim heard it; the teller is unnamed
        (a "by" agent, "was asked by reporters", is read as the subject before this test).
        """
        return (
            subj.dep_ == "nsubjpass"
            and subj.head.i == verb.i
            and verb.lemma_.lower() in self.lex.addressee_verbs
        )

    def _fronted_told(self, verb: Token) -> bool:
        """Tell whether ``verb`` is a fronted participle of telling: "Asked whether ..., Roe laughed".

        The host clause's subject was asked (or told); the one who asked is not named.
        """
        return (
            verb.dep_ == "advcl"
            and verb.i < verb.head.i
            and verb.tag_ in ("VBN", "VBD")
            and verb.lemma_.lower() in self.lex.addressee_verbs
            and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)
        )

    def was_asked(self, root: Token) -> bool:
        """Tell whether the clause of ``root`` opens with a fronted "Asked ...," (``_fronted_told``).

        "Asked whether the plan would work, Roe smiled.": its subject was put a question, so a
        quotation right after the sentence is Roe's answer. Only a subject that is no pronoun: a
        "he" there may be read as a name in the question ("Asked what he told Kim, he laughed").
        """
        kids = list(root.children)
        if not any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in kids):
            return False
        return any(c.dep_ == "advcl" and c.i < root.i and self._fronted_told(c) for c in kids)

    def _relative_source(self, subj: Token) -> Token | None:
        """Return what a relative pronoun subject stands for as a speaker, or ``None``.

        Its antecedent ("Ana Roe, who said"); for a document ("the board issued a statement,
        which said") the document's author ("a report by the board, which found") or the subject
        of the verb that put it out; ``None`` for a non-agent ("the evidence, which shows").
        """
        antecedent = relative_antecedent(subj)
        if antecedent is not None and antecedent.ent_type_ in _TIME_ENTS and antecedent.dep_ == "pobj":
            # "released a report on Tuesday, which found": a time says nothing; the verb's object
            verb = antecedent.head.head
            antecedent = next((c for c in verb.children if c.dep_ == "dobj" and c.i < antecedent.i), None)
        if antecedent is None or antecedent.lemma_.lower() not in self.lex.document_nouns:
            return None if antecedent is None or _non_agent(antecedent) else antecedent
        author = _author(antecedent, self.agents) or _host_subject(antecedent)
        if author is None or author.pos_ not in ("PROPN", "NOUN") or is_thing(author, self.agents):
            return antecedent  # "a report, which found": the document, when no one put it out
        return author

    def _outer_speaker(self, verb: Token, subj: Token) -> Token:
        """Return the named speaker of the cue whose content holds ``verb`` ("X said he thinks ...").

        The pronoun subject of a cue nested in another statement refers to that statement's
        speaker; news attribution (and PolNeAR) credits the named one.
        """
        cur = verb
        for _ in range(6):
            if cur.head.i == cur.i or cur.dep_ not in _NEST_DEPS:
                return subj
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in self.lex.cue_verbs:
                return _named_outer(subject_of(cur), verb, subj)
        return subj

    def _fronted_name(self, verb: Token) -> Token | None:
        """Return the name opening the cue's sentence before an aside ("Kest, the mayor, said").

        The parse may run a paragraph into the sentence before it, or an aside into the name, and
        lose the subject of its verb; a name ("Kest", "harbour master Ilse Kest") that opens the
        paragraph or sentence, is closed off by a comma or dash, and is followed
        (after the aside, a date or an adverb) by a comma or dash just before the cue is it.
        """
        doc = self.doc
        k = verb.i - 1
        while k > 0 and (doc[k].ent_type_ in TIME_ENTS or doc[k].pos_ == "ADV"):
            k -= 1
        if k <= 0 or doc[k].text not in _ASIDE_MARKS:
            return None
        p = k
        while p > 0 and not _opens(doc[p - 1]) and verb.i - p < _MAX_FRONTED:
            p -= 1
        if p > 0 and not _opens(doc[p - 1]):
            return None
        e = p
        while e < k and (doc[e].pos_ in ("PROPN", "NOUN", "ADJ") or _inner_hyphen(doc[e])):
            e += 1
        if e == p or doc[e].text not in _ASIDE_MARKS or self.qid[p] >= 0:
            return None
        if doc[e - 1].pos_ != "PROPN" and not (
            # a surname opening a sentence that the tagger took for a noun ("Vance, who ..., said")
            e - p == 1 and doc[p].pos_ == "NOUN" and self._known_person_word(doc[p])
        ):
            return None
        if any(t.ent_type_ in TIME_ENTS for t in doc[p:e]):
            return None
        return doc[e - 1]

    def _nominal_between(self, lo: int, hi: int) -> Token | None:
        """Return the head of the first noun phrase in ``doc[lo:hi]`` ('," Ramos, 58, told ...')."""
        for i in range(lo, hi):
            tok = self.doc[i]
            if self.qid[i] >= 0 or "\n" in tok.text:
                return None
            age = _age_noun(tok, hi)
            if age is not None:
                return age
            if tok.pos_ in _NOMINAL and tok.lower_ not in _NOT_SPEAKERS and tok.ent_type_ not in TIME_ENTS:
                while tok.dep_ in ("compound", "flat") and tok.head.i < hi and tok.head.i != tok.i:
                    tok = tok.head
                return tok
        return None

    def _adjacent_name(self, verb: Token, content: tuple[int, int]) -> Token | None:
        """Fall back to a pronoun or proper noun next to the cue when the parse lost the subject."""
        doc = self.doc
        for off in (-1, 1, 2, -2):
            i = verb.i + off
            if 0 <= i < len(doc) and not content[0] <= i < content[1] and self.qid[i] < 0:
                tok = doc[i]
                if tok.pos_ in ("PRON", "PROPN") and tok.lower_ not in _NOT_SPEAKERS:
                    return tok
                if tok.is_punct:
                    break
        return None

    def line_speaker(self, pa: int) -> tuple[int, Token] | None:
        """Read 'NAME: ...' at the paragraph starting at token ``pa``: the colon and the name head."""
        doc, qid = self.doc, self.qid
        while pa < len(doc) and doc[pa].is_space:
            pa += 1
        if not self._colon_within(pa, pa + 9):
            return None  # most paragraphs: no colon among their first words
        colon = next((i for i in range(pa, min(pa + 9, len(doc))) if doc[i].text in (":", "\n")), None)
        if colon is None or doc[colon].text != ":" or colon == pa or not doc[pa].text[:1].isupper():
            return None
        if any(t.pos_ in ("VERB", "AUX") or qid[t.i] >= 0 or t.is_digit for t in doc[pa:colon]):
            return None
        root = doc[pa:colon].root
        if root.pos_ not in ("PROPN", "NOUN") or root.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "FAC"):
            return None  # "Syria: Female Prisoners Speak Out" is a topic, not a speaker
        return colon, root

    def noun_speaker(self, noun: Token) -> SpeakerRecord | None:
        """Return the speaker of a nominal cue ("his claim that", "X made the claim that").

        The possessor comes first, then a 'by'/'from'/'of' object, then the subject of the verb
        whose object the noun is.
        """
        for rule in (_possessor, _source_object, _host_subject):
            head = rule(noun)
            if head is not None:
                return self.mention(head)
        return None

    def addressee_of(self, verb: Token) -> tuple[int, int] | None:
        """Return the character span of the addressee of ``verb`` ("told IWPR"), or ``None``."""
        if verb.lemma_.lower() not in self.lex.addressee_verbs:
            return None
        deps = _ADDRESSEE_DEPS | {"nsubjpass"}
        if self._fronted_told(verb):
            verb, deps = verb.head, frozenset({"nsubj", "nsubjpass"})  # "Asked whether ..., Roe laughed"
        for child in verb.children:
            if child.dep_ in deps and child.pos_ in _NOMINAL:
                # "told IWPR"; "Kim was asked whether": the passive subject heard the question
                s, e = np_span(child)
                return (self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1].text))
        return None


@functools.lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    """Return the role and title nouns of the package data ("chair", "judge"): people, not things."""
    words = (
        line.split("\t")[0].strip().lower()
        for name in ("roles.txt", "titles.txt")
        for line in data_lines(name)
    )
    return frozenset(w for w in words if w and " " not in w)


def _based_description(head: Token) -> Token | None:
    """Return the noun a place name before a comma heads as "the CITY, STATE-based NOUN", or ``None``.

    The parse takes the city for the subject and the described noun for its apposition.
    """
    if head.pos_ != "PROPN" or head.left_edge.lower_ not in ("the", "a", "an"):
        return None
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            if any(m.lower_ == "based" and m.i > 0 and m.doc[m.i - 1].text == "-" for m in child.lefts):
                return child
    return None


def _age_noun(tok: Token, hi: int) -> Token | None:
    """Return the last token of an age used as a noun starting at ``tok`` ('," the 24-year-old said').

    The tagger reads "24-year-old" as a number and an adjective (and the NER as a date), so no
    nominal stands before the cue; the age is the speaker.
    """
    doc = tok.doc
    end = tok.i + 5
    if end > hi or not tok.like_num:
        return None
    parts = [t.lower_ for t in doc[tok.i + 1 : end]]
    if parts[0] == "-" and parts[1] in ("year", "years") and parts[2] == "-" and parts[3] == "old":
        return doc[end - 1]
    return None


def _opens(before: Token) -> bool:
    """Tell whether the token after ``before`` opens a paragraph or a sentence."""
    return "\n" in before.text or before.text in SENT_END


def _inner_hyphen(tok: Token) -> bool:
    """Tell whether ``tok`` is a hyphen inside a word ("front-runner")."""
    return tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def _past_dateline(subj: Token) -> Token:
    """Return the name after a dateline the parse took for the subject ("PORTVILLE, May 3 - Kest said").

    An upper-case subject with an apposition after a dash is a dateline; the apposition closest to
    the verb is the speaker.
    """
    doc = subj.doc
    after = [
        c
        for c in subj.children
        if c.dep_ == "appos" and c.i > subj.i and any(t.text in _DASHES for t in doc[subj.i : c.i])
    ]
    return after[-1] if after else subj


def _name_after_dateline(subj: Token, verb: Token) -> Token:
    """Return the name after a dateline taken for the fronted name ("OSLO - Ana Roe, the mayor, said").

    The last of the proper nouns after the dash, when an aside mark closes them; else ``subj``.
    """
    doc = subj.doc
    if subj.i + 1 >= verb.i or doc[subj.i + 1].text not in _DASHES:
        return subj
    e = subj.i + 2
    while e < verb.i and doc[e].pos_ == "PROPN":
        e += 1
    return doc[e - 1] if e > subj.i + 2 and doc[e].text in _ASIDE_MARKS else subj


def _apposed_after_participle(verb: Token, subj: Token) -> Token | None:
    """Return the name after a fronted participle the parse took for the subject, or ``None``.

    "Defending, Ana Roe said ...", "Speaking later, Roe said ...": the participle is no speaker;
    the nominal apposed to the cue between it and the cue is. No such nominal: no speaker.
    """
    return next(
        (
            c
            for c in (*verb.lefts, *subj.rights)
            if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN") and subj.i < c.i < verb.i
        ),
        None,
    )


def _fronted_participle(subj: Token) -> bool:
    """Tell whether ``subj`` is an "-ing" word opening its sentence before a comma ("Defending, ...").

    The tagger may take the capitalised participle for a name; a name would not end so and stand
    alone before a comma and another name.
    """
    doc = subj.doc
    return (
        subj.lower_.endswith("ing")
        and len(subj) > 5
        and (subj.pos_ == "VERB" or subj.is_sent_start or subj.i == 0 or _opens(doc[subj.i - 1]))
        and subj.i + 1 < len(doc)
        and doc[subj.i + 1].text == ","
    )


def _non_agent(head: Token) -> bool:
    """Tell whether a subject cannot be a speaker: "no evidence", "the passage", "that fact"."""
    return head.pos_ in ("NOUN", "PRON") and head.lemma_.lower() in NON_AGENT_NOUNS


def _named_outer(outer: Token | None, verb: Token, subj: Token) -> Token:
    """Return the outer statement's subject when it names someone, else the nested ``subj``."""
    if outer is None or outer.lower_ in NESTABLE_SUBJECT_PRONOUNS or outer.i > verb.i:
        return subj
    if outer.pos_ == "PROPN" or outer.tag_ in ("NNS", "NNPS") or outer.pos_ == "NOUN":
        return outer
    return subj


def _author(noun: Token, agents: Set[str]) -> Token | None:
    """Return the 'by'/'from' object of ``noun`` or of its 'of' object ("a review of filings by X")."""
    for cur in (noun, *(c for p in noun.rights if p.dep_ == "prep" and p.lower_ == "of" for c in p.children)):
        for child in cur.rights:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("PROPN", "NOUN") and not is_thing(pobj, agents):
                    return pobj
    return None


def _possessor(noun: Token) -> Token | None:
    """Return the possessor of a nominal cue ("his claim")."""
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def _source_object(noun: Token) -> Token | None:
    """Return the 'by'/'from'/'of' object of a nominal cue ("a claim by the party")."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in _NOMINAL:
                return pobj
    return None


def _host_subject(noun: Token) -> Token | None:
    """Return the subject of the verb whose object the nominal cue is ("X made the claim")."""
    host = noun.head
    cur = noun
    for _ in range(3):  # "won praise with a pledge that", "in a series of tweets:"
        if cur.dep_ != "pobj" or host.head.i == host.i:
            break
        cur, host = host.head, host.head.head
        if cur.pos_ in ("VERB", "AUX"):
            host = cur
            break
    if noun.dep_ in ("dobj", "pobj") and host.i != noun.i and host.pos_ in ("VERB", "AUX"):
        return subject_of(host)
    return None
