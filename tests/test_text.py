from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotemine.text import inspect_text, published_from_dateline, split_chunks
from quotemine.text.html_mask import mask_html


def test_html_markup_is_masked_with_offsets_kept() -> None:
    html = (
        "<html><body><p>Officials said the vote was <b>free</b>.</p><script>var x = 1;</script></body></html>"
    )
    clean, warnings, _ = inspect_text(html)
    assert len(clean) == len(html)
    assert "<" not in clean and "var x" not in clean
    assert clean[html.index("Officials") :].startswith("Officials said")
    assert any("HTML" in w for w in warnings)


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\n\n"])
def test_empty_text_is_not_analysed(text: str) -> None:
    _, warnings, analyse = inspect_text(text)
    assert not analyse and warnings == ["text is empty"]


def test_binary_text_is_not_analysed() -> None:
    _, warnings, analyse = inspect_text("\x00\x01\x02abc\x03\x04" * 50)
    assert not analyse and "binary" in warnings[0]


def test_a_few_control_characters_become_spaces() -> None:
    text = "The minister said the plan\x00 would fail, and officials agreed with him on the matter. " * 2
    clean, _, analyse = inspect_text(text)
    assert analyse and "\x00" not in clean and len(clean) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a déclaré que le gouvernement ne reculerait pas devant les syndicats, "
        "malgré les grèves qui paralysent le pays depuis une semaine et les manifestations.",
        "Министр заявил, что правительство не отступит перед профсоюзами, несмотря на забастовки, "
        "которые парализуют страну уже неделю, и массовые демонстрации в столице страны. "
        "Профсоюзы обещают продолжать борьбу.",
    ],
)
def test_non_english_text_is_not_analysed(text: str) -> None:
    _, warnings, analyse = inspect_text(text)
    assert not analyse and "English" in warnings[-1]


@pytest.mark.parametrize(
    "text",
    [
        "Министр заявил, что мост откроют в мае. Жители довольны.",
        "市长说新桥将在五月开通。居民们都很高兴。",
        "Der Bürgermeister sagt, die neue Brücke ist fertig und wird im Mai eröffnet. "
        "Wir sind bereit, sagte er.",
        "Le maire a dit que le nouveau pont sera ouvert en mai. Nous sommes prêts, a-t-il ajouté.",
        "El alcalde dijo que el puente está listo y se abrirá en mayo.",
    ],
)
def test_short_non_english_text_is_not_analysed(text: str) -> None:
    clean, warnings, analyse = inspect_text(text)
    assert (
        clean == text
        and not analyse
        and warnings == ["text does not look like English; quotemine reads English news only"]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Talks Stall",
        "Ana de la Cruz del Valle wins the Tarvik prize",
        "Ana de la Cruz del Valle Wins Again",
        'Crowds sing "Wir sind ein Volk und eine Stadt"',
        'Protesters chanted "nous ne sommes pas des esclaves" outside the hall.',
        "Mayor Oskar Lindqvist von Haller said the bridge would open in May.",
        "Residents of Marrowby greeted the mayor with a banner reading 欢迎 and flowers.",
        "Smith et al. say so",
    ],
)
def test_short_english_text_is_analysed(text: str) -> None:
    assert inspect_text(text) == (text, [], True)


def test_english_text_is_analysed() -> None:
    text = (
        "The minister said on Tuesday that the government would not back down, despite strikes that "
        "have paralysed the country for a week and protests in the capital."
    )
    assert inspect_text(text) == (text, [], True)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Headline here\nJanuary 10, 2003\n\nBody text starts here.", "2003-01-10"),
        ("DUSHANBE, Jan. 10, 2003 (IWPR) - The minister said ...", "2003-01-10"),
        ("Headline\nPublished: 10 January 2003\nBody.", "2003-01-10"),
        ("Headline\n2015-12-04\nBody.", "2015-12-04"),
        ("Headline\n\nOn March 3, 2004, the company said that it had lost money on every sale.", None),
        ("Headline\n\nFebruary 30, 2003\n", None),
        ("No date at all in this text.", None),
    ],
)
def test_published_from_dateline(text: str, expected: str | None) -> None:
    assert published_from_dateline(text) == expected


def test_split_chunks_cuts_on_paragraphs_and_covers_the_text() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "word " * 50 for i in range(100))
    chunks = split_chunks(text, 1000)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= 1000 for _, c in chunks)
    assert all(c.endswith("\n\n") for _, c in chunks[:-1])
    assert all(text[o : o + len(c)] == c for o, c in chunks)


@given(st.text(max_size=3000), st.integers(min_value=50, max_value=500))
def test_split_chunks_is_lossless(text: str, limit: int) -> None:
    chunks = split_chunks(text, limit)
    assert "".join(c for _, c in chunks) == text
    assert all(0 < len(c) <= limit for _, c in chunks) or text == ""


@given(st.text(max_size=2000))
def test_inspect_text_keeps_length(text: str) -> None:
    clean, warnings, _ = inspect_text(text)
    assert len(clean) == len(text)
    assert all(isinstance(w, str) for w in warnings)


# HTML masking (bug 3): the tokenizer reads quoted attributes and character references.


