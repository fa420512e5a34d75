"""The cue lexicon of ``quotemine_quotes``: what ``cues.json`` and ``unnamed_speakers.json`` say.

Both files are read through the cached ``quotemine.lexicons.data_json``; ``QuoteFinder`` keeps the
raw mappings (to save them with ``to_disk``) and the frozen ``CueLexicon`` built from them. Every key
of ``cues.json`` is read here, and ``group_nouns`` and ``titles`` of ``unnamed_speakers.json`` (the
titles are also read by ``quotemine_attribution``, ``unnamed_titles``). Each file's ``description``
documents it.
The speaker pronouns are a closed class owned by ``quotemine.lexicons.words``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from quotemine.extensions import doc_tokens
from quotemine.lexicons import data_json

__all__ = [
    "CLIPPED",
    "CUE",
    "CUES_FILE",
    "NO_CUE",
    "UNNAMED_FILE",
    "CueLexicon",
    "build_lexicon",
    "cue_code",
    "default_sources",
    "repair_clipped_lemma",
]

CUES_FILE = "cues.json"
UNNAMED_FILE = "unnamed_speakers.json"

#: Lemmas of cues whose object is the addressee ("told IWPR", "warned the council").
_ADDRESSEE_VERBS = frozenset(
    {"tell", "inform", "ask", "warn", "remind", "assure", "advise", "brief", "urge", "promise", "instruct"}
)


@dataclass(frozen=True)
class CueLexicon:
    """Lower-cased cue words, by the role they play in finding a quotation.

    Attributes:
        speech_verbs: Verbs of saying; with ``cognition_verbs`` they take a content clause.
        cognition_verbs: Verbs of thinking ("believe"); a pronoun subject of one nested in another
            statement is that statement's speaker.
        object_verbs: Verbs whose noun-phrase object is the content ("deny the report").
        xcomp_verbs: Verbs whose infinitive clause is the content ("hopes to win"), when enabled.
        evidential_verbs: Verbs whose infinitive clause is a stance with no source ("seemed to").
        prep_verbs: Verb -> prepositions whose object is the content ("called for a ban").
        cue_verbs: ``speech_verbs`` and ``cognition_verbs``.
        content_verbs: Every verb that can take content.
        embed_verbs: Verbs that make the clause around a quoted phrase a mixed quote.
        cue_nouns: Nouns that take a "that" clause as content ("the claim that ...").
        money_nouns: Nouns whose object phrase is a sum, not a statement.
        document_nouns: Nouns of documents: "X issued a statement saying" is X's statement.
        phrases: Multi-word prepositions whose object is the speaker ("according to"), as
            tuples of lower-case words.
        group_nouns: Head lemmas of group or unnamed-person speaker mentions ("analysts").
        titles: Words for people by office ("mayor"), from ``unnamed_speakers.json``.
        refusal_verbs: Verbs whose infinitive cue says nothing ("declined to say whether").
        prospective_verbs: Verbs whose infinitive cue is not said yet ("is expected to announce").
        negative_subjects: Subjects that make a cue say nothing ("nobody said").
        bullets: Characters that open a listed point ("- ", "• ").
        evidence_verbs: Verbs whose object, with the rest of the clause, is what evidence shows.
        evidence_nouns: Heads of evidence subjects ("polls", "records", "data").
        question_verbs: Verbs whose "if"/"whether" clause is content ("asked them if ...").
        addressee_verbs: Cues whose object is the addressee ("told").
        commitment_verbs: Cues whose infinitive clause is the commitment said ("pledged to cut").
        speech_manners: Adjectives of how someone spoke ("was blunt"): a cue for the next quotation.
        manner_verbs: Verbs that with "it" before a colon introduce a statement ("put it bluntly:").
        colon_nouns: Speech nouns whose possessor says what follows their colon ("Her verdict: ...").
        colon_reply_nouns: Like ``colon_nouns``, but a deed as well ("Their response: more buses"):
            only a finite clause after the colon is a statement.
        hearing_bodies: Subjects of "heard that" in court reports ("the jury heard that ...").
        belief_cues: Cue lemmas (verbs, adjectives, nouns) of a belief, intention or knowledge, not
            a statement ("believe", "want", "convinced", "hope"): their quotes get ``cue_type`` "belief".
        intention_verbs: Verbs whose infinitive clause is always read, as a belief ("wants to").
        topic_nouns: Speech noun -> prepositions whose object is what was said about ("calls for").
        belief_adjectives: Adjectives whose content clause after a copula is their subject's belief
            ("is confident that ...").
        cue_lemmas: A cache of lemma hashes already looked up (``passes.cue_candidates``).

    """

    speech_verbs: frozenset[str]
    cognition_verbs: frozenset[str]
    object_verbs: frozenset[str]
    xcomp_verbs: frozenset[str]
    evidential_verbs: frozenset[str]
    prep_verbs: Mapping[str, frozenset[str]]
    cue_verbs: frozenset[str]
    content_verbs: frozenset[str]
    embed_verbs: frozenset[str]
    cue_nouns: frozenset[str]
    money_nouns: frozenset[str]
    document_nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    group_nouns: frozenset[str]
    titles: frozenset[str] = frozenset()
    refusal_verbs: frozenset[str] = frozenset()
    prospective_verbs: frozenset[str] = frozenset()
    negative_subjects: frozenset[str] = frozenset()
    bullets: frozenset[str] = frozenset()
    evidence_verbs: frozenset[str] = frozenset()
    evidence_nouns: frozenset[str] = frozenset()
    question_verbs: frozenset[str] = frozenset()
    addressee_verbs: frozenset[str] = _ADDRESSEE_VERBS
    commitment_verbs: frozenset[str] = frozenset()
    speech_manners: frozenset[str] = frozenset()
    manner_verbs: frozenset[str] = frozenset()
    colon_nouns: frozenset[str] = frozenset()
    colon_reply_nouns: frozenset[str] = frozenset()
    hearing_bodies: frozenset[str] = frozenset()
    belief_cues: frozenset[str] = frozenset()
    belief_adjectives: frozenset[str] = frozenset()
    intention_verbs: frozenset[str] = frozenset()
    topic_nouns: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Lemma hash -> whether the lemma is a content cue (``passes.cue_candidates`` codes), filled
    #: as documents are read.
    cue_lemmas: dict[int, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def phrase_starts(self) -> frozenset[str]:
        """Return the first words of the multi-word prepositions."""
        return frozenset(p[0] for p in self.phrases)


class _Source:
    """Read the word lists of one JSON mapping."""

    def __init__(self, data: Mapping[str, object]) -> None:
        self.data = data

    def words(self, key: str) -> frozenset[str]:
        """Return the lower-cased words listed under ``key`` (empty when missing)."""
        value = self.data.get(key) or []
        return frozenset(str(w).lower() for w in value) if isinstance(value, list) else frozenset()

    def word_map(self, key: str) -> dict[str, frozenset[str]]:
        """Return ``key``'s mapping of a word to lower-cased words."""
        value = self.data.get(key) or {}
        if not isinstance(value, Mapping):
            return {}
        return {
            str(k).lower(): frozenset(str(w).lower() for w in v)
            for k, v in value.items()
            if isinstance(v, list)
        }


