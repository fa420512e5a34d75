"""Speaker mentions and content spans of cue words, read off the dependency parse (no NER labels needed)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence, Set
from typing import Any

from spacy.tokens import Doc, Span, Token

logger = logging.getLogger(__name__)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# dependencies through which a cue without its own subject borrows its head's subject
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "ccomp", "dep", "acomp"})
_LEFT_MODS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "quantmod", "case", "flat"})
_RIGHT_MODS = frozenset({"compound", "flat", "case"})
PRONOUNS = frozenset({"i", "he", "she", "we", "they", "you", "it", "who", "me", "him", "her", "us", "them"})
_MARK_TOKENS = frozenset({'"', "“", "”", "„", "«", "»", "''", "``", "‘", "’", "'"})
_SENT_END = frozenset({".", "!", "?", "…"})
_NESTABLE_PRONOUNS = frozenset({"he", "she", "they"})
_NEST_DEPS = frozenset({"ccomp", "conj", "xcomp", "advcl"})
_ADDRESSEE_DEPS = frozenset({"dobj", "dative", "iobj"})
_PREDICATE_DEPS = frozenset({"oprd", "xcomp", "attr", "ccomp", "acomp"})
_PREDICATE_PREPS = frozenset({"as", "of", "for"})
_STRIP_PUNCT = frozenset(",.;:!?-–—()\"'“”‘’«»")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_TITLE_PUNCT = frozenset({".", "-", "'s", "’s"})


def subject_of(
    verb: Token, exclude: tuple[int, int] | None = None, documents: Set[str] = frozenset()
) -> Token | None:
    """Return the speaker token of a cue verb: its subject, passive agent or a borrowed subject.

    Args:
        verb: The cue token.
        exclude: Token range (the quoted content) in which a subject does not count.
        documents: Lemmas of document nouns ("statement", "tweet"): in "X issued a statement
            saying ...", the speaker is X, the subject of the verb whose object the document is.

    Returns:
        The head token of the speaker phrase, or ``None``.

    """
    cur = verb
    for _ in range(4):
        for child in cur.children:
            if child.dep_ == "agent":  # the logical subject of a passive comes first
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        for child in cur.children:
            if child.dep_ in SUBJECT_DEPS and not (exclude and exclude[0] <= child.i < exclude[1]):
                return child
        for child in cur.lefts:
            # "Will wrote ...": a capitalised "modal" before a finite verb is a name (George Will)
            if child.tag_ == "MD" and child.text[:1].isupper() and cur.tag_ in ("VBD", "VBZ"):
                return child
        if cur.dep_ == "acl" and cur.head.i != cur.i:
            noun = cur.head  # "a statement saying ...", "911 calls saying ..."
            if noun.lemma_.lower() in documents and noun.dep_ == "dobj" and noun.head.i != noun.i:
                issuer = subject_of(noun.head, exclude)
                if issuer is not None:
                    return issuer
            return noun
        if cur.dep_ == "relcl" and cur.head.i != cur.i:
            return cur.head
        if cur.dep_ in _CLIMB_DEPS and cur.head.i != cur.i:
            participle = cur.dep_ == "advcl" and cur.tag_ == "VBG"
            cur = cur.head
            if participle and cur.dep_ == "ccomp" and cur.head.i != cur.i:
                # "Analysts said the plan was risky, noting that ...": the participle hangs on the
                # reported clause, but its subject is the reporting one's
                cur = cur.head
            continue
        break
    return None


def relative_antecedent(subj: Token) -> Token | None:
    """Return the noun a relative pronoun subject stands for ("Smith, who said ..." gives "Smith").

    Args:
        subj: The subject token of a cue.

    Returns:
        The head of the antecedent noun phrase, or ``None`` when ``subj`` is not a relative pronoun.

    """
    if subj.lower_ not in _RELATIVE:
        return None
    clause = subj.head
    for _ in range(3):
        if clause.dep_ == "relcl" and clause.head.i != clause.i:
            return clause.head
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return None


_WHOLE_ENTITY_TYPES = frozenset({"ORG", "PERSON"})
_MAX_ENTITY_TOKENS = 8


def _name_with_of(head: Token, end: int) -> int:
    """Extend a proper-name phrase over "for/of <Name>" ("Transport for London", "Bank of Japan")."""
    for prep in head.rights:
        if prep.i != end or prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
            continue
        objects = [t for t in prep.children if t.dep_ == "pobj" and t.pos_ == "PROPN"]
        if not objects or objects[0].left_edge.i != prep.i + 1:
            return end
        last = objects[0].right_edge.i + 1
        words = head.doc[prep.i + 1 : last]
        if last - head.i <= _MAX_ENTITY_TOKENS and all(
            (t.is_title or t.is_upper) and t.ent_type_ != "PERSON" for t in words
        ):
            return last
    return end


def np_span(head: Token) -> tuple[int, int]:
    """Return the token range of the short noun phrase headed by ``head``.

    Keeps determiners, modifiers and name parts; drops appositions, relative clauses and
    prepositional tails. When the phrase ends in a proper name after common-noun descriptors
    ("Leading Tajik lawyer Ashurbov Imomov"), only the name is kept.

    Args:
        head: The phrase head.

    Returns:
        ``(start, end)`` token indices, end exclusive.

    """
    if head.pos_ == "NOUN":
        # "Leading Tajik lawyer and sociologist Ashurbov Imomov": the name, not the description
        for child in head.rights:
            if child.dep_ in ("conj", "appos", "flat") and child.pos_ == "PROPN" and child.i - head.i <= 4:
                if not any(t.text == "," for t in head.doc[head.i : child.i]):
                    return np_span(child)
            # "Its general secretary, Helen Okafor, said": the name in the apposition
            if child.dep_ == "appos" and child.ent_type_ == "PERSON" and child.i - head.i <= 4:
                return np_span(child)
    start, end = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ in _LEFT_MODS:
            start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in _RIGHT_MODS and child.i == end:
            end = child.right_edge.i + 1
    doc = head.doc
    if head.pos_ == "PROPN":
        k = end - 1
        while k > start and (doc[k - 1].pos_ == "PROPN" or doc[k - 1].text in _TITLE_PUNCT):
            k -= 1
        if k > start and doc[k - 1].pos_ != "DET" and k < end:
            start = k
    if head.is_title and head.ent_type_ != "PERSON":
        end = _name_with_of(head, end)
    if head.ent_type_ in _WHOLE_ENTITY_TYPES:
        # "Transport for London said": the whole organisation name, not its first word
        ent_start, ent_end = head.i, head.i + 1
        while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
            ent_start -= 1
        while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        if ent_end - ent_start <= _MAX_ENTITY_TOKENS:
            start, end = min(start, ent_start), max(end, ent_end)
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def speaker_dict(doc: Doc, start: int, end: int, group_nouns: Set[str]) -> dict[str, Any]:
    """Build the ``speaker`` dict of a quote for the tokens ``doc[start:end]``.

    ``unnamed`` is true for a common-noun head in the group lexicon or with an indefinite or no
    determiner ("analysts", "a Pentagon spokesman"); a definite title ("the minister") stays
    ``False`` so the attribution stage may resolve it.

    Args:
        doc: The document.
        start: First token of the mention.
        end: Token after the mention.
        group_nouns: Head lemmas of group nouns.

    Returns:
        ``{"start", "end", "person_id", "unnamed"}`` with character offsets.

    """
    span = doc[start:end]
    head = span.root
    unnamed = False
    if head.pos_ in ("NOUN", "NUM", "ADJ", "DET") or (head.pos_ != "PROPN" and head.lower_ not in PRONOUNS):
        first = span[0].lower_
        definite = first in ("the", "this", "that") or any(t.dep_ == "poss" for t in head.lefts)
        plural = head.tag_ in ("NNS", "NNPS")
        unnamed = head.lemma_.lower() in group_nouns or plural or not definite
        if definite and not plural and head.lemma_.lower() not in group_nouns:
            unnamed = False
        if head.i == start and head.is_title and any(t.pos_ == "PROPN" for t in span[1:]):
            unnamed = False  # a name built on a common noun: "Transport for London"
    return {
        "start": span.start_char,
        "end": span.end_char,
        "person_id": None,
        "unnamed": unnamed,
    }


class SpeakerReader:
    """Read the speaker and addressee mentions of cues in one parsed document.

    Args:
        doc: The parsed document.
        qid: For each token, the index of the quoted stretch holding it, or -1.
        lexicons: ``group_nouns``, ``document_nouns``, ``cue_verbs``, ``cognition_verbs`` and
            ``addressee_verbs`` (lower-cased lemmas).

    """

    def __init__(self, doc: Doc, qid: list[int], lexicons: Mapping[str, Set[str]]) -> None:
        self.doc = doc
        self.qid = qid
        self.group_nouns = lexicons["group_nouns"]
        self.documents = lexicons["document_nouns"]
        self.cue_verbs = lexicons["cue_verbs"]
        self.cognition_verbs = lexicons["cognition_verbs"]
        self.addressee_verbs = lexicons["addressee_verbs"]

    def colon_speaker(self, colon: Token) -> dict[str, Any] | None:
        """Read 'Jeremy Lott, author: "..."': a verbless noun phrase before a colon is the speaker."""
        doc = self.doc
        k = colon.i - 1
        while k >= 0 and k > colon.i - 25 and "\n" not in doc[k].text and doc[k].text not in _SENT_END:
            if doc[k].pos_ in ("VERB", "AUX") or self.qid[k] >= 0:
                return None
            k -= 1
        if k == colon.i - 25 or colon.i - k < 2:
            return None
        root = doc[k + 1 : colon.i].root
        if root.pos_ not in ("PROPN", "NOUN"):
            return None
        s, e = np_span(root)
        return speaker_dict(doc, s, e, self.group_nouns)

    def speaker_of(self, verb: Token, content: tuple[int, int]) -> dict[str, Any] | None:
        """Return the speaker dict of the cue ``verb`` whose content is the token range ``content``."""
        subj = subject_of(verb, exclude=content, documents=self.documents)
        if subj is None and content[1] <= verb.i:
            subj = self._nominal_between(content[1], verb.i)
            if subj is None and all(t.is_punct or t.is_space for t in self.doc[content[1] : verb.i]):
                # inversion the parser missed: '"...," scoffed the clerk.'
                subj = self._nominal_between(verb.i + 1, min(verb.i + 4, len(self.doc)))
        if subj is None:
            subj = self._adjacent_name(verb, content)
        if subj is None:
            return None
        if subj.lower_ in _NESTABLE_PRONOUNS and verb.lemma_.lower() in self.cognition_verbs:
            subj = self._outer_speaker(verb, subj)
        s, e = np_span(subj)
        spk = speaker_dict(self.doc, s, e, self.group_nouns)
        antecedent = relative_antecedent(subj)
        if antecedent is not None:
            a0, a1 = np_span(antecedent)
            spk["antecedent"] = [self.doc[a0].idx, self.doc[a1 - 1].idx + len(self.doc[a1 - 1].text)]
        return spk

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
            if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in self.cue_verbs:
                outer = subject_of(cur)
                if outer is None or outer.lower_ in _NESTABLE_PRONOUNS or outer.i > verb.i:
                    return subj
                if outer.pos_ == "PROPN" or outer.tag_ in ("NNS", "NNPS") or outer.pos_ == "NOUN":
                    return outer
                return subj
        return subj

    def _nominal_between(self, lo: int, hi: int) -> Token | None:
        """Return the head of the first noun phrase in ``doc[lo:hi]`` ('," Ramos, 58, told ...')."""
        for i in range(lo, hi):
            tok = self.doc[i]
            if self.qid[i] >= 0 or "\n" in tok.text:
                return None
            if tok.pos_ in ("PROPN", "PRON", "NOUN") and tok.lower_ not in ("it", "this", "that"):
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
                if tok.pos_ in ("PRON", "PROPN") and tok.lower_ not in ("it", "this", "that"):
                    return tok
                if tok.is_punct:
                    break
        return None

    def line_speaker(self, pa: int) -> tuple[int, Token] | None:
        """Read 'NAME: ...' at the paragraph starting at token ``pa``: the colon and the name head."""
        doc, qid = self.doc, self.qid
        while pa < len(doc) and doc[pa].is_space:
            pa += 1
        colon = next((i for i in range(pa, min(pa + 9, len(doc))) if doc[i].text in (":", "\n")), None)
        if colon is None or doc[colon].text != ":" or colon == pa or not doc[pa].text[:1].isupper():
            return None
        if any(t.pos_ in ("VERB", "AUX") or qid[t.i] >= 0 or t.is_digit for t in doc[pa:colon]):
            return None
        root = doc[pa:colon].root
        if root.pos_ not in ("PROPN", "NOUN") or root.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "FAC"):
            return None  # "Syria: Female Prisoners Speak Out" is a topic, not a speaker
        return colon, root

    def noun_speaker(self, noun: Token) -> dict[str, Any] | None:
        """Return the speaker of a nominal cue ("his claim that", "X made the claim that").

        The possessor comes first, then a 'by'/'from'/'of' object, then the subject of the verb
        whose object the noun is.
        """
        for child in noun.children:
            if child.dep_ == "poss":
                s, e = np_span(child)
                return speaker_dict(self.doc, s, e, self.group_nouns)
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("PROPN", "PRON", "NOUN"):
                    s, e = np_span(pobj)
                    return speaker_dict(self.doc, s, e, self.group_nouns)
        host = noun.head
        if noun.dep_ == "pobj" and host.head.i != host.i:
            host = host.head  # "stirred controversy with an assertion that ..."
        if noun.dep_ in ("dobj", "pobj") and host.i != noun.i and host.pos_ in ("VERB", "AUX"):
            subj = subject_of(host)
            if subj is not None:
                s, e = np_span(subj)
                return speaker_dict(self.doc, s, e, self.group_nouns)
        return None

    def addressee_of(self, verb: Token) -> tuple[int, int] | None:
        """Return the character span of the addressee of ``verb`` ("told IWPR"), or ``None``."""
        if verb.lemma_.lower() not in self.addressee_verbs:
            return None
        for child in verb.children:
            if child.dep_ in _ADDRESSEE_DEPS and child.pos_ in ("PROPN", "PRON", "NOUN"):
                s, e = np_span(child)
                return (self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1].text))
        return None


def object_content(verb: Token, obj: Token, money: Set[str] = frozenset()) -> tuple[int, int] | None:
    """Return the content of an object cue: the object with its predicate ("called him 'a stiff'").

    The first of two objects is the recipient ("promised Rakhmonov more than 50 million dollars"),
    and a sum of money is a transaction, not a statement.

    Args:
        verb: The cue verb.
        obj: Its object.
        money: Lemmas of currency nouns ("dollar"): an object they head is a sum.

    Returns:
        The content's token range, or ``None``.

    """
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    if len(objs) > 1 and obj.i == objs[0].i:
        return None
    if obj.lemma_.lower() in money or any(t.ent_type_ == "MONEY" for t in obj.subtree):
        return None
    hi = obj.right_edge.i + 1
    for c in verb.children:
        if c.i > obj.i and (c.dep_ in _PREDICATE_DEPS or (c.dep_ == "prep" and c.lower_ in _PREDICATE_PREPS)):
            hi = max(hi, c.right_edge.i + 1)
    return obj.left_edge.i, hi


def trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Trim punctuation and spaces off ``doc[a:b]``.

    A leading complementiser stays: "said that taxes would fall" reports "that taxes would fall",
    as PARC-style annotation (PolNeAR) marks it.
    """
    while a < b and (doc[a].is_space or doc[a].text in _STRIP_PUNCT):
        a += 1
    while b > a and (doc[b - 1].is_space or doc[b - 1].text in _STRIP_PUNCT):
        b -= 1
    return a, b


