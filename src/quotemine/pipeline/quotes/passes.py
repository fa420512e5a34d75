"""The passes of ``quotemine_quotes`` over one parse, in order (see the package docstring).

Each pass reads and extends the ``DocState``: ``direct_pass`` (quoted stretches with an adjacent
cue), ``content_pass`` (content of cue words), ``colon_pass`` ("NAME: statement" lines) and
``inherit_pass`` (quoted stretches left over: mixed inside a clause, or continuing the previous
statement). ``find_quotes`` runs them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.tokens import Doc, Token

from quotemine.extensions import doc_text
from quotemine.pipeline.quotes.beliefs import adjective_candidate, mark_beliefs, speech_first
from quotemine.pipeline.quotes.candidates import (
    QuoteCandidate,
    consume,
    drop_nested,
    group_by_cue,
    overlaps,
    previous,
)
from quotemine.pipeline.quotes.children import CONTENT_CHILD_DEPS, content_rule
from quotemine.pipeline.quotes.colons import colon_cue_pass
from quotemine.pipeline.quotes.content import fronted_condition, is_condition
from quotemine.pipeline.quotes.context import DocState, FinderOptions
from quotemine.pipeline.quotes.cues import CLIPPED, CueLexicon, cue_code, repair_clipped_lemma
from quotemine.pipeline.quotes.direct import direct_cue
from quotemine.pipeline.quotes.lists import list_pass
from quotemine.pipeline.quotes.marks import MarkedSpan, find_marked_spans
from quotemine.pipeline.quotes.nominal import topic_candidate
from quotemine.pipeline.quotes.phrases import SENT_END, is_title, token_before, trim
from quotemine.pipeline.quotes.stance import says_nothing
from quotemine.pipeline.quotes.trailing import trailing_pass
from quotemine.pipeline.quotes.transcripts import transcript_pass

__all__ = [
    "colon_pass",
    "content_pass",
    "cue_candidates",
    "direct_pass",
    "find_quotes",
    "inherit_pass",
    "phrase_ends",
]

#: What may stand between a paragraph start and a quote that opens the paragraph.
_PARAGRAPH_LEADS = ("", '"', "“", "'")
#: Tokens of a paragraph's opening within which the colon of a "NAME: statement" line stands.
_LINE_SPEAKER_TOKENS = 9
#: Most sentences of an aside between two quote paragraphs of one speaker.
_MAX_ASIDE_SENTENCES = 2


def _by_start(cand: QuoteCandidate) -> int:
    return cand.start


def _by_end(cand: QuoteCandidate) -> tuple[int, int]:
    return cand.end, cand.start


def _add(st: DocState, cand: QuoteCandidate) -> None:
    """Keep ``cand`` and mark the quoted stretches it holds as used."""
    st.candidates.append(cand)
    consume(st.marked, st.used, cand)


# ---------------------------------------------------------------------- pass 1: direct quotes


def direct_pass(st: DocState) -> None:
    """Keep each quoted stretch that has a cue (or a verbless speaker) right next to it."""
    for k, m in enumerate(st.marked):
        a, b = st.tok_ranges[k]
        if a >= b:
            continue
        found = direct_cue(st, a, b)
        if found is None:
            continue
        verb, spk = found
        st.candidates.append(st.candidate(m.start, m.end, "direct", verb, spk, "direct"))
        st.used[k] = True
        if verb is not None:
            st.cue_of_quote[k] = verb.i


# ---------------------------------------------------------------------- pass 2: content of cues


def cue_candidates(
    doc: Doc, lemmas: list[int], lex: CueLexicon, phrase_starts: Iterable[int] = ()
) -> list[int]:
    """Return the indices of tokens whose lemma is a content cue, or that open a speaker phrase.

    One dict look-up per lemma (cached by its hash) keeps the cost linear in the document.
    """
    strings = doc.vocab.strings
    known = lex.cue_lemmas  # kept across documents: after a few, every look-up is one dict read
    hits = set(phrase_starts)
    for i, h in enumerate(lemmas):
        cue = known.get(h)
        if cue is None:
            lower = strings[h].lower()
            cue = known[h] = cue_code(lower, lex)
        if cue == CLIPPED and not repair_clipped_lemma(doc, lemmas, i, strings[h].lower()):
            continue
        if cue:
            hits.add(i)
    return sorted(hits)


def phrase_ends(doc: Doc, attrs: numpy.ndarray[Any, Any], lex: CueLexicon) -> dict[int, int]:
    """Return, for each token that opens a speaker phrase ("according to"), the token after it.

    The phrases are matched on the lower-case forms, one array comparison per word.
    """
    lower = attrs[:, 2]
    strings = doc.vocab.strings
    found: dict[int, int] = {}
    for words in lex.phrases:
        n = len(words)
        if n > len(lower):
            continue
        match = numpy.ones(len(lower) - n + 1, dtype=bool)
        for k, word in enumerate(words):
            match &= lower[k : len(lower) - n + 1 + k] == strings.add(word)
        for start in numpy.flatnonzero(match).tolist():
            found.setdefault(int(start), int(start) + n)
    return found


def _phrase_rule(st: DocState, tok: Token) -> bool:
    """Read a speaker phrase ("according to X", "in the words of X"); tell whether ``tok`` opened one."""
    end = st.phrase_ends.get(tok.i)
    if end is None:
        return False
    cand = st.phrase_candidate(tok, st.toks[end - 1])
    if cand is not None:
        _add(st, cand)
    return True


def _noun_rule(st: DocState, tok: Token) -> bool:
    """Read a cue noun's 'that' clause ("his claim that the vote was rigged"), or "in his view"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or (lemma not in st.lex.cue_nouns and lemma not in st.lex.topic_nouns):
        return False
    cand = None
    if lemma in st.lex.cue_nouns:
        cand = st.noun_candidate(tok)
        if cand is None:
            cand = st.view_candidate(tok)  # "In her view, the levy is unfair"
        if cand is None:
            cand = st.colon_noun_candidate(tok)  # "Her warning was stark: the clinic will close"
    if cand is None:
        cand = topic_candidate(st, tok)  # "her criticism of the levy"
    if cand is not None:
        _add(st, cand)
    return True


