"""Turns the HTML documentation of botocore's model into plain text for docstrings."""

from __future__ import annotations

import html
import re
import textwrap
from html.parser import HTMLParser

_BLOCK_TAGS = {"p", "ul", "ol", "div", "note", "important", "br"}


class _TextCollector(HTMLParser):
    """Collects paragraphs and list items as separate blocks of text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._in_code = False

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._current)).strip()
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            # A paragraph that opens a list item belongs to that item's bullet.
            if "".join(self._current).strip() != "-":
                self._flush()
        elif tag == "li":
            self._flush()
            self._current.append("- ")
        elif tag == "code":
            self._current.append("``")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS or tag == "li":
            self._flush()
        elif tag == "code":
            self._current.append("``")

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_paragraphs(markup: str | None) -> list[str]:
    """Returns the documentation as a list of plain-text paragraphs (list items start '- ')."""
    if not markup:
        return []
    collector = _TextCollector()
    collector.feed(html.unescape(markup) if "<" not in markup else markup)
    collector.close()
    # Empty code spans (````) and doubled spaces are artefacts of the markup.
    return [
        re.sub(r"``\s*``", "", block).replace("`` ", "``").strip() for block in collector.blocks
    ]


def docstring(markup: str | None, indent: int, fallback: str = "") -> str:
    """Renders documentation as the body of a triple-quoted docstring at ``indent`` spaces.

    Returns an empty string when there is nothing to say, so callers can omit the docstring.
    """
    paragraphs = html_to_paragraphs(markup) or ([fallback] if fallback else [])
    if not paragraphs:
        return ""
    width = 96 - indent
    pad = " " * indent
    lines: list[str] = []
    previous_was_item = False
    for paragraph in paragraphs:
        is_item = paragraph.startswith("- ")
        wrapped = textwrap.wrap(
            paragraph,
            width=width,
            subsequent_indent="  " if is_item else "",
            break_long_words=False,
            break_on_hyphens=False,
        )
        if lines and not (is_item and previous_was_item):
            lines.append("")
        lines.extend(wrapped)
        previous_was_item = is_item
    text = "\n".join(f"{pad}{line}" if line else "" for line in lines).lstrip()
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text += " "
    if "\n" in text:
        return f'{pad}"""{text}\n{pad}"""'
    return f'{pad}"""{text}"""'
