"""Build parsers/data/occupations.json.gz (job title -> ESCO occupation and ISCO-08 unit group) from ESCO.

Run: python -m parsers.occupations_build [--data ../shared/data] [--out parsers/data/occupations.json.gz]

Every ESCO occupation's preferred label and alternative labels are normalized with `normalize_title_key`
(so lookups and the data agree); a key that several occupations share keeps them all, and the lookup cuts the
ISCO code to the digits they have in common. Gendered label variants ("actress") are dropped: an occupation is
looked up from a title, and the title's wording must not move the result.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

from parsers.occupations import OCCUPATIONS_PATH, normalize_title_key
from parsers.packaged import default_data_dir, write_gzip_json

ATTRIBUTION = [
    "ESCO classification v1.1.1 (c) European Union, 2017-2024, https://esco.ec.europa.eu/, CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); occupation labels and ISCO-08 groups, labels normalized "
    "(lower case, seniority words dropped, singular), gendered variants removed.",
]
# ESCO lists female and male forms as alternative labels; the neutral form is kept.
_GENDERED_WORDS = frozenset(
    {
        "woman",
        "women",
        "man",
        "men",
        "female",
        "male",
        "lady",
        "ladies",
        "boy",
        "girl",
        "wife",
        "husband",
        "waitress",
        "actress",
        "stewardess",
        "hostess",
        "seamstress",
        "headmistress",
        "mistress",
    }
)
_MAX_WORDS = 6  # longer labels are descriptions, not titles anyone writes


def _gendered(label: str) -> bool:
    return any(w in _GENDERED_WORDS for w in label.lower().replace("/", " ").split())


def build(data_dir: Path) -> dict[str, Any]:
    """The occupation index as a JSON-ready dict."""
    path = data_dir / "taxonomy" / "esco" / "occupations_en.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: r["conceptUri"])
    occupations: list[list[str]] = []
    labels: dict[str, list[int]] = {}
    for row in rows:
        isco = row["iscoGroup"].strip()
        if not (len(isco) == 4 and isco.isdigit()):
            continue
        idx = len(occupations)
        occupations.append([row["preferredLabel"].strip(), isco])
        surfaces = [row["preferredLabel"], *row["altLabels"].split("\n")]
        for surface in surfaces:
            surface = surface.strip()
            if not surface or _gendered(surface):
                continue
            key = normalize_title_key(surface)
            if not key or len(key.split(" ")) > _MAX_WORDS:
                continue
            owners = labels.setdefault(key, [])
            if idx not in owners:
                owners.append(idx)
    return {
        "meta": {
            "name": "Shortlist occupation index",
            "version": 1,
            "sources": ATTRIBUTION,
            "licence": "CC BY 4.0 (derived from ESCO)",
            "counts": {"occupations": len(occupations), "labels": len(labels)},
        },
        "fields": ["preferred label", "ISCO-08 unit group"],
        "occupations": occupations,
        "labels": dict(sorted(labels.items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="shared data folder (default ../shared/data)")
    parser.add_argument("--out", type=Path, default=OCCUPATIONS_PATH)
    args = parser.parse_args(argv)
    data_dir = args.data or default_data_dir()
    if not (data_dir / "taxonomy" / "esco" / "occupations_en.csv").is_file():
        print(f"occupations_build: no ESCO occupations under {data_dir}", file=sys.stderr)
        return 2
    index = build(data_dir)
    write_gzip_json(index, args.out)
    print(f"wrote {args.out}: {index['meta']['counts']}, {args.out.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
