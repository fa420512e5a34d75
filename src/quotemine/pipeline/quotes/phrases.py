"""Token ranges of phrases: the short noun phrase of a mention, and trimming of content ranges.

Every range is ``(start, end)`` in token indices, ``end`` exclusive. Read off the dependency parse
and, for whole organisation and person names, the entity labels.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_text, doc_tokens

__all__ = [
    "MARK_TOKENS",
    "SENT_END",
    "TAIL_DEPS",
    "clip_paragraph",
    "cut_tail",
    "is_title",
    "np_span",
    "skip_dateline",
    "skip_time_lead",
    "token_before",
    "trim",
    "trim_right",
]

#: Tokens that are quotation marks.
MARK_TOKENS = frozenset({'"', "“", "”", "„", "«", "»", "''", "``", "‘", "’", "'"})
#: Tokens that end a sentence.
SENT_END = frozenset({".", "!", "?", "…"})
_LEFT_MODS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "quantmod", "case", "flat"})
_RIGHT_MODS = frozenset({"compound", "flat", "case"})
#: Punctuation trimmed off content, bullets of listed points included ("• Taxes will fall").
_MARKS = frozenset('"\u201c\u201d')
_MAX_MARK_GAP = 2  # punctuation tokens allowed between a quote's last word and its closing mark
_STRIP_PUNCT = frozenset(",.;:!?-–—()\"'“”‘’«»•·▪●◦‣*")
_TITLE_PUNCT = frozenset({".", "-", "'s", "’s"})
_WHOLE_ENTITY_TYPES = frozenset({"ORG", "PERSON"})
_MAX_ENTITY_TOKENS = 8
#: Words that open a non-restrictive relative clause the reporter adds (", who heads the board").
_TIME_ENTS = frozenset({"DATE", "TIME"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
_RELATIVE_LEADS = frozenset({"which", "who", "whose", "whom"})
#: Dependencies of a participle clause the reporter adds after a comma (", cementing its lead").
_PARTICIPLE_DEPS = frozenset({"advcl", "acl", "xcomp", "conj"})
#: Dependencies of the heads of the clauses ``cut_tail`` cuts off.
TAIL_DEPS = frozenset({"relcl", *_PARTICIPLE_DEPS})
#: Dashes that close a wire dateline ("PORTVILLE, May 3 (Newswire) - ..."), and its longest length.
_DATELINE_DASHES = frozenset({"-", "--", "–", "—"})
_MAX_DATELINE_TOKENS = 14
#: How far (in tokens) a name may stand from the description it follows.
_MAX_NAME_DISTANCE = 4


def _name_with_of(head: Token, end: int) -> int:
    """Extend a proper-name phrase over "for/of <Name>" ("Transport for London", "Bank of Japan")."""
    for prep in head.rights:
        if prep.i != end or prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
            continue
        objects = [t for t in prep.children if t.dep_ == "pobj" and t.pos_ == "PROPN"]
        if not objects or objects[0].left_edge.i != prep.i + 1:
            return end
        last = objects[0].right_edge.i + 1
        words = doc_tokens(head.doc)[prep.i + 1 : last]
        if last - head.i <= _MAX_ENTITY_TOKENS and all(
            (t.is_title or t.is_upper) and t.ent_type_ != "PERSON" for t in words
        ):
            return last
    return end


def _name_after_description(head: Token) -> Token | None:
    """Return the name a common-noun head describes, if it follows closely.

    "Leading Tajik lawyer and sociologist Ashurbov Imomov" gives the name, not the description;
    so does "Its general secretary, Helen Okafor, said" (a person in apposition).
    """
    if head.pos_ != "NOUN":
        return None
    for child in head.rights:
        near = child.i - head.i <= _MAX_NAME_DISTANCE
        if child.dep_ in ("conj", "appos", "flat") and child.pos_ == "PROPN" and near:
            if not any(t.text == "," for t in doc_tokens(head.doc)[head.i : child.i]):
                return child
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and near:
            return child
    return None


def _with_modifiers(head: Token) -> tuple[int, int]:
    """Return the range of ``head`` with its determiners and modifiers, no right-hand tail."""
    start, end = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ in _LEFT_MODS:
            start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in _RIGHT_MODS and child.i == end:
            end = child.right_edge.i + 1
    return start, end


def _name_start(doc: Doc, start: int, end: int) -> int:
    """Keep only the proper name at the end of ``doc[start:end]`` after common-noun descriptors."""
    toks = doc_tokens(doc)
    k = end - 1
    while k > start and (toks[k - 1].pos_ == "PROPN" or toks[k - 1].text in _TITLE_PUNCT):
        k -= 1
    return k if k > start and toks[k - 1].pos_ != "DET" and k < end else start


def _whole_entity(head: Token, start: int, end: int) -> tuple[int, int]:
    """Widen the range to the whole entity of ``head`` ("Transport for London"), if short."""
    toks = doc_tokens(head.doc)
    ent_start, ent_end = head.i, head.i + 1
    while ent_start > 0 and toks[ent_start].ent_iob_ == "I":
        ent_start -= 1
    while ent_end < len(toks) and toks[ent_end].ent_iob_ == "I":
        ent_end += 1
    if ent_end - ent_start <= _MAX_ENTITY_TOKENS:
        return min(start, ent_start), max(end, ent_end)
    return start, end


def _strip_edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation and spaces at both ends, keeping at least one token."""
    toks = doc_tokens(doc)
    while start < end - 1 and (toks[start].is_punct or toks[start].is_space):
        start += 1
    while end > start + 1 and (toks[end - 1].is_punct or toks[end - 1].is_space):
        end -= 1
    return start, end


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
    name = _name_after_description(head)
    if name is not None:
        return np_span(name)
    doc = head.doc
    start, end = _with_modifiers(head)
    if head.pos_ == "PROPN":
        start = _name_start(doc, start, end)
    if head.is_title and head.ent_type_ != "PERSON":
        end = _name_with_of(head, end)
    if head.ent_type_ in _WHOLE_ENTITY_TYPES:
        start, end = _whole_entity(head, start, end)
    return _strip_edges(doc, start, end)


def trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Trim punctuation, spaces and stray symbols ('\ufffd') off ``doc[a:b]``.

    A leading complementiser stays: "said that taxes would fall" reports "that taxes would fall",
    as PARC-style annotation (PolNeAR) marks it.
    """
    toks = doc_tokens(doc)
    while a < b and (toks[a].is_space or toks[a].text in _STRIP_PUNCT or _is_stray(toks[a])):
        a += 1
    while b > a and (toks[b - 1].is_space or toks[b - 1].text in _STRIP_PUNCT or _is_stray(toks[b - 1])):
        b -= 1
    return a, _close_open_mark(doc, a, b)


def _close_open_mark(doc: Doc, a: int, b: int) -> int:
    """Return ``b``, moved past the closing quotation mark of a mark ``doc[a:b]`` leaves open.

    A mixed quote ends at its closing mark ('said it was "deeply disappointed".'): trimming the
    punctuation, or a clause that ends before the mark, would leave the quoted words unbalanced.
    Only punctuation may stand between ``b`` and the mark ('."').
    """
    toks = doc_tokens(doc)
    marks = [text for text in [t.text for t in toks[a:b]] if text in _MARKS]
    straight_open = marks.count('"') % 2 == 1
    curly_open = marks.count("\u201c") > marks.count("\u201d")
    if not (straight_open or curly_open):
        return b
    closing = '"' if straight_open else "\u201d"
    for i in range(b, min(len(toks), b + _MAX_MARK_GAP + 1)):
        if toks[i].text == closing:
            return i + 1
        if not toks[i].is_punct or toks[i].text in _MARKS:
            break
    return b


def _time_phrase_end(tok: Token) -> int | None:
    """Return the end of the time phrase ``tok`` opens ("Monday", "last week", "on Monday"), if it does."""
    toks = doc_tokens(tok.doc)
    if tok.ent_type_ in _TIME_ENTS and tok.ent_iob_ == "B":
        k = tok.i + 1
        while k < len(toks) and toks[k].ent_iob_ == "I":
            k += 1
        return k
    if tok.pos_ == "ADP" and any(c.dep_ == "pobj" and c.ent_type_ in _TIME_ENTS for c in tok.children):
        return tok.right_edge.i + 1
    return None


def skip_time_lead(doc: Doc, a: int, b: int) -> int:
    """Return where the content ``doc[a:b]`` starts once a leading time phrase is dropped.

    "X said on Monday it would cut jobs": a time phrase before the content clause's subject (or
    its "that") tells when it was said, not what. Dropped with a comma after it, and only when the
    clause's subject (or complementiser) follows right after.
    """
    toks = doc_tokens(doc)
    end = _time_phrase_end(toks[a]) if a < b else None
    if end is None:
        return a
    k = end + 1 if end < b and toks[end].text == "," else end
    if k >= b - 1:
        return a
    nxt = toks[k]
    if nxt.dep_ == "mark" and nxt.lower_ == "that":
        return k
    if any(t.dep_ in _SUBJECT_DEPS and t.left_edge.i == k and t.head.i >= k for t in toks[k : min(b, k + 8)]):
        return k
    return a


def skip_dateline(doc: Doc, a: int, b: int) -> int:
    """Return where ``doc[a:b]`` starts once a wire dateline opening its paragraph is dropped.

    "PORTVILLE, May 3 (Newswire) - The mill will close": the place, date and agency before the
    dash tell where the story was filed, not what was said. Only an upper-case place may open it;
    dates, numbers and a parenthesised agency may follow.
    """
    toks = doc_tokens(doc)
    if a >= b or not toks[a].is_upper or not toks[a].is_alpha or len(toks[a].text) < 2:
        return a
    if a > 0 and "\n" not in toks[a - 1].text:
        return a
    depth = 0
    for k in range(a, min(b - 2, a + _MAX_DATELINE_TOKENS)):
        tok = toks[k]
        if tok.text in _DATELINE_DASHES and depth == 0:
            return k + 1 if k > a else a
        depth += (tok.text == "(") - (tok.text == ")")
        if depth or tok.is_upper or tok.text in ",.)" or tok.like_num or tok.ent_type_ in _TIME_ENTS:
            continue
        return a
    return a


def trim_right(doc: Doc, b: int) -> int:
    """Drop punctuation and spaces before the token index ``b``."""
    toks = doc_tokens(doc)
    while b > 0 and (toks[b - 1].is_space or toks[b - 1].is_punct):
        b -= 1
    return b


def clip_paragraph(doc: Doc, a: int, b: int, anchor: int) -> tuple[int, int]:
    """Keep the part of ``doc[a:b]`` in the paragraph of token ``anchor`` (a parse may run on).

    Returns an empty range when what is left has fewer than three words, and when a paragraph break
    stands between the range and a later anchor: a cue never reports a paragraph before its own
    ('"..."' then a paragraph 'X, who ..., has said Y' that the parse ran into one sentence).
    """
    toks, text = doc_tokens(doc), doc_text(doc)
    if anchor >= b and any("\n" in t.text for t in toks[b:anchor]):
        return a, a
    if a >= b or "\n" not in text[toks[a].idx : toks[b - 1].idx + len(toks[b - 1].text)]:
        return a, b  # no break inside (the common case): read off the text, not token by token
    breaks = [i for i in range(a, b) if "\n" in toks[i].text]
    if not breaks:
        return a, b
    lo = max((i + 1 for i in breaks if i < anchor), default=a)
    hi = min((i for i in breaks if i >= anchor), default=b)
    if lo >= hi:  # the anchor sits on a break: take the part after it
        hi = min((i for i in breaks if i > lo), default=b)
    lo, hi = trim(doc, lo, hi)
    return (lo, hi) if sum(1 for t in toks[lo:hi] if t.is_alpha) >= 3 else (lo, lo)


#: Most words of a quoted title.
_MAX_TITLE_WORDS = 12


def is_title(span: Span | Sequence[Token]) -> bool:
    """Tell whether a quoted stretch reads as a title ("Face the Week", "Failure to Adjust: How ...")."""
    words: list[str] = []
    for t in span:
        text = t.text
        if text in ("!", "?"):
            return False  # exclamations and questions are said, not titled
        if t.is_alpha:
            words.append(text)
            if len(words) > _MAX_TITLE_WORDS:
                return False
    if not words:
        return False
    long = [w for w in words if len(w) > 3]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


def _is_stray(tok: Token) -> bool:
    """Tell a stray symbol (a replacement character, a bullet) that says nothing: no word, no punctuation."""
    return not tok.is_space and all(unicodedata.category(ch)[0] in "SC" for ch in tok.text)


def token_before(doc: Doc, a: int) -> tuple[int, Token | None]:
    """Return the index and token before the opening mark of ``doc[a:]`` (``None``: paragraph start).

    Stray symbols are skipped: 'she said \ufffd "We are ready."' still has the cue before its mark.
    """
    toks = doc_tokens(doc)
    j = a - 1
    while j >= 0 and (
        toks[j].text in MARK_TOKENS or (toks[j].is_space and "\n" not in toks[j].text) or _is_stray(toks[j])
    ):
        j -= 1
    return j, toks[j] if j >= 0 and "\n" not in toks[j].text else None


def _relative_lead(first: Token) -> bool:
    """Tell whether ``first`` opens a relative clause: "which", "who", or "to which", "of whom"."""
    if first.lower_ in _RELATIVE_LEADS:
        return True
    toks = doc_tokens(first.doc)
    nxt = toks[first.i + 1] if first.i + 1 < len(toks) else None
    return (
        (first.pos_ == "ADP" or first.dep_ == "prep") and nxt is not None and nxt.lower_ in ("which", "whom")
    )


def cut_tail(doc: Doc, a: int, b: int, tails: Sequence[int] | None = None) -> int:
    """Return where the content ``doc[a:b]`` of a cue really ends.

    A non-restrictive relative clause at the end (", which would give ...", ", who runs ...", ", to
    which the mayor replied") and
    a participle clause after a comma (", cementing its lead") are the reporter's. ``tails``, when
    given, lists (ascending) the only tokens whose dependency is one of ``TAIL_DEPS``.
    """
    toks = doc_tokens(doc)
    if tails is None:
        heads = toks[a:b]
    else:
        heads = []
        for i in tails[bisect.bisect_left(tails, a) :]:
            if i >= b:
                break
            heads.append(toks[i])
    for tok in heads:
        dep = tok.dep_
        if dep not in TAIL_DEPS:
            continue  # the common case, settled without building the edge tokens
        left = tok.left_edge
        if tok.right_edge.i < b - 2 or left.i <= a or toks[left.i - 1].text != ",":
            continue
        if dep == "relcl" and _relative_lead(left):
            return left.i - 1
        if dep in _PARTICIPLE_DEPS and tok.tag_ == "VBG" and left.i == tok.i:
            return tok.i - 1
    return b