def _verb_rule(st: DocState, tok: Token) -> bool:
    """Read the content of a cue verb: around a parenthetical cue, else each content child."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or lemma not in st.lex.content_verbs:
        return True
    if (tok.dep_ == "parataxis" and lemma in st.lex.cue_verbs) or _as_aside(st, tok, lemma):
        # "That, the board said, would help", "As the Courier reported, ...": the host clause
        if says_nothing(tok, st.lex):
            return True
        pieces = st.parataxis_candidates(tok)
        for cand in pieces:
            _add(st, cand)
        if pieces:
            return True
    if _colon_host(st, tok, lemma):
        return True
    for child in st.kids(tok):
        if child.dep_ in CONTENT_CHILD_DEPS:
            _child_content(st, tok, lemma, child)
    return True


def _colon_host(st: DocState, tok: Token, lemma: str) -> bool:
    """Read "Roe told the Courier: the club will survive"; tell whether ``tok`` is such a cue.

    The parse hangs a speech cue that ends at a colon on the clause after the colon, as if the
    cue were that clause's content: the clause is what was said. Quoted words after the colon are
    the direct pass's.
    """
    if tok.dep_ not in ("ccomp", "parataxis") or lemma not in st.lex.speech_verbs:
        return False
    colon, head = tok.right_edge.i + 1, tok.head
    if head.i <= colon or st.toks[colon].text != ":" or st.qid[colon] >= 0:
        return False
    end = head.right_edge.i + 1
    if any(st.qid[i] >= 0 for i in range(colon + 1, end)) or any(c.dep_ == "ccomp" for c in st.kids(tok)):
        return False
    if not says_nothing(tok, st.lex):
        cand = st.content_candidate((colon + 1, end), tok, "colon clause")
        if cand is not None:
            _add(st, cand)
    return True


def _as_aside(st: DocState, tok: Token, lemma: str) -> bool:
    """Tell whether ``tok`` is a speech or evidence verb in an "as" clause with no content of its own.

    "As the Courier reported last month, the mill will close": the host clause is what was
    reported. "as he said he would" (a clause of its own) and "as she announced the results" (an
    object) report something else.
    """
    if tok.dep_ != "advcl" or not (lemma in st.lex.speech_verbs or lemma in st.lex.evidence_verbs):
        return False
    if tok.head.pos_ not in ("VERB", "AUX") or tok.head.i == tok.i:
        return False
    marks = [c.lower_ for c in st.kids(tok) if c.dep_ == "mark"]
    if marks != ["as"] or tok.right_edge.i - tok.i > _MAX_ASIDE_TAIL:
        return False
    told = lemma in st.lex.addressee_verbs
    tail = [
        c.dep_ for c in st.rights(tok) if c.dep_ != "punct" and not (told and c.dep_ in ("dobj", "dative"))
    ]
    # "as reported by X", "as the Courier reported last month", "as she told the Gazette on Monday";
    # not "as he joked with a friend at the table" (when, not what)
    return all(dep in _ASIDE_TAIL_DEPS for dep in tail) and tail.count("prep") <= 1


#: What may follow the verb of an "as" aside: when, how, by whom, a particle ("pointed out").
_ASIDE_TAIL_DEPS = frozenset({"npadvmod", "advmod", "prep", "agent", "prt"})
#: Most tokens after the verb of an "as" aside.
_MAX_ASIDE_TAIL = 6


def _adjective_rule(st: DocState, tok: Token) -> bool:
    """Read a belief adjective's content clause ("is confident that ..."); tell whether ``tok`` is one."""
    if tok.pos_ != "ADJ":
        return False
    cand = adjective_candidate(st, tok)
    if cand is not None and not says_nothing(tok.head, st.lex):
        cand.cue, cand.cue_i = (tok.idx, tok.idx + len(tok.text)), tok.i
        _add(st, cand)
    return True