def according_to_spans(tok: Token) -> tuple[tuple[int, int], Token] | None:
    """Return the clause range an "according to X" phrase attributes, and the head of X.

    Args:
        tok: The token "according".

    Returns:
        ``((start, end), source_head)`` or ``None``; the clause part on the longer side of the
        phrase is the content.

    """
    doc = tok.doc
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or tok.head.i == tok.i:
        return None
    clause = tok.head
    while clause.dep_ not in ("ROOT", "ccomp") and clause.head.i != clause.i:
        clause = clause.head
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    phrase_lo, phrase_hi = tok.left_edge.i, max(tok.right_edge.i, to.right_edge.i) + 1
    a, b = (lo, phrase_lo) if phrase_lo - lo >= hi - phrase_hi else (phrase_hi, hi)
    a, b = trim(doc, a, b)
    return None if b - a < 2 else ((a, b), pobj)


def that_clause(noun: Token) -> Token | None:
    """Return the head of the 'that' clause of a nominal cue ("the claim that ..."), or ``None``."""
    for c in noun.rights:
        if c.pos_ not in ("VERB", "AUX"):
            continue
        if c.dep_ in ("acl", "ccomp", "appos") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
        ):
            return c
        # "the argument that taxes hurt growth", parsed as a relative clause on "that"
        if (
            c.dep_ == "relcl"
            and c.left_edge.lower_ == "that"
            and any(m.dep_ in ("nsubj", "nsubjpass") and m.lower_ != "that" for m in c.children)
        ):
            return c
    return None