def test_a_quoted_greater_than_sign_does_not_end_the_tag() -> None:
    html = '<p>The <a title="x>y" href="/a">mayor</a> said the bridge would open.</p>'
    masked = mask_html(html)
    assert len(masked) == len(html)
    assert "href" not in masked and "y" not in masked[: html.index("mayor")]
    assert " ".join(masked.split()) == "The mayor said the bridge would open."


@pytest.mark.parametrize(
    "html, word, char",
    [
        ("<p>Shares of Smith &amp; Jones fell.</p>", "&amp;", "&"),
        ("<p>The mayor&nbsp;said so.</p>", "&nbsp;", "\xa0"),
        ("<p>&#8220;No,&#8221; she said.</p>", "&#8220;", "\u201c"),
        ("<p>Fish &amp chips, said the cook.</p>", "&amp", "&"),
    ],
)
def test_character_references_are_read_as_their_character(html: str, word: str, char: str) -> None:
    masked = mask_html(html)
    assert len(masked) == len(html)
    at = html.index(word)
    assert masked[at : at + len(word)] == char.ljust(len(word))


def test_unknown_references_and_stray_brackets_stay_text() -> None:
    html = "<p>Profits &foo; rose 3 < 4 times, the report said.</p>"
    masked = mask_html(html)
    assert "&foo;" in masked and "3 < 4" in masked


def test_comments_and_style_are_spaces_and_block_tags_break_paragraphs() -> None:
    html = "<h1>Bridge opens</h1><!-- a\ncomment --><style>p{color:red}</style><p>The mayor spoke.</p>"
    masked = mask_html(html)
    assert len(masked) == len(html)
    assert masked.startswith("\n\n  Bridge opens\n\n")
    assert "comment" not in masked and "color" not in masked and "\n" in masked[html.index("<!--") :]
    assert masked[html.index("<p>") :].startswith("\n\n The mayor spoke.")


@given(st.text(alphabet=st.sampled_from(list("<>&;#/=\"' abpx\n!-")), max_size=300))
def test_mask_html_keeps_length(text: str) -> None:
    assert len(mask_html(text)) == len(text)


@pytest.mark.parametrize("text", ["Title\r\nBody said.\r\n", "Title\rBody said.\r", "a\r\r\nb"])
def test_inspect_text_reads_carriage_returns_as_line_breaks_of_the_same_length(text: str) -> None:
    clean, warnings, _ = inspect_text(text)
    assert len(clean) == len(text) and "\r" not in clean and warnings == []
    breaks = text.count("\r\n") + text.replace("\r\n", "").count("\r") + text.replace("\r\n", "").count("\n")
    # every line end is a line break; the space a "\r\n" leaves on a blank line is one too
    assert clean.count("\n") == breaks + clean.count("\n\n\n")
    assert "\n \n" not in clean


def test_replace_surrogates_keeps_length() -> None:
    from quotemine.text.inspect import replace_surrogates

    assert replace_surrogates("a\ud800b\udfff") == ("a\ufffdb\ufffd", 2)
    assert replace_surrogates("no surrogate 😀") == ("no surrogate 😀", 0)


def test_other_spaces_page_breaks_and_zero_width_marks_are_read_as_spaces_of_the_same_length() -> None:
    from quotemine.text.inspect import spaces

    text = (
        "Page 2\f\ufeffIna\u00a0Varsk,\tthe\u2009mayor\u200b, paid \u20ac1\u00a0500 and 2\u202f000.\u2028Next"
    )
    clean = spaces(text)
    assert len(clean) == len(text)
    assert clean == "Page 2\n Ina Varsk, the mayor , paid \u20ac1\u00a0500 and 2\u202f000.\nNext"
    assert spaces("co\u200bop") == "co\u200bop"  # inside a word: left alone
    assert inspect_text(text)[0].startswith("Page 2\n Ina Varsk, the mayor ")


@given(
    st.text(
        alphabet=st.sampled_from(list("ab1 .\t\f\u00a0\u202f\u2009\u200b\u200d\ufeff\u2028\n")), max_size=200
    )
)
def test_spaces_keeps_length_and_every_other_character(text: str) -> None:
    from quotemine.text.inspect import spaces

    clean = spaces(text)
    assert len(clean) == len(text)
    assert all(a == b or b in " \n" for a, b in zip(text, clean, strict=True))


@given(
    st.text(
        alphabet=st.sampled_from(
            list("ab1 .\t\f\u00a0\u202f\u2009\u200b\u200d\u2060\ufeff\u2028\u2029\u3000\n")
        ),
        max_size=60,
    )
)
def test_spaces_gives_what_its_three_passes_give_unskipped(text: str) -> None:
    """The cheaper passes (gated, one character class first) read every text as the plain rules do."""
    import re

    from quotemine.text.inspect import spaces

    other_spaces = re.compile(
        r"[\t\u1680\u2000-\u200a\u205f\u3000]|(?<!\d)[\u00a0\u202f]|[\u00a0\u202f](?!\d)"
    )
    zero_width = re.compile(r"(?<!\w)[\u200b-\u200d\u2060\ufeff]|[\u200b-\u200d\u2060\ufeff](?!\w)")
    expected = zero_width.sub(" ", re.sub("[\f\u2028\u2029]", "\n", other_spaces.sub(" ", text)))
    assert spaces(text) == expected