def _build(cues: _Source, unnamed: _Source) -> CueLexicon:
    speech = cues.words("speech_verbs")
    cognition = cues.words("cognition_verbs")
    objects = cues.words("object_verbs")
    xcomp = cues.words("xcomp_verbs")
    evidential = cues.words("evidential_verbs")
    prep = cues.word_map("prep_verbs")
    cue_verbs = speech | cognition
    content = cue_verbs | objects | xcomp | evidential | frozenset(prep) | cues.words("evidence_verbs")
    return CueLexicon(
        speech_verbs=speech,
        cognition_verbs=cognition,
        object_verbs=objects,
        xcomp_verbs=xcomp,
        evidential_verbs=evidential,
        prep_verbs=prep,
        cue_verbs=cue_verbs,
        content_verbs=content,
        embed_verbs=content | cues.words("embed_verbs"),
        cue_nouns=cues.words("nouns"),
        money_nouns=cues.words("money_nouns"),
        document_nouns=cues.words("document_nouns"),
        phrases=tuple(sorted(tuple(p.split()) for p in cues.words("phrases") if p.split())),
        group_nouns=unnamed.words("group_nouns"),
        titles=unnamed.words("titles"),
        refusal_verbs=cues.words("refusal_verbs"),
        prospective_verbs=cues.words("prospective_verbs"),
        negative_subjects=cues.words("negative_subjects"),
        bullets=cues.words("bullets"),
        evidence_verbs=cues.words("evidence_verbs"),
        evidence_nouns=cues.words("evidence_nouns"),
        question_verbs=cues.words("question_verbs"),
        commitment_verbs=cues.words("commitment_verbs"),
        speech_manners=cues.words("speech_manners"),
        manner_verbs=cues.words("manner_verbs"),
        colon_nouns=cues.words("colon_nouns"),
        colon_reply_nouns=cues.words("colon_reply_nouns"),
        hearing_bodies=cues.words("hearing_bodies"),
        belief_cues=cues.words("belief_cues"),
        belief_adjectives=cues.words("belief_adjectives"),
        intention_verbs=cues.words("intention_verbs"),
        topic_nouns=cues.word_map("topic_nouns"),
    )


