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


def doc_text(markup: str | None, *, indent: int, fallback: str = "") -> str:
    """The documentation as the text of a docstring that sits ``indent`` spaces deep.

    Paragraphs are wrapped to fit 96 columns, with a blank line between them (none between
    the items of a list, whose lines hang under their bullet), and escaped for a
    triple-quoted string. Empty when there is nothing to say and no ``fallback``.
    """
    paragraphs = html_to_paragraphs(markup) or ([fallback] if fallback else [])
    lines: list[str] = []
    previous_was_item = False
    for paragraph in paragraphs:
        is_item = paragraph.startswith("- ")
        wrapped = textwrap.wrap(
            paragraph,
            width=96 - indent,
            subsequent_indent="  " if is_item else "",
            break_long_words=False,
            break_on_hyphens=False,
        )
        if lines and not (is_item and previous_was_item):
            lines.append("")
        lines.extend(wrapped)
        previous_was_item = is_item
    return escape("\n".join(lines))


def escape(text: str) -> str:
    """``text`` made safe inside a triple-quoted string."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def first_sentence(markup: str | None) -> str:
    """The first sentence of the documentation's first paragraph (an argument's summary)."""
    paragraphs = html_to_paragraphs(markup)
    if not paragraphs:
        return ""
    match = re.match(r"(.+?\.)(\s|$)", paragraphs[0])
    return escape(match.group(1) if match else paragraphs[0])


def docstring(text: str, indent: int) -> str:
    """``text`` as a docstring whose lines after the first sit ``indent`` spaces deep.

    One line stays on one line; more end with the closing quotes on a line of their own.
    """
    pad = " " * indent
    body = "\n".join(f"{pad}{line}" if line else "" for line in text.split("\n")).lstrip()
    if body.endswith('"'):
        body += " "
    if "\n" in body:
        return f'"""{body}\n{pad}"""'
    return f'"""{body}"""'