def parataxis_spans(verb: Token) -> list[tuple[int, int]]:
    """Return the parts of the host clause left and right of a parenthetical cue.

    "That, the commission said, would help" gives the ranges of "That" and "would help".

    Args:
        verb: A cue verb attached as ``parataxis``.

    Returns:
        Up to two ``(start, end)`` token ranges (untrimmed); empty when the cue has its own content.

    """
    doc = verb.doc
    host = verb.head
    if host.i == verb.i or any(c.dep_ == "ccomp" for c in verb.children):
        return []
    p0, p1 = verb.left_edge.i, verb.i + 1
    inside = range(verb.left_edge.i, verb.right_edge.i + 1)
    while p1 < len(doc) and p1 - verb.i < 6 and doc[p1].text != "," and doc[p1].dep_ not in ("cc", "conj"):
        if doc[p1].text in _SENT_END or doc[p1].head.i not in inside:
            break
        p1 += 1
    if p1 < len(doc) and doc[p1].text == ",":
        p1 += 1
    return [(host.left_edge.i, p0), (p1, host.right_edge.i + 1)]


def governing_verb(span: Span) -> Token | None:
    """Return the verb before ``span`` that its head chain leads to ('calling him "a stiff"')."""
    gov = span.root
    for _ in range(8):
        if gov.i < span.start and gov.pos_ == "VERB":
            return gov
        if gov.head.i == gov.i:
            return None
        gov = gov.head
    return None


