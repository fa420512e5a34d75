"""Hand-tagged Docs for the entity rules' tests: words, IOB entities and tags, no model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab


def tagged_doc(words: list[str], ents: list[str], tags: list[str], spaces: list[bool] | None = None) -> Doc:
    """One sentence per full stop or paragraph break, each word headed by its sentence's first word."""
    heads: list[int] = []
    for i in range(len(words)):
        heads.append(i if i == 0 or words[i - 1] in {".", "\n\n"} else heads[-1])
    return Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        ents=ents,
        tags=tags,
        pos=["PROPN" if t.startswith("NNP") else "NOUN" if t.startswith("NN") else "X" for t in tags],
        lemmas=[w.lower() for w in words],
        deps=["ROOT" if h == i else "dep" for i, h in enumerate(heads)],
        heads=heads,
    )
