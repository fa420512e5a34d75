"""The document being repaired, its lexicons, and the word tests every entity rule shares.

A ``Context`` is built once per document. It holds the per-document caches (sorted token columns
for fast look-ups, the end of the headline) so the component itself keeps no document alive.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any, Final, Generic, TypeVar, overload

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from quotemine.extensions import doc_text, doc_tokens
from quotemine.lexicons.names import Lexicons, is_initial
from quotemine.lexicons.words import PERSON_SPEECH_VERBS

__all__ = ["PROPER_TAGS", "Context", "lazy", "low", "run_together", "string_ids"]

PROPER_TAGS: Final = frozenset({"NNP", "NNPS"})
_INNER_CAPITAL: Final = re.compile(r"[a-z]([A-Z])")
_CAMEL_HUMP: Final = re.compile(r"[a-z][A-Z]")
_GLUED_CAPS: Final = re.compile(r"[a-z][A-Z]{2,}")
# Prefixes before an inner capital that real names have ("McCain", "LeBron", "DeSantis", "O'Neil").
_CAMEL_NAME_PREFIXES: Final = frozenset(
    "Mc Mac O D De Di Da Du La Le Van Vander Von Fitz St Al El Ab Ben".split()
)
# A first line this short, followed by a blank line, is a headline.
_HEADLINE_MAX: Final = 200

#: Up to this many ids, ``Context.where`` compares the column with each id instead of searching.
_FEW_IDS: Final = 3
# A token attribute of one document, in token order.
_Column = numpy.ndarray[Any, Any]


_Owner = TypeVar("_Owner")
_Value = TypeVar("_Value")


class lazy(Generic[_Owner, _Value]):
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every first read).

    The value is computed on the first read and stored in the instance's ``__dict__``, which
    later reads find first (this descriptor has no ``__set__``). Works on frozen dataclasses.
    """

    def __init__(self, func: Callable[[_Owner], _Value]) -> None:
        """Wrap the method that computes the value."""
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type[_Owner], name: str) -> None:
        """Store the value under the attribute's name."""
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type[_Owner] | None = None) -> lazy[_Owner, _Value]: ...
    @overload
    def __get__(self, obj: _Owner, owner: type[_Owner] | None = None) -> _Value: ...
    def __get__(self, obj: _Owner | None, owner: type[_Owner] | None = None) -> Any:
        """Compute the value once and keep it on the instance."""
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


def string_ids(words: Iterable[str]) -> numpy.ndarray[Any, Any]:
    """Return the sorted, unique spaCy string ids of ``words``."""
    return numpy.unique(numpy.array([get_string_id(w) for w in words], dtype="uint64"))


#: ``low`` of each word seen, by its spaCy string id (a word's key never changes); emptied when full.
_LOW_KEYS: dict[int, str] = {}
_LOW_KEYS_MAX: Final = 100_000


def low(token: Token) -> str:
    """Return the look-up key of a token: lower case, trailing points cut ("Sgt." -> "sgt")."""
    orth = token.orth
    key = _LOW_KEYS.get(orth)
    if key is None:
        if len(_LOW_KEYS) >= _LOW_KEYS_MAX:
            _LOW_KEYS.clear()
        key = _LOW_KEYS[orth] = token.text.rstrip(".").lower()
    return key


#: ``run_together`` of each word seen; emptied when full.
_RUN_TOGETHER: dict[str, bool] = {}


def run_together(text: str) -> bool:
    """Return whether a word is page junk glued together ("LevineFlagShareLikeReplyAni")."""
    verdict = _RUN_TOGETHER.get(text)
    if verdict is None:
        if len(_RUN_TOGETHER) >= _LOW_KEYS_MAX:
            _RUN_TOGETHER.clear()
        verdict = _RUN_TOGETHER[text] = (
            len(_CAMEL_HUMP.findall(text)) >= 2 or _GLUED_CAPS.search(text) is not None
        )
    return verdict


#: ``Context.is_name_word`` of each word seen (by its spaCy string id), for the lexicons in
#: ``_NAME_WORDS_LEX``; emptied when full or when other lexicons ask.
_NAME_WORDS: dict[int, bool] = {}
_NAME_WORDS_LEX: list[Lexicons] = []