def trim_right(doc: Doc, b: int) -> int:
    """Drop punctuation and spaces before the token index ``b``."""
    while b > 0 and (doc[b - 1].is_space or doc[b - 1].is_punct):
        b -= 1
    return b


def extend_to_quote(
    doc: Doc, qid: Sequence[int], tok_ranges: Sequence[tuple[int, int]], content: tuple[int, int] | None
) -> tuple[int, int] | None:
    """Stretch an object's content over a quoted predicate the parse hung elsewhere.

    'calling him, among other things, "a failed candidate."': a quotation that opens within a few
    tokens after the object, with no verb in between, completes it.

    Args:
        doc: The document.
        qid: For each token, the index of the quoted stretch holding it, or -1.
        tok_ranges: Token range of each quoted stretch.
        content: The object's token range, or ``None``.

    Returns:
        The (possibly longer) range, or ``None`` when ``content`` is ``None``.

    """
    if content is None:
        return None
    a, b = content
    for i in range(b, min(b + 8, len(doc))):
        if qid[i] >= 0:
            return a, max(b, trim_right(doc, tok_ranges[qid[i]][1]))
        if doc[i].pos_ in ("VERB", "AUX") or doc[i].text in _SENT_END or "\n" in doc[i].text:
            break
    return content


def clip_paragraph(doc: Doc, a: int, b: int, anchor: int) -> tuple[int, int]:
    """Keep the part of ``doc[a:b]`` in the paragraph of token ``anchor`` (a parse may run on).

    Returns an empty range when what is left has fewer than three words.
    """
    breaks = [i for i in range(a, b) if "\n" in doc[i].text]
    if not breaks:
        return a, b
    lo = max((i + 1 for i in breaks if i < anchor), default=a)
    hi = min((i for i in breaks if i >= anchor), default=b)
    if lo >= hi:  # the anchor sits on a break: take the part after it
        hi = min((i for i in breaks if i > lo), default=b)
    lo, hi = trim(doc, lo, hi)
    return (lo, hi) if sum(1 for t in doc[lo:hi] if t.is_alpha) >= 3 else (lo, lo)


