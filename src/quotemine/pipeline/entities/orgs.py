"""Organisations the NER missed: runs ending in an organisation head word, and acronyms.

"... Slavic University", "Institute for War and Peace Reporting" (a head word with an "of"/"for"
tail) and "IWPR" (the acronym of an organisation named in the text).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, Final

import numpy
from spacy.tokens import Token

from quotemine.lexicons.names import Lexicons
from quotemine.pipeline.entities.bodies import for_bodies
from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.cluster import short_form
from quotemine.pipeline.entities.context import PROPER_TAGS, Context, low, string_ids
from quotemine.pipeline.entities.firms import legal_names, names_over_and, partnerships
from quotemine.pipeline.entities.kinds import kind_words
from quotemine.pipeline.entities.teams import team_names

__all__ = ["ORG_INNER", "dotted_acronym", "find_orgs", "org_acronym", "short_forms", "ticker_after"]

#: Small words inside an organisation name, left out of its acronym.
ORG_INNER: Final = frozenset({"of", "for", "and", "on", "&", "the"})
_BLOCKING: Final = frozenset({"ORG", "PERSON"})


def org_acronym(tokens: Iterable[Token]) -> str | None:
    """Return the acronym of an organisation name ("Centre for Media Studies" -> "CMS"), if any.

    The acronym is made of the first letters of its alphabetic words other than ``ORG_INNER``;
    a name of fewer than two such words has none.
    """
    words = [t.text for t in tokens if t.is_alpha and t.lower_ not in ORG_INNER]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words).upper()


#: A dotted abbreviation inside a name whose letters its acronym may keep ("U.S.", "U.K.").
_DOTTED: Final = re.compile(r"^(?:[A-Z]\.){2,3}$")


def dotted_acronym(tokens: Iterable[Token]) -> str | None:
    """Return the acronym that keeps the letters of a dotted abbreviation in the name, if it has one.

    "U.S. Department of Farming" -> "USDF" (its ``org_acronym`` is "DF"); ``None`` for a name with
    no dotted abbreviation.
    """
    letters: list[str] = []
    dotted = False
    for t in tokens:
        if _DOTTED.match(t.text):
            letters.append(t.text.replace(".", ""))
            dotted = True
        elif t.is_alpha and t.lower_ not in ORG_INNER:
            letters.append(t.text[0].upper())
    return "".join(letters) if dotted and len(letters) >= 2 else None


def _run_start(doc: list[Token], k: int, taken: dict[int, str], lex: Lexicons) -> int:
    """Return the first token of the title-case run that ends at head word ``k``.

    The first word of a sentence joins the run only when it is a proper noun, no stop word and no
    role word ("Dunmere Rovers won", not "Former Kelby University staff").
    """
    start = k
    while start > 0:
        prev = doc[start - 1]
        if not ((prev.is_title or prev.text == "-") and prev.lower_ != "the"):
            break
        if taken.get(prev.i) in {"PERSON", "ORG", "DATE"}:
            break
        if prev.is_sent_start:
            if prev.tag_ == "NNP" and prev.lower_ not in lex.stop_words and low(prev) not in lex.role_heads:
                start -= 1  # "Dunmere Rovers won": the sentence opens with the name
            break
        start -= 1
    while start < k and doc[start].text == "-":
        start += 1
    return _over_and(doc, start, k, taken)


def _over_and(doc: list[Token], start: int, k: int, taken: dict[int, str]) -> int:
    """Return the start of "the X and Y ... Union" when the run from ``start`` follows "the X and".

    "the Kelby and District Drivers Union", "the Mining and Energy Union": one name with "and"
    inside, only after "the" and with a title-case word before "and" that is no part of a longer
    entity (the NER often reads it alone as a place or an organisation).
    """
    if not (start >= 3 and start < k and doc[start - 1].lower_ in {"and", "&"}):
        return start
    word, the = doc[start - 2], doc[start - 3]
    place_like = taken.get(start - 2) in {None, "GPE", "LOC", "NORP"}  # "Kelby" alone, read as a place
    if word.is_title and the.lower_ == "the" and place_like and not word.is_sent_start:
        return start - 2
    return start


def _run_end(doc: list[Token], k: int, heads: frozenset[str]) -> int:
    """Return the end of an organisation name after head word ``k`` ("University of X and Y").

    Further head words right after it belong to the name ("Kessel Foods Plc", "Tallis Energy
    Group").
    """
    end = k + 1
    while end < len(doc) and (doc[end].is_title or doc[end].is_upper) and low(doc[end]) in heads:
        end += 1
    if end > k + 1:
        return end
    if not (end + 1 < len(doc) and doc[end].lower_ in {"of", "for"} and doc[end + 1].is_title):
        return end
    end += 2
    while end < len(doc) and (
        doc[end].is_title or (doc[end].lower_ in ORG_INNER and end + 1 < len(doc) and doc[end + 1].is_title)
    ):
        end += 1
    return end


def _head_word_orgs(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for title-case runs ending in an organisation head word."""
    doc = ctx.toks
    taken: dict[int, str] = {}
    for c in cands:
        for i in range(c.start, c.end):
            taken[i] = c.label or ""
    places = {i: c for c in cands if c.label in _PLACE_LABELS for i in range(c.start, c.end)}
    added: list[Candidate] = []
    for k in ctx.where("LOWER", ctx.org_head_ids):
        if not (doc[k].is_title or doc[k].is_upper) or taken.get(k) in _BLOCKING:  # "University", "FC"
            continue
        place = places.get(k)
        if place is not None:
            _head_word_in_place(ctx, place, k, taken)
            continue
        start, end = _run_start(doc, k, taken, ctx.lex), _run_end(doc, k, ctx.lex.org_heads)
        if end - start < 2 or any(taken.get(i) in _BLOCKING for i in range(start, end)):
            continue
        added.append(pool.new(start, end, "ORG", "organisation head word"))
        for i in range(start, end):
            taken[i] = "ORG"
    return added


#: Labels of a name the NER read as a place; an organisation head word inside it may overrule them.
_PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})


