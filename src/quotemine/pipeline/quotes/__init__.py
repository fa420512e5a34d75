"""Find direct, indirect and mixed quotations and their local speaker mention.

``QuoteFinder`` (factory ``quotemine_quotes``) writes ``doc._.qm_quotes`` (``QuoteRecord``s, see
``quotemine.pipeline.records``) and ``doc.spans["qm_quotes"]`` (one span per quote, label = kind).
It works in passes over one parse (``passes``), in the tradition of rule-based attribution
(Krestel et al. 2008; textacy's ``direct_quotations``; Pareti's PARC scheme, which PolNeAR follows):

1. Direct quotes (``direct``): stretches between quotation marks (``marks``) attributed to a cue in
   the text right after the closing mark (``"...," he said``, also when the quote opens a sentence)
   or right before the opening one (``He said: "..."``, ``Jeremy Lott, author: "..."``). Quoted
   titles ("Face the Week") are not quotes.
2. Indirect and mixed quotes: the content clause of a speech or cognition cue, the clause around a
   parenthetical cue ("That, the commission said, would help": two pieces of one group), the clause
   that a speaker phrase ("according to X", "in the words of X") modifies, the object (with its
   predicate) of verbs such as "deny" or "call", the gerund of a denial ("denied taking"), what an
   addressee is told to do ("urged voters to"), the question of "asked if", what evidence shows
   ("polls show X ahead"), the object of prepositional cues ("called for a ban", "called on X to
   act"), and the that-clause of cue nouns ("his claim that ..."); a condition fronted before the
   cue ("If ..., she said ...") is a second piece. Points listed after "X said:" (``lists``),
   trailing attributions the parse missed ("..., records show.", ``trailing``) and lines that open
   "NAME: statement" (headlines, transcripts; not section labels such as "Analysis:") too. A clause
   that contains quoted words is ``mixed``. Cues that say nothing give no quote (``stance``):
   negated, refused, hypothetical or not yet made ("does not deny that", "declined to say", "as if
   to say", "is expected to announce"), and small clauses ("find it harder").
3. A quoted phrase inside a clause becomes a mixed record of the verb that governs it
   (``calling him "a total stiff"``); a quote after a sentence whose cue has no content of its own
   ("Roe said on Monday. "..."") is that cue's; other quotes left without a cue inherit the
   speaker of the statement before them in the same paragraph, or of the previous paragraph's last
   quote when they open a paragraph, also across a one-paragraph aside that names no one else
   (news convention).

The speaker is the local mention (``speakers``: subject of the cue, object of a speaker phrase,
passive agent, issuer of "a statement saying") with appositions and descriptions trimmed
(``phrases``); a relative pronoun keeps its antecedent in ``speaker.antecedent``. ``person_id`` is
left ``None`` for ``quotemine_attribution``. The cue words come from ``cues.json`` and
``unnamed_speakers.json`` (``cues``). The cost is linear in the document: cue candidates come from
one array look-up over the lemmas, and quote bookkeeping uses bisection.
"""

from __future__ import annotations

from quotemine.pipeline.quotes.component import QuoteFinder

__all__ = ["QuoteFinder"]