def is_title(span: Span) -> bool:
    """Tell whether a quoted stretch reads as a title ("Meet the Press", "Failure to Adjust: How ...")."""
    words = [t.text for t in span if t.is_alpha]
    if not words or len(words) > 12 or any(t.text in ("!", "?") for t in span):
        return False  # exclamations and questions are said, not titled
    long = [w for w in words if len(w) > 3]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


def token_before(doc: Doc, a: int) -> tuple[int, Token | None]:
    """Return the index and token before the opening mark of ``doc[a:]`` (``None``: paragraph start)."""
    j = a - 1
    while j >= 0 and (doc[j].text in _MARK_TOKENS or (doc[j].is_space and "\n" not in doc[j].text)):
        j -= 1
    return j, doc[j] if j >= 0 and "\n" not in doc[j].text else None


def cut_tail(doc: Doc, a: int, b: int) -> int:
    """Return where the content ``doc[a:b]`` of a cue really ends.

    A non-restrictive relative clause at the end (", which would give ...") is the reporter's.
    """
    for tok in doc[a:b]:
        if (
            tok.dep_ == "relcl"
            and tok.right_edge.i >= b - 2
            and tok.left_edge.lower_ == "which"
            and tok.left_edge.i > a
            and doc[tok.left_edge.i - 1].text == ","
        ):
            return tok.left_edge.i - 1
    return b