def build_lexicon(cues: Mapping[str, object], unnamed: Mapping[str, object]) -> CueLexicon:
    """Build the cue lexicon from the content of ``cues.json`` and ``unnamed_speakers.json``.

    Args:
        cues: The cue lists (``speech_verbs``, ``nouns``, ``phrases``...).
        unnamed: The unnamed-speaker lists (``group_nouns``, ``titles``).

    Returns:
        The frozen lexicon.

    """
    return _build(_Source(cues), _Source(unnamed))


#: ``cue_candidates`` codes of a lemma: no cue, a cue, a cue verb's stem the lemmatizer clipped.
NO_CUE, CUE, CLIPPED = 0, 1, 2


def cue_code(lower: str, lex: CueLexicon) -> int:
    """Return the ``cue_candidates`` code of the lower-case lemma ``lower``."""
    if (
        lower in lex.content_verbs
        or lower in lex.cue_nouns
        or lower in lex.belief_adjectives
        or lower in lex.topic_nouns
    ):
        return CUE
    return CLIPPED if lower + "e" in lex.content_verbs else NO_CUE


def repair_clipped_lemma(doc: Doc, lemmas: list[int], i: int, stem: str) -> bool:
    """Give a cue verb the lemmatizer clipped its lemma back; tell whether token ``i`` was one.

    The lemmatizer reads "hopes", "hoped" and "hoping" as forms of "hop" (and "griped" of "grip"):
    a form that starts with the stem and an "e", or is the stem and "ing", is the cue verb ("hopping"
    and "hopped" stay "hop"). The token's lemma is set right, for the rules and the stages after.
    """
    tok = doc_tokens(doc)[i]
    lower = tok.lower_
    if not (lower.startswith(stem + "e") or lower == stem + "ing"):
        return False
    tok.lemma_ = stem + "e"
    lemmas[i] = tok.lemma
    return True


def default_sources() -> tuple[dict[str, object], dict[str, object]]:
    """Return fresh copies of the packaged ``cues.json`` and ``unnamed_speakers.json``."""
    cues: dict[str, object] = data_json(CUES_FILE)
    unnamed: dict[str, object] = data_json(UNNAMED_FILE)
    return cues, unnamed