#: The readings of a cue token, in order; the first that claims the token ends its turn.
_TOKEN_RULES: tuple[Callable[[DocState, Token], bool], ...] = (
    _phrase_rule,
    _noun_rule,
    _adjective_rule,
    _verb_rule,
)


def _child_content(st: DocState, verb: Token, lemma: str, child: Token) -> None:
    """Keep the content ``child`` gives ``verb``, unless a quote already holds part of it."""
    applied = content_rule(st, verb, lemma, child)
    if applied is None or applied[1].span is None:
        return
    rule, found = applied
    assert found.span is not None
    silent = st.silent.get(verb.i)
    if silent is None:
        silent = st.silent[verb.i] = says_nothing(verb, st.lex)
    if silent:  # "does not deny that", "declined to say whether", "as if to say"
        return
    a, b = found.span
    marked = [k for k in st.qid[a:b] if k >= 0]
    if any(st.cue_of_quote.get(k) == verb.i for k in marked):
        return  # the direct quote this verb already introduces
    if any(st.used[k] for k in marked):
        cut = _before_other_cue(st, verb, a, [k for k in marked if st.used[k]])
        if cut is None:
            return
        b = cut
    cand = st.content_candidate((a, b), verb, rule, found.sourced)
    if cand is None:
        return
    _add(st, cand)
    if rule == "content clause":
        _fronted_piece(st, verb, cand, found.span)


#: Punctuation that may end a content clause before another speaker's cue.
_BOUNDARIES = frozenset({",", ";", ":", "—", "–"})


