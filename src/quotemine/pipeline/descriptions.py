"""Roles from definite descriptions: "Ann Voss won the vote. The senator said ..." gives "senator".

News refers to a person named in one sentence by a description in the next ("the senator", "the
former governor"). ``description_roles`` links such a description to a person only when the text
leaves no doubt:

* the description is "the" + modifiers + a singular role noun, the subject of its clause, with no
  name in it and no name right after it (that would be a title) or in apposition after a comma
  (that names whose role it is);
* exactly one person is mentioned from the start of the previous sentence up to the description
  (leaving out a person who only owns a noun there, "X's remarks"), that mention is the subject of
  its own clause (not its owner: "X's night ... The protester" is
  someone else), and it is in the previous sentence (in the same
  sentence, "X said the senator ..." speaks of someone else);
* a role noun that states a gender ("congresswoman") agrees with the person's first name;
* neither the description nor the person's mention stands inside a quotation: a quoted "the mayor"
  is the speaker's word for someone, most often neither the speaker nor the last name before it
  ("Ann Voss spoke first. 'The mayor is rewriting history,' she said").

A description may also come first, as the subject of a concessive clause whose main clause has
the name as its subject ("While the Ohio senator has won three states, Ann Voss trails").

Anything else leaves the description unlinked: a wrong role is worse than none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_text, doc_tokens
from quotemine.lexicons.gender import first_name_gender, title_gender
from quotemine.lexicons.words import NOMINAL_SUBJECTS
from quotemine.pipeline.records import Range, TokenLabels

__all__ = ["description_roles", "in_quotation"]


#: Conjunctions of a clause whose subject is the main clause's ("While the senator won X, Voss lost Y").
_CONCESSIVE = frozenset({"while", "although", "though"})
#: Hashes of the word "the", of the subject labels and of the tag of a singular noun.
_THE: Final = get_string_id("the")
_SUBJECT_IDS: Final = numpy.array(sorted(get_string_id(d) for d in NOMINAL_SUBJECTS), dtype=numpy.uint64)
_NN: Final = get_string_id("NN")
_OPEN_QUOTE = "\u201c"
_CLOSE_QUOTE = "\u201d"


def in_quotation(text: str, pos: int) -> bool:
    """Tell whether character ``pos`` of ``text`` stands inside a quotation opened in its paragraph.

    Quotation marks are counted from the paragraph's start (a quotation may run over several
    sentences): an odd number of straight marks, or more opening than closing curly ones.
    """
    before = text[text.rfind("\n", 0, pos) + 1 : pos]
    return before.count('"') % 2 == 1 or before.count(_OPEN_QUOTE) > before.count(_CLOSE_QUOTE)


def _description(tok: Token, persons: TokenLabels, is_role_head: Callable[[Token], bool]) -> Range | None:
    """Return the range of "the [modifiers] ROLE" headed by ``tok`` (without "the"), or ``None``."""
    if tok.dep_ not in NOMINAL_SUBJECTS or tok.tag_ != "NN" or not is_role_head(tok) or tok.i in persons:
        return None
    doc = tok.doc
    toks = doc_tokens(doc)
    start = tok.left_edge.i
    if toks[start].lower_ != "the" or any(i in persons for i in range(start, tok.i + 1)):
        return None
    if any(c.dep_ == "poss" or (c.dep_ == "nmod" and _owner_mark(c)) for c in tok.children):
        return None  # "the party's leader": someone else's role ("the GOP front-runner" is a description)
    if tok.i + 1 < len(doc) and (tok.i + 1 in persons or toks[tok.i + 1].tag_ == "NNP"):
        return None  # "the senator Ann Voss": a title
    if tok.i + 2 < len(doc) and toks[tok.i + 1].text == "," and tok.i + 2 in persons:
        return None  # "The treasurer, Ann Voss, said": the name it stands beside, not an earlier one
    return (start + 1, _of_field_end(doc, tok, persons))


def _owner_mark(tok: Token) -> bool:
    """Tell whether ``tok`` carries a possessive ending ("party" + "'s") rather than only naming a group."""
    return any(c.dep_ == "case" for c in tok.children)


def _of_field_end(doc: Doc, tok: Token, persons: TokenLabels) -> int:
    """Return where the role headed by ``tok`` ends: after "of" and a field ("minister of education")."""
    toks = doc_tokens(doc)
    end = tok.i + 1
    if end + 1 >= len(doc) or toks[end].lower_ != "of":
        return end
    field = toks[end + 1]
    if (
        field.dep_ == "pobj"
        and field.head.i == end
        and field.tag_ in {"NN", "NNP"}
        and field.i not in persons
    ):
        return field.i + 1  # "the former minister of education", "the chief of staff"
    return end


def _antecedent(doc: Doc, tok: Token, mentions: list[Span]) -> Span | None:
    """Return the one person mention from the previous sentence's start up to ``tok``, if it is a subject."""
    toks = doc_tokens(doc)
    sent = tok.sent
    window_start = toks[sent.start - 1].sent.start if sent.start > 0 else sent.start
    inside = [m for m in mentions if window_start <= m.start and m.end <= tok.i]
    if not inside or inside[-1].start >= sent.start:
        return None  # "Tim Boyle said the president was busy": in the same sentence, someone else
    if len({m.label_ for m in inside}) != 1:
        inside = [m for m in inside if m.root.dep_ != "poss"]  # "X's remarks came after Y spoke"
        if not inside or len({m.label_ for m in inside}) != 1:
            return None
    last = inside[-1]
    return last if last.root.dep_ in NOMINAL_SUBJECTS else None


def _main_subject(doc: Doc, tok: Token, mentions: list[Span]) -> Span | None:
    """Return the name that is the subject of the main clause after "While the senator ..., X ...".

    The description must be the subject of a concessive clause ("while", "although", "though")
    that comes before the main clause, and the name the first person mentioned after it.
    """
    verb = tok.head
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in verb.children):
        return None
    after = [m for m in mentions if m.start > tok.i]
    if not after or after[0].root.head != verb.head or after[0].root.dep_ not in NOMINAL_SUBJECTS:
        return None
    return after[0] if verb.i < after[0].start else None


def description_roles(
    doc: Doc, mentions: list[Span], persons: TokenLabels, is_role_head: Callable[[Token], bool]
) -> dict[str, list[Range]]:
    """Return the roles of each person id given by a later definite description of the person."""
    toks = doc_tokens(doc)
    out: dict[str, list[Range]] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    if not ordered:
        return out
    cols = doc.to_array(["LOWER", "HEAD", "DEP", "TAG"])
    the = numpy.flatnonzero(cols[:, 0] == _THE)
    # HEAD holds each token's offset to its head (negative ones wrapped round in uint64)
    heads = the + cols[the, 1].astype(numpy.int64)
    # only a singular noun that is a subject can be a description (``_description``'s first test)
    heads = heads[numpy.isin(cols[heads, 2], _SUBJECT_IDS) & (cols[heads, 3] == _NN)]
    for tok in (toks[i] for i in sorted({int(i) for i in heads})):
        role = _description(tok, persons, is_role_head)
        if role is None:
            continue
        if in_quotation(doc_text(doc), tok.idx):
            continue  # the speaker's word for someone, not a link to the last name
        person = _antecedent(doc, tok, ordered) or _main_subject(doc, tok, ordered)
        if person is None or in_quotation(doc_text(doc), person.start_char):
            continue
        stated = title_gender(tok.text)
        named = first_name_gender(person[0].text) if len(person) > 1 else None
        if stated is not None and named is not None and stated != named:
            continue
        out.setdefault(person.label_, []).append(role)
    return out