class Context:
    """One document with the lexicons and the cached look-ups the rules ask.

    Args:
        doc: the parsed document.
        lex: the lexicons of the component.
        org_head_ids: string ids of the organisation head words.

    """

    def __init__(self, doc: Doc, lex: Lexicons, org_head_ids: numpy.ndarray[Any, Any]) -> None:
        """Bind the document and the lexicons."""
        self.doc = doc
        #: The tokens of ``doc``, made once for all stages: rules index this list instead of
        #: building a ``Token`` on every ``doc[i]`` (most of the stage's cost was that).
        self.toks: list[Token] = doc_tokens(doc)
        self.lex = lex
        self.org_head_ids = org_head_ids
        self.title_cues = lex.titles | lex.honorifics
        self._columns: dict[str, _Column] = {}
        self._headline_end: int | None = None
        self._sent_starts: list[int] | None = None
        self._prefix: str | None = None
        self._prefix_chars = 0
        self._text = doc_text(doc)

    # ------------------------------------------------------------------ look-ups
    def where(self, attr: str, ids: numpy.ndarray[Any, Any]) -> list[int]:
        """Return the indices of the tokens whose ``attr`` value is one of ``ids`` (no Token objects).

        ``ids`` must be sorted and unique, as ``string_ids`` makes them. The column is read once per
        document and attribute.
        """
        if len(self.toks) == 0 or len(ids) == 0:
            return []
        values = self._columns.get(attr)
        if values is None:
            values = self._columns[attr] = self.doc.to_array(attr)
        if len(ids) <= _FEW_IDS:  # one word or two ("the", "and"/"&"): compare the column with each
            hit = values == ids[0]
            for value in ids[1:]:
                hit |= values == value
            return numpy.flatnonzero(hit).tolist()
        # Each token's value looked up in the sorted ids: a binary search per token of the document,
        # cheaper than one per id (the id lists are lexicons of thousands of words).
        pos = numpy.searchsorted(ids, values)
        pos[pos == len(ids)] = 0
        return numpy.flatnonzero(ids[pos] == values).tolist()

    def sentence(self, i: int) -> tuple[int, int]:
        """Return the bounds of the sentence of token ``i``, as ``doc[i].sent`` has them.

        The sentence starts are read once per document; each look-up is then a binary search.
        """
        if self._sent_starts is None:
            doc = self.doc
            hooked = (
                "sents" in doc.user_hooks or "sent" in doc.user_span_hooks or "sent" in doc.user_token_hooks
            )
            if hooked or not doc.has_annotation("SENT_START"):
                sent = doc[i].sent  # a custom sentence hook, or no boundaries (spaCy raises)
                return sent.start, sent.end
            self._sent_starts = numpy.flatnonzero(doc.to_array("SENT_START") == 1).tolist()
        starts = self._sent_starts
        k = bisect_right(starts, i)
        return (starts[k - 1] if k > 0 else 0), (starts[k] if k < len(starts) else len(self.toks))

    def text(self, start: int, end: int) -> str:
        """Return the text of tokens ``start:end`` as ``doc[start:end].text`` has it (list slicing).

        A slice of the document's text, which the later stages and the report read anyway.
        """
        toks = self.toks
        if 0 <= start < end <= len(toks):
            a, b = start, end
        else:
            a, b, _ = slice(start, end).indices(len(toks))
            if b <= a:
                return ""
        last = toks[b - 1]
        return self._text[toks[a].idx : last.idx + len(last)]

    def prefix(self, n_chars: int) -> str:
        """Return the first ``n_chars`` characters of the text (without a last token's trailing space).

        The text of the tokens that start before ``n_chars``, and of the one after them; the
        longest prefix asked for is kept and cut for shorter ones.
        """
        if self._prefix is None or (len(self._prefix) < n_chars and self._prefix_chars < n_chars):
            doc = self.doc
            if len(doc) == 0:
                return ""
            starts = doc.to_array("IDX")
            k = int(numpy.searchsorted(starts, n_chars, side="left"))
            self._prefix = self.text(0, min(len(doc), k + 1))[:n_chars]
            self._prefix_chars = n_chars
        return self._prefix[:n_chars]

    def headline_end(self) -> int:
        """Return the char offset where the body starts: after a short first line set off by a blank line."""
        if self._headline_end is None:
            text = self.prefix(_HEADLINE_MAX)
            cut = text.find("\n\n")
            self._headline_end = cut if cut > 0 and "\n" not in text[:cut].strip() else 0
        return self._headline_end

    # ------------------------------------------------------------------ word tests
    def is_place(self, text: str) -> bool:
        """Return whether ``text`` (without a leading "the") is a known place."""
        key = text.lower()
        if key.startswith("the "):
            key = key[4:]
        return key in self.lex.places

    def is_demonym_span(self, tokens: Iterable[Token]) -> bool:
        """Return whether every word of ``tokens`` is a nationality or group word."""
        words = [t for t in tokens if not t.is_punct]
        return bool(words) and all(t.text.lower() in self.lex.demonyms for t in words)

    def has_surname_suffix(self, word: str) -> bool:
        """Return whether ``word`` has a typical surname ending ("-ov", "-ova")."""
        key = word.lower()
        return len(key) > 4 and key.endswith(self.lex.surname_suffixes)

    def glued_role(self, text: str) -> bool:
        """Return whether a role word is glued to a name ("WilkesAssociate", "StraussProducer")."""
        match = _INNER_CAPITAL.search(text)
        return match is not None and text[match.start(1) :].lower() in self.lex.role_heads

    def is_name_word(self, token: Token) -> bool:
        """Return whether ``token`` could be part of a personal name (one answer per word and lexicons)."""
        orth = token.orth
        if not _NAME_WORDS_LEX or _NAME_WORDS_LEX[0] is not self.lex or len(_NAME_WORDS) >= _LOW_KEYS_MAX:
            _NAME_WORDS.clear()
            _NAME_WORDS_LEX[:] = [self.lex]
        verdict = _NAME_WORDS.get(orth)
        if verdict is None:
            verdict = _NAME_WORDS[orth] = self._name_word(token)
        return verdict

    def _name_word(self, token: Token) -> bool:
        text = token.text
        if not text[:1].isupper() or not any(c.isalpha() for c in text):
            return False
        if run_together(text):
            return False  # run-together page junk ("MaransFlagShareLike")
        key = low(token)
        lex = self.lex
        return not (
            key in lex.titles
            or key in lex.honorifics
            or key in lex.demonyms
            or key in lex.places
            or key in lex.org_heads
        )

    def is_first_name(self, token: Token) -> bool:
        """Return whether ``token`` is a known first name."""
        return low(token) in self.lex.first_names

    def known_name_word(self, token: Token) -> bool:
        """Return whether ``token`` is a known first name or surname, or has a surname ending."""
        key = low(token)
        return key in self.lex.first_names or key in self.lex.surnames or self.has_surname_suffix(key)

    def is_brand_word(self, text: str) -> bool:
        """Return whether a word has an inner capital that names do not have ("InBev", "EgyptAir")."""
        match = _INNER_CAPITAL.search(text)
        if match is None or text.isupper():
            return False
        head, tail = text[: match.start(1)], text[match.start(1) :]
        if head in _CAMEL_NAME_PREFIXES or "'" in head or "\u2019" in head:
            return False
        return not (head.lower() in self.lex.first_names and tail.lower() in self.lex.first_names)

    # ------------------------------------------------------------------ span tests
    def person_evidence(self, tokens: list[Token]) -> bool:
        """Return whether a run of proper nouns looks like a personal name."""
        if not tokens:
            return False
        if self.is_first_name(tokens[0]) or self.has_surname_suffix(tokens[-1].text):
            return True
        return self.person_context(tokens)

    def person_context(self, tokens: list[Token]) -> bool:
        """Return whether the context says person: a title before, or subject of a speech verb."""
        first, last = tokens[0], tokens[-1]
        before = first.i - 1
        if before >= 0 and low(self.toks[before]) in self.title_cues:
            return True
        return last.dep_ == "nsubj" and last.head.lemma_ in PERSON_SPEECH_VERBS

    def full_name(self, start: int, end: int) -> bool:
        """Return whether tokens ``start:end`` are a full personal name: a first name, then name words."""
        toks = self.toks
        return (
            end - start >= 2
            and self.is_first_name(toks[start])
            and all(self.is_name_word(t) or is_initial(t.text) for t in toks[start:end])
        )

    def is_title_line(self, start: int, end: int, named: set[int]) -> bool:
        """Return whether the span sits in a headline-style (title-case) line of text.

        Such a line has at least two words of four letters or more outside the entities, all
        capitalised ("Marta Novak Rebukes Ivo Kern Over Budget").
        """
        doc = self.toks
        sent_start, sent_end = self.sentence(start)
        words = 0
        long_span = end - start >= 5  # "Ada Brannock Lands Early Blow On Ivo Kern": count its words
        for i in range(sent_start, sent_end):
            if i in named and not (long_span and start + 2 <= i < end):
                continue
            tok = doc[i]
            if "\n" in tok.text and i < start:
                words = 0  # only the line the name is on
                continue
            if "\n" in tok.text and i >= end:
                break
            if tok.is_alpha and len(tok) >= 4:
                if not (tok.is_title or tok.is_upper):
                    return False
                words += 1
        return words >= 2

    def in_headline(self, start: int, end: int, named: set[int]) -> bool:
        """Return whether the span is in the first line or in a title-case line."""
        return self.toks[start].idx < self.headline_end() or self.is_title_line(start, end, named)