def _before_other_cue(st: DocState, verb: Token, a: int, used: list[int]) -> int | None:
    """Return where the content ``doc[a:]`` of ``verb`` ends before another speaker's direct quote.

    "She said the plans were sound, to which Roe replied: '...'": the clause the parse runs on
    into Roe's cue and quote ends at the last comma before Roe's cue. ``None`` when the quote
    has no cue after ``verb`` or too little is left.
    """
    cue = st.cue_of_quote.get(min(used))
    if cue is None or cue <= verb.i or any("\n" in t.text for t in st.toks[a:cue]):
        return None  # no cue of its own, or a quote of another paragraph the parse ran into
    cut = max((i for i in range(a, cue) if st.toks[i].text in _BOUNDARIES), default=None)
    if cut is None or sum(1 for t in st.toks[a:cut] if t.is_alpha) < _MIN_CUT_WORDS:
        return None
    return cut


#: Fewest words left of a content clause cut before another speaker's cue.
_MIN_CUT_WORDS = 4


def _fronted_piece(st: DocState, verb: Token, main: QuoteCandidate, content: tuple[int, int]) -> None:
    """Keep a condition fronted before the cue as a second piece of ``main`` ("If ..., she said she ...").

    The parse hangs it on the cue (``fronted_condition``) or on the content clause, whose range
    then runs over the cue: its part before the cue's subject and a comma is the piece.
    """
    span = fronted_condition(verb)
    if span is None and content[0] < verb.i < content[1]:
        lead = min(
            (c.left_edge.i for c in st.lefts(verb) if c.dep_ in ("nsubj", "nsubjpass")), default=verb.i
        )
        first = st.toks[content[0]]
        if lead - content[0] >= 4 and st.toks[lead - 1].text == "," and is_condition(first):
            span = trim(st.doc, content[0], lead - 1)
    if span is None or st.any_used(*span):
        return
    piece = st.kinded(*span, verb, main.speaker, "fronted condition")
    if piece is None or overlaps(st.candidates, piece):
        return
    main.group = piece.group = main.group or f"g{verb.i}"
    st.candidates.append(piece)
    consume(st.marked, st.used, piece)


def content_pass(st: DocState) -> None:
    """Keep the content of each cue word outside quotation marks."""
    st.phrase_ends = phrase_ends(st.doc, st.attrs, st.lex)
    for ti in cue_candidates(st.doc, st.lemmas, st.lex, st.phrase_ends):
        if st.qid[ti] >= 0:
            continue
        tok = st.toks[ti]
        for rule in _TOKEN_RULES:
            if rule(st, tok):
                break


# ---------------------------------------------------------------------- pass 2b: "NAME: statement"


def colon_pass(st: DocState) -> None:
    """Keep lines that open "NAME: statement" (headlines, transcripts) where nothing else was found."""
    st.candidates.sort(key=_by_start)
    colons = numpy.flatnonzero(st.attrs[:, 2] == st.doc.vocab.strings.add(":")).tolist()
    if not colons:
        return
    starts = st.attrs[:, 0]
    spaces = st.attrs[:, 4]
    for pa in numpy.searchsorted(starts, st.para_starts, side="left").tolist():
        first = pa
        while first < len(spaces) and spaces[first]:
            first += 1
        k = bisect.bisect_left(colons, first)
        if k == len(colons) or colons[k] >= first + _LINE_SPEAKER_TOKENS:
            continue  # most paragraphs: no colon among their first words, so no "NAME:" line
        cand = st.colon_line(int(pa))
        if cand is not None and not overlaps(st.candidates, cand):
            bisect.insort(st.candidates, cand, key=_by_start)
            consume(st.marked, st.used, cand)


# ---------------------------------------------------------------------- pass 3: left-over quotes


def _opens_clause(st: DocState, a: int) -> bool:
    """Tell whether the quote at token ``a`` stands where a statement may begin (not in a clause)."""
    _, before = token_before(st.doc, a)
    return before is None or before.text in SENT_END or before.text == ":"


