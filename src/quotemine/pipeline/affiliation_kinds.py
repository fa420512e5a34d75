"""Which organisation named before a common noun stands for it ("the committee", "the university").

News names a body once and then calls it by its kind: "the council", "the institute", "the
company's chairman". These helpers find the organisation such a noun stands for, for the
affiliation rules of ``affiliations``:

* ``last_org_before``: the organisation named last before a token, or, given the noun, the last one
  whose name ends with it ("the council" -> "Harbourside Regional Council") or opens with it and
  "of" / "for" ("the university" -> "University of Wessex", "the institute" -> "Institute for
  Policy Research");
* ``only_org_before``: the one organisation named in the sentence and the one before;
* ``named_kind``: the organisation a lone "the <organisation noun>" stands for;
* ``org_noun_tail`` / ``tail_owner``: a role that ends in "at the <noun>" and its organisation.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons.roles import ORG_NOUNS
from quotemine.pipeline.records import TokenLabels
from quotemine.pipeline.role_tokens import sentence_of

__all__ = ["last_org_before", "named_kind", "only_org_before", "org_noun_tail", "tail_owner"]


#: Nouns for a body of any kind ("the company's chairman" after "Farley Bank"): no name contradicts them.
_GENERAL_KINDS: Final = frozenset({"company", "firm", "group", "organisation", "organization", "agency"})


def named_kind(doc: Doc, the: int, orgs: TokenLabels) -> str | None:
    """Return the organisation "the <noun>" at ``the`` stands for ("the committee" -> "Senate Y Committee").

    The noun must be a lone organisation noun ("the committee", "the university"), and a body whose
    name ends with it (or opens with it and "of") must be named before.
    """
    toks = doc_tokens(doc)
    k = the + 1
    if k >= len(doc) or k in orgs or not toks[k].is_lower or toks[k].lower_ not in ORG_NOUNS:
        return None
    if k + 1 < len(doc) and toks[k + 1].tag_ in {"NN", "NNS", "NNP", "POS"}:
        return None  # "the company's board", "the committee chairman": another noun's phrase
    return last_org_before(doc, the, orgs, head=toks[k].lower_)


def org_mentions(orgs: TokenLabels) -> list[tuple[int, int, str]]:
    """Return each organisation mention as (start, end, id), in text order."""
    out: list[tuple[int, int, str]] = []
    for i in sorted(orgs):
        if out and out[-1][1] == i and out[-1][2] == orgs[i]:
            out[-1] = (out[-1][0], i + 1, orgs[i])
        else:
            out.append((i, i + 1, orgs[i]))
    return out


def last_org_before(doc: Doc, i: int, orgs: TokenLabels, head: str | None = None) -> str | None:
    """Return the organisation named last before token ``i`` (in its sentence or the one before).

    With ``head``, only an organisation whose name ends in that word counts ("the council" ->
    "Harbourside Regional Council"), and it may be named anywhere before.
    """
    toks = doc_tokens(doc)
    sent_start = sentence_of(doc, i)[0]
    window = sentence_of(doc, sent_start - 1)[0] if sent_start > 0 else sent_start
    for start, end, oid in reversed(org_mentions(orgs)):
        if end > i:
            continue
        if head is None:
            return oid if start >= window else None
        if toks[end - 1].lower_ == head or _opens_with_kind(toks[start:end], head):
            return oid
    return None


def _opens_with_kind(name: list[Token], head: str) -> bool:
    """Tell whether a body's name opens with the noun ``head`` and "of" / "for" ("University of X")."""
    if name and name[0].lower_ == "the":
        name = name[1:]
    return len(name) > 2 and name[0].lower_ == head and name[1].lower_ in {"of", "for"}


def only_org_before(doc: Doc, i: int, orgs: TokenLabels, kind: str | None = None) -> str | None:
    """Return the one organisation named before token ``i`` in its sentence and the one before.

    A name that only modifies another noun ("Farley Bank analyst X said ...") is no candidate:
    "the company" is not the analyst's bank. With ``kind``, the noun that stands for it ("the
    bank's director"), a name that says it is another kind of body ("Delmore School of Music",
    "Ardley Council") is no candidate either, unless the noun is as general as "company".
    """
    toks = doc_tokens(doc)
    sent_start = sentence_of(doc, i)[0]
    window = sentence_of(doc, sent_start - 1)[0] if sent_start > 0 else sent_start
    named = {
        oid
        for start, end, oid in org_mentions(orgs)
        if start >= window
        and end <= i
        and toks[end - 1].dep_ != "compound"
        and not _other_kind(toks[start:end], kind)
        and not (start > 0 and toks[start - 1].lower_ == "from")  # "joined the group from Y": a former one
    }
    return named.pop() if len(named) == 1 else None


def _other_kind(name: list[Token], kind: str | None) -> bool:
    """Tell whether an organisation's name says it is another kind of body than the noun ``kind``."""
    if kind is None or kind in _GENERAL_KINDS:
        return False
    return any(t.lower_ in ORG_NOUNS and t.lower_ != kind for t in name)


def org_noun_tail(doc: Doc, start: int, end: int) -> int | None:
    """Return where "the" is when the role ``doc[start:end]`` ends in "of / for / at the <org noun>".

    One or two lower-case words may come between "the" and the noun ("a volunteer at the food bank").
    """
    toks = doc_tokens(doc)
    if end - start < 4:
        return None
    tail = toks[end - 1]
    if tail.lower_ not in ORG_NOUNS or tail.tag_ != "NN":
        return None
    the = end - 2
    while the > end - 4 and the > start + 1 and toks[the].is_lower and toks[the].tag_ in {"NN", "JJ"}:
        the -= 1
    return the if toks[the].lower_ == "the" and toks[the - 1].lower_ in {"of", "for", "at"} else None


def tail_owner(doc: Doc, the: int, end: int, orgs: TokenLabels) -> str | None:
    """Return the organisation named before ``the`` whose name ends in the role's last words.

    "the department" -> "Harbourside Police Department"; "the food bank" -> "Ardley Food Bank"
    (every modifier must be a word of the name: "the central bank" is not "Ardley Food Bank").
    A name that opens with the noun and "of" / "for" also counts: "the university" -> "University
    of Wessex".
    """
    words = [t.lower_ for t in doc[the + 1 : end]]
    for start, stop, oid in reversed(org_mentions(orgs)):
        if stop > the:
            continue
        name = [t.lower_ for t in doc[start:stop]]
        if name[-1] == words[-1] and all(w in name for w in words[:-1]):
            return oid
        if len(words) == 1 and _opens_with_kind(list(doc[start:stop]), words[0]):
            return oid  # "the institute" -> "Institute for Policy Research"
    return None
