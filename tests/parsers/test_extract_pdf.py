"""PDF extraction on generated golden files: reading order of column layouts, running header/footer removal,
ground truth present, with both engines."""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from evaluation.synthetic import ResumeSpec, spec_from_dict
from parsers.extract import ExtractedDocument, extract_document
from parsers.packaged import default_data_dir
from parsers.pdf import Fragment, Line, _wide_advances, drop_repeated_margins, find_gutter, layout_page

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"
ENGINES = ("pypdfium2", "pdfminer")


@cache
def extracted(name: str, engine: str) -> ExtractedDocument:
    return extract_document((DATA / name).read_bytes(), pdf_engine=engine)


@cache
def spec(name: str) -> ResumeSpec:
    return spec_from_dict(json.loads((DATA / name).read_text(encoding="utf-8")))


def flat(text: str) -> str:
    """Whitespace-insensitive form: wrapped lines in narrow columns still match."""
    return " ".join(text.split())


def bullets_in_order(text: str, resume: ResumeSpec) -> list[int]:
    body = flat(text)
    found = []
    cursor = 0
    for pos in resume.positions:
        for bullet in pos.bullets:
            at = body.find(flat(bullet), cursor)
            assert at >= 0, f"bullet missing or out of order: {bullet!r}"
            found.append(at)
            cursor = at + 1
    return found


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", ["single", "two_column", "sidebar"])
def test_ground_truth_present(layout: str, engine: str) -> None:
    doc = extracted(f"resume_{layout}.pdf", engine)
    resume = spec("resume.spec.json")
    assert doc.format == "pdf" and doc.pages == 1 and doc.engine == engine
    body = flat(doc.text)
    for value in [
        resume.name,
        resume.email,
        resume.phone,
        resume.summary,
        *resume.skills,
        *resume.certifications,
    ]:
        assert flat(value) in body
    for pos in resume.positions:
        assert pos.employer in body and pos.title in body
    for ed in resume.education:
        assert ed.institution in body
    bullets_in_order(doc.text, resume)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", ["two_column", "sidebar"])
def test_columns_are_not_interleaved(layout: str, engine: str) -> None:
    """The narrow column is read whole, then the experience column: the skill list is one run of lines
    and nothing from the skills/education/languages column falls between experience bullets."""
    doc = extracted(f"resume_{layout}.pdf", engine)
    resume = spec("resume.spec.json")
    lines = [line.strip() for line in doc.text.splitlines()]
    first_job = lines.index(next(line for line in lines if resume.positions[0].employer in line))
    # The side column comes first and its skill list is one run of lines.
    skill_rows = [i for i, line in enumerate(lines[:first_job]) if line in resume.skills]
    assert len(skill_rows) == len(resume.skills)
    assert skill_rows == list(range(skill_rows[0], skill_rows[0] + len(skill_rows)))

    at = bullets_in_order(doc.text, resume)
    experience = flat(doc.text)[at[0] : at[-1]]
    side_only = [ed.institution for ed in resume.education] + [f"{n} ({lvl})" for n, lvl in resume.languages]
    side_only += resume.certifications
    for marker in side_only:
        assert marker not in experience, f"{marker!r} interleaved into the experience column"


@pytest.mark.parametrize("engine", ENGINES)
def test_two_column_full_width_header_stays_on_top(engine: str) -> None:
    doc = extracted("resume_two_column.pdf", engine)
    resume = spec("resume.spec.json")
    lines = [line for line in doc.text.splitlines() if line.strip()]
    assert lines[0] == resume.name
    assert lines[1] == resume.headline
    assert resume.email in lines[2]
    assert flat(doc.text).index(flat(resume.summary)) < flat(doc.text).index(resume.skills[0])


@pytest.mark.parametrize("engine", ENGINES)
def test_sidebar_read_before_main_column(engine: str) -> None:
    doc = extracted("resume_sidebar.pdf", engine)
    resume = spec("resume.spec.json")
    body = flat(doc.text)
    sidebar_end = body.index(f"{resume.languages[-1][0]} ({resume.languages[-1][1]})")
    assert body.index(resume.email) < sidebar_end < body.index(resume.name) < body.index(flat(resume.summary))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", ["single", "two_column"])
def test_running_header_and_footer_removed(layout: str, engine: str) -> None:
    doc = extracted(f"long_{layout}.pdf", engine)
    resume = spec("long.spec.json")
    assert doc.pages == 2
    assert "Page 1 of 2" not in doc.text and "Page 2 of 2" not in doc.text
    running = f"{resume.name} – {resume.headline}"
    # Repeated word for word on every page: kept once (it may carry the name), never repeated.
    assert doc.text.count(running) == 1
    assert any("header/footer" in w for w in doc.warnings)
    bullets_in_order(doc.text, resume)