def _interruption(st: DocState, para: int, prev: QuoteCandidate) -> bool:
    """Tell whether paragraph ``para`` is a short aside inside ``prev``'s speech.

    "'We stay,' Ruth Roe said. / Roe, 64, has run the club since 1999. / 'It will outlive us.'":
    an aside with no quotation, no statement of its own and no other person named does not hand
    the floor to anyone else, so the next unattributed quote paragraph is still ``prev``'s speaker's.
    """
    lo = st.para_starts[para]
    hi = st.para_starts[para + 1] if para + 1 < len(st.para_starts) else len(st.text)
    if any(lo <= m.start < hi for m in st.marked) or any(c.start < hi and lo < c.end for c in st.candidates):
        return False
    span = st.doc.char_span(lo, hi, alignment_mode="expand")
    if span is None or sum(1 for t in span if t.text in SENT_END) > _MAX_ASIDE_SENTENCES:
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False  # a handle, a date line or a caption is no narration
    spk = prev.speaker
    said = st.text[spk["start"] : spk["end"]].lower() if spk else ""
    return all(ent.label_ != "PERSON" or ent[-1].lower_ in said for ent in span.ents)


def _continues(st: DocState, m: MarkedSpan, prev: QuoteCandidate) -> bool:
    """Tell whether the quote ``m`` continues the statement ``prev`` (news convention).

    It does in the same paragraph; when it opens a paragraph right after a direct or mixed one, or
    after a short aside about the same speaker (``_interruption``); and when it carries on a quote
    that ran over from an earlier paragraph.
    """
    para = st.para_of(m.start)
    if prev.para == para:
        return True
    lead = st.text[st.para_starts[para] : m.start].strip()
    starts_para = m.continued or lead in _PARAGRAPH_LEADS
    if starts_para and prev.para == para - 1 and prev.kind != "indirect":
        return True
    if starts_para and prev.para == para - 2 and prev.kind == "direct" and prev.speaker is not None:
        return _interruption(st, para - 1, prev)
    return m.continued and prev.para >= para - 1


def _cue_sentence(st: DocState, a: int) -> QuoteCandidate | None:
    """Read a quote that follows its cue in the sentence before ("Roe said on Monday. 'We stay.'").

    The sentence before, in the same paragraph, must be a statement with no content of its own: its
    main verb a speech verb with no content clause ("X said on Monday.", "X spoke to reporters."),
    or a verb whose object is a cue noun ("X issued a warning."). Its subject speaks the quote.
    """
    j, before = token_before(st.doc, a)
    if before is None or before.text not in SENT_END or j < 1:
        return None
    root = st.toks[j - 1].sent.root
    if root.pos_ not in ("VERB", "AUX") or st.qid[root.i] >= 0 or says_nothing(root, st.lex):
        return None
    lemma = root.lemma_.lower()
    speaking = lemma in st.lex.speech_verbs or lemma in st.lex.prep_verbs  # "Roe spoke to reporters."
    speaking = speaking or _spoke_bluntly(st, root)  # "Roe was blunt."
    speech = speaking and not any(c.dep_ in ("ccomp", "dobj") for c in st.kids(root))
    speech = speech or st.speakers.was_asked(root)  # "Asked whether ..., Roe smiled. '...'": the answer
    noun = any(c.dep_ == "dobj" and c.lemma_.lower() in st.lex.cue_nouns for c in st.kids(root))
    if not (speech or noun) or any(c.cue_i == root.i for c in st.candidates):
        return None
    b = st.tok_ranges[st.qid[a]][1]
    spk = st.speakers.speaker_of(root, (a, b))
    if spk is None:
        return None
    m = st.marked[st.qid[a]]
    return st.candidate(m.start, m.end, "direct", root, spk, "cue sentence")


