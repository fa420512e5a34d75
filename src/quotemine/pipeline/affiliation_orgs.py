"""Organisations named only where a person's affiliation is given ("Gail Rennet of Parsow Foods").

The tagger may miss a company's name, yet the words around a person's name say it is an
organisation: "X of Y" right after the name, and "a ROLE of / at / for Y" ("a lecturer at Ulm
Polytechnic", "a spokesman for Delmar Freight"). ``affiliation_orgs`` finds such names so that
``quotemine_roles`` can add them to the document's organisations before it reads affiliations.

A name is kept only when the text leaves no doubt it is an organisation and not a place or a
person: a run of capitalised words (joined by "of", "for", "and" or "&") that no other entity
holds, the tagger gave no other label (a place, a nationality, a work), that is not a known place,
and that the tagger calls an organisation or that ends in an organisation word ("Institute",
"Foods").

A name right before a staff title may also be one: "Westvale chief economist X", "Kelso United
assistant coach X" (``_title_prefix``): a run of one to three capitalised proper nouns the tagger
gave no other label, not a known place, nationality or title word, with nothing capitalised or
possessive before it, then lower-case modifiers and a role noun of ``STAFF_ROLES`` (a job at a
company or club) right before the name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_text, doc_tokens
from quotemine.lexicons.names import is_possessive, load_lexicons
from quotemine.lexicons.roles import (
    COMPANY_WORDS,
    GENERIC_PREFIXES,
    KIND_NOUNS,
    MEMBER_ROLES,
    POST_NOMINALS,
    SEAT_ROLES,
    STAFF_ROLES,
)
from quotemine.lexicons.words import FINITE_TAGS
from quotemine.pipeline.records import Range, TokenLabels, get_orgs, set_orgs

__all__ = ["add_affiliation_orgs", "affiliation_orgs"]


#: Prepositions after a role noun that introduce its organisation ("a lecturer at Y").
_ROLE_PREPS: Final = frozenset({"of", "at", "for", "with"})
#: Words that may join the capitalised words of one name ("Bank of Fenwick", "Hale & Sons").
_JOINERS: Final = frozenset({"of", "for", "and", "&"})
#: Entity labels a name of an organisation never has.
_OTHER_LABELS: Final = frozenset(
    {
        "PERSON",
        "GPE",
        "LOC",
        "NORP",
        "FAC",
        "DATE",
        "TIME",
        "WORK_OF_ART",
        "EVENT",
        "PRODUCT",
        "LAW",
        "LANGUAGE",
    }
)
#: The same after a noun of kind: a firm may be named after people ("the law firm Ames Dole").
_KIND_OTHER_LABELS: Final = _OTHER_LABELS - {"PERSON"}
#: Entity labels that, given to all of a name after a company job, make it no employer ("spokesman for Ohio").
_NOT_EMPLOYER_LABELS: Final = frozenset({"GPE", "LOC", "NORP", "PERSON", "FAC", "EVENT"})
#: The hashes of the words and tags ``_slots`` compares (``get_string_id`` is the vocabulary's own hash).
_AFTER_NAME_IDS: Final = frozenset(get_string_id(w) for w in ("of", "at"))
_PREP_IDS: Final = frozenset(get_string_id(w) for w in _ROLE_PREPS)
_COMMA_ID: Final = get_string_id(",")
_STOP_IDS: Final = frozenset(get_string_id(w) for w in (",", ";", "(", ")", ".", "!", "?"))
_FINITE_IDS: Final = frozenset(get_string_id(t) for t in FINITE_TAGS)
_STAFF_IDS: Final = frozenset(get_string_id(w) for w in STAFF_ROLES | MEMBER_ROLES | SEAT_ROLES)
#: How far after a name the role of its apposition may reach.
_REACH: Final = 9
#: Lower-case modifiers of a staff title between the organisation and the role noun ("chief").
_TITLE_MODIFIER_TAGS: Final = frozenset({"JJ", "NN", "VBG"})


def _capitalised(tok: Token) -> bool:
    """Tell whether ``tok`` is a word of a name: "Ulm", "ABC", "PayPal", "McAllen" (or "&")."""
    text = tok.text
    return (text[:1].isupper() and (len(text) > 1 or not tok.is_upper) and tok.is_alpha) or text == "&"


def _kind_end(toks: list[Token], i: int) -> int:
    """Return where a name starts after "the" and a noun of its kind ("the law firm Y"), else ``i``."""
    k = i + 1 if i < len(toks) and toks[i].lower_ == "the" else i
    for j in (k, k + 1):  # "the consultancy Y", "the law firm Y"
        if j + 1 < len(toks) and toks[j].is_lower and toks[j].lower_ in KIND_NOUNS:
            return j + 1 if toks[j + 1].is_title else i
    return i


def _run(doc: Doc, i: int, taken: TokenLabels) -> Range | None:
    """Return the capitalised run starting at ``doc[i]`` ("the" skipped), or ``None``."""
    toks = doc_tokens(doc)
    if i < len(doc) and toks[i].lower_ == "the":
        i += 1
    end = i
    while end < len(doc) and end not in taken:
        tok = toks[end]
        if _capitalised(tok) and tok.text != "&":
            end += 1
        elif tok.lower_ in _JOINERS and end > i and end + 1 < len(doc) and _capitalised(toks[end + 1]):
            end += 1
        else:
            break
    if end == i or (end < len(doc) and end in taken):
        return None  # nothing capitalised, or it runs into a name the tagger already has
    return (i, end)


def _is_org_name(
    doc: Doc, run: Range, org_heads: frozenset[str], places: frozenset[str], kind: bool = False
) -> bool:
    """Tell whether ``run`` names an organisation (``kind``: a noun before it says it is one)."""
    start, end = run
    tokens = doc[start:end]
    other = _KIND_OTHER_LABELS if kind else _OTHER_LABELS
    if any(t.ent_type_ in other for t in tokens) or tokens.text.lower() in places:
        return False
    if any(t.is_sent_start for t in tokens[1:]):
        return False
    last = tokens[-1].lower_
    worded = kind or last in org_heads or last.rstrip("s") in org_heads or last in COMPANY_WORDS
    return worded or (all(t.ent_type_ == "ORG" for t in tokens) and len(tokens) > 1)


def _staff_employer(toks: list[Token], run: Range, places: frozenset[str]) -> bool:
    """Tell whether ``run``, after a company job and "of / at / for", is the employer's name.

    "chief executive of Lumo Grid", "an analyst at Pexley": a job held at a company or a club says
    the name after it is one, unless the tagger calls all of it a place, a people or a person, any
    of it a date, or it is a known place ("a spokesman for Ohio").
    """
    tokens = toks[run[0] : run[1]]
    labels = {t.ent_type_ for t in tokens}
    if labels & {"DATE", "TIME"} or labels <= _NOT_EMPLOYER_LABELS:
        return False
    return " ".join(t.lower_ for t in tokens) not in places and not any(t.is_sent_start for t in tokens[1:])


def _possessive_employer(doc: Doc, end: int, taken: TokenLabels, places: frozenset[str]) -> Range | None:
    """Return the name before a company job in an apposition after a name ending at ``end``.

    "X, Lumo Grid's chief executive, said", "X, the Lumo Grid chairman, said": the owner of a job
    held at a company or a club is the employer (``_staff_employer`` decides), not a nationality
    ("Wexland's chief negotiator").
    """
    toks = doc_tokens(doc)
    if end + 3 >= len(toks) or toks[end].text != ",":
        return None
    run = _run(doc, end + 1, taken)
    if run is None or run[1] + 1 >= len(toks):
        return None
    k = run[1] + 1 if is_possessive(toks[run[1]].text) else run[1]
    if k == run[1] and toks[end + 1].lower_ != "the":
        return None  # "X, the Lumo Grid chairman,": no "'s" after a name that "the" opens
    while k < len(toks) - 1 and k - run[1] <= 2 and toks[k].is_lower and toks[k].tag_ in _TITLE_MODIFIER_TAGS:
        if toks[k].lower_ in STAFF_ROLES:
            break
        k += 1  # "chief", "assistant", "senior"
    if toks[k].lower_ not in STAFF_ROLES:
        return None
    name = " ".join(t.lower_ for t in toks[run[0] : run[1]])
    return run if name not in load_lexicons().demonyms and _staff_employer(toks, run, places) else None


def _listed(word: str, sets: tuple[frozenset[str] | set[str], ...]) -> bool:
    """Tell whether ``word`` is in one of ``sets`` (read one by one: their union is large to build)."""
    return any(word in words for words in sets)


def _prefix_title(tok: Token) -> bool:
    """Tell whether ``tok`` is a post a body's name may come before ("economist", "leader", "MLA")."""
    word = tok.lower_
    if tok.is_lower:
        return word in STAFF_ROLES or word in MEMBER_ROLES or word in SEAT_ROLES
    return tok.is_upper and word in SEAT_ROLES and word in POST_NOMINALS  # "the XYZ MLA"


