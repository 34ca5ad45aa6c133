"""HTML: drop scripts, styles and other non-text parts; keep block structure as line breaks."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from models.errors import CorruptDocument, EmptyDocument
from parsers.text import decode_bytes, normalize_text

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "embed",
     "canvas", "select", "audio", "video", "map", "button"}
)  # fmt: skip
# Tags that start a new block (blank line around them).
_BLOCK = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "section", "article", "header",
     "footer", "nav", "aside", "main", "blockquote", "pre", "address", "form", "fieldset", "figure", "hr"}
)  # fmt: skip
# Tags that start a new line.
_LINE = frozenset({"div", "li", "tr", "dt", "dd", "caption", "figcaption", "legend", "summary", "details"})
_CELL = frozenset({"td", "th"})
_WS_RE = re.compile(r"\s+")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# A DOCTYPE, with any internal subset: the HTML parser never resolves entities, but would show the subset.
_DOCTYPE_RE = re.compile(r"<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>", re.I)
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.I)


def _decode_html(data: bytes) -> str:
    try:
        text, encoding = decode_bytes(data)
    except EmptyDocument:
        raise
    if encoding == "cp1252":
        # No BOM and not UTF-8: honour a declared charset when Python knows it.
        match = _META_CHARSET_RE.search(data[:4096])
        if match:
            try:
                return data.decode(match.group(1).decode("ascii"), errors="replace")
            except LookupError:
                pass
    return text


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document, blocks separated by blank lines, list items as '• '."""
    from lxml import etree
    from lxml import html as lxml_html

    markup = _XML_DECL_RE.sub("", markup, count=1)
    markup = _DOCTYPE_RE.sub("", markup, count=1)
    if not markup.strip():
        raise EmptyDocument("the HTML document is empty")
    parser = lxml_html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, default_doctype=False
    )
    try:
        root = lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        if "empty" in str(exc).lower():
            raise EmptyDocument("the HTML document holds no text") from exc
        raise CorruptDocument("the HTML document cannot be read") from exc

    parts: list[str] = []
    pending = 0  # line breaks owed before the next text: 1 = new line, 2 = new block
    pre_depth = 0
    anchors: dict[int, int] = {}  # <a> element -> where its text starts in parts

    def brk(level: int) -> None:
        nonlocal pending
        pending = max(pending, level)

    def emit(text: str | None) -> None:
        nonlocal pending
        if not text:
            return
        if not pre_depth:
            text = _WS_RE.sub(" ", text)
            if text == " " and (pending or not parts):
                return
        if pending:
            if parts:
                parts.append("\n" * pending)
            pending = 0
        parts.append(text)

    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            if tag == "a":
                _link_target(el, "".join(parts[anchors.pop(id(el), len(parts)) :]), emit)
            if tag in _BLOCK:
                brk(2)
            elif tag in _LINE:
                brk(1)
            if tag == "pre":
                pre_depth -= 1
            emit(el.tail)
            continue
        if not tag or tag in _SKIP:
            emit(el.tail)
            continue
        if tag in _BLOCK:
            brk(2)
        elif tag in _LINE:
            brk(1)
        if tag == "br":
            # Two <br> in a row make an empty line, like a browser shows.
            if pending and parts:
                parts.append("\n")
            brk(1)
        if tag == "li":
            emit("• ")
        elif tag in _CELL:
            prev = el.getprevious()
            if prev is not None and isinstance(prev.tag, str) and prev.tag.lower() in _CELL:
                emit(" | ")
        elif tag == "pre":
            pre_depth += 1
        elif tag == "a":
            anchors[id(el)] = len(parts)
        elif tag == "img":
            alt = el.get("alt")
            if alt and alt.strip():
                emit(f" {alt.strip()} ")
        emit(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    return normalize_text("".join(parts))


def _link_target(el: Any, text: str, emit: Callable[[str], None]) -> None:
    """After a link whose text does not show its target ("LinkedIn"), write the URL in parentheses."""
    href = (el.get("href") or "").strip()
    if not href.lower().startswith(("http://", "https://", "mailto:")):
        return
    shown = href[7:] if href.lower().startswith("mailto:") else href
    shown = shown.split("?", 1)[0] if href.lower().startswith("mailto:") else shown
    if text.strip() and shown not in text:
        emit(f" ({shown})")


def extract_html(data: bytes) -> str:
    """Decode HTML bytes and return their visible text."""
    return html_to_text(_decode_html(data))
