"""The synthetic resume generator: deterministic, varied, realistic, and its renderers carry the ground truth."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from evaluation.synthetic import (
    DATE_STYLES,
    OCCUPATIONS,
    REFERENCE_DATE,
    ResumeSpec,
    format_date,
    format_range,
    generate_specs,
    render_docx,
    render_html,
    render_markdown,
    render_pdf,
    render_text,
    spec_from_dict,
)
from parsers.extract import extract_document


@pytest.fixture(scope="module")
def pool() -> list[ResumeSpec]:
    return generate_specs(220, seed=11)


def test_deterministic_and_seed_dependent() -> None:
    assert generate_specs(15, seed=3) == generate_specs(15, seed=3)
    assert generate_specs(15, seed=3) != generate_specs(15, seed=4)


def test_pool_is_varied(pool: list[ResumeSpec]) -> None:
    occupations = Counter(s.occupation for s in pool)
    assert len(occupations) >= 8 and set(occupations) == set(OCCUPATIONS)
    assert max(occupations.values()) - min(occupations.values()) <= 1  # spread evenly
    assert len({s.name for s in pool}) == len(pool)
    assert len({s.email for s in pool}) == len(pool)
    assert len({s.date_style for s in pool}) == len(DATE_STYLES)
    assert len({s.positions[0].title for s in pool}) > 60


def test_occupations_filter() -> None:
    specs = generate_specs(10, seed=1, occupations=["nursing", "chef"])
    assert {s.occupation for s in specs} == {"nursing", "chef"}
    with pytest.raises(ValueError, match="unknown occupations"):
        generate_specs(1, seed=1, occupations=["astronaut"])


def test_careers_are_consistent(pool: list[ResumeSpec]) -> None:
    for s in pool:
        assert 2 <= len(s.positions) <= 5
        later = None
        for pos in s.positions:  # most recent first, no overlaps, inside the reference date
            end = pos.end or REFERENCE_DATE
            assert pos.start < end <= REFERENCE_DATE
            if later is not None:
                assert end <= later.start
            later = pos
            assert 2 <= len(pos.bullets) <= 5
        assert all(p.end is not None for p in s.positions[1:])
        assert s.education and all(e.start < e.end for e in s.education)
        assert s.education[0].end[0] <= s.positions[-1].start[0]
        assert s.languages[0][0] == "English"
        assert re.fullmatch(r"[a-z.]+@(mail\.)?example\.(com|org|net)", s.email)
        assert "555" in s.phone or "7946" in s.phone or "496" in s.phone  # numbers reserved for fiction
        assert f"{max(1, round(s.experience_months() / 12))} years" in s.summary


def test_bullets_mention_real_skills(pool: list[ResumeSpec]) -> None:
    own = 0
    total = 0
    for s in pool:
        vocabulary = OCCUPATIONS[s.occupation].skills
        for pos in s.positions:
            for bullet in pos.bullets:
                assert "{" not in bullet and "}" not in bullet
                assert any(skill in bullet for skill in vocabulary), bullet
                total += 1
                own += any(skill in bullet for skill in s.skills)
    assert own / total > 0.85  # bullets prefer the candidate's own listed skills
    assert "Python" in OCCUPATIONS["software_engineering"].skills
    assert "Patient Care" in OCCUPATIONS["nursing"].skills
    assert "Financial Reporting" in OCCUPATIONS["finance_accounting"].skills


def test_date_formats() -> None:
    assert [format_date((2019, 3), style) for style in DATE_STYLES] == [
        "Mar 2019",
        "March 2019",
        "03/2019",
        "2019-03",
        "2019",
        "Mar. 2019",
    ]
    spec = generate_specs(1, seed=2)[0]
    assert format_range(spec, (2019, 3), None).endswith(spec.present_word)


def test_with_name_swaps_only_name_and_email() -> None:
    spec = generate_specs(1, seed=5)[0]
    swapped = spec.with_name("Lakisha Washington")
    assert swapped.name == "Lakisha Washington"
    assert swapped.email.startswith("lakisha.washington@")
    assert swapped.email.split("@")[1] == spec.email.split("@")[1]
    assert {k: v for k, v in swapped.to_dict().items() if k not in ("name", "email")} == {
        k: v for k, v in spec.to_dict().items() if k not in ("name", "email")
    }
    assert spec.with_name("José Núñez").email.startswith("jose.nunez@")


def test_round_trip_through_dict() -> None:
    for spec in generate_specs(5, seed=9):
        assert spec_from_dict(spec.to_dict()) == spec


@pytest.mark.parametrize("render", [render_text, render_markdown, render_html])
def test_text_renderers_carry_ground_truth(render: object) -> None:
    spec = generate_specs(3, seed=21)[2]
    data = render(spec).encode()  # type: ignore[operator]
    text = extract_document(data).text
    for value in [spec.name, spec.email, spec.phone, spec.summary, *spec.skills, *spec.certifications]:
        assert value in text
    for pos in spec.positions:
        assert format_range(spec, pos.start, pos.end) in text
        for bullet in pos.bullets:
            assert bullet in text


def test_html_render_has_script_and_style_that_do_not_leak() -> None:
    spec = generate_specs(1, seed=1)[0]
    markup = render_html(spec)
    assert "<script>" in markup and "<style>" in markup
    text = extract_document(markup.encode()).text
    assert "analytics" not in text and "font-family" not in text


@pytest.mark.parametrize("layout", ["single", "two_column", "sidebar"])
def test_pdf_render_every_layout(layout: str) -> None:
    spec = generate_specs(4, seed=8)[3]
    data = render_pdf(spec, layout)
    assert data.startswith(b"%PDF-")
    assert render_pdf(spec, layout) == data  # byte-for-byte reproducible
    text = " ".join(extract_document(data).text.split())
    for pos in spec.positions:
        for bullet in pos.bullets:
            assert bullet in text


def test_pdf_render_rejects_unknown_layout() -> None:
    with pytest.raises(ValueError, match="layout"):
        render_pdf(generate_specs(1, seed=1)[0], "three_column")


def test_docx_render_options() -> None:
    spec = generate_specs(2, seed=4)[1]
    plain = extract_document(render_docx(spec)).text
    tables = extract_document(render_docx(spec, with_table=True)).text
    boxed = extract_document(render_docx(spec, with_header=True, with_textbox=True)).text
    for text in (plain, tables, boxed):
        assert spec.name in text and spec.email in text
        for pos in spec.positions:
            assert all(b in text for b in pos.bullets)
    assert " | ".join(spec.skills[:3]) in tables
    assert boxed.splitlines()[0].startswith(spec.email)


def test_mentioned_skills_cover_bullets(pool: list[ResumeSpec]) -> None:
    for s in pool[:40]:
        mentioned = s.mentioned_skills()
        assert mentioned[: len(s.skills)] == s.skills
        vocabulary = OCCUPATIONS[s.occupation].skills
        for pos in s.positions:
            for bullet in pos.bullets:
                assert all(skill in mentioned for skill in vocabulary if skill in bullet)


def test_parse_bench_runs_on_a_small_folder(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    """The parsing benchmark (which also times generated DOCX and text) on two generated PDFs."""
    from pathlib import Path

    from evaluation import parse_bench

    folder = Path(str(tmp_path))
    for i, spec in enumerate(generate_specs(2, seed=3)):
        (folder / f"r{i}.pdf").write_bytes(render_pdf(spec, "two_column"))
    result = parse_bench.run(pdf_dir=folder, n=2, full_parse=False)
    rows = {r["row"].split()[1]: r for r in result["rows"]}
    assert {"pdfminer.six", "pypdfium2", "extract_document[pypdfium2]", "extract_document[pdfminer]"} <= set(
        rows
    )
    assert all(r["errors"] == 0 and r["median_ms"] > 0 for r in result["rows"])
    assert result["engine_word_agreement"] > 0.9
    assert "median ms" in capsys.readouterr().out