def _head_word_in_place(ctx: Context, place: Candidate, k: int, taken: dict[int, str]) -> None:
    """Relabel a name the NER called a place as an organisation when head word ``k`` says so.

    "the Kelby Union-Gazette" (GPE) is a newspaper: the whole name becomes the organisation, not
    the run up to the head word. A known place stays a place, and so does a state ("the Ardish
    Union", "the Kelvan Republic": a state word heads it).
    """
    doc = ctx.toks
    if (
        k == place.start
        or doc[k].lower_ in kind_words().state_words
        or ctx.is_place(ctx.text(place.start, place.end))
    ):
        return
    place.relabel("ORG", "organisation head word in a name the NER called a place")
    if place.end - place.start > 1 and doc[place.start].lower_ == "the":
        place.start += 1
    for i in range(place.start, place.end):
        taken[i] = "ORG"


def _acronyms(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Mark the acronyms of the text's organisations as organisations; return the new candidates."""
    doc = ctx.toks
    acronyms: set[str] = set()
    for c in cands:
        if c.label == "ORG":
            for acronym in (org_acronym(doc[c.start : c.end]), dotted_acronym(doc[c.start : c.end])):
                if acronym is not None:
                    acronyms.add(acronym)
    if not acronyms:
        return []
    taken = {i for c in cands for i in range(c.start, c.end)}
    added = [
        pool.new(i, i + 1, "ORG", "acronym of an organisation in the text")
        for i in ctx.where("ORTH", string_ids(acronyms))
        if i not in taken
    ]
    for c in cands:
        if c.end - c.start == 1 and c.label != "ORG" and doc[c.start].text in acronyms:
            c.relabel("ORG", "acronym of an organisation in the text")
    return added


#: Prepositions between a role noun and the organisation it is held at ("a lecturer at X").
_ROLE_PREPS: Final = frozenset({"at", "for", "with"})
_ROLE_PREP_IDS: Final = string_ids(_ROLE_PREPS)
#: Roles that represent a place: "for" after them names a constituency ("the MP for Kelby").
_SEAT_ROLES: Final = frozenset({"mp", "mep", "msp", "mla", "td", "senator", "representative", "member"})
#: Labels a name after "a lecturer at" may have had and still be the organisation.
_EMPLOYER_LABELS: Final = frozenset({"GPE", "LOC", "FAC", "NORP", ""})
#: After "at", a "person" that starts with no first name is the organisation too ("an analyst at Brenner").
_AT_LABELS: Final = _EMPLOYER_LABELS | {"PERSON"}


def _employer_run(ctx: Context, i: int) -> int:
    """Return the end of the capitalised run of proper nouns from token ``i`` (at most four)."""
    doc = ctx.toks
    end = i
    while end < len(doc) and end - i < 4 and doc[end].tag_ in {"NNP", "NNPS"} and doc[end].text[:1].isupper():
        end += 1
    return end


def _role_employers(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for names held after a role noun ("a lecturer at Kelworth").

    The name must be a run of capitalised proper nouns right after "at", "for" or "with" (and an
    optional "the") that follows a role noun; it must not be a person, an organisation already or a
    known place, nor (after "for" and "with", where a client may be meant) hold a personal name word.
    """
    doc = ctx.toks
    label_of: dict[int, Candidate] = {i: c for c in cands for i in range(c.start, c.end)}
    added: list[Candidate] = []
    for k in ctx.where("LOWER", _ROLE_PREP_IDS):
        if not 0 < k < len(doc) - 1 or low(doc[k - 1]) not in ctx.lex.role_heads:
            continue
        if doc[k].lower_ == "for" and low(doc[k - 1]) in _SEAT_ROLES:
            continue  # "the MP for Kelby": a constituency, not an employer
        start = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        end = _employer_run(ctx, start)
        labels = _EMPLOYER_LABELS if doc[k].lower_ != "at" or ctx.is_first_name(doc[start]) else _AT_LABELS
        if end == start or any(i in label_of and label_of[i].label not in labels for i in range(start, end)):
            continue
        run = doc[start:end]
        if ctx.is_place(ctx.text(start, end)) or ctx.is_demonym_span(run):
            continue
        if doc[k].lower_ != "at" and any(ctx.known_name_word(t) for t in run):
            continue  # "a lawyer for Tom": a client may be a person; one is never a lecturer at a person
        for i in range(start, end):
            if i in label_of and label_of[i].label is not None:
                label_of[i].drop("part of the organisation named after a role noun")
        added.append(pool.new(start, end, "ORG", "named as the organisation of a role ('a lecturer at X')"))
    return added


#: Tags of the lower-case words between an organisation and its role noun ("X Energy chief executive").
_ROLE_MODIFIER_TAGS: Final = frozenset({"JJ", "NN", "HYPH", "VBN"})
#: Labels that keep a run of proper nouns from being an organisation named in a title.
_NOT_OWNER_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "FAC"})
_MAX_OWNER = 5


@functools.lru_cache(maxsize=4)
def _role_ids(role_heads: frozenset[str]) -> numpy.ndarray[Any, Any]:
    return string_ids(role_heads)


def _owner_run(ctx: Context, end: int, label_of: dict[int, Candidate]) -> tuple[int, Candidate | None]:
    """Return the start of the run of capitalised proper nouns that ends at ``end``.

    A person candidate that is the whole run and starts with no first name is taken in (the NER
    reads "Tallis Energy" as a name); it is returned to be dropped.
    """
    doc = ctx.toks
    start = end
    while (
        start > 0
        and end - start < _MAX_OWNER
        and doc[start - 1].tag_ in {"NNP", "NNPS"}
        and (doc[start - 1].is_title or doc[start - 1].is_upper)
    ):
        cand = label_of.get(start - 1)
        if cand is None:
            start -= 1
            continue
        if (
            start == end
            and cand.label == "PERSON"
            and cand.end == end
            and not ctx.is_first_name(doc[cand.start])
        ):
            return cand.start, cand
        return end, None  # a person, a place or an organisation already: not a new name
    return start, None


def _title_owners(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for names held only in a title before a person.

    "Tallis Energy chief executive Nira Okonjo", "Tallis Energy's finance director, Ola Brandt":
    two or more capitalised proper nouns (no place, nationality or title word among them), then
    lower-case modifiers and a role noun, then the person's name (after a comma, too).
    """
    doc = ctx.toks
    label_of = {i: c for c in cands if c.label in _NOT_OWNER_LABELS for i in range(c.start, c.end)}
    lex = ctx.lex
    added: list[Candidate] = []
    for k in ctx.where("LOWER", _role_ids(lex.role_heads)):
        nxt = k + 2 if k + 2 < len(doc) and doc[k + 1].text == "," else k + 1
        if not doc[k].is_lower or nxt >= len(doc) or getattr(label_of.get(nxt), "label", None) != "PERSON":
            continue
        end = k
        while end > 0 and doc[end - 1].is_lower and doc[end - 1].tag_ in _ROLE_MODIFIER_TAGS:
            end -= 1
        if end > 0 and doc[end - 1].tag_ == "POS":
            end -= 1
        start, person = _owner_run(ctx, end, label_of)
        run = doc[start:end]
        if end - start < 2 or ctx.is_place(ctx.text(start, end)) or ctx.is_demonym_span(run):
            continue
        if any(low(t) in lex.titles or low(t) in lex.place_suffixes or ctx.is_first_name(t) for t in run):
            continue  # "Deputy Chief Constable", "Silicon Valley", "Ann Voss campaign manager"
        if person is not None:
            person.drop("an organisation named in a title before a person")
        added.append(
            pool.new(start, end, "ORG", "named in a title before a person ('X Energy chief executive')")
        )
        label_of.update({i: added[-1] for i in range(start, end)})
    return added


def _mend_dangling(ctx: Context, cands: list[Candidate]) -> None:
    """Mend an organisation that ends in "of", "for", "and" or "the" ("Patriarchate of" + "Dorrin").

    The name runs on over the capitalised words after it (and the candidates there give way); with
    none after it, or an organisation right after a dangling "and" when the text names the part
    before it alone elsewhere, the dangling word is cut.
    """
    doc = ctx.toks
    starts = {c.start: c for c in cands if c.label is not None}
    names = {ctx.text(c.start, c.end) for c in cands if c.label == "ORG"}
    for c in cands:
        if c.label != "ORG" or c.end - c.start < 2 or doc[c.end - 1].lower_ not in ORG_INNER:
            continue
        end = c.end
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
        nxt = starts.get(c.end)
        if (
            doc[c.end - 1].lower_ == "and"
            and nxt is not None
            and nxt.label == "ORG"
            and ctx.text(c.start, c.end - 1) in names
        ):
            end = c.end  # "Kelby Motors and" + "Orlin & Orlin", "Kelby Motors" alone elsewhere: two
        if end == c.end:
            c.end -= 1
            c.note("dangling small word cut from the end")
            continue
        for i in range(c.end, end):
            other = starts.get(i)
            if other is not None and other is not c and other.end <= end:
                other.drop("part of an organisation name that ran on after 'of'")
        c.end = end
        c.note("extended over the words after a dangling 'of'")


#: Labels of named things that are no organisation, whose acronym in brackets is no organisation either.
_OTHER_KINDS: Final = frozenset({"EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "GPE", "LOC", "FAC", "NORP"})


def _acronyms_of_other_kinds(ctx: Context, cands: list[Candidate]) -> None:
    """Give an acronym in brackets the kind of the name before it ("the Kelby Trade Pact (KTP)").

    The NER often calls such an acronym an organisation even when it read the name as a treaty,
    an event or a product; every ORG mention of the acronym then takes the name's label.
    """
    doc = ctx.toks
    by_end = {c.end: c for c in cands if c.label in _OTHER_KINDS}
    kinds: dict[str, str] = {}
    for c in cands:
        k = c.start
        if c.label != "ORG" or c.end != k + 1 or not doc[k].is_upper or k < 2 or doc[k - 1].text != "(":
            continue
        name = by_end.get(k - 1)
        if name is not None and org_acronym(doc[name.start : name.end]) == doc[k].text and name.label:
            kinds[doc[k].text] = name.label
    if not kinds:
        return
    for c in cands:
        label = kinds.get(doc[c.start].text) if c.label == "ORG" and c.end == c.start + 1 else None
        if label is not None:
            c.relabel(label, "acronym of a name in brackets that is no organisation ('the X Pact (XP)')")


def _alone(doc: list[Token], i: int) -> bool:
    """Tell whether token ``i`` stands alone: no capitalised word of a longer name next to it."""
    before = i > 0 and not doc[i].is_sent_start and doc[i - 1].is_title and doc[i - 1].tag_ in PROPER_TAGS
    after = i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].tag_ in PROPER_TAGS
    return not (before or after)


_NOUN_DEPS: Final = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _group_used_as_noun(doc: list[Token], i: int) -> bool:
    """Tell whether a group word stands for a body: a bare proper noun subject or object ("Labour said").

    Not "the last Kelvan to win" (a determiner), "a Kelvan", "firmly Kelvan" or "Kelvan
    front-runner" (an adjective or a modifier).
    """
    tok = doc[i]
    return (
        tok.dep_ in _NOUN_DEPS
        and tok.tag_ in PROPER_TAGS
        and not any(c.dep_ in {"det", "amod"} for c in tok.children)
        and not (i > 0 and doc[i - 1].lower_ in {"a", "an", "the"})
        and not (i + 1 < len(doc) and doc[i + 1].tag_ in {"NN", "NNS", "HYPH"})
    )


def short_forms(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Mark the one-word short forms of the text's companies, clubs and parties as organisations.

    "Kessel Group Inc. ... Kessel said": the first word of a company name; "Kelby Rovers ...
    Rovers scored": the last word of a club's name; "the Labour Party ... Labour said": a party's
    name before "Party", where it stands for the body (not an adjective or a member's word). A
    one-word candidate of that word (often read as a person) becomes the organisation; never when
    a personal name of the text ends in the word ("Ana Kessel") or a title precedes it ("Mr Kessel").
    """
    doc = ctx.toks
    _same_name_as_an_org(ctx, cands)
    forms, firsts = _form_words(ctx, cands)
    if not forms and not firsts:
        return []
    owner = {i: c for c in cands if c.label is not None for i in range(c.start, c.end)}
    added: list[Candidate] = []
    reason = "short form of an organisation named in full ('Kessel' for 'Kessel Group Inc.')"
    for i in ctx.where("ORTH", string_ids(forms.keys() | firsts)):
        if i > 0 and low(doc[i - 1]) in ctx.title_cues:
            continue  # "Mr Kessel": a titled word names a person, never a company's short form
        cand = owner.get(i)
        word = doc[i].text
        if word not in forms:  # a first word only: a one-word "person" of it is the organisation
            if cand is not None and cand.end - cand.start == 1 and cand.label == "PERSON":
                cand.relabel(
                    "ORG", "first word of the one organisation named in full ('Vantor' for 'Vantor Pumps')"
                )
            continue
        if forms[word] and not _group_used_as_noun(doc, i):
            continue  # "a Labour councillor": the word for a member, not the party
        if cand is not None and cand.end - cand.start == 1 and cand.label != "ORG":
            cand.relabel("ORG", reason)
        elif cand is None and _alone(doc, i):
            added.append(pool.new(i, i + 1, "ORG", reason))
    return added


def _same_name_as_an_org(ctx: Context, cands: list[Candidate]) -> None:
    """Relabel a "person" whose words name an organisation elsewhere in the text ("Analysts at X Hunt")."""
    orgs = {ctx.text(c.start, c.end) for c in cands if c.label == "ORG" and c.end - c.start >= 2}
    for c in cands:
        if c.label == "PERSON" and c.end - c.start >= 2 and not ctx.full_name(c.start, c.end):
            if ctx.text(c.start, c.end) in orgs:
                c.relabel("ORG", "the name of an organisation elsewhere in the text")


def _form_words(ctx: Context, cands: list[Candidate]) -> tuple[dict[str, bool], set[str]]:
    """Return the short forms of the text's organisations and the first words that may stand for one.

    The short forms map to whether they are a party's (used as a noun only); a word that ends a
    personal name of the text is neither.
    """
    doc = ctx.toks
    forms: dict[str, bool] = {}
    firsts: set[str] = set()  # first words of names ending in a head word ("Vantor Construction")
    for c in cands:
        if c.label == "ORG" and c.end - c.start >= 2:
            form = short_form(ctx.text(c.start, c.end))
            if form is None and ticker_after(doc, c.end) >= 0:
                form = doc[c.start].text  # "Brannock Mills (BRNM.L) ... Brannock shares"
            if form is not None:
                forms[form] = forms.get(form, False) or doc[c.end - 1].lower_ == "party"
            elif _first_word_form(ctx, c):
                firsts.add(doc[c.start].text)
    for c in cands:
        if c.label == "PERSON" and c.end - c.start >= 2:
            forms.pop(doc[c.end - 1].text, None)
            firsts.discard(doc[c.end - 1].text)
    return forms, firsts


def _first_word_form(ctx: Context, cand: Candidate) -> bool:
    """Tell whether an ORG's first word may stand for it: the name ends in a head word, starts with no place.

    "Vantor Construction" -> "Vantor"; not "Kelby Council" when Kelby is a known place, nor a
    name that starts with a head word or an upper-case word ("BBC Radio Kelby").
    """
    doc, lex = ctx.toks, ctx.lex
    first = doc[cand.start]
    return (
        low(doc[cand.end - 1]) in lex.org_heads
        and first.is_title
        and low(first) not in lex.org_heads
        and not ctx.is_place(first.text)
        and low(first) not in lex.demonyms
    )


_TICKER: Final = re.compile(r"^[A-Z]{1,5}(?:\.[A-Z]{1,2})?$")
_OPEN_BRACKET_IDS: Final = string_ids(["("])
#: Stock exchanges written before a ticker ("(NYSE: HVE)").
_EXCHANGES: Final = frozenset({"nyse", "nasdaq", "lse", "tsx", "asx", "amex"})


def ticker_after(toks: list[Token], end: int) -> int:
    """Return the index of a stock ticker in brackets at token ``end`` ("(BRNM.L)", "(NYSE: HVE)"), or -1.

    A ticker with a market suffix ("BRNM.L") or after an exchange and a colon is one; a bare
    capital word in brackets ("(KTP)") is taken for an acronym, not a ticker.
    """
    if end + 2 >= len(toks) or toks[end].text != "(":
        return -1
    k = end + 1
    if toks[k].lower_ in _EXCHANGES and k + 3 < len(toks) and toks[k + 1].text == ":":
        k += 2
    elif "." not in toks[k].text:
        return -1
    return k if _TICKER.match(toks[k].text) and toks[k + 1].text == ")" else -1


def _name_before(toks: list[Token], end: int) -> int:
    """Return the start of the run of up to five capitalised words (and "&") that ends at ``end``."""
    start = end
    while (
        start > 0 and end - start < 5 and (toks[start - 1].text[:1].isupper() or toks[start - 1].text == "&")
    ):
        start -= 1
        if toks[start].is_sent_start:
            break
    while start < end and toks[start].text == "&":
        start += 1
    return start


def _ticker_companies(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for company names before a stock ticker; relabel the candidates there.

    "Brannock Mills (BRNM.L) said ...": the wire convention names a listed company with its
    ticker. A candidate that ends before the brackets becomes the organisation (the NER may have
    read a person or a place); with none, the capitalised words before them are one. The
    ticker itself is no organisation.
    """
    toks = ctx.toks
    by_end = {c.end: c for c in cands if c.label is not None}
    by_start = {c.start: c for c in cands if c.label is not None}
    added: list[Candidate] = []
    for k in ctx.where("ORTH", _OPEN_BRACKET_IDS):
        ticker = ticker_after(toks, k)
        if ticker < 0:
            continue
        junk = by_start.get(ticker)
        if junk is not None and junk.end == ticker + 1:
            junk.drop("a stock ticker, not an organisation")
        cand = by_end.get(k)
        if cand is not None:
            if cand.label != "ORG":
                cand.relabel("ORG", "a company named before its stock ticker")
            continue
        start = _name_before(toks, k)
        if start < k and not any(i in by_end or i in by_start for i in range(start + 1, k)):
            added.append(pool.new(start, k, "ORG", "a company named before its stock ticker"))
    return added


def find_orgs(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Add the organisations the NER missed: head-word runs, partnerships, acronyms, role nouns, teams.

    A candidate inside a new head-word organisation is dropped in its favour.
    """
    _mend_dangling(ctx, cands)
    cands = [c for c in cands if c.label is not None]
    cands = [c for c in cands + legal_names(ctx, pool, cands) if c.label is not None]
    added = _head_word_orgs(ctx, pool, cands)
    out: list[Candidate] = []
    for c in cands:
        if any(c.start >= a.start and c.end <= a.end for a in added):
            c.drop("inside an organisation name found from its head word")
        else:
            out.append(c)
    out += added
    out = out + for_bodies(ctx, pool, out)
    out = out + partnerships(ctx, pool, out)
    names_over_and(ctx, out)
    out = [c for c in out if c.label is not None]
    out = out + _acronyms(ctx, pool, out)
    _acronyms_of_other_kinds(ctx, out)
    out = [c for c in out if c.label is not None]
    out += _ticker_companies(ctx, pool, out)
    out = [c for c in out if c.label is not None]
    employers = _role_employers(ctx, pool, out)
    out = [c for c in out if c.label is not None] + employers
    out = out + _title_owners(ctx, pool, out)
    return out + team_names(ctx, pool, out)