def _spoke_bluntly(st: DocState, root: Token) -> bool:
    """Tell whether ``root`` says how a person spoke ("Judge Roe was blunt.", "She was adamant.").

    A copula with an adjective of ``speech_manners`` and a subject that may speak (a name that is
    no place, a personal pronoun, a title or a word for people): a sky that "was clear" speaks
    no quotation.
    """
    kids = st.kids(root)
    if root.lemma_.lower() != "be" or not any(
        c.dep_ == "acomp" and c.lower_ in st.lex.speech_manners and not st.kids(c) for c in kids
    ):
        return False
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    lemma = subj.lemma_.lower()
    return (
        subj.ent_type_ == "PERSON"
        or (subj.pos_ == "PROPN" and subj.ent_type_ not in _PLACE_ENTS)
        or subj.lower_ in _PERSON_PRONOUNS
        or lemma in st.lex.titles
        or lemma in st.lex.group_nouns
    )


#: Entity types of names that are places, not speakers.
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: Pronouns that stand for people.
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


def _inherit(st: DocState, m: MarkedSpan, prev: QuoteCandidate) -> QuoteCandidate:
    """Return the candidate of ``m`` with the cue, speaker and group of ``prev``."""
    cand = QuoteCandidate(
        m.start,
        m.end,
        "direct",
        prev.cue,
        prev.cue_i,
        prev.speaker,
        prev.addressee,
        para=st.para_of(m.start),
        rule="inherited",
    )
    if prev.group is None:
        prev.group = f"g{prev.start}"
    cand.group = prev.group
    return cand


def _left_over(st: DocState, k: int, by_end: list[QuoteCandidate]) -> QuoteCandidate | None:
    """Return the candidate of the unused quoted stretch ``k``, or ``None`` to drop it.

    Short stretches are scare quotes and titles are titles; a quoted phrase inside a clause belongs
    to the clause (a mixed statement); any other continues the statement before it.
    """
    a, b = st.tok_ranges[k]
    words = int(st.word_mask[a:b].sum())
    if words < st.options.min_inherited_words or is_title(st.toks[a:b]):
        return None
    if not _opens_clause(st, a):
        emb = st.embedded(a, b)
        return emb if emb is not None and not overlaps(st.candidates, emb) else None
    after_cue = _cue_sentence(st, a)
    if after_cue is not None:
        return after_cue
    m = st.marked[k]
    prev = previous(by_end, m.start)
    if prev is None or not _continues(st, m, prev):
        return None
    return _inherit(st, m, prev)


def inherit_pass(st: DocState) -> None:
    """Give each quoted stretch left without a cue the statement it belongs to, if any."""
    st.candidates.sort(key=_by_start)
    # a quotation continues a statement, not a belief ("who wants a commission. 'I would ...'")
    by_end = sorted((c for c in st.candidates if c.cue_type == "speech"), key=_by_end)
    for k in range(len(st.marked)):
        if st.used[k]:
            continue
        cand = _left_over(st, k, by_end)
        if cand is None:
            continue
        bisect.insort(st.candidates, cand, key=_by_start)
        bisect.insort(by_end, cand, key=_by_end)
        st.used[k] = True


# ---------------------------------------------------------------------- all passes


def find_quotes(doc: Doc, lex: CueLexicon, options: FinderOptions) -> tuple[list[QuoteCandidate], list[str]]:
    """Run every pass over ``doc``.

    Args:
        doc: A parsed document.
        lex: The cue lexicon.
        options: The finder's options.

    Returns:
        The kept candidates in text order, and warnings about unpaired quotation marks.

    """
    text = doc_text(doc)
    if not text.strip() or len(doc) == 0:
        return [], []
    marked, warnings = find_marked_spans(text)
    st = DocState.build(doc, text, marked, lex, options)
    direct_pass(st)
    content_pass(st)
    list_pass(st)
    colon_cue_pass(st)
    trailing_pass(st)
    colon_pass(st)
    st.candidates = mark_beliefs(st, st.candidates)
    inherit_pass(st)
    transcript_pass(st)
    kept = drop_nested(speech_first(mark_beliefs(st, st.candidates)))
    group_by_cue(kept)
    return kept, warnings