def _party_plural(tok: Token) -> bool:
    """Tell whether ``tok``, a people by the tagger, is a party's plural name ("Greens", not "Britons")."""
    word = tok.lower_
    return tok.ent_type_ == "NORP" and word.endswith("s") and word[:-1] not in load_lexicons().demonyms


def _prefix_words_ok(tokens: Span, member: bool, not_org: tuple[frozenset[str] | set[str], ...]) -> bool:
    """Tell whether no word of ``tokens`` makes them no body's name (``member``: before a member's post)."""
    if any(
        (t.ent_type_ not in {"", "ORG"} and not (member and _party_plural(t))) or _listed(t.lower_, not_org)
        for t in tokens
    ):
        return False
    return not (member and any(t.lower_ in GENERIC_PREFIXES for t in tokens))  # "Opposition leader X"


def _title_prefix(
    doc: Doc, span: Span, taken: TokenLabels, not_org: tuple[frozenset[str] | set[str], ...]
) -> Range | None:
    """Return the capitalised name before a staff title right before ``span`` ("Westvale chief economist X").

    ``not_org`` holds sets of the lower-case words that make a capitalised word no organisation's name
    (places, nationalities, titles, forms of address, words of the organisations already named).
    """
    toks = doc_tokens(doc)
    k = span.start - 1
    if k < 1 or k in taken or not _prefix_title(toks[k]):
        return None
    end = k
    while end > 0 and k - end < 3 and toks[end - 1].is_lower and toks[end - 1].tag_ in _TITLE_MODIFIER_TAGS:
        end -= 1  # "chief", "assistant", "senior"
    start = end
    while (
        start > 0
        and end - start < 3
        and start - 1 not in taken
        and toks[start - 1].tag_ in {"NNP", "NNPS"}
        and toks[start - 1].is_alpha
        and (toks[start - 1].is_title or toks[start - 1].is_upper)
    ):
        start -= 1
    if start == end or (start > 0 and (start - 1 in taken or toks[start - 1].tag_ in {"NNP", "NNPS", "POS"})):
        return None  # no name, or only the end of a longer one
    tokens = doc[start:end]
    if not _prefix_words_ok(tokens, toks[k].lower_ in MEMBER_ROLES, not_org):
        return None
    if toks[k].lower_ in SEAT_ROLES and not (len(tokens) == 1 and tokens[0].is_upper and tokens[0].is_alpha):
        return None  # "QRT councillor X": a party's letters, not the seat's town
    return None if _listed(tokens.text.lower(), not_org) else (start, end)


