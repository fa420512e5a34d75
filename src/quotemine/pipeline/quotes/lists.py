"""Statements set out after a colon: listed points, or the paragraph that follows "X said:".

News copy often introduces what someone said with a colon at the end of a paragraph, then gives it
as a list of points ("The union said:" / "- Wages must rise." / "- Night shifts need a guard.") or
as the next paragraph, without quotation marks. Each point is content of the cue before the
colon, with its speaker, and the points of one cue form one group.
"""

from __future__ import annotations

import re

import numpy
from spacy.tokens import Token

from quotemine.pipeline.quotes.candidates import QuoteCandidate, consume, overlaps
from quotemine.pipeline.quotes.context import DocState
from quotemine.pipeline.quotes.phrases import SENT_END, trim
from quotemine.pipeline.quotes.stance import says_nothing

__all__ = ["colon_cue", "list_pass"]

#: A numbered point: "1. ", "2) ", "(3) ".
_NUMBERED = re.compile(r"\(?\d{1,2}[.)]\s")
#: How many tokens before the colon a cue may stand ("the union said in a statement on Monday:").
_MAX_BEFORE = 25
#: Fewest words of an unmarked paragraph after "X said:" to count as the statement.
_MIN_WORDS = 4


def colon_cue(st: DocState, colon: Token) -> Token | None:
    """Return the speech cue of the sentence that ends with ``colon`` ("The union said:"), if any."""
    toks = st.toks
    k = colon.i - 1
    limit = max(0, colon.i - _MAX_BEFORE)
    while k >= limit and st.qid[k] < 0 and "\n" not in toks[k].text and toks[k].text not in SENT_END:
        tok = toks[k]
        if st.is_cue(tok) and tok.lemma_.lower() in st.lex.speech_verbs:
            return None if says_nothing(tok, st.lex) else tok
        k -= 1
    return None


def _point_start(st: DocState, start: int, end: int) -> int | None:
    """Return the offset after the bullet of the paragraph ``text[start:end]``, or ``None`` if it has none."""
    line = st.text[start:end]
    body = line.lstrip()
    lead = len(line) - len(body)
    if body[:1] in st.lex.bullets and body[1:2].isspace():
        return start + lead + 1
    m = _NUMBERED.match(body)
    return start + lead + m.end() if m else None


def _paragraph_end(st: DocState, p: int) -> int:
    text = st.text
    end = st.para_starts[p + 1] if p + 1 < len(st.para_starts) else len(text)
    while end > st.para_starts[p] and text[end - 1].isspace():
        end -= 1
    return end


def _content(st: DocState, first_char: int, end_char: int) -> tuple[int, int] | None:
    """Return the trimmed token range of ``text[first_char:end_char]`` (``None`` if too short or quoted)."""
    starts = st.attrs[:, 0]
    a = int(numpy.searchsorted(starts, first_char, side="left"))
    b = int(numpy.searchsorted(starts, end_char, side="left"))
    a, b = trim(st.doc, a, b)
    words = sum(1 for t in st.toks[a:b] if t.is_alpha)
    if words < _MIN_WORDS or any(st.qid[i] >= 0 for i in range(a, b)):
        return None
    return a, b


def _points(st: DocState, p: int) -> list[tuple[int, int]]:
    """Return the token ranges of the listed points (or the one plain paragraph) after paragraph ``p``."""
    out: list[tuple[int, int]] = []
    n = len(st.para_starts)
    q = p + 1
    while q < n:
        end = _paragraph_end(st, q)
        if end <= st.para_starts[q]:
            q += 1  # blank line between the points
            continue
        first = _point_start(st, st.para_starts[q], end)
        if first is None:
            if not out:  # no list: the paragraph right after "X said:" is the statement
                span = _content(st, st.para_starts[q], end)
                return [span] if span is not None else []
            break
        span = _content(st, first, end)
        if span is not None:
            out.append(span)
        q += 1
    return out


def list_pass(st: DocState) -> None:
    """Keep the points listed (or the paragraph given) after a paragraph that ends "X said:"."""
    toks = st.toks
    starts = st.attrs[:, 0]
    st.candidates.sort(key=lambda c: c.start)
    for p in range(len(st.para_starts) - 1):
        end = _paragraph_end(st, p)
        if end <= st.para_starts[p] or st.text[end - 1] != ":":
            continue
        colon = toks[max(0, int(numpy.searchsorted(starts, end - 1, side="right")) - 1)]
        cue = colon_cue(st, colon) if colon.text == ":" and colon.idx == end - 1 else None
        if cue is None:
            continue
        kept: list[QuoteCandidate] = []
        for a, b in _points(st, p):
            cand = st.kinded(a, b, cue, st.speakers.speaker_of(cue, (a, b)), "listed point")
            if cand is not None and not overlaps(st.candidates, cand):
                kept.append(cand)
        for cand in kept:
            if len(kept) > 1:
                cand.group = f"g{cue.i}"
            st.candidates.append(cand)
            consume(st.marked, st.used, cand)
        st.candidates.sort(key=lambda c: c.start)
