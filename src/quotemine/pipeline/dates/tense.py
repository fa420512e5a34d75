"""Which way a clause points in time: the direction of a year-less weekday or month-day.

"will meet on Tuesday" looks ahead, "met on Tuesday" back, "said on Tuesday" (reached through a
long chain) says nothing. The rules follow HeidelTime's tense rules (Strötgen and Gertz 2010): the
verb the date modifies, its auxiliaries, and the simple present of an event verb.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_tokens
from quotemine.pipeline.dates.values import FIRM

__all__ = ["AHEAD", "BACK", "FIRM", "UNKNOWN", "bare_expression", "direction", "firm", "in_units_looks_ahead"]

AHEAD: Final = 1
BACK: Final = -1
UNKNOWN: Final = 0

_VERBS = ("VERB", "AUX")
_MAX_HOPS = 4
_BARE_TOKENS = 8
_PAST_HOPS = 2
_FUTURE_AUX = frozenset(
    {"will", "'ll", "shall", "wo", "ll", "would", "must", "might", "may", "should", "could", "can"}
)
_STATIVE = frozenset(
    {"be", "have", "say", "tell", "know", "think", "believe", "seem", "remain", "mean", "show"}
)
_SAME_PAST = frozenset(
    "hurt cut put set hit cost let shut quit spread split bet cast burst bid rid shed upset read beat".split()
)
_AHEAD_WORDS = frozenset({"ahead", "advance"})
# verbs that put a day ahead whatever their tense: a deferral ("postponed until March"), a move of a
# fixture ("moved to Jan. 24"), a court's remand or bail to the next hearing ("remanded until 14 April")
_DEFER = frozenset(
    {
        "postpone",
        "adjourn",
        "delay",
        "defer",
        "reschedule",
        "recess",
        "suspend",
        "extend",
        "move",
        "remand",
        "bail",
    }
)
_LEFT_WORDS = 6
_UPCOMING = frozenset({"upcoming", "scheduled", "planned", "forthcoming", "coming", "proposed"})
_SLATED = frozenset({"set", "slate", "timetable", "pencil", "earmark"})
_WILL = frozenset({"will", "'ll", "shall", "wo", "ll", "would"})
_PART_OF = frozenset(
    {
        "morning",
        "afternoon",
        "evening",
        "night",
        "eve",
        "end",
        "start",
        "beginning",
        "middle",
        "close",
        "weekend",
    }
)
_AT_DAY = frozenset({"on", "at", "for"})
_FUTURE_HEADS = frozenset({"expect", "plan", "schedule", "due", "intend", "hope", "aim", "promise"})


def direction(span: Span) -> int:
    """Return ``1`` when the clause points forward, ``-1`` for the past tense, ``0`` when unknown.

    Modal auxiliaries ("will", "would", "must", "might"), infinitives ("plans to hold ... Tuesday") and
    the simple present of an event verb ("meet Monday") point forward, as in HeidelTime's tense rules.
    """
    if span.root.dep_ == "poss":  # "Friday's close": a past event more often than not
        return AHEAD if _event_ahead(span) else UNKNOWN  # "ahead of Saturday's match"
    verb, hops = _governing_verb(span.root)
    if verb is None:
        return AHEAD if _event_ahead(span) else UNKNOWN
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _looks_ahead(verb, auxes) or _deferred_to(span, verb) or _arranged(span, verb, auxes, hops):
        return AHEAD
    if _time_left(span, verb):
        return AHEAD
    if _since_clause(verb):
        return BACK
    # the past tense counts only for a verb the date modifies ("met on Tuesday", "closed Friday"),
    # not for a "said" reached through a long chain
    near = hops <= _PAST_HOPS or _argument_date(span, verb)
    if near and (verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)):
        return BACK
    if _event_ahead(span):  # "has found herself in a race ahead of the vote on Monday"
        return AHEAD
    return BACK if near and verb.tag_ == "VBN" else UNKNOWN


def _event_ahead(span: Span) -> bool:
    """Tell a date of an event still to come: "ahead of the vote on Monday", "the upcoming talks on Friday".

    Read leftwards from the date over at most six words of its sentence, stopping at a verb or a
    punctuation mark: "ahead of"/"in advance of", or "upcoming", "scheduled", "planned".
    """
    if span.start == 0:
        return False
    toks = doc_tokens(span.doc)
    sent_start = span.sent.start
    for i in range(span.start - 1, max(sent_start, span.start - _LEFT_WORDS) - 1, -1):
        tok = toks[i]
        if tok.pos_ in _VERBS or tok.is_punct:
            return False
        low = tok.lower_
        if low in _UPCOMING:
            return True
        if low == "of" and i > sent_start and toks[i - 1].lower_ in _AHEAD_WORDS:
            return True
    return False


def _argument_date(span: Span, verb: Token) -> bool:
    """Tell a date that dates the subject or object of its verb: "the storms in October caused ...".

    The event the noun names happened when the verb's tense says ("the vote on Friday was rigged"),
    as when the date modifies the verb itself.
    """
    prep = span.root.head
    noun = prep.head
    return (
        span.root.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in ("in", "on", "during")
        and noun.dep_ in ("nsubj", "nsubjpass", "dobj")
        and noun.head == verb
    )


def _since_clause(verb: Token) -> bool:
    """Tell a clause opened by "since": "since taking office in January" (a time already past)."""
    return verb.tag_ in ("VBG", "VBN") and verb.dep_ == "pcomp" and verb.head.lower_ == "since"


def _time_left(span: Span, verb: Token) -> bool:
    """Tell the end of a time still running: "lawyers have until Friday to appeal" (a present verb)."""
    prep = span.root.head
    return (
        span.root.dep_ == "pobj"
        and prep.lower_ in ("until", "till")
        and prep.head == verb
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _deferred_to(span: Span, verb: Token) -> bool:
    """Tell the day something was put off to: "adjourned until Thursday", "put off until March".

    Whatever the tense of the verb, the day is still ahead of the report.
    """
    prep = span.root.head
    put_off = verb.lemma_ in ("put", "push") and any(
        c.dep_ == "prt" and c.lower_ in ("off", "back") for c in verb.children
    )
    return (
        (verb.lemma_ in _DEFER or put_off)
        and span.root.dep_ == "pobj"
        and prep.lower_ in ("until", "till", "to", "for")
        and prep.head == verb
    )


def _arranged(span: Span, verb: Token, auxes: list[Token], hops: int) -> bool:
    """Tell an arrangement in the present: "are meeting in Oslo on Friday", "the final is on Sunday".

    The present progressive of an event verb and a present "is"/"are" whose complement is the date
    ("the deadline is Friday", "kick-off is at 3pm on Saturday") speak of a time still to come.
    Not a date that is the subject ("Today is ..."), nor one reached through a noun ("is in custody
    after his arrest on Sunday").
    """
    root = span.root
    if hops > _PAST_HOPS or root.dep_ not in ("pobj", "attr", "npadvmod", "prep"):
        return False
    if verb.tag_ == "VBG":
        return verb.lemma_ not in _STATIVE and any(
            a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") and a.dep_ == "aux" for a in auxes
        )
    if verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP") or auxes:
        return False
    prep = root if root.dep_ == "prep" else root.head  # "at 3pm on Saturday" hangs from its "on"
    return (root.head == verb and root.dep_ != "prep") or (
        prep.dep_ == "prep" and prep.head == verb and prep.lower_ in _AT_DAY
    )


def _governing_verb(tok: Token) -> tuple[Token | None, int]:
    """Return the verb at most four heads up from ``tok`` and the number of hops, else ``None``.

    A part of the day or of a period that the date narrows ("on the morning of 12 October", "at
    the end of March") is no hop of its own: the date still modifies the verb.
    """
    hops = free = 0
    while hops < _MAX_HOPS + free and tok.pos_ not in _VERBS and tok.head is not tok:
        tok = tok.head
        hops += 1
        if (tok.lower_ == "of" and tok.head.lower_ in _PART_OF) or tok.lower_ in _PART_OF:
            free += 1
    return (tok, hops - free) if tok.pos_ in _VERBS else (None, hops - free)


def _looks_ahead(verb: Token, auxes: list[Token]) -> bool:
    """Tell a verb that points forward: a plan, a modal, an infinitive, an event in the present."""
    if verb.lemma_ in _FUTURE_HEADS:  # "planned a rally on Saturday", "is scheduled for Tuesday"
        return True
    if verb.lower_ in _FUTURE_AUX or any(a.lower_ in _FUTURE_AUX for a in auxes):
        return True
    if verb.lemma_ in _SLATED and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return True  # "the vote is set for Friday", "talks are slated for June"
    if any(a.tag_ == "TO" for a in auxes):
        return True
    if verb.tag_ in ("VBZ", "VBP") and any(c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children):
        return True  # "the report is due by Aug. 3"; "was due" stays in the past
    return (
        verb.tag_ in ("VBZ", "VBP")
        and not auxes
        and verb.lemma_ not in _STATIVE
        and not (verb.tag_ == "VBP" and verb.lower_ in _SAME_PAST)  # "which fell ... hurt ... on Friday"
    )


def bare_expression(doc: Doc) -> bool:
    """Tell a text that is nothing but a short expression ("dec 25th", "first tuesday of october").

    With no clause around it, such a text is a calendar entry or a query, and it names the coming
    occurrence (as Duckling and calendar software read it); a sentence of an article always has a verb.
    A gerund does not count: the tagger takes "thanksgiving" for one.
    """
    return len(doc) <= _BARE_TOKENS and not any(t.pos_ in _VERBS and t.tag_ != "VBG" for t in doc)


def in_units_looks_ahead(span: Span) -> bool:
    """Tell "... or in a week?" (no verb in the sentence) from "March in 1 year": the first looks ahead."""
    prev = doc_tokens(span.doc)[span.start - 1] if span.start > 0 else None
    named = prev is not None and prev.pos_ in ("NOUN", "PROPN", "NUM")  # "March in 1 year"
    return not named and not any(t.pos_ in _VERBS for t in span.sent)


def firm(span: Span, found: int) -> bool:
    """Tell whether the direction ``found`` is firm enough to move a bare month or season.

    Firm: a simple past verb the date modifies ("approved it in February"), a past passive or
    pluperfect ("was closed in June", "had closed in June"), or a verb with "will",
    "shall" or "would" ("will reopen in the spring", "said he would resign in March"). An
    infinitive ("to meet demand well into the summer") or a perfect ("has extended loans through
    January") says too little about where a month falls. The simple present of an event verb the
    date modifies is a schedule ("the mill reopens in November"), firm ahead.
    """
    if found == UNKNOWN or span.root.dep_ == "poss":
        return False
    verb, hops = _governing_verb(span.root)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if found == AHEAD:
        if _deferred_to(span, verb):  # "the vote was put off until December"
            return True
        if not auxes and verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in _STATIVE and hops <= _PAST_HOPS:
            return True  # "the audit starts in September": a scheduled event
        return any(a.lower_ in _WILL for a in auxes) and not any(a.lemma_ == "have" for a in auxes)
    if _since_clause(verb):
        return True
    if hops > _PAST_HOPS and not _argument_date(span, verb):
        return False
    # "closed it in June", or a past passive or pluperfect: "was closed in June", "had closed in June"
    return (verb.tag_ == "VBD" and not auxes) or (
        verb.tag_ == "VBN" and bool(auxes) and all(a.tag_ == "VBD" for a in auxes)
    )