def test_engines_agree_on_words() -> None:
    a = extracted("resume_single.pdf", "pypdfium2").text.split()
    b = extracted("resume_single.pdf", "pdfminer").text.split()
    assert difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() > 0.98


def test_owner_password_only_pdf_is_read() -> None:
    doc = extract_document((DATA / "owner_password_only.pdf").read_bytes())
    assert "Registered Nurse - Patient Care and Triage" in doc.text


# --- layout unit tests on hand-made fragments --------------------------------------------------------


def _column(x0: float, x1: float, top: float, texts: list[str], step: float = 14.0) -> list[Fragment]:
    return [Fragment(x0, x1, top - i * step - 10, top - i * step, t) for i, t in enumerate(texts)]


def test_gutter_found_between_columns_and_header_kept_on_top() -> None:
    header = [Fragment(50, 560, 760, 775, "Jane Doe, Nurse")]
    left = _column(50, 200, 700, [f"L{i}" for i in range(8)])
    right = _column(230, 560, 700, [f"R{i}" for i in range(8)])
    frags = header + [f for pair in zip(left, right, strict=True) for f in pair]  # stream interleaved
    gutter = find_gutter(frags, 612, 792)
    assert gutter is not None and 200 <= gutter <= 230
    text = [line.text for line in layout_page(frags, 612, 792)]
    assert text == ["Jane Doe, Nurse"] + [f"L{i}" for i in range(8)] + [f"R{i}" for i in range(8)]


def test_single_column_with_right_aligned_dates_is_not_split() -> None:
    frags: list[Fragment] = []
    top = 700.0
    for job in range(4):
        frags.append(Fragment(50, 200, top - 10, top, f"Engineer {job}"))
        frags.append(Fragment(480, 560, top - 10, top, f"201{job} – 201{job + 1}"))
        for b in range(3):
            y = top - 14 * (b + 1)
            frags.append(Fragment(60, 540, y - 10, y, f"bullet {job}.{b} spans the whole line width"))
        top -= 70
    assert find_gutter(frags, 612, 792) is None
    lines = [line.text for line in layout_page(frags, 612, 792)]
    assert lines[0] == "Engineer 0 2010 – 2011"
    assert lines[1].startswith("bullet 0.0")


def test_blank_line_between_blocks() -> None:
    frags = _column(50, 300, 700, ["Heading", "line a", "line b"]) + _column(50, 300, 640, ["Next", "line c"])
    lines = layout_page(frags, 612, 792)
    assert [line.gap_before for line in lines] == [False, False, False, True, False]


def _page(lines: list[tuple[str, float]]) -> list[Line]:
    return [Line(text=t, center=y, gap_before=False, height=10) for t, y in lines]


def test_repeated_margins_need_same_height_and_page_numbers() -> None:
    pages = [
        _page(
            [
                ("Jane Doe - Resume", 770),
                ("Body one", 700),
                ("Company Name City , State", 120),
                ("Page 1 of 3", 30),
            ]
        ),
        _page(
            [
                ("Jane Doe - Resume", 771),
                ("Company Name City , State", 690),
                ("Body two", 400),
                ("Page 2 of 3", 30),
            ]
        ),
        _page(
            [("Jane Doe - Resume", 770), ("Body three", 700), ("08/2008 to 10/2008", 60), ("Page 3 of 3", 30)]
        ),
    ]
    out, dropped = drop_repeated_margins(pages)
    texts = [[line.text for line in page] for page in out]
    assert texts == [
        ["Jane Doe - Resume", "Body one", "Company Name City , State"],
        ["Company Name City , State", "Body two"],
        ["Body three", "08/2008 to 10/2008"],
    ]
    assert dropped == 5


def test_date_lines_at_the_same_height_are_not_page_numbers() -> None:
    pages = [
        _page([("Title", 700), ("01/2019 to 03/2020", 40)]),
        _page([("Other", 700), ("04/2015 to 12/2018", 40)]),
    ]
    out, dropped = drop_repeated_margins(pages)
    assert dropped == 0 and [len(p) for p in out] == [2, 2]


def test_right_sidebar_read_after_main_column() -> None:
    main = _column(50, 400, 700, [f"main {i} with a long line of text" for i in range(12)])
    side = _column(430, 560, 700, [f"side {i}" for i in range(6)])
    frags = sorted(main + side, key=lambda f: (-f.center, f.x0))  # stream order: row by row
    lines = [line.text for line in layout_page(frags, 612, 792)]
    assert lines == [f.text for f in main] + [f.text for f in side]


