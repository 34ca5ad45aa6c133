"""Plain text and Markdown: decode bytes (BOM, UTF-8, UTF-16, cp1252 fallback) and normalize whitespace."""

from __future__ import annotations

import re
import unicodedata

from models.errors import EmptyDocument, UnsupportedFormat

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Characters that never belong in resume text: C0/C1 controls except tab and newline.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_HSPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS_RE = re.compile(r"\n{3,}")
# Typographic ligatures (LaTeX and designed PDFs keep them as one glyph): "Arti\ufb01cial" must read "Artificial".
# NFC leaves them as they are, and NFKC would also rewrite superscripts, full-width forms and symbols.
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")


def _decode_no_bom(data: bytes) -> tuple[str, str]:
    sample = data[:4096]
    nuls = sample.count(0)
    if nuls and nuls <= max(2, len(sample) // 200) and data.count(0) <= max(2, len(data) // 200):
        # A few stray NUL bytes (editor padding) in otherwise normal text.
        return _decode_no_bom(data.replace(b"\x00", b""))
    if nuls:
        # UTF-16 without a BOM: ASCII text leaves every other byte zero.
        half = max(1, len(sample) // 2)
        even_zero = sample[0::2].count(0) / half
        odd_zero = sample[1::2].count(0) / half
        for ratio, enc in ((odd_zero, "utf-16-le"), (even_zero, "utf-16-be")):
            if ratio > 0.4:
                try:
                    return data.decode(enc), enc
                except UnicodeDecodeError:
                    break
        raise UnsupportedFormat("binary data: the file is not PDF, DOCX, HTML, Markdown or plain text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    high = sum(1 for ch in text[:20000] if ord(ch) >= 0x80)
    if high > 0.3 * min(len(text), 20000):
        raise UnsupportedFormat("binary data: the file is not PDF, DOCX, HTML, Markdown or plain text")
    return text, "cp1252"


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding).

    Raises UnsupportedFormat when the bytes look binary, EmptyDocument when nothing is left.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                raise UnsupportedFormat(
                    f"the file starts with a {enc} byte-order mark but is not {enc} text"
                ) from exc
            break
    else:
        text, enc = _decode_no_bom(data)
    sample = text[:20000]
    if sample:
        bad = len(_CONTROL_RE.findall(sample)) + sample.count("\ufffd")
        if bad > max(2, 0.01 * len(sample)):
            raise UnsupportedFormat("binary data: the file is not PDF, DOCX, HTML, Markdown or plain text")
    if not text.strip():
        raise EmptyDocument("the document holds no text")
    return text, enc


def fold_ligatures(text: str) -> str:
    """Spell out typographic ligatures ("\ufb01" -> "fi"); text without them comes back as it is."""
    return text.translate(_LIGATURES) if _LIGATURE_RE.search(text) else text


def normalize_text(text: str) -> str:
    """Unify line breaks and spaces; at most one blank line between blocks; no control characters or
    ligatures."""
    text = fold_ligatures(unicodedata.normalize("NFC", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _ZERO_WIDTH_RE.sub("", text)
    text = _CONTROL_RE.sub("", text)
    lines = []
    for line in text.split("\n"):
        line = _HSPACE_RE.sub(lambda m: "\t" if "\t" in m.group() else " ", line).strip()
        lines.append(line)
    return _BLANKS_RE.sub("\n\n", "\n".join(lines)).strip("\n")


# --- Markdown -------------------------------------------------------------------------------------

_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+\S", re.M)
_MD_LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MD_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_ITALIC_STAR_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_ITALIC_UNDER_RE = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_MD_CODE_RE = re.compile(r"`([^`\n]+)`")
_MD_AUTOLINK_RE = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_MD_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_LIST_RE = re.compile(r"^(\s*)[-*+]\s+(?!\[[ xX]\])")
_MD_TASK_RE = re.compile(r"^(\s*)[-*+]\s+\[[ xX]\]\s+")
_MD_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_HR_RE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def looks_like_markdown(text: str) -> bool:
    """True when the text carries Markdown markup (headings, links, emphasis, tables, fences)."""
    sample = text[:20000]
    headings = len(_MD_HEADING_RE.findall(sample))
    links = len(_MD_LINK_RE.findall(sample))
    bold = len(_MD_BOLD_RE.findall(sample))
    fences = sum(1 for line in sample.split("\n") if _MD_FENCE_RE.match(line))
    tables = sum(1 for line in sample.split("\n") if _MD_TABLE_SEP_RE.match(line) and "|" in line)
    score = 2 * headings + 2 * links + bold + 2 * fences + 3 * tables
    return score >= 3 or (headings >= 1 and (links + bold) >= 1)


def _link_text(match: re.Match[str]) -> str:
    label, url = match.group(1).strip(), match.group(2).strip()
    if match.group(0).startswith("!"):
        return label
    if url.lower().startswith("mailto:"):
        url = url[7:]
    if not url or url == label or label.endswith(url):
        return label or url
    if not label:
        return url
    return f"{label} ({url})"


def _md_inline(line: str) -> str:
    line = _MD_CODE_RE.sub(r"\1", line)
    line = _MD_LINK_RE.sub(_link_text, line)
    line = _MD_AUTOLINK_RE.sub(lambda m: m.group(1).removeprefix("mailto:"), line)
    line = _MD_BOLD_RE.sub(r"\2", line)
    line = _MD_ITALIC_STAR_RE.sub(r"\1", line)
    line = _MD_ITALIC_UNDER_RE.sub(r"\1", line)
    line = re.sub(r"<br\s*/?>", "\n", line, flags=re.I)
    return _MD_ESCAPE_RE.sub(r"\1", line)


def markdown_to_text(text: str) -> str:
    """Strip Markdown markup, keeping the words, link targets, list items (as '• ') and table cells."""
    out: list[str] = []
    in_fence = False
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, raw in enumerate(lines):
        if _MD_FENCE_RE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(raw)
            continue
        line = raw
        prev = out[-1].strip() if out else ""
        if _MD_SETEXT_RE.match(line) and prev and i > 0 and lines[i - 1].strip():
            out.append("")  # underline of a setext heading: the heading stays, a break follows
            continue
        if _MD_HR_RE.match(line):
            out.append("")
            continue
        if "|" in line and _MD_TABLE_SEP_RE.match(line):
            continue
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            cells = [c.strip() for c in stripped[1:-1].split("|")]
            line = " | ".join(c for c in cells if c)
        while True:
            quoted = re.sub(r"^\s{0,3}>\s?", "", line)
            if quoted == line:
                break
            line = quoted
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"\s+#+\s*$", "", line) if raw.lstrip().startswith("#") else line
        line = _MD_TASK_RE.sub(r"\1• ", line)
        line = _MD_LIST_RE.sub(r"\1• ", line)
        out.append(_md_inline(line))
    return "\n".join(out)


def extract_text(data: bytes, *, markdown: bool = False) -> tuple[str, str]:
    """Decode and normalize a text or Markdown file; returns (text, encoding)."""
    text, encoding = decode_bytes(data)
    if markdown:
        text = markdown_to_text(text)
    return normalize_text(text), encoding
