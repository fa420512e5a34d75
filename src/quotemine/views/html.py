"""Render a report as HTML: the article with quotes, people, dates and money marked, then who said what.

The view is self-contained (inline CSS, no scripts, no external assets) and every piece of input text
goes through :func:`html.escape`, so an article containing ``<script>`` shows that markup as text.

Marked spans may overlap (a quote contains names and dates; a badly cut span may cross another). They
are laid out as properly nested elements: a span containing another is outside it (for equal offsets:
quotes, then people and organisations, roles, speaker mentions and cues, then dates and money); a span
that crosses one opened before it is split into pieces that carry the same classes and ``data-*``
attributes (later pieces have ``data-part="continued"``).

Hooks for tests and scripts (stable): every quote piece is ``span.qm-quote`` with ``data-quote-id``,
``data-speaker`` (a person id such as ``p5``, an organisation id such as ``o2``, ``unnamed``,
``unresolved`` or ``unknown``), ``data-speaker-class`` and
``data-kind``; its colour class ``qm-speaker-N`` is chosen by speaker, and the same class colours the
speaker's swatch in the legend and the who-said-what table. Dates are ``span.qm-date`` and money
``span.qm-money``, with the normalised value in ``data-value`` and, on hover or focus, in a CSS tooltip
(``data-tip``) and the ``title`` attribute.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise

from quotemine.schema import Person, Quote, Report
from quotemine.views.stats import quote_kind

logger = logging.getLogger(__name__)

__all__ = ["SPEAKER_COLOURS", "to_html"]

SPEAKER_COLOURS: tuple[str, ...] = (
    "#ffd6a5",
    "#bde0fe",
    "#caffbf",
    "#ffc6ff",
    "#fdffb6",
    "#d0bfff",
    "#ffadad",
    "#9bf6ff",
    "#e9d8a6",
    "#b9fbc0",
    "#a0c4ff",
    "#f1c0e8",
)
"""Background colours of quotes, one per speaker in order of first quote (cycling)."""

_UNATTRIBUTED_COLOUR = "#e4e4e4"

# Layers, outermost first, for spans with the same offsets (a quote around a name it equals).
_RANK = {"quote": 0, "person": 1, "org": 1, "role": 2, "speaker": 3, "cue": 3, "date": 4, "money": 4}

_CSS = """
.qm-report{font-family:Georgia,'Times New Roman',serif;color:#1d1d1f;background:#fff;line-height:1.6;
  max-width:60rem;margin:0 auto;padding:.5rem 1rem}
.qm-report h1{font-size:1.35rem;margin:.2rem 0}
.qm-report h2{font-size:1.05rem;margin:1.2rem 0 .4rem;font-family:system-ui,sans-serif}
.qm-meta,.qm-legend,.qm-table,.qm-warnings{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;
  font-size:.85rem}
.qm-meta{color:#555;margin:.2rem 0 .6rem}
.qm-legend{display:flex;flex-wrap:wrap;gap:.35rem .8rem;margin:.4rem 0 .8rem;padding:0;list-style:none}
.qm-legend li{display:inline-flex;align-items:center;gap:.3rem}
.qm-key{display:inline-block;padding:0 .3rem;border-radius:3px}
.qm-swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:3px;border:1px solid #0002;
  vertical-align:middle;margin-right:.3rem}
