"""JSON Resume export: standard keys, extras under meta, validates against the shipped schema."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from parsers.jsonresume import SCHEMA_PATH, load_schema, to_json_resume, validate_json_resume
from parsers.resume import parse_resume_text

GOLDEN_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "parsing"
TODAY = date(2024, 6, 1)


def test_schema_file_is_the_json_resume_schema_with_licence_note() -> None:
    schema = load_schema()
    jsonschema.Draft4Validator.check_schema(schema)
    assert "MIT" in schema["$comment"] and "jsonresume/resume-schema" in schema["$comment"]
    assert {"basics", "work", "education", "skills", "certificates", "languages", "meta"} <= set(
        schema["properties"]
    )
    assert SCHEMA_PATH.name == "jsonresume_schema.json"


@pytest.mark.parametrize("src", sorted(GOLDEN_DIR.glob("*.txt")), ids=lambda p: p.stem)
def test_outputs_validate(src: Path) -> None:
    doc = to_json_resume(parse_resume_text(src.read_text(encoding="utf-8"), today=TODAY))
    validate_json_resume(doc)
    json.dumps(doc)  # plain JSON


def test_mapping() -> None:
    doc = to_json_resume(
        parse_resume_text((GOLDEN_DIR / "standard.txt").read_text(encoding="utf-8"), today=TODAY)
    )
    b = doc["basics"]
    assert b["name"] == "Aisha Rahman" and b["email"] == "aisha.rahman@example.com"
    assert b["phone"] == "+14155552671" and b["label"] == "Senior Data Engineer"
    assert b["location"] == {"address": "San Francisco, CA", "city": "San Francisco", "region": "CA"}
    assert [p["network"] for p in b["profiles"]] == ["LinkedIn", "GitHub"]
    assert b["profiles"][0]["username"] == "aisha-rahman"
    w0 = doc["work"][0]
    assert w0["name"] == "Northwind Analytics" and w0["position"] == "Senior Data Engineer"
    assert w0["startDate"] == "2021-01" and "endDate" not in w0  # current
    assert w0["highlights"][0].startswith("Designed a Kafka")
    e0 = doc["education"][0]
    assert (e0["institution"], e0["studyType"], e0["area"], e0["startDate"], e0["endDate"]) == (
        "University of Washington",
        "M.S. in Computer Science",
        "Computer Science",
        "2015",
        "2017",
    )
    assert doc["certificates"][0]["issuer"] == "Amazon Web Services"
    assert {"language": "Spanish", "fluency": "A2"} in doc["languages"]
    extras = doc["meta"]["shortlist"]
    assert extras["total_experience_months"] == 87
    assert extras["education_levels"] == ["master", "bachelor"]
    assert "parser_version" in extras["parse"]


def test_invalid_document_is_rejected() -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate_json_resume({"work": [{"startDate": "January 2020"}]})
    with pytest.raises(jsonschema.ValidationError):
        validate_json_resume({"unknown_top_level": 1})
