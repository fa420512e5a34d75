"""Question-and-answer transcripts: "Q: ..." and "A: ..." lines of an interview.

An interview printed as a transcript marks each turn with "Q:" (or "Q.") for the interviewer and
"A:" (or "A.") for the person interviewed. Each answer line is a direct quotation of the person
interviewed; the questions are the interviewer's and are not reported. The person interviewed is
the one person the introduction (the text before the first turn) names, or when it names several,
the one its first line (a headline) names; else the answers are kept with no speaker. Only a
text with at least two questions and two answers is a transcript: a lone "A." is a list point or
an initial.
"""

from __future__ import annotations

import re

import numpy
from spacy.tokens import Span

from quotemine.pipeline.quotes.candidates import QuoteCandidate
from quotemine.pipeline.quotes.context import DocState
from quotemine.pipeline.quotes.phrases import trim
from quotemine.pipeline.records import SpeakerRecord

__all__ = ["transcript_pass"]

#: A turn marker at a line start: "Q:", "A.", the marker letter in group 1.
_TURN = re.compile(r"^[ \t]*([QA])[:.][ \t]+(?=\S)", re.MULTILINE)
#: Fewest questions and answers that make a transcript.
_MIN_TURNS = 2
#: Fewest words of an answer kept as a quotation.
_MIN_WORDS = 2


def transcript_pass(st: DocState) -> None:
    """Replace what other passes read in the turns of a transcript by its answers, as direct quotes."""
    text = st.text
    if "Q" not in text:
        return
    turns = [(m.group(1), m.start(), m.end()) for m in _TURN.finditer(text)]
    if sum(1 for t in turns if t[0] == "Q") < _MIN_TURNS or sum(1 for t in turns if t[0] == "A") < _MIN_TURNS:
        return
    lines = [(kind, start, body, _line_end(text, body)) for kind, start, body in turns]
    st.candidates = [c for c in st.candidates if not any(s < c.end and c.start < e for _, s, _, e in lines)]
    spk = _interviewee(st, turns[0][1])
    starts = st.attrs[:, 0]
    for kind, _, body, end in lines:
        if kind != "A":
            continue
        a, b = (int(x) for x in numpy.searchsorted(starts, [body, end], side="left"))
        a, b = trim(st.doc, a, b)
        if sum(1 for i in range(a, b) if st.words_list[i]) < _MIN_WORDS:
            continue
        toks = st.toks
        start, stop = toks[a].idx, toks[b - 1].idx + len(toks[b - 1].text)
        st.candidates.append(st.candidate(start, stop, "direct", None, spk, "transcript"))
    st.candidates.sort(key=_by_start)


def _by_start(cand: QuoteCandidate) -> int:
    return cand.start


def _line_end(text: str, start: int) -> int:
    """Return the end of the line that holds ``start``."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _interviewee(st: DocState, intro_end: int) -> SpeakerRecord | None:
    """Return a mention of the one person the introduction names, or ``None`` when not just one."""
    people: list[Span] = [
        ent
        for ent in st.doc.ents
        if ent.label_ == "PERSON" and ent.end_char <= intro_end and not _byline(st, ent)
    ]
    surnames = {ent[-1].lower_ for ent in people}
    if len(surnames) > 1:  # the interviewer named too: the one the headline line names, if one
        first_line = _line_end(st.text, 0)
        people = [ent for ent in people if ent.end_char <= first_line]
        surnames = {ent[-1].lower_ for ent in people}
    if len(surnames) != 1:
        return None
    return st.speakers.mention(people[0].root)


def _byline(st: DocState, ent: Span) -> bool:
    """Tell whether ``ent`` is the writer's name in a byline ("By Jane Roe") or an interviewer's."""
    before = st.toks[ent.start - 1].lower_ if ent.start > 0 else ""
    return before in ("by", "reporter", "correspondent", "editor", "interviewer")
