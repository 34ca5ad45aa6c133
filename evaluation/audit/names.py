"""Test first names per race x sex group for counterfactual name swaps, with the source of each list.

`evaluation/data/names.csv` (first_name, sex, race, source) holds 122 first names, 29-32 per group:
- `bertrand_mullainathan_2004`: the 36 names (9 per race x sex) of Bertrand, M. & Mullainathan, S. (2004),
  "Are Emily and Greg More Employable than Lakisha and Jamal? A Field Experiment on Labor Market
  Discrimination", American Economic Review 94(4): 991-1013 (the shared copy in
  ../shared/data/bias/names_bertrand_mullainathan_2004.csv).
- `greenwald_1998_caliskan_2017`: the European-American and African-American first names of Greenwald, A. G.,
  McGhee, D. E. & Schwartz, J. L. K. (1998), "Measuring individual differences in implicit cognition: the
  implicit association test", Journal of Personality and Social Psychology 74(6): 1464-1480, as listed by sex
  for WEAT 3 in Caliskan, A., Bryson, J. J. & Narayanan, A. (2017), "Semantics derived automatically from
  language corpora contain human-like biases", Science 356(6334): 183-186 (supplementary materials).
  Names already in the Bertrand & Mullainathan list keep that source.
Both lists cover Black and White names only; other race/ethnicity categories need their own published lists
before counterfactual tests can speak for them (the outcome audit takes any self-reported categories).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SOURCES", "TestName", "group_key", "load_names", "names_by_group"]

NAMES_CSV = Path(__file__).resolve().parents[1] / "data" / "names.csv"

SOURCES: dict[str, str] = {
    "bertrand_mullainathan_2004": (
        "Bertrand & Mullainathan (2004), Are Emily and Greg More Employable than Lakisha and Jamal?, "
        "American Economic Review 94(4):991-1013"
    ),
    "greenwald_1998_caliskan_2017": (
        "Greenwald, McGhee & Schwartz (1998), IAT name lists, JPSP 74(6):1464-1480, as split by sex for "
        "WEAT 3 in Caliskan, Bryson & Narayanan (2017), Science 356(6334):183-186"
    ),
}


@dataclass(frozen=True)
class TestName:
    """A first name and the group it signals in the study that used it."""

    __test__ = False  # not a pytest test class

    first_name: str
    sex: str
    race: str
    source: str

    @property
    def group(self) -> str:
        """The race x sex key, e.g. "black_female"."""
        return group_key(self.race, self.sex)


def group_key(race: str, sex: str) -> str:
    """The intersectional key for a race and a sex, e.g. ("black", "female") -> "black_female"."""
    return f"{race}_{sex}"


def load_names(path: str | Path | None = None) -> list[TestName]:
    """Read the name list (default: the shipped evaluation/data/names.csv)."""
    with open(path or NAMES_CSV, encoding="utf-8", newline="") as f:
        return [
            TestName(
                first_name=row["first_name"].strip(),
                sex=row["sex"].strip().lower(),
                race=row["race"].strip().lower(),
                source=row.get("source", "").strip(),
            )
            for row in csv.DictReader(f)
            if row.get("first_name", "").strip()
        ]


def names_by_group(
    names: Sequence[TestName] | None = None, per_group: int | None = None
) -> dict[str, list[TestName]]:
    """Names keyed by race x sex group, in file order (Bertrand & Mullainathan first), at most `per_group` each."""
    out: dict[str, list[TestName]] = {}
    for name in names if names is not None else load_names():
        out.setdefault(name.group, []).append(name)
    if per_group is not None:
        out = {g: v[:per_group] for g, v in out.items()}
    return dict(sorted(out.items()))
