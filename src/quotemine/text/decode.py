r"""Turn the bytes of a text file into the text quotemine reads: the one rule for files.

The text of a file is what ``open(path, encoding="utf-8-sig").read()`` returns in Python:

- UTF-8, with or without a byte order mark; the mark is not part of the text;
- UTF-16 or UTF-32 with a byte order mark are recognised and decoded the same way (the mark is
  dropped, as ``open(path, encoding="utf-16")`` drops it);
- universal newlines: ``"\r\n"`` and a lone ``"\r"`` become ``"\n"``.

Every offset in the report of a file is an offset into that text. Anything else (another
encoding, UTF-16 without a mark, invalid UTF-8) raises ``InputError`` naming the problem.
"""

from __future__ import annotations

import codecs

from quotemine.errors import InputError

__all__ = ["decode_text", "universal_newlines"]

# UTF-32 first: its little-endian mark starts with UTF-16's.
_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NAMES = {"utf-32": "UTF-32", "utf-16": "UTF-16", "utf-8-sig": "UTF-8"}


def universal_newlines(text: str) -> str:
    r"""Return ``text`` with ``"\r\n"`` and lone ``"\r"`` as ``"\n"``, as Python's text files read it.

    >>> universal_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def decode_text(raw: bytes, source: str) -> str:
    r"""Return the text of a file's bytes, read as ``open(path, encoding="utf-8-sig").read()`` would.

    Args:
        raw: the file's bytes.
        source: how to name the file in an error message (its path, or ``-``).

    Raises:
        InputError: the bytes are not UTF-8 (nor UTF-16/32 with a byte order mark).

    >>> decode_text(b"\xef\xbb\xbfLine one\r\nLine two\r", "a.txt")
    'Line one\nLine two\n'
    >>> decode_text("Hi".encode("utf-16"), "b.txt")
    'Hi'

    """
    encoding = next((name for mark, name in _MARKS if raw.startswith(mark)), "utf-8")
    if encoding == "utf-8" and (utf16 := _looks_utf16(raw)) is not None:
        if utf16:
            raise InputError(f"{source} looks like UTF-16 without a byte order mark; save it as UTF-8 first")
        raise InputError(f"{source} looks like binary data (many NUL bytes), not a text file")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        label = _NAMES.get(encoding, "UTF-8")
        raise InputError(f"{source} is not {label} text (byte {exc.start}); convert it to UTF-8") from exc
    return universal_newlines(text)


def _looks_utf16(raw: bytes) -> bool | None:
    """Tell whether bytes with many NUL bytes at every other place are UTF-16 text without a mark.

    ``None``: not that many NUL bytes. ``True``: read as UTF-16 of that byte order, the bytes are
    mostly printable characters. ``False``: they are not (a program or an archive: binary data).
    """
    head = raw[:2000]
    head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return None
    for nuls, order in ((head[1::2], "utf-16-le"), (head[0::2], "utf-16-be")):
        if nuls.count(0) > len(head) // 4:
            chars = head.decode(order, errors="replace")
            return sum(ch.isprintable() or ch in "\n\r\t" for ch in chars) >= 0.9 * len(chars)
    return None
