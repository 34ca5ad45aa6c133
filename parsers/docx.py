"""DOCX: text of the body (paragraphs, tables, text boxes, content controls) in document order, with the
page header first and the footer last.

The container is untrusted: entry count, declared and actual uncompressed sizes and compression ratios are
checked while reading (zip bombs), only the parts that hold text are inflated, and XML with a DOCTYPE or
entity declarations is refused (external entities, billion laughs). XML is parsed by lxml with entity
resolution, DTD loading and network access off.
"""

from __future__ import annotations

import io
import logging
import posixpath
import re
import zipfile
from typing import Any

from models.errors import CorruptDocument, EmptyDocument, EncryptedDocument, UnsafeDocument
from parsers.limits import Limits
from parsers.text import normalize_text

logger = logging.getLogger(__name__)

_CHUNK = 64 * 1024
# Ratios are only meaningful for parts of some size: small XML compresses very well.
_RATIO_FLOOR_BYTES = 1_000_000
_MAX_DEPTH = 60
_PAGE_NUMBER_RE = re.compile(r"^(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.I)
_DTD_RE = re.compile(rb"<!\s*(doctype|entity)", re.I)

_HEADING_STYLES = ("heading", "title", "subtitle")


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


class _SafeZip:
    """Reads members of an untrusted ZIP within the configured limits."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        self.limits = limits
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise CorruptDocument("the DOCX file is damaged (not a readable ZIP container)") from exc
        if len(infos) > limits.max_zip_entries:
            raise UnsafeDocument(
                f"the DOCX container holds {len(infos):,} entries; the limit is {limits.max_zip_entries:,}"
            )
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_unzipped_bytes:
            raise UnsafeDocument(
                f"the DOCX would unpack to {declared:,} bytes; the limit is {limits.max_unzipped_bytes:,} (zip bomb?)"
            )
        for info in infos:
            if info.file_size > _RATIO_FLOOR_BYTES and info.file_size > limits.max_zip_ratio * max(
                info.compress_size, 1
            ):
                raise UnsafeDocument(
                    "the DOCX container has a part compressed over the safe ratio (zip bomb?)"
                )
        self.infos = {i.filename: i for i in infos}
        self.budget = limits.max_unzipped_bytes

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        """Inflate one member, counting real bytes against its declared size, the ratio and the budget."""
        info = self.infos[name]
        if info.flag_bits & 0x1:
            raise EncryptedDocument("the DOCX is password protected; remove the password and upload again")
        out = bytearray()
        try:
            with self.zf.open(info) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > info.file_size or len(out) > self.budget:
                        raise UnsafeDocument(
                            "a DOCX part unpacks to more than it declares or than the limit (zip bomb?)"
                        )
                    if len(out) > _RATIO_FLOOR_BYTES and len(out) > self.limits.max_zip_ratio * max(
                        info.compress_size, 1
                    ):
                        raise UnsafeDocument(
                            "a DOCX part unpacks over the safe compression ratio (zip bomb?)"
                        )
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise CorruptDocument("the DOCX file is damaged (a part cannot be unpacked)") from exc
        except RuntimeError as exc:  # zipfile: "File is encrypted, password required"
            raise EncryptedDocument(
                "the DOCX is password protected; remove the password and upload again"
            ) from exc
        self.budget -= len(out)
        return bytes(out)


def parse_xml_safely(raw: bytes, what: str = "DOCX") -> Any:
    """Parse untrusted XML: no DTD, no entities, no network. Raises UnsafeDocument or CorruptDocument."""
    from lxml import etree

    head = raw[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    if _DTD_RE.search(head) or b"<!ENTITY" in raw:
        raise UnsafeDocument(
            f"the {what} holds XML with a DOCTYPE or entity declarations, which are not allowed"
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(raw, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise CorruptDocument(f"the {what} holds broken XML") from exc
    if root is None:
        raise CorruptDocument(f"the {what} holds an empty XML part")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise UnsafeDocument(f"the {what} holds XML with a DOCTYPE, which is not allowed")
    return root


class _Walker:
    """Turns WordprocessingML block containers into lines ('' = blank line)."""

    def __init__(self, links: dict[str, str] | None = None) -> None:
        self.lines: list[str] = []
        self.links = links or {}  # relationship id -> external URL (hyperlinks)

    # Block level ---------------------------------------------------------------------------------
    def container(self, el: Any, depth: int = 0) -> None:
        if depth > _MAX_DEPTH:
            raise CorruptDocument("the DOCX nests tables or text boxes too deeply")
        for child in el:
            name = _local(child.tag)
            if name == "p":
                self.paragraph(child, depth)
            elif name == "tbl":
                self.table(child, depth)
            elif name in ("sdt", "customXml", "smartTag"):
                content = next((c for c in child if _local(c.tag) == "sdtContent"), child)
                self.container(content, depth + 1)
            elif name == "AlternateContent":
                self.container(self._choose(child), depth + 1)
            elif name in ("ins", "moveTo"):
                self.container(child, depth + 1)

    @staticmethod
    def _choose(alt: Any) -> Any:
        """mc:AlternateContent holds the same content twice (modern Choice, legacy Fallback): take one."""
        choices = [c for c in alt if _local(c.tag) == "Choice"]
        for choice in choices:
            if any(_local(e.tag) in ("t", "txbxContent") for e in choice.iter()):
                return choice
        fallback = next((c for c in alt if _local(c.tag) == "Fallback"), None)
        return fallback if fallback is not None else (choices[0] if choices else alt)

    def table(self, tbl: Any, depth: int) -> None:
        self.lines.append("")
        for row in tbl.iter("{*}tr"):
            if row.getparent() is not tbl and _local(row.getparent().tag) not in ("sdtContent", "customXml"):
                continue  # rows of nested tables are handled by the cell that holds them
            cells: list[list[str]] = []
            for tc in row:
                if _local(tc.tag) == "sdt":
                    tc = next((c for c in tc.iter("{*}tc")), None)
                    if tc is None:
                        continue
                if _local(tc.tag) != "tc":
                    continue
                sub = _Walker(self.links)
                sub.container(tc, depth + 1)
                cells.append([line for line in sub.lines if line.strip()])
            filled = [c for c in cells if c]
            if not filled:
                continue
            if all(len(c) == 1 for c in filled):
                self.lines.append(" | ".join(c[0] for c in filled))
            else:
                # A layout row (dates | job with bullets): read cell by cell, the row as one block.
                if self.lines and self.lines[-1] != "":
                    self.lines.append("")
                for c in filled:
                    self.lines.extend(c)
                self.lines.append("")
        self.lines.append("")

    def paragraph(self, p: Any, depth: int) -> None:
        style = ""
        listed = False
        ppr = next((c for c in p if _local(c.tag) == "pPr"), None)
        if ppr is not None:
            for c in ppr:
                name = _local(c.tag)
                if name == "pStyle":
                    style = (
                        c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") or ""
                    ).lower()
                    if not style:
                        style = next((v for k, v in c.attrib.items() if _local(k) == "val"), "").lower()
                elif name == "numPr":
                    listed = True
        heading = style.startswith(_HEADING_STYLES)
        listed = not heading and (listed or style.startswith("list") or "bullet" in style)
        parts: list[str] = []
        boxes: list[Any] = []
        self._inline(p, parts, boxes, depth)
        text = "".join(parts)
        if heading and self.lines and self.lines[-1] != "":
            self.lines.append("")
        if text.strip():
            for i, line in enumerate(text.split("\n")):
                self.lines.append(f"• {line}" if listed and i == 0 else line)
        elif not boxes:
            self.lines.append("")
        for box in boxes:
            self.container(box, depth + 1)

    def _inline(self, el: Any, parts: list[str], boxes: list[Any], depth: int) -> None:
        stack = list(reversed(list(el)))
        while stack:
            node = stack.pop()
            name = _local(node.tag)
            if name == "t":
                parts.append(node.text or "")
            elif name in ("tab", "ptab"):
                parts.append("\t")
            elif name in ("br", "cr"):
                parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name == "txbxContent":
                boxes.append(node)
            elif name == "AlternateContent":
                stack.append(self._choose(node))
            elif name == "hyperlink":
                self._hyperlink(node, parts, boxes, depth)
            elif name in ("pPr", "rPr", "delText", "instrText", "del", "moveFrom", "footnoteReference",
                          "endnoteReference", "commentReference", "fldData"):  # fmt: skip
                continue
            else:
                stack.extend(reversed(list(node)))

    def _hyperlink(self, node: Any, parts: list[str], boxes: list[Any], depth: int) -> None:
        """Link text, then the target in parentheses when the text does not show it (a "LinkedIn" link)."""
        if depth > _MAX_DEPTH:
            raise CorruptDocument("the DOCX nests hyperlinks too deeply")
        inner: list[str] = []
        self._inline(node, inner, boxes, depth + 1)
        text = "".join(inner)
        parts.append(text)
        rid = next((v for k, v in node.attrib.items() if _local(k) == "id" and "relationships" in k), None)
        url = self.links.get(rid or "", "")
        shown = url.removeprefix("mailto:")
        if shown and text.strip() and shown not in text:
            parts.append(f" ({shown})")


def _rels(zipped: _SafeZip, part: str) -> list[tuple[str, str]]:
    """(type suffix, target part name) of a part's internal relationships."""
    return [(kind, target) for _, kind, target, external in _relationships(zipped, part) if not external]


def _relationships(zipped: _SafeZip, part: str) -> list[tuple[str, str, str, bool]]:
    """(id, type suffix, target, external) of a part's relationships; internal targets as part names."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    if not zipped.has(rels_name):
        return []
    root = parse_xml_safely(zipped.read(rels_name))
    out = []
    for rel in root:
        target = rel.get("Target") or ""
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        external = rel.get("TargetMode") == "External"
        if not external:
            target = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
        out.append((rel.get("Id") or "", kind, target, external))
    return out


def _links(zipped: _SafeZip, part: str) -> dict[str, str]:
    return {
        rid: target
        for rid, kind, target, external in _relationships(zipped, part)
        if external and kind == "hyperlink" and target.lower().startswith(("http://", "https://", "mailto:"))
    }


def _page_count(zipped: _SafeZip) -> int:
    """Pages as Word last counted them (docProps/app.xml), else 1."""
    if not zipped.has("docProps/app.xml"):
        return 1
    try:
        root = parse_xml_safely(zipped.read("docProps/app.xml"))
    except CorruptDocument:
        return 1
    pages = next((el.text for el in root if _local(el.tag) == "Pages"), None)
    return int(pages) if pages and pages.strip().isdigit() and 0 < int(pages) < 10_000 else 1


def _part_lines(zipped: _SafeZip, name: str) -> list[str]:
    if not zipped.has(name):
        return []
    walker = _Walker(_links(zipped, name))
    root = parse_xml_safely(zipped.read(name))
    body = next((c for c in root if _local(c.tag) == "body"), root)
    walker.container(body)
    return walker.lines


def extract_docx(data: bytes, *, limits: Limits) -> tuple[str, int, list[str]]:
    """Text of a DOCX in document order (header, body, footer); returns (text, pages, warnings).

    Raises CorruptDocument, UnsafeDocument (zip bomb, DTD/entities), EncryptedDocument, EmptyDocument.
    """
    zipped = _SafeZip(data, limits)
    main = "word/document.xml"
    for kind, target in _rels(zipped, ""):  # package relationships: _rels/.rels
        if kind == "officeDocument" and zipped.has(target):
            main = target
    if not zipped.has(main):
        raise CorruptDocument("the DOCX has no main document part")
    body = _part_lines(zipped, main)
    rels = _rels(zipped, main)
    notes: list[str] = []
    header: list[str] = []
    footer: list[str] = []
    seen: set[str] = set()
    for kind, target in sorted(rels, key=lambda r: r[1]):
        if kind not in ("header", "footer"):
            continue
        lines = [
            line
            for line in _part_lines(zipped, target)
            if line.strip() and not _PAGE_NUMBER_RE.match(line.strip())
        ]
        key = "\n".join(lines)
        if not lines or key in seen:
            continue
        seen.add(key)
        (header if kind == "header" else footer).extend([*lines, ""])
    if header or footer:
        notes.append("page header/footer text included")
    text = normalize_text("\n".join([*header, "", *body, "", *footer]))
    if not text:
        raise EmptyDocument("the DOCX holds no text")
    return text, _page_count(zipped), notes
