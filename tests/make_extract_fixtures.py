"""Regenerate tests/data/extract/: generated sample resumes (every format and layout), hostile and broken
inputs, the ground truth of each sample (`*.spec.json`) and the expected text of the formats whose
extraction is entirely our own code (`*.expected.txt`).

Run explicitly: `.venv/bin/python tests/make_extract_fixtures.py`. Tests never regenerate fixtures.
"""

from __future__ import annotations

import dataclasses
import io
import json
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tests" / "data" / "extract"
SEED = 20240611


def _write(name: str, data: bytes | str) -> None:
    path = OUT / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size:,} bytes)")


def _spec_json(spec: object) -> str:
    return json.dumps(dataclasses.asdict(spec), indent=2, ensure_ascii=False) + "\n"  # type: ignore[call-overload]


def _long_spec(spec: object) -> object:
    """A copy with more positions and bullets, so that every layout runs onto a second page."""
    from evaluation.synthetic import Position, ResumeSpec

    assert isinstance(spec, ResumeSpec)
    positions = list(spec.positions)
    year = positions[-1].start[0]
    for i in range(5):
        template = spec.positions[i % len(spec.positions)]
        positions.append(
            Position(
                title=template.title,
                employer=f"{template.employer} (contract {i + 1})",
                location=template.location,
                start=(year - 2 * (i + 1), 3),
                end=(year - 2 * i - 1, 1),
                bullets=[*template.bullets, f"Delivered project number {i + 1} on time and within budget"],
            )
        )
    return dataclasses.replace(spec, positions=positions)


def _minimal_docx(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def main() -> int:
    sys.path.insert(0, str(REPO))
    from reportlab.lib import pdfencrypt
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    from evaluation.synthetic import (
        generate_specs,
        render_docx,
        render_html,
        render_markdown,
        render_pdf,
        render_text,
    )

    OUT.mkdir(parents=True, exist_ok=True)
    specs = generate_specs(6, seed=SEED)
    base = specs[0]
    long = _long_spec(specs[1])

    # Layouts: one page each, and a long resume that runs onto more pages (running header and footer).
    _write("resume.spec.json", _spec_json(base))
    for layout in ("single", "two_column", "sidebar"):
        _write(f"resume_{layout}.pdf", render_pdf(base, layout))  # type: ignore[arg-type]
    _write("long.spec.json", _spec_json(long))
    for layout in ("single", "two_column"):
        _write(f"long_{layout}.pdf", render_pdf(long, layout))  # type: ignore[arg-type]

    # DOCX: plain, tables, header/footer + text box.
    _write("resume.docx", render_docx(base))
    _write("resume_tables.docx", render_docx(base, with_table=True))
    _write("resume_header_textbox.docx", render_docx(base, with_header=True, with_textbox=True))

    # Text formats.
    _write("resume.txt", render_text(base))
    _write("resume.md", render_markdown(base))
    _write("resume.html", render_html(base))
    _write("resume_cp1252.txt", render_text(base).encode("cp1252", errors="replace"))
    _write("resume_utf16.txt", render_text(base).encode("utf-16"))

    # Expected text for the formats whose extraction is all our own code.
    from parsers.extract import extract_document

    for name in (
        "resume.docx",
        "resume_tables.docx",
        "resume_header_textbox.docx",
        "resume.txt",
        "resume.md",
        "resume.html",
    ):
        text = extract_document((OUT / name).read_bytes()).text
        _write(name.rsplit(".", 1)[0] + "." + name.rsplit(".", 1)[1] + ".expected.txt", text + "\n")

    # Bad inputs ------------------------------------------------------------------------------------
    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption("user-secret", ownerPassword="owner-secret", canPrint=0, strength=128)
    c = canvas.Canvas(buf, pagesize=LETTER, encrypt=enc, invariant=1)
    c.drawString(72, 720, "Jane Encrypted - Senior Accountant - Financial Reporting")
    c.showPage()
    c.save()
    _write("encrypted.pdf", buf.getvalue())

    # Owner password only (empty user password): opens without a password, so it must be read.
    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption("", ownerPassword="owner-secret", canPrint=1, canCopy=0, strength=128)
    c = canvas.Canvas(buf, pagesize=LETTER, encrypt=enc, invariant=1)
    c.drawString(72, 720, "Owner Restricted - Registered Nurse - Patient Care and Triage")
    c.showPage()
    c.save()
    _write("owner_password_only.pdf", buf.getvalue())

    # A "scan": a page-sized raster image and some vector shapes, no text layer.
    from PIL import Image, ImageDraw

    img = Image.new("L", (425, 550), 255)
    draw = ImageDraw.Draw(img)
    for y in range(40, 520, 18):
        draw.rectangle((30, y, 30 + (y * 7) % 330 + 40, y + 8), fill=40)
    png = io.BytesIO()
    img.save(png, format="PNG")
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER, invariant=1)
    for _ in range(2):
        c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, width=612, height=792)
        c.rect(50, 50, 100, 40, fill=1)
        c.showPage()
    c.save()
    _write("image_only.pdf", buf.getvalue())

    # The same scan with a scanner app's stamp as its only text.
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER, invariant=1)
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, width=612, height=792)
    c.setFont("Helvetica", 6)
    c.drawString(520, 20, "Scanned by an app")
    c.showPage()
    c.save()
    _write("scan_with_stamp.pdf", buf.getvalue())

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER, invariant=1)
    c.showPage()
    c.save()
    _write("blank_page.pdf", buf.getvalue())

    good_pdf = (OUT / "resume_single.pdf").read_bytes()
    _write("corrupt.pdf", b"%PDF-1.7\n" + bytes((i * 37 + 11) % 256 for i in range(3000)))
    _write("truncated.pdf", good_pdf[: len(good_pdf) // 3])

    # DOCX zip bomb: 150 MB of one byte deflates to about 150 KB.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(
            "word/document.xml",
            b"<w:document " + _W.encode() + b"><w:body>" + b" " * 150_000_000 + b"</w:body></w:document>",
        )
    _write("zip_bomb.docx", buf.getvalue())

    # Many entries.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", f"<w:document {_W}><w:body/></w:document>")
        for i in range(2500):
            zf.writestr(f"word/media/x{i}.bin", b"")
    _write("many_entries.docx", buf.getvalue())

    # External entity (XXE) and entity expansion (billion laughs) in document.xml.
    xxe = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        f"<w:document {_W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    _write("xxe.docx", _minimal_docx(xxe.encode()))
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
        f"<w:document {_W}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
    )
    _write("billion_laughs.docx", _minimal_docx(laughs.encode()))
    _write("broken_xml.docx", _minimal_docx(f"<w:document {_W}><w:body><w:p><w:r><w:t>Jane".encode()))
    _write("truncated.docx", (OUT / "resume.docx").read_bytes()[:3000])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
