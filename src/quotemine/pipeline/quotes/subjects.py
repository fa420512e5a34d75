"""Which token is the subject of a cue: its own subject, a borrowed one, or the one a pronoun stands for.

``subject_of`` reads the dependency parse (no NER labels needed); ``relative_antecedent`` gives the
noun a relative pronoun stands for; ``bound_subject`` the subject of the clause hosting a relative
clause whose cue has a pronoun subject. ``quotemine.pipeline.quotes.speakers`` builds the speaker
mentions from them.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons.gender import first_name_gender, pronoun_gender, title_gender

__all__ = [
    "BOUND_PRONOUNS",
    "NON_AGENT_NOUNS",
    "SUBJECT_DEPS",
    "TIME_ENTS",
    "bound_subject",
    "is_thing",
    "relative_antecedent",
    "reporting_conjunct",
    "subject_of",
]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# dependencies through which a cue without its own subject borrows its head's subject
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "ccomp", "dep", "acomp"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
#: Head lemmas of noun phrases that cannot speak: parts of texts and abstractions ("the passage
#: says", "the combination suggests", "that fact speaks volumes"). Documents ("the report") may
#: be a source and are not listed.
NON_AGENT_NOUNS = frozenset(
    {
        "passage", "combination", "evidence", "fact", "idea", "notion", "sentence", "paragraph",
        "phrase", "word", "line", "chapter", "section", "clause", "answer", "question", "difference",
        "reality", "truth", "logic", "irony", "lesson", "thing", "something", "nothing",
    }
)  # fmt: skip
#: Entity labels of mentions that may speak whatever their head noun.
_AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Endings of agent nouns ("organiser", "director", "economist", "historian", "chairman").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "men", "ee")
#: Entity labels of dates and times, which never speak.
TIME_ENTS = frozenset({"DATE", "TIME"})
#: Verbs of perception: "overheard on the ferry radio telling ..." is the heard one's statement.
_PERCEPTION_VERBS = frozenset({"hear", "overhear", "see", "catch", "record", "film", "tape", "capture"})
#: Verbs of means: their object is a tool, not the controller of an infinitive after it.
_MEANS_VERBS = frozenset({"use", "have", "take", "seize", "give", "grant", "get", "need", "lack"})


def _own_subject(cur: Token, exclude: tuple[int, int] | None, agent: bool = True) -> Token | None:
    """Return the passive agent, subject or capitalised "modal" name of ``cur`` itself.

    ``agent`` is false when ``cur`` is a head whose subject a cue borrows: "X was greeted by Y and
    joked ..." shares the surface subject X, not the agent Y.
    """
    kids = list(cur.children)  # read once: each pass over ``cur.children`` makes new tokens
    for child in kids:
        if agent and child.dep_ == "agent":  # the logical subject of a passive comes first
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    subjects = [
        c for c in kids if c.dep_ in SUBJECT_DEPS and not (exclude and exclude[0] <= c.i < exclude[1])
    ]
    if len(subjects) > 1:
        # two subjects: the parse took a dateline or a fronted phrase for one ("PORTVILLE (QNS) -
        # Mayor Kest said"); the subject next to the verb is the speaker, unless it is a
        # description set off after a name ("Sgt. Ola Brenn, a spokeswoman for the force, said")
        before = [c for c in subjects if c.i < cur.i]
        if len(before) > 1 and _apposed_description(before[-2], before[-1]):
            return before[-2]
        return before[-1] if before else subjects[0]
    if subjects:
        return subjects[0]
    return _name_before(cur, kids)


def _name_before(cur: Token, kids: list[Token]) -> Token | None:
    """Return a name among the children ``kids`` before ``cur`` that the parse did not read as its subject."""
    for child in kids:
        if child.i >= cur.i:
            break
        # "Will wrote ...": a capitalised "modal" before a finite verb is a surname (Will, May)
        if child.tag_ == "MD" and child.text[:1].isupper() and cur.tag_ in ("VBD", "VBZ"):
            return child
        # "Brenn said detectives ...": the parse may take a name opening the clause right before
        # its verb for an adverb
        if child.i == cur.i - 1 and child.dep_ in _NAME_AS_ADVERB and _is_name(child):
            return child
    return None


def _is_name(tok: Token) -> bool:
    """Tell whether ``tok`` is a proper noun, or a capitalised word the NER marks as a name elsewhere."""
    if tok.pos_ == "PROPN":
        return True
    if not tok.text[:1].isupper():
        return False
    return any(t.ent_type_ in _AGENT_ENTS and t.text == tok.text for t in doc_tokens(tok.doc))


#: Dependencies the parse gives a bare name it did not read as the subject of the next verb.
_NAME_AS_ADVERB = frozenset({"advmod", "npadvmod"})


def _apposed_description(name: Token, noun: Token) -> bool:
    """Tell whether ``noun`` heads a description set off by a comma right after the name ``name``."""
    if name.pos_ != "PROPN" or noun.pos_ != "NOUN":
        return False
    between = doc_tokens(name.doc)[name.i + 1 : noun.left_edge.i]
    return len(between) == 1 and between[0].text == ","


def is_thing(tok: Token, agents: Set[str]) -> bool:
    """Tell whether ``tok`` heads a noun phrase for a thing that cannot speak or act.

    Only common nouns can be things; a noun in ``agents`` (group, person and document nouns), a
    person, organisation or group entity and a noun ending like an agent noun ("-er", "-ist",
    "-ian", "-man") are not. "used his speech to call for ...", "holding signs calling ...". The
    ending test is a guess: "banner" passes for an agent, which keeps the old reading.

    Args:
        tok: The head token.
        agents: Lemmas of nouns that may speak. Empty: nothing is a thing (the test is off).

    Returns:
        True for a thing.

    """
    if not agents or tok.pos_ not in ("NOUN", "NUM") or tok.ent_type_ in _AGENT_ENTS:
        return False
    if tok.text[:1].isupper() and not tok.is_sent_start:
        return False  # a capitalised noun is a name or a group ("Latvian-Canadians")
    lemma = tok.lemma_.lower()
    if lemma in NON_AGENT_NOUNS or tok.pos_ == "NUM":
        return True
    return lemma not in agents and not lemma.endswith(_AGENT_ENDINGS)


def _object_controller(cur: Token, agents: Set[str]) -> Token | None:
    """Return the object that controls an infinitive cue ("led some fans to fear": the fans).

    After a verb of means ("used the speech to call for", "gave her new reason to doubt") a thing
    as object controls nothing: a person in the dative does, else the head's subject (found by
    climbing). Other verbs' objects control whatever they are ("the poll led the paper to ask").
    """
    if cur.dep_ not in ("xcomp", "ccomp") or cur.head.i == cur.i or cur.head.pos_ != "VERB":
        return None
    if not _infinitive(cur):
        return None
    obj = next((c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i), None)
    if obj is not None and cur.head.lemma_.lower() in _MEANS_VERBS and is_thing(obj, agents):
        return next((c for c in cur.head.children if c.dep_ == "dative"), None)
    return obj


def _issuer(cur: Token, exclude: tuple[int, int] | None, documents: Set[str], agents: Set[str]) -> Token:
    """Return the speaker of a cue attached to a noun ("a statement saying ...", "calls saying").

    The subject of the verb whose object the noun is speaks when the noun is a document ("X
    issued a statement saying": X) or a thing ("holding signs calling him a liar, protesters ...").
    """
    noun = cur.head
    host = noun.head
    if noun.lemma_.lower() in NON_AGENT_NOUNS:
        return noun  # "saw no evidence to indicate ...": evidence, not a statement (no speaker)
    thing = is_thing(noun, agents) and (noun.dep_ == "dobj" or _occasion(cur, noun))
    if thing and noun.dep_ == "pobj":
        host = host.head  # "they are under pressure to pledge ...", "at a briefing announcing ..."
    if (thing or (noun.lemma_.lower() in documents and noun.dep_ == "dobj")) and host.i != noun.i:
        # "gave the clerk a reason to doubt ...": the recipient; "heard the clerk on the radio
        # saying ...": the one heard; else the subject
        deps = ("dative", "dobj") if host.lemma_.lower() in _PERCEPTION_VERBS else ("dative",)
        other = next((c for c in host.children if c.dep_ in deps and c.i != noun.i), None) if thing else None
        issuer = other or subject_of(host, exclude, documents, agents)
        if issuer is not None:
            return issuer
    return noun


def reporting_conjunct(conj: Token, agents: Set[str]) -> bool:
    """Tell whether the cue ``conj``, a conjunct of a reported clause, is a second act of the reporter.

    "Ada Roe said the levy was unfair and urged the council to drop it": the parse makes "urged"
    a conjunct of the reported "was", but a levy urges nothing; "Roe said she wants a vote and has
    called for one" is hers either way. A reported clause whose subject is a thing or a personal
    pronoun hands its speech conjuncts back to the reporting verb; one with a named subject of its
    own ("Roe said Kest had lied and called for a vote") keeps them.

    Args:
        conj: A cue verb.
        agents: Lemmas of nouns that may speak (see ``is_thing``).

    Returns:
        True when ``conj`` belongs to the subject of the verb that reports its head clause.

    """
    clause = conj.head
    if conj.dep_ != "conj" or conj.pos_ != "VERB" or clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return False
    if any(c.dep_ in (*SUBJECT_DEPS, "expl") for c in conj.children):
        return False
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "but") for c in clause.children):
        return False  # "or", "nor", "rather than": alternatives inside the statement
    subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:
        return False
    return subj.lower_ in _REPORTED_PRONOUNS or is_thing(subj, agents)


#: Subject pronouns of a reported clause that leave its speech conjuncts to the reporter.
_REPORTED_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})


def _climb(cur: Token, agents: Set[str] = frozenset(), cue: bool = False) -> Token | None:
    """Return the head whose subject a cue without one borrows, or ``None``."""
    if cur.dep_ not in _CLIMB_DEPS or cur.head.i == cur.i:
        return None
    if cue and agents and reporting_conjunct(cur, agents):
        return cur.head.head  # "said the levy was unfair and urged ...": the reporter urged
    participle = cur.dep_ == "advcl" and cur.tag_ == "VBG"
    cur = cur.head
    if participle and cur.dep_ == "ccomp" and cur.head.i != cur.i:
        # "Analysts said the plan was risky, noting that ...": the participle hangs on the
        # reported clause, but its subject is the reporting one's
        cur = cur.head
    return cur


def _infinitive(verb: Token) -> bool:
    """Tell whether ``verb`` is a to-infinitive ("to call")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _occasion(cur: Token, noun: Token) -> bool:
    """Tell whether ``noun``, a prepositional object, is a circumstance of its clause's speaker.

    An infinitive on it ("under pressure to pledge") or a participle on a time or place object
    ("at a briefing announcing") or on the object of a verb of perception ("was overheard
    on the ferry radio telling", "caught on tape saying") speaks for the clause's subject (or object);
    "calls opposing the plan" on other objects are messages in their own right.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.i == prep.i or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    if _infinitive(cur):
        return True
    if cur.tag_ != "VBG":
        return False
    return prep.lower_ in ("at", "during", "in") or prep.head.lemma_.lower() in _PERCEPTION_VERBS


def subject_of(
    verb: Token,
    exclude: tuple[int, int] | None = None,
    documents: Set[str] = frozenset(),
    agents: Set[str] = frozenset(),
) -> Token | None:
    """Return the speaker token of a cue verb: its subject, passive agent or a borrowed subject.

    Args:
        verb: The cue token.
        exclude: Token range (the quoted content) in which a subject does not count.
        documents: Lemmas of document nouns ("statement", "tweet"): in "X issued a statement
            saying ...", the speaker is X, the subject of the verb whose object the document is.
        agents: Lemmas of nouns that may speak (see ``is_thing``); with them, a thing never
            controls an infinitive cue nor speaks through a participle attached to it.

    Returns:
        The head token of the speaker phrase, or ``None``.

    """
    cur: Token | None = verb
    for _ in range(4):
        assert cur is not None
        found = _own_subject(cur, exclude, agent=cur is verb)
        if found is not None:
            return found
        if (cur.dep_ == "acl" or (cur.dep_ == "relcl" and _infinitive(cur))) and cur.head.i != cur.i:
            return _issuer(cur, exclude, documents, agents)
        if cur.dep_ == "relcl" and cur.head.i != cur.i:
            return cur.head
        controller = _object_controller(cur, agents)
        if controller is not None:
            return controller
        cur = _climb(cur, agents, cue=cur is verb)
        if cur is None:
            break
    return None


def relative_antecedent(subj: Token) -> Token | None:
    """Return the noun a relative pronoun subject stands for ("Smith, who said ..." gives "Smith").

    Args:
        subj: The subject token of a cue.

    Returns:
        The head of the antecedent noun phrase, or ``None`` when ``subj`` is not a relative pronoun.

    """
    if subj.lower_ not in _RELATIVE:
        return None
    clause = subj.head
    for _ in range(3):
        if clause.dep_ == "relcl" and clause.head.i != clause.i:
            return clause.head
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return None


#: Pronoun subjects of a cue in a relative clause that its host clause's subject binds.
BOUND_PRONOUNS = frozenset({"he", "she", "they"})
#: Relative adverbs: their clause describes a time or place, not the host's subject.
_ADVERBIAL_RELATIVES = frozenset({"when", "where", "while", "whenever"})
#: Words opening a free relative ("complained about what they called a broken promise").
_FREE_RELATIVES = frozenset({"what", "whatever"})


def bound_subject(verb: Token, subj: Token) -> Token | None:
    """Return the subject of the clause hosting a relative clause whose cue has a pronoun subject.

    "Marlow blasted the ferry timetable, which he said was a disgrace", "fishermen complained
    about what they called a broken promise", "Varga named three harbours she said had lost
    their ferries": the pronoun subject of a cue
    inside a relative clause (or a free relative) stands for the subject of the clause the
    relative hangs on, when that subject stands before it and agrees ("he", "she": a name whose
    honorific or first name does not say otherwise; "they": a plural or a coordination); news
    attribution (and PolNeAR) credits that subject. A relative of time or place ("in December,
    when he said") and anything else keep the pronoun.
    """
    toks = doc_tokens(verb.doc)
    free = subj.i > 0 and toks[subj.i - 1].lower_ in _FREE_RELATIVES
    if verb.dep_ != "relcl" and not free:
        return None
    if not free and (
        verb.head.ent_type_ in TIME_ENTS or toks[verb.left_edge.i].lower_ in _ADVERBIAL_RELATIVES
    ):
        return None  # "in March, when she objected ...": a time, not the one who spoke
    cur = verb
    for _ in range(6):  # up to the verb the relative clause hangs on
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    host = subject_of(cur)
    if host is None or host.i >= subj.i or host.pos_ not in ("PROPN", "NOUN") or host.i >= verb.left_edge.i:
        return None
    plural = host.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in host.children)
    if subj.lower_ == "they":
        return host if plural else None
    if plural or host.pos_ != "PROPN":
        return None
    return host if _gender_agrees(host, subj) else None


def _gender_agrees(host: Token, pronoun: Token) -> bool:
    """Tell whether nothing before the name ``host`` (an honorific, a first name) contradicts ``pronoun``."""
    want = pronoun_gender(pronoun.lower_)
    if want is None:
        return True
    words = [t.text for t in doc_tokens(host.doc)[host.left_edge.i : host.i]]
    for word in words:
        said = title_gender(word) or first_name_gender(word)
        if said is not None and said != want:
            return False
    return True