def _slots(
    doc: Doc,
    end: int,
    taken: TokenLabels,
    is_role_head: Callable[[Token], bool],
    toks: list[Token],
) -> list[int]:
    """Return where an organisation may start after a name ending at ``end``: "X of Y", "X, a ROLE at Y"."""
    n = len(toks)
    if end >= n:
        return []
    after = toks[end].lower  # word and tag hashes: no strings made
    if after in _AFTER_NAME_IDS:
        return [end + 1] if end + 1 < n else []
    if after != _COMMA_ID:
        return []
    for k in range(end + 2, min(end + _REACH, n - 1)):
        tok = toks[k]
        if k in taken or tok.lower in _STOP_IDS or tok.tag in _FINITE_IDS:
            return []
        if tok.lower in _PREP_IDS and is_role_head(toks[k - 1]):
            return [k + 1]
    return []


def affiliation_orgs(
    doc: Doc,
    mentions: list[Span],
    taken: TokenLabels,
    is_role_head: Callable[[Token], bool],
    org_heads: frozenset[str],
    places: frozenset[str],
) -> list[Range]:
    """Return the token ranges of organisation names found in the affiliations of ``mentions``.

    Args:
        doc: The document.
        mentions: The person mentions.
        taken: Token index -> id, for every token of a person or organisation mention.
        is_role_head: Tells whether a token is a role noun.
        org_heads: Last words of organisation names (lower case).
        places: Known place names (lower case).

    """
    found: list[Range] = []
    toks = doc_tokens(doc)
    not_org: tuple[frozenset[str] | set[str], ...] | None = None  # built when a staff title is first seen
    for span in mentions:
        start = span.start
        for slot in _slots(doc, span.end, taken, is_role_head, toks):
            kind = _kind_end(toks, slot)  # "a partner at the law firm Y": the noun says Y is a body
            run = _run(doc, kind, taken)
            if run is None or run in found:
                continue
            staff = slot >= 2 and toks[slot - 2].lower_ in STAFF_ROLES  # "chief executive of Y"
            if _is_org_name(doc, run, org_heads, places, kind > slot) or (
                staff and _staff_employer(toks, run, places)
            ):
                found.append(run)
        if span.end < len(toks) and toks[span.end].lower == _COMMA_ID:
            owner = _possessive_employer(doc, span.end, taken, places)  # "X, Lumo Grid's chief executive,"
            if owner is not None and owner not in found:
                found.append(owner)
        if start > 1 and toks[start - 1].lower in _STAFF_IDS:
            if not_org is None:  # nor a word of a known organisation's name ("Falcons" of "Orbury Falcons")
                lex = load_lexicons()
                known = {w for o in get_orgs(doc) for w in o["name"].lower().split()}
                not_org = (places, lex.demonyms, lex.titles, lex.honorifics, lex.role_heads, known)
            run = _title_prefix(doc, span, taken, not_org)
            if run is not None and run not in found:
                found.append(run)
    return found


