"""Per-document state of ``quotemine_quotes`` and the builders of its quotation candidates.

``DocState`` is built once per document: the quoted stretches and, for each token, the stretch
holding it (``qid``), the paragraph starts, the speaker reader, and what the passes found so far.
Its ``*_candidate`` methods turn a cue and a token range into a ``QuoteCandidate``; the passes
(``quotemine.pipeline.quotes.passes``) decide which ranges to try.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.tokens import Doc, Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons.words import paragraph_starts
from quotemine.pipeline.quotes.candidates import QuoteCandidate
from quotemine.pipeline.quotes.content import (
    copular_that_clause,
    displaced_that_clause,
    governing_verb,
    parataxis_spans,
    phrase_spans,
    that_clause,
)
from quotemine.pipeline.quotes.cues import CueLexicon
from quotemine.pipeline.quotes.marks import MarkedSpan
from quotemine.pipeline.quotes.phrases import (
    TAIL_DEPS,
    clip_paragraph,
    cut_tail,
    skip_dateline,
    skip_time_lead,
    trim,
    trim_right,
)
from quotemine.pipeline.quotes.speakers import SpeakerReader
from quotemine.pipeline.records import QuoteKind, SpeakerRecord

__all__ = ["WRITER_POSSESSIVES", "DocState", "FinderOptions"]

#: Entity types of a one-word line speaker that names someone ("Reuters:", "Okafor:").
_NAMED_SPEAKERS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Nouns of holding a view: "in her view, ...", "in the board's opinion, ..." (``view_candidate``).
_VIEW_NOUNS = frozenset({"view", "opinion", "belief", "assessment", "estimation", "judgment", "judgement"})
#: Possessors that are the writer ("in my view", "in our opinion", a column's "My advice: ...").
WRITER_POSSESSIVES = frozenset({"my", "our"})
_NOT_CONTENT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _relative(verb: Token) -> bool:
    """Tell whether ``verb`` heads a relative clause with a relative pronoun subject ("who rebuilt")."""
    return verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children)


#: Parts of speech of a piece that says nothing on its own ("And, as she said, ...", "However, as ...").
_NO_CONTENT_POS = frozenset({"CCONJ", "SCONJ", "ADV", "PUNCT", "SPACE", "INTJ"})
#: Share of a content's words inside quotation marks from which it counts as direct.
_DIRECT_SHARE = 0.95
#: Conjunctions that, after a comma, open the next clause rather than end a content.
_JOINERS = frozenset({"and", "but", "or", "while"})
#: Most tokens of a list after a colon that ends a content clause.
_MAX_LIST = 20
#: Tokens that end such a list early: another colon or clause break, a line break, a quotation mark.
_LIST_STOPS = frozenset({":", ";", "\n", "\n\n", '"', "“", "”", "‘", "’", "'", "—"})


@dataclass(frozen=True)
class FinderOptions:
    """The options of ``QuoteFinder`` that steer the passes (see ``QuoteFinder``)."""

    min_inherited_words: int = 3
    object_content: bool = True
    xcomp_content: bool = False


@dataclass
class DocState:
    """What the passes share about one document.

    Attributes:
        doc: The parsed document.
        text: ``doc.text``, read once.
        lex: The cue lexicon.
        options: The finder's options.
        marked: The quoted stretches, in text order.
        attrs: ``doc.to_array(["IDX", "LEMMA", "LOWER", "IS_PUNCT", "IS_SPACE", "DEP", "HEAD"])``.
        qid: For each token, the index of the marked stretch holding it, or -1.
        tok_ranges: The token range of each marked stretch.
        para_starts: The character offset of each paragraph.
        used: For each marked stretch, whether a candidate already holds it.
        cue_of_quote: Marked stretch -> token index of its direct cue.
        phrase_ends: Token opening a speaker phrase -> the token after the phrase.
        candidates: The candidates found so far.
        children: Token index -> its children, once read (``kids``).
        child_index: The children of every token as indices, made at the first ``kids`` call.
        silent: Cue token index -> whether the cue says nothing (``stance.says_nothing``), once read.
        name_words: The words of the document's names, once a line speaker needs them.
        semicolons: The token indices of the semicolons outside quotation marks, read once.
        word_mask: For each token, whether it is neither punctuation nor space.
        words_list: ``word_mask`` as a list, for short ranges.
        lemmas: The lemma hash of each token (``attrs[:, 1]`` as a list).
        tails: The tokens that may open a reporter's tail clause (``phrases.cut_tail``), read once.
        toks: The document's tokens (``doc_tokens``): ``toks[i]`` makes no new ``Token`` as ``doc[i]`` does.

    """

    doc: Doc
    text: str
    lex: CueLexicon
    options: FinderOptions
    marked: list[MarkedSpan]
    attrs: numpy.ndarray[Any, Any]
    qid: list[int]
    tok_ranges: list[tuple[int, int]]
    para_starts: list[int]
    used: list[bool]
    cue_of_quote: dict[int, int] = field(default_factory=dict)
    phrase_ends: dict[int, int] = field(default_factory=dict)
    candidates: list[QuoteCandidate] = field(default_factory=list)
    silent: dict[int, bool] = field(default_factory=dict)
    children: dict[int, list[Token]] = field(default_factory=dict)
    child_index: list[list[int]] | None = None
    name_words: frozenset[str] | None = None
    semicolons: list[int] | None = None
    word_mask: numpy.ndarray[Any, Any] = field(init=False)
    words_list: list[bool] = field(init=False)
    lemmas: list[int] = field(init=False)
    tails: list[int] | None = None
    speakers: SpeakerReader = field(init=False)
    toks: list[Token] = field(init=False)

    def __post_init__(self) -> None:
        self.speakers = SpeakerReader(self.doc, self.qid, self.lex)
        self.toks = doc_tokens(self.doc)
        self.word_mask = (self.attrs[:, 3] + self.attrs[:, 4]) == 0
        self.words_list = self.word_mask.tolist()
        self.lemmas = self.attrs[:, 1].tolist()

    @classmethod
    def build(
        cls, doc: Doc, text: str, marked: list[MarkedSpan], lex: CueLexicon, options: FinderOptions
    ) -> DocState:
        """Index the marked stretches of ``doc`` by token (bisection over the token offsets)."""
        attrs = doc.to_array(["IDX", "LEMMA", "LOWER", "IS_PUNCT", "IS_SPACE", "DEP", "HEAD"])
        starts = attrs[:, 0]
        qid = [-1] * len(doc)
        edges = numpy.searchsorted(starts, [(m.start, m.end) for m in marked], side="left").tolist()
        tok_ranges: list[tuple[int, int]] = [(a, b) for a, b in edges]
        for k, (a, b) in enumerate(tok_ranges):
            qid[a:b] = [k] * (b - a)
        return cls(
            doc,
            text,
            lex,
            options,
            marked,
            attrs,
            qid,
            tok_ranges,
            paragraph_starts(text),
            [False] * len(marked),
        )

    # ------------------------------------------------------------------ look-ups

    def kids(self, tok: Token) -> list[Token]:
        """Return ``list(tok.children)``, made once per token: the rules read a cue's children many times."""
        found = self.children.get(tok.i)
        if found is None:
            if self.child_index is None:
                self.child_index = self._child_index()
            toks = self.toks
            found = self.children[tok.i] = [toks[j] for j in self.child_index[tok.i]]
        return found

    def _child_index(self) -> list[list[int]]:
        """Return the children of every token as indices, from the head column: no ``Token`` is made."""
        n = len(self.attrs)
        rel = self.attrs[:, 6].astype(numpy.int64)
        heads = rel + numpy.arange(n)  # HEAD is relative
        spaces = numpy.flatnonzero(self.attrs[:, 4]).tolist()
        toks = self.toks
        breaks = [i for i in spaces if "\n" in toks[i].text and i > 0 and toks[i - 1].text != ":"]
        if breaks:
            # A link across a paragraph break is the parse running two paragraphs into one
            # sentence ('"..." / Roe talked about rents.' hangs the quote on "talked"): no cue
            # reads content, and no content reads a cue, across a break; a break after a colon
            # ("She added: / The plan ...") is a statement set out below its cue.
            before = numpy.zeros(n + 1, dtype=numpy.int64)  # breaks before each token index
            before[numpy.asarray(breaks) + 1] = 1
            before = numpy.cumsum(before)
            lo = numpy.minimum(heads, numpy.arange(n))
            hi = numpy.maximum(heads, numpy.arange(n))
            heads[before[hi] - before[lo + 1] > 0] = -1
        index: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(heads.tolist()):
            if h != i and h >= 0:
                index[h].append(i)
        return index

    def lefts(self, tok: Token) -> list[Token]:
        """Return the children of ``tok`` before it (``tok.lefts``), from ``kids``."""
        return [c for c in self.kids(tok) if c.i < tok.i]

    def rights(self, tok: Token) -> list[Token]:
        """Return the children of ``tok`` after it (``tok.rights``), from ``kids``."""
        return [c for c in self.kids(tok) if c.i > tok.i]

    def para_of(self, char: int) -> int:
        """Return the paragraph number of the character offset ``char``."""
        return bisect.bisect_right(self.para_starts, char) - 1

    def any_used(self, a: int, b: int) -> bool:
        """Tell whether a token of ``doc[a:b]`` is in a quoted stretch a candidate already holds."""
        return any(self.used[self.qid[i]] for i in range(a, b) if self.qid[i] >= 0)

    def is_cue(self, tok: Token) -> bool:
        """Tell whether ``tok`` is a speech or cognition verb."""
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.lex.cue_verbs

    def is_cue_word(self, tok: Token) -> bool:
        """Like ``is_cue`` but also accepts a cue verb the tagger took for a noun ("notes:")."""
        if self.is_cue(tok):
            return True
        nxt = self.toks[tok.i + 1] if tok.i + 1 < len(self.toks) else None
        return (
            tok.pos_ in ("NOUN", "PROPN")
            and (tok.lemma_.lower() in self.lex.cue_verbs or tok.lower_[:-1] in self.lex.cue_verbs)
            and nxt is not None
            and nxt.text in (":", ",", ".")
        )

    # ------------------------------------------------------------------ candidates

    def candidate(
        self, start: int, end: int, kind: QuoteKind, verb: Token | None, spk: SpeakerRecord | None, rule: str
    ) -> QuoteCandidate:
        """Return the candidate of the characters ``[start, end)`` with the cue ``verb``."""
        cue = (verb.idx, verb.idx + len(verb.text)) if verb is not None else None
        addressee = self.speakers.addressee_of(verb) if verb is not None else None
        return QuoteCandidate(
            start,
            end,
            kind,
            cue,
            verb.i if verb is not None else None,
            spk,
            addressee,
            para=self.para_of(start),
            rule=rule,
        )

    def content_candidate(
        self, content: tuple[int, int], verb: Token, rule: str, sourced: bool = True
    ) -> QuoteCandidate | None:
        """Build the candidate of the content ``doc[a:b]`` of ``verb`` (no speaker when not ``sourced``)."""
        a, b = content
        if a <= verb.i < b:  # "..., which he said runs the risk": the content starts after the cue
            a = verb.i + 1
        between = [t.text for t in self.toks[verb.i + 1 : a]]
        if any("\n" in t for t in between) and ":" not in between:
            return None  # a clause the parse hung on a cue of the paragraph before ("wrote:" may go on)
        b = self._cut_at_semicolon(max(a, verb.i + 1), b)
        b = self._cut_source_phrase(a, b)
        b = self._colon_list(a, b, verb)
        if self.tails is None:
            strings = self.doc.vocab.strings
            deps = self.attrs[:, 5]
            found = numpy.zeros(len(deps), dtype=bool)
            for dep in TAIL_DEPS:  # five comparisons cost less than one ``numpy.isin``
                found |= deps == strings.add(dep)
            self.tails = numpy.flatnonzero(found).tolist()
        a, b = trim(self.doc, a, cut_tail(self.doc, a, b, self.tails))
        toks = self.toks
        if b - a > 2 and toks[b - 1].lower_ in _JOINERS and toks[b - 2].text == ",":
            # "said the water was safe, and its director, Roe, warned ...": the joiner opens the
            # next speaker's clause
            a, b = trim(self.doc, a, b - 1)
        if (
            a > verb.i
        ):  # "said on Monday it would ...": when it was said (not "Last year X did Y, filings show")
            a = skip_time_lead(self.doc, a, b)
        if b - a < 1:
            return None
        spk = self.speakers.speaker_of(verb, (a, b)) if sourced else None
        return self.kinded(a, b, verb, spk, rule)

    def _colon_list(self, a: int, b: int, verb: Token) -> int:
        """Return where ``doc[a:b]`` ends when a colon after its last noun opens a list of it.

        'She said she met two of the crew: Ola Brandt and Per Moe.': the parse hangs the list on
        the cue, but it spells out the noun before the colon and belongs to the content. The list
        runs to the sentence end, with no quotation, line break or other colon in it.
        """
        toks = self.toks
        colon = b - 1 if b - 1 > a and toks[b - 1].text == ":" else b
        if colon >= len(toks) or colon <= a or toks[colon].text != ":" or self.qid[colon] >= 0:
            return b
        if toks[colon - 1].pos_ not in ("NOUN", "NUM", "PRON") or verb.i > colon:
            return b
        end = verb.sent.end
        while end > colon + 1 and toks[end - 1].is_punct:
            end -= 1
        tail = toks[colon + 1 : end]
        if (
            not tail
            or len(tail) > _MAX_LIST
            or any(self.qid[t.i] >= 0 or t.text in _LIST_STOPS for t in tail)
        ):
            return b
        return end

    def _cut_source_phrase(self, a: int, b: int) -> int:
        """Return where ``doc[a:b]`` ends before a closing speaker phrase (", according to the Gazette").

        The phrase says where the report comes from; it is not part of what was said.
        """
        for start, end in self.phrase_ends.items():
            if a < start < b and self.toks[start - 1].text == ",":
                last = max(self.toks[start].right_edge.i, self.toks[end - 1].right_edge.i) + 1
                if last >= b or all(t.is_punct for t in self.toks[last:b]):
                    return start - 1
        return b

    def _cut_at_semicolon(self, a: int, b: int) -> int:
        """Return the first semicolon outside quotation marks in ``doc[a:b]`` (its end ``b`` if none)."""
        if self.semicolons is None:
            semi = self.doc.vocab.strings.add(";")
            found = numpy.flatnonzero(self.attrs[:, 2] == semi).tolist()
            self.semicolons = [int(i) for i in found if self.qid[i] < 0]
        k = bisect.bisect_left(self.semicolons, a)
        return self.semicolons[k] if k < len(self.semicolons) and self.semicolons[k] < b else b

    def _words(self, a: int, b: int) -> list[int]:
        """Return the indices of the tokens of ``doc[a:b]`` that are neither punctuation nor space."""
        mask = self.words_list
        return [i for i in range(a, b) if mask[i]]  # short ranges: cheaper than an array call

    def kinded(
        self, a: int, b: int, verb: Token | None, spk: SpeakerRecord | None, rule: str
    ) -> QuoteCandidate | None:
        """Build the candidate of ``doc[a:b]``, its kind given by the share of quoted words.

        Dropped (``None``) when nothing but dates and numbers is left: "commenting on November 29"
        says nothing.
        """
        doc, qid, toks = self.doc, self.qid, self.toks
        a, b = clip_paragraph(doc, a, b, verb.i if verb is not None else a)
        if a == 0 or self.text[int(self.attrs[a, 0]) - 1] == "\n":  # a paragraph start: a dateline?
            lead = skip_dateline(doc, a, b)
            if lead != a:
                a, b = trim(doc, lead, b)
        words = self._words(a, b)
        if not words or all(toks[i].ent_type_ in _NOT_CONTENT_ENTS for i in words):
            return None
        last = words[-1]
        if qid[last] >= 0 and last > a and qid[last] != qid[a]:
            # the content ends inside a quotation the parse cut short: take the whole quotation
            b = max(b, trim_right(doc, self.tok_ranges[qid[last]][1]))
            words = self._words(a, b)
        inside = sum(1 for i in words if qid[i] >= 0)
        kind: QuoteKind = (
            "direct" if inside >= _DIRECT_SHARE * len(words) else "indirect" if inside == 0 else "mixed"
        )
        start, end = toks[a].idx, toks[b - 1].idx + len(toks[b - 1].text)
        return self.candidate(start, end, kind, verb, spk, rule)

    def phrase_candidate(self, first: Token, last: Token) -> QuoteCandidate | None:
        """Read "..., according to X" (or "In the words of X, ..."): X speaks the clause."""
        found = phrase_spans(first, last)
        if found is None:
            return None
        (a, b), pobj = found
        cand = self.kinded(a, b, None, self.speakers.phrase_speaker(pobj), "phrase")
        if cand is not None:
            cand.cue = (first.idx, last.idx + len(last.text))
            cand.cue_i = first.i
        return cand

    def noun_candidate(self, noun: Token) -> QuoteCandidate | None:
        """Read a nominal cue with a 'that' clause ("the claim that ...", "his statement that ...")."""
        clause = that_clause(noun) or copular_that_clause(noun)  # "the claim that", "her view is that"
        if clause is None:
            clause = displaced_that_clause(noun)
            if clause is None or clause.head.lemma_.lower() in self.lex.content_verbs:
                return None  # none, or the content clause of a cue verb: the verb reports it
        a, b = trim(self.doc, clause.left_edge.i, clause.right_edge.i + 1)
        if b - a < 2 or self.any_used(a, b):
            return None
        return self.kinded(a, b, noun, self.speakers.noun_speaker(noun), "cue noun")

    def view_candidate(self, noun: Token) -> QuoteCandidate | None:
        """Read "In her view, the levy is unfair": the possessor holds what the host clause states.

        Only nouns of holding a view (``_VIEW_NOUNS``), with a possessor, in an "in" phrase of a
        clause that is no cue of its own ("In his statement, Roe said ..." reports by "said").
        """
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "in" or noun.lemma_.lower() not in _VIEW_NOUNS:
            return None
        poss = next((c for c in self.kids(noun) if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ in WRITER_POSSESSIVES or prep.head.i == prep.i:
            return None  # none, or "in my view": the writer's own opinion, no one quoted
        if prep.head.lemma_.lower() in self.lex.content_verbs:
            return None  # "In his statement, Roe said ...": the speech verb's clause reports
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in self.kids(noun)):
            return None  # "In her assessment of the bid, ...": an act with a topic, not a frame
        found = phrase_spans(prep, prep)
        if found is None or self.any_used(*found[0]):
            return None
        cand = self.kinded(*found[0], None, self.speakers.mention(poss), "phrase")
        if cand is not None:
            cand.cue = (prep.idx, noun.idx + len(noun.text))
            cand.cue_i = prep.i
        return cand

    def colon_noun_candidate(self, noun: Token) -> QuoteCandidate | None:
        """Read "Her warning was stark: the clinic will run out of beds": the clause after the colon.

        The cue noun heads the copula's subject and the copula ends at a colon; the parse hangs it on
        the clause after the colon. Its owner (possessor, "from"/"by" object) speaks it.
        """
        cop, toks = noun.head, self.toks
        if noun.dep_ != "nsubj" or cop.lemma_.lower() != "be" or cop.dep_ not in ("ccomp", "parataxis"):
            return None
        colon, head = cop.right_edge.i + 1, cop.head
        if head.i <= colon or toks[colon].text != ":":
            return None
        a, b = trim(self.doc, colon + 1, head.right_edge.i + 1)
        if b - a < 3 or any(self.qid[i] >= 0 for i in range(colon, b)):
            return None  # too short, or quoted words: the direct pass reads those
        spk = self.speakers.noun_speaker(noun)
        return None if spk is None else self.kinded(a, b, noun, spk, "cue noun")

    def colon_line(self, pa: int) -> QuoteCandidate | None:
        """Read a paragraph that opens 'NAME: statement' (a headline or a transcript turn)."""
        found = self.speakers.line_speaker(pa)
        if found is None:
            return None
        colon, root = found
        doc, toks = self.doc, self.toks
        if self._section_label(pa, colon, root):
            return None
        end = colon + 1
        while end < len(toks) and "\n" not in toks[end].text and toks[end].text != ";":
            end += 1
        a, b = trim(doc, colon + 1, end)
        if b - a < 3 or self.any_used(a, b):
            return None
        if not any((t.pos_ in ("VERB", "AUX") and not _relative(t)) or self.qid[t.i] >= 0 for t in toks[a:b]):
            # "Analysis: Jane Roe, The Daily Planet" is a byline, "Q&A: The coach who rebuilt the
            # club" a title (its only verb in a relative clause): neither is a statement
            return None
        return self.kinded(a, b, None, self.speakers.mention(root), "colon line")

    def _section_label(self, pa: int, colon: int, root: Token) -> bool:
        """Tell whether the words before a line's colon are a section label ("Analysis:", "Key points:").

        A speaker there is a word for people ("Police:", "Witness:", "Mayor:") or a name, which
        the article names again ("Okafor: ..." and later "Ada Okafor said"); headline tagging is
        too unreliable to tell a name from a label by itself.
        """
        words = [t for t in self.toks[pa:colon] if t.is_alpha]
        if not words or root.ent_type_ in _NAMED_SPEAKERS:
            return False
        lex = self.lex
        if {root.lemma_.lower(), root.lower_} & (lex.group_nouns | lex.titles):
            return False
        if len(words) > 1:
            # "Key points:", "The bottom line:", "Editor's note:": a common noun that names no
            # one, with no name beside it (a possessor aside), labels a section
            return root.pos_ == "NOUN" and not any(
                t.dep_ != "poss" and (t.pos_ == "PROPN" or t.ent_type_ in _NAMED_SPEAKERS) for t in words
            )
        return root.lower_ not in self._name_words()

    def _name_words(self) -> frozenset[str]:
        """Return the lower-case words of the document's person and organisation names (read once)."""
        if self.name_words is None:
            self.name_words = frozenset(
                t.lower_ for ent in self.doc.ents if ent.label_ in _NAMED_SPEAKERS for t in ent if t.is_alpha
            )
        return self.name_words

    def parataxis_candidates(self, verb: Token) -> list[QuoteCandidate]:
        """Return the pieces of the clause that hosts a parenthetical cue, as one group."""
        out: list[QuoteCandidate] = []
        for a, b in parataxis_spans(verb):
            a, b = trim(self.doc, a, b)
            if b - a < 1 or self.any_used(a, b) or all(t.pos_ in _NO_CONTENT_POS for t in self.toks[a:b]):
                continue  # nothing, a quotation already held, or a lone "And" before the cue
            cand = self.kinded(a, b, verb, self.speakers.speaker_of(verb, (a, b)), "parataxis")
            if cand is not None:
                out.append(cand)
        if len(out) > 1:
            for cand in out:
                cand.group = f"g{verb.i}"
        return out

    def embedded(self, a: int, b: int) -> QuoteCandidate | None:
        """Build the mixed candidate of a quoted phrase ``doc[a:b]`` from the verb that governs it."""
        gov = governing_verb(self.doc[a:b])
        if gov is None or self.qid[gov.i] >= 0 or gov.lemma_.lower() not in self.lex.embed_verbs:
            return None
        spk = self.speakers.speaker_of(gov, (gov.i + 1, b))
        if spk is None:
            return None
        return self.kinded(*trim(self.doc, gov.i + 1, b), gov, spk, "embedded")