.qm-article{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ddd;border-radius:6px;
  padding:.8rem 1rem;background:#fcfcfc}
.qm-quote{border-radius:3px;padding:.05rem 0;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.qm-quote.qm-indirect{font-style:italic}
.qm-person{font-weight:600;border-bottom:2px solid #3559c7}
.qm-org{font-variant:small-caps;border-bottom:2px solid #2e8b57}
.qm-role{color:#5b3a8e}
.qm-speaker{outline:1px dashed #0007;outline-offset:1px}
.qm-cue{text-decoration:underline dotted #777}
.qm-date,.qm-money{position:relative;text-decoration-line:underline;text-decoration-thickness:2px;
  text-underline-offset:3px;cursor:help}
.qm-date{text-decoration-color:#d9480f}
.qm-money{text-decoration-color:#087f5b;text-decoration-style:double}
.qm-date[data-tip]:hover::after,.qm-date[data-tip]:focus::after,.qm-money[data-tip]:hover::after,
.qm-money[data-tip]:focus::after{
  content:attr(data-tip);position:absolute;left:0;bottom:100%;z-index:10;white-space:nowrap;
  background:#222;color:#fff;font:600 .75rem/1.3 system-ui,sans-serif;font-style:normal;
  padding:.15rem .4rem;border-radius:4px;pointer-events:none}
.qm-table{border-collapse:collapse;width:100%}
.qm-table th,.qm-table td{border-bottom:1px solid #e2e2e2;padding:.3rem .4rem;text-align:left;
  vertical-align:top}
.qm-table th{background:#f3f3f3}
.qm-table td.qm-text{font-family:Georgia,serif}
.qm-warnings{color:#8a5300}
.qm-empty{color:#777;font-style:italic}
"""


@dataclass(frozen=True, slots=True)
class _Mark:
    """One span to mark in the article: its layer, offsets, classes and attributes."""

    kind: str
    start: int
    end: int
    classes: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...] = ()
    style: str | None = None
    anchor: str | None = None

    @property
    def key(self) -> tuple[int, int, int, tuple[str, ...], tuple[tuple[str, str], ...]]:
        """Order outermost first: earlier start, then longer, then by layer."""
        return (self.start, -self.end, _RANK[self.kind], self.classes, self.attrs)


@dataclass(slots=True)
class _Speakers:
    """Colour classes by speaker key, in order of first quote."""

    index: dict[str, int] = field(default_factory=dict)

    def colour_class(self, key: str | None) -> tuple[str, str]:
        """Return ``(css class, colour)`` of a speaker key (``None``: unattributed)."""
        if key is None:
            return "qm-speaker-none", _UNATTRIBUTED_COLOUR
        n = self.index.setdefault(key, len(self.index))
        return f"qm-speaker-{n}", SPEAKER_COLOURS[n % len(SPEAKER_COLOURS)]


def to_html(report: Report, text: str | None = None, *, standalone: bool = True) -> str:
    """Return the report as HTML: the highlighted article, a speaker legend and a who-said-what table.

    Args:
        report: the report of ``text``.
        text: the article the report was made from. Without it (and without a ``_text`` the report
            may carry), only the legend and the table are rendered.
        standalone: a whole page (``<!DOCTYPE html>`` ... ``</html>``); else a ``<div>`` fragment
            with its own ``<style>``, as Jupyter displays it.

    Returns:
        The HTML, with every piece of input text escaped.

    >>> from quotemine.schema import Document, Report
    >>> page = to_html(Report(quotemine_version="0", model="m", document=Document(char_count=2)), "<b")
    >>> "&lt;b" in page and "<b" not in page.split("<body>")[1]
    True

    """
    if text is None:
        private = getattr(report, "_text", None)
        text = private if isinstance(private, str) else None
    uid = _uid(report, text)
    speakers = _Speakers()
    people = {p.id: p for p in report.people}
    quote_marks = _quote_marks(report, speakers, uid)
    parts = [f'<div class="qm-report" id="qm-{uid}">', f"<style>{_CSS}</style>"]
    parts += _header(report)
    parts += _legend(report, speakers, people)
    if text is not None:
        marks = [*quote_marks, *_other_marks(report, text)]
        parts.append(f'<div class="qm-article">{_article(text, marks)}</div>')
    else:
        parts.append('<p class="qm-empty">(article text not available: pass it to to_html)</p>')
    parts += _table(report, speakers, people, uid)
    if report.warnings:
        parts.append('<ul class="qm-warnings">')
        parts += [f"<li>{escape(w)}</li>" for w in report.warnings]
        parts.append("</ul>")
    parts.append("</div>")
    body = "\n".join(parts)
    if not standalone:
        return body
    title = escape(report.document.title.text if report.document.title else "quotemine report")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _uid(report: Report, text: str | None) -> str:
    """Return a short id, stable for the same input, that keeps anchors of two reports apart."""
    seed = (report.id or "") + "\x00" + (text or "") + "\x00" + str(len(report.quotes))
    return hashlib.blake2s(seed.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def _speaker_key(quote: Quote) -> str | None:
    """Return the colour key of a quote's speaker: its person or organisation id, else its mention text."""
    sp = quote.speaker
    if sp is None:
        return None
    if sp.person_id or sp.organization_id:
        return sp.person_id or sp.organization_id
    return "mention:" + " ".join(sp.text.lower().split())


def _speaker_attr(quote: Quote) -> str:
    sp = quote.speaker
    if sp is None:
        return "unknown"
    if sp.person_id or sp.organization_id:
        return sp.person_id or sp.organization_id or ""
    return "unnamed" if sp.unnamed else "unresolved"


def _quote_marks(report: Report, speakers: _Speakers, uid: str) -> list[_Mark]:
    marks: list[_Mark] = []
    for q in report.quotes:
        cls, colour = speakers.colour_class(_speaker_key(q))
        attrs = (
            ("data-quote-id", q.id),
            ("data-speaker", _speaker_attr(q)),
            ("data-speaker-class", cls),
            ("data-kind", q.kind),
            ("data-cue-type", q.cue_type),
        )
        classes = ("qm-quote", f"qm-{q.kind}", cls)
        style = f"background-color:{colour}"
        marks.append(_Mark("quote", q.start, q.end, classes, attrs, style, f"qm-{uid}-{q.id}"))
        if q.speaker is not None:
            marks.append(
                _Mark("speaker", q.speaker.start, q.speaker.end, ("qm-speaker",), (("data-quote", q.id),))
            )
        if q.cue is not None:
            marks.append(_Mark("cue", q.cue.start, q.cue.end, ("qm-cue",), (("data-quote", q.id),)))
    return marks


def _other_marks(report: Report, text: str) -> list[_Mark]:
    marks = [*_people_marks(report), *_org_marks(report), *_date_marks(report), *_money_marks(report)]
    n = len(text)
    kept = [m for m in marks if 0 <= m.start < m.end <= n]
    if len(kept) < len(marks):
        logger.debug("dropped %d spans outside the text", len(marks) - len(kept))
    return kept


def _people_marks(report: Report) -> list[_Mark]:
    """Mark every mention (titled with the name, roles and organisations) and role of a person."""
    orgs = {o.id: o.name for o in report.organizations}
    marks: list[_Mark] = []
    for p in report.people:
        info = p.name
        if p.roles:
            info += " — " + "; ".join(" ".join(r.text.split()) for r in p.roles)
        if p.affiliations:
            info += " (" + ", ".join(orgs.get(a, a) for a in p.affiliations) + ")"
        for m in p.mentions:
            mark = _Mark("person", m.start, m.end, ("qm-person",), (("data-person", p.id),))
            marks.append(_with_title(mark, info))
        for r in p.roles:
            marks.append(_Mark("role", r.start, r.end, ("qm-role",), (("data-person", p.id),)))
    return marks


def _org_marks(report: Report) -> list[_Mark]:
    marks: list[_Mark] = []
    for o in report.organizations:
        for m in o.mentions:
            mark = _Mark("org", m.start, m.end, ("qm-org",), (("data-org", o.id),))
            marks.append(_with_title(mark, o.name))
    return marks


def _date_marks(report: Report) -> list[_Mark]:
    """Mark dates with their value (or why there is none) in ``data-value`` and the tooltip."""
    marks: list[_Mark] = []
    for d in report.dates:
        value = d.value or "unresolved"
        tip = value
        if d.modifier:
            tip += f" ({d.modifier})"
        if d.value is None and d.note:
            tip += f": {d.note}"
        elif d.granularity:
            tip += f" · {d.granularity}"
        attrs = (("data-value", value), ("data-tip", tip), ("title", tip), ("tabindex", "0"))
        marks.append(_Mark("date", d.start, d.end, ("qm-date",), attrs))
    return marks


def _money_marks(report: Report) -> list[_Mark]:
    """Mark money with its amount and currency in ``data-value`` and the tooltip."""
    marks: list[_Mark] = []
    for m in report.money:
        amount = _number(m.amount)
        if m.amount_max is not None:
            amount += "–" + _number(m.amount_max)
        value = f"{amount} {m.currency}" if m.currency else amount
        tip = value + (f" ({m.qualifier})" if m.qualifier else "") + (f" {m.period}" if m.period else "")
        attrs = (("data-value", value), ("data-tip", tip), ("title", tip), ("tabindex", "0"))
        marks.append(_Mark("money", m.start, m.end, ("qm-money",), attrs))
    return marks


def _with_title(mark: _Mark, title: str) -> _Mark:
    return _Mark(mark.kind, mark.start, mark.end, mark.classes, (*mark.attrs, ("title", title)), mark.style)


def _number(value: float) -> str:
    """Format an amount without float noise: 142000000.0 -> '142,000,000', 2.5 -> '2.5'."""
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _open_tag(mark: _Mark, first: bool) -> str:
    attrs = [f'class="{" ".join(mark.classes)}"']
    if first and mark.anchor:
        attrs.append(f'id="{escape(mark.anchor)}"')
    attrs += [f'{name}="{escape(value)}"' for name, value in mark.attrs]
    if mark.style:
        attrs.append(f'style="{escape(mark.style)}"')
    if not first:
        attrs.append('data-part="continued"')
    return "<span " + " ".join(attrs) + ">"


def _article(text: str, marks: Iterable[_Mark]) -> str:
    """Return the escaped text with the marks as properly nested ``<span>`` elements.

    The text is cut at every span boundary; each piece is wrapped in the marks covering it, ordered
    outermost first. Walking the pieces in order, the open elements that the next piece shares as a
    prefix stay open and the rest are closed and reopened, which splits crossing spans.
    """
    valid = sorted({m for m in marks if 0 <= m.start < m.end <= len(text)}, key=lambda m: m.key)
    if not valid:
        return escape(text)
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out: list[str] = []
    stack: list[_Mark] = []
    opened: set[_Mark] = set()
    starts: dict[int, list[_Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
    active: list[_Mark] = []
    for a, b in pairwise(cuts):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        want = sorted(active, key=lambda m: m.key)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        del stack[keep:]
        for m in want[keep:]:
            out.append(_open_tag(m, m not in opened))
            opened.add(m)
            stack.append(m)
        out.append(escape(text[a:b]))
    out.append("</span>" * len(stack))
    return "".join(out)


def _header(report: Report) -> list[str]:
    doc = report.document
    title = doc.title.text if doc.title else "Report"
    facts = []
    if doc.published:
        facts.append(f"Published {escape(doc.published)}")
    if doc.authors:
        facts.append("By " + escape(", ".join(a.text for a in doc.authors)))
    facts.append(
        f"{len(report.people)} people · {len(report.organizations)} organisations · "
        f"{len(report.quotes)} quotes · {len(report.dates)} dates · {len(report.money)} money"
    )
    return [f"<h1>{escape(' '.join(title.split()))}</h1>", f'<p class="qm-meta">{" · ".join(facts)}</p>']


def _speaker_name(quote: Quote, people: Mapping[str, Person], orgs: Mapping[str, str]) -> str:
    """Return the name of the person or organisation that speaks, else the speaker's own words."""
    sp = quote.speaker
    if sp is None:
        return "unknown speaker"
    if sp.person_id and sp.person_id in people:
        return people[sp.person_id].name
    if sp.organization_id and sp.organization_id in orgs:
        return orgs[sp.organization_id]
    return " ".join(sp.text.split()) + (" (unnamed)" if sp.unnamed else "")


def _legend(report: Report, speakers: _Speakers, people: Mapping[str, Person]) -> list[str]:
    if not report.quotes:
        return []
    items: dict[str, str] = {}
    orgs = {o.id: o.name for o in report.organizations}
    for q in report.quotes:
        cls, colour = speakers.colour_class(_speaker_key(q))
        if cls not in items:
            name = escape(_speaker_name(q, people, orgs))
            items[cls] = (
                f'<li><span class="qm-key {cls}" data-speaker-class="{cls}" '
                f'style="background-color:{colour}">{name}</span></li>'
            )
    keys = (
        '<li><span class="qm-person">person</span></li><li><span class="qm-org">organisation</span></li>'
        '<li><span class="qm-role">role</span></li><li><span class="qm-date">date</span></li>'
        '<li><span class="qm-money">money</span></li>'
    )
    return [f'<ul class="qm-legend" aria-label="speakers">{"".join(items.values())}{keys}</ul>']


def _table(report: Report, speakers: _Speakers, people: Mapping[str, Person], uid: str) -> list[str]:
    out = ["<h2>Who said what</h2>"]
    if not report.quotes:
        return [*out, '<p class="qm-empty">No quotes found.</p>']
    orgs = {o.id: o.name for o in report.organizations}
    out.append(
        '<table class="qm-table"><thead><tr><th>speaker</th><th>role</th><th>affiliation</th>'
        "<th>kind</th><th>quote</th></tr></thead><tbody>"
    )
    for q in report.quotes:
        cls, colour = speakers.colour_class(_speaker_key(q))
        person = people.get(q.speaker.person_id or "") if q.speaker else None
        role = "; ".join(" ".join(r.text.split()) for r in person.roles) if person else ""
        aff = ", ".join(orgs.get(a, a) for a in person.affiliations) if person else ""
        quote = " ".join(q.text.split())
        if len(quote) > 240:
            quote = quote[:237].rstrip() + "…"
        out.append(
            f'<tr data-quote-id="{escape(q.id)}" data-speaker="{escape(_speaker_attr(q))}">'
            f'<td><span class="qm-swatch {cls}" data-speaker-class="{cls}" '
            f'style="background-color:{colour}"></span>{escape(_speaker_name(q, people, orgs))}</td>'
            f"<td>{escape(role)}</td><td>{escape(aff)}</td><td>{escape(quote_kind(q))}</td>"
            f'<td class="qm-text"><a href="#qm-{uid}-{escape(q.id)}">{escape(quote)}</a></td></tr>'
        )
    out.append("</tbody></table>")
    return out