def test_default_engine_is_pypdfium2() -> None:
    assert extracted("resume_single.pdf", "pypdfium2").engine == "pypdfium2"
    assert extract_document((DATA / "resume_single.pdf").read_bytes()).engine == "pypdfium2"


def test_sparse_dates_column_stays_with_its_rows() -> None:
    """Dates in a left margin column, one per job: each date stays on its job's line."""
    frags: list[Fragment] = []
    top = 700.0
    for job in range(5):
        frags.append(Fragment(50, 120, top - 10, top, f"201{job}-201{job + 1}"))
        frags.append(Fragment(160, 400, top - 10, top, f"Job {job} title"))
        for b in range(4):
            y = top - 14 * (b + 1)
            frags.append(Fragment(160, 380, y - 10, y, f"bullet {job}.{b}"))
        top -= 80
    assert find_gutter(frags, 612, 792) is None
    lines = [line.text for line in layout_page(frags, 612, 792)]
    assert lines[:2] == ["2010-2011 Job 0 title", "bullet 0.0"]


@pytest.mark.parametrize("seed", range(4))
def test_generated_layouts_keep_jobs_together(seed: int) -> None:
    """Across generated resumes and layouts: bullets in order; in the single layout each job's dates are on
    its title line (or just below a wrapped title); in column layouts the experience run holds nothing from the side column."""
    from evaluation.synthetic import format_range, generate_specs, render_pdf

    for resume in generate_specs(3, seed=100 + seed):
        for layout in ("single", "two_column", "sidebar"):
            text = extract_document(render_pdf(resume, layout)).text
            at = bullets_in_order(text, resume)
            lines = text.splitlines()
            for pos in resume.positions:
                dates = format_range(resume, pos.start, pos.end)
                row = next(i for i, line in enumerate(lines) if pos.employer in line)
                assert dates in " ".join(lines[row : row + 3]), (layout, dates)
            if layout != "single":
                experience = flat(text)[at[0] : at[-1]]
                assert not any(f"{n} ({lvl})" in experience for n, lvl in resume.languages)


def _advances(codes: list[int], lefts: list[float], widths: list[float], size: float = 10.0) -> list[bool]:
    """`_wide_advances` on one line of glyphs, every neighbour pair adjacent (one text run)."""
    n = len(codes)
    left = np.array(lefts, dtype=float)
    return _wide_advances(
        np.array(codes),
        left,
        left + np.array(widths, dtype=float),
        np.full(n, size),
        np.ones(n - 1, dtype=bool),
        np.full(n - 1, size),
    ).tolist()


def test_wide_advance_after_an_overhanging_glyph_is_a_space() -> None:
    # "o f o f B": the glyph f (code 2) steps 5 pt within words, then 7 pt before B, while its box (6 pt wide,
    # the overhang) reaches past the 1 pt of space that the move left, so no box gap shows it
    codes = [1, 2, 1, 2, 3]
    assert _advances(codes, [0, 5, 10, 15, 22], [5, 6, 5, 6, 5]) == [False, False, False, True]
    # one pt more than usual (0.1 of the size) is kerning, not a space
    assert _advances(codes, [0, 5, 10, 15, 21], [5, 6, 5, 6, 5]) == [False, False, False, False]


def test_glyph_seen_once_or_not_adjacent_gets_no_space() -> None:
    # each glyph steps once: nothing to compare with
    assert _advances([1, 2, 3], [0, 5, 20], [5, 6, 5]) == [False, False]
    left = np.array([0.0, 5.0, 10.0, 15.0, 22.0])
    got = _wide_advances(
        np.array([1, 2, 1, 2, 3]),
        left,
        left + 5.0,
        np.full(5, 10.0),
        np.array([True, True, True, False]),  # the last pair is two fragments: spaced elsewhere
        np.full(4, 10.0),
    )
    assert not got.any()


LIVECAREER = default_data_dir() / "ranking" / "livecareer_dev"


@pytest.mark.skipif(
    not LIVECAREER.is_dir(), reason="shared data (../shared/data/ranking) not found; skipping"
)
def test_positional_word_spaces_are_kept_in_livecareer_pdfs() -> None:
    # Most livecareer PDFs set word spaces by moving the next glyph; PDFium's own text then glues words
    # ("Master ofBusiness"). Every 50th file: before the fix 143 such joins in 26 files, after it 6.
    glued = re.compile(r"\b(?:of|and|the|in|to|for|with)[A-Z][a-z]+")
    files = sorted(LIVECAREER.rglob("*.pdf"))[::50]
    assert files, f"no PDFs under {LIVECAREER}"
    joins = sum(len(glued.findall(extract_document(f.read_bytes()).text)) for f in files)
    assert joins <= len(files) // 2
