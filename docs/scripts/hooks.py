"""MkDocs hooks: show doctest examples (``>>>`` lines) in docstrings as Python console code blocks.

Google-style docstrings in quotemine keep their short ``>>>`` examples in the description; Markdown
would read them as prose (and ``['name']`` as a link). This hook adds a small Markdown preprocessor,
used for the pages and for the docstrings mkdocstrings renders, that fences each doctest block.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

_FENCE = re.compile(r"^\s*(```|~~~)")
_PROMPT = re.compile(r"^(\s*)>>>( |$)")


class _DoctestFences(Preprocessor):
    """Wrap runs of lines starting with ``>>>`` (and their output) in ```` ```pycon ```` fences."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_fence = in_doctest = False
        for line in lines:
            if in_doctest:
                if line.strip():
                    out.append(line)
                    continue
                out += ["```", line]
                in_doctest = False
                continue
            if _FENCE.match(line):
                in_fence = not in_fence
            elif not in_fence and (m := _PROMPT.match(line)):
                if out and out[-1].strip():
                    out.append("")
                out.append(m.group(1) + "```pycon")
                in_doctest = True
            out.append(line)
        if in_doctest:
            out.append("```")
        return out


class DoctestFences(Extension):
    """The Markdown extension of ``_DoctestFences``."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the preprocessor before fenced code blocks are read."""
        md.preprocessors.register(_DoctestFences(md), "qm_doctest_fences", 40)


@event_priority(100)
def on_config(config: Any) -> Any:
    """Add the extension to the site's Markdown extensions (mkdocstrings reuses them)."""
    config.markdown_extensions.append(DoctestFences())
    return config
