"""The one rule for reading a file: ``open(path, encoding="utf-8-sig").read()``, UTF-16 with a BOM."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from quotemine.errors import InputError
from quotemine.text.decode import decode_text, universal_newlines

TEXT = "Talks Stall\n\nBy Jane Doe\n\n“We will not sign,” said Tom Reed.\n"


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.replace("\n", "\r\n").encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
        TEXT.encode("utf-32"),
    ],
    ids=["utf8", "bom", "crlf", "cr", "bom-crlf", "utf16", "utf16be-crlf", "utf32"],
)
def test_a_file_reads_as_python_reads_it_with_utf8_sig(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    assert decode_text(raw, "a.txt") == TEXT
    if not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        with path.open(encoding="utf-8-sig") as handle:
            assert decode_text(raw, "a.txt") == handle.read()


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"\xff\xd8\xff\xe0 not text", r"not UTF-8 text \(byte 0\)"),
        (b"\xed\xa0\x80", "not UTF-8 text"),  # a surrogate encoded as bytes (CESU-8)
        ("Talks stall".encode("utf-16-le"), "UTF-16 without a byte order mark"),
        ("Talks stall".encode("utf-16-be"), "UTF-16 without a byte order mark"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not UTF-16 text"),
        # a program: NUL bytes everywhere, but no UTF-16 text
        (b"\x7fELF" + b"\x02\x00\x01\x00\x90\x00\xff\x00" * 200, "binary data"),
    ],
)
def test_other_bytes_are_refused_naming_the_problem(raw: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_text(raw, "a.txt")


def test_a_stray_nul_byte_in_utf8_text_is_no_binary_data() -> None:
    assert decode_text(b"Talks stall\x00 again.", "a.txt") == "Talks stall\x00 again."


def test_universal_newlines() -> None:
    assert universal_newlines("a\r\nb\rc\nd\r\r\n") == "a\nb\nc\nd\n\n"