def _occurrences(doc: Doc, name: str, taken: TokenLabels) -> list[Span]:
    """Return every mention of ``name`` in ``doc`` on token bounds that no other entity holds."""
    out: list[Span] = []
    text = doc_text(doc)
    at = text.find(name)
    while at >= 0:
        span = doc.char_span(at, at + len(name))
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            out.append(span)
        at = text.find(name, at + len(name))
    return out


def add_affiliation_orgs(
    doc: Doc,
    mentions: list[Span],
    persons: TokenLabels,
    orgs: TokenLabels,
    is_role_head: Callable[[Token], bool],
) -> None:
    """Add the organisations ``affiliation_orgs`` finds to the document's organisations.

    Each becomes an ``OrgRecord`` (next free id, every mention of its name) and spans of
    ``doc.spans["qm_orgs"]``; ``orgs`` gains its tokens so that the affiliation rules see it.
    """
    taken = {**persons, **orgs}
    lex = load_lexicons()
    runs = affiliation_orgs(doc, mentions, taken, is_role_head, lex.org_heads, lex.places)
    if not runs:
        return
    records = get_orgs(doc)
    spans = list(doc.spans["qm_orgs"]) if "qm_orgs" in doc.spans else []
    by_name = {r["name"].lower(): r for r in records}
    for start, end in runs:
        if start in orgs:
            continue  # the same name found twice
        name = doc[start:end].text
        record = by_name.get(name.lower())  # the tagger found the name elsewhere in the text
        if record is None:
            record = {"id": f"o{len(records) + 1}", "name": name, "mentions": []}
            records.append(record)
            by_name[name.lower()] = record
        for span in _occurrences(doc, name, taken):
            record["mentions"].append([span.start_char, span.end_char])
            spans.append(Span(doc, span.start, span.end, label=record["id"]))
            for i in range(span.start, span.end):
                orgs[i] = record["id"]
                taken[i] = record["id"]
        record["mentions"].sort()
    set_orgs(doc, records)
    doc.spans["qm_orgs"] = spans
