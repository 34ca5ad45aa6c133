"""How far the parsing labels agree with themselves (`shortlist eval agreement`).

The labelled resume set holds copies of one resume under different invented names (evaluation.near_duplicates),
labelled apart. Scoring one copy's gold values against the other's, with the very rule `shortlist eval parsing`
scores the parser by (evaluation.parsing_eval: normalization, token-Dice matching, one-to-one, annotation scope),
measures the labels' own consistency: a parser that reproduced one copy's labels exactly would score this F1
against the other's. It is an estimate of the ceiling a field's F1 can reach on this set, from few pairs, so it
comes with a bootstrap interval over pairs.

Name, e-mail and phone are left out: the copies carry different invented ones by design.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from evaluation.datasets import DotinDoc, iter_dotin
from evaluation.near_duplicates import DEFAULT_THRESHOLD, near_duplicate_pairs
from evaluation.parsing_eval import (
    FieldScore,
    annotated_for,
    gold_values,
    match_sets,
    score_documents,
    skill_lookup,
)
from evaluation.resampling import f1_interval

__all__ = ["AGREEMENT_FIELDS", "agreement", "format_agreement", "run"]

AGREEMENT_FIELDS: tuple[str, ...] = (
    "Designation",
    "Companies worked at",
    "Degree",
    "College Name",
    "Graduation Year",
    "skills (canonical)",
)


def agreement(
    docs: Sequence[DotinDoc],
    pairs: Iterable[tuple[str, str, float]],
    *,
    lookup: Callable[[str], Any] | None = None,
) -> dict[str, FieldScore]:
    """Per field, the first copy's gold values scored as predictions against the second copy's, summed over the
    pairs where both copies are annotated for the field."""
    by_id = {d.doc_id: d for d in docs}
    out = {f: FieldScore() for f in AGREEMENT_FIELDS}
    for a, b, _ in pairs:
        da, db = by_id[a], by_id[b]
        for fld in AGREEMENT_FIELDS:
            if not (annotated_for(da, fld) and annotated_for(db, fld)):
                continue
            first, second = gold_values(da, fld, lookup), gold_values(db, fld, lookup)
            out[fld].add(match_sets([{v} for v in first], second), len(first), len(second), f"{a}/{b}")
    return out


def format_agreement(scores: dict[str, FieldScore], parser: dict[str, FieldScore] | None = None) -> str:
    """The agreement table; with `parser`, the parser's F1 on the same copies beside it."""
    head = (
        f"{'field':<22} | {'agreement F1':>12} | {'95% interval':^16} | {'pairs':>5} | {'values a / b':>12}"
    )
    if parser is not None:
        head += " | parser F1 on the copies"
    lines = [head, "-" * len(head)]
    for fld, fs in scores.items():
        lo, hi = f1_interval([r[1:] for r in fs.rows])
        line = f"{fld:<22} | {fs.f1:12.3f} | [{lo:.3f}, {hi:.3f}] | {fs.docs:5d} | {fs.n_pred:5d} / {fs.n_gold:<4d}"
        if parser is not None:
            line += f" | {parser[fld].f1:.3f}"
        lines.append(line)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Find the copies, score their labels against each other and print the table; 2 without data."""
    try:
        docs = list(iter_dotin(getattr(args, "data", None), limit=getattr(args, "limit", None)))
    except FileNotFoundError:
        print("shortlist: error: dotin data not found (see `shortlist eval parsing`)", file=sys.stderr)
        return 2
    pairs = near_duplicate_pairs({d.doc_id: d.text for d in docs}, DEFAULT_THRESHOLD)
    print(
        f"{len(pairs)} pairs of copies among {len(docs)} labelled resumes "
        f"(word 5-gram containment >= {DEFAULT_THRESHOLD})"
    )
    if not pairs:
        return 0
    copies = {i for a, b, _ in pairs for i in (a, b)}
    parser, _ = score_documents([d for d in docs if d.doc_id in copies])
    print(format_agreement(agreement(docs, pairs, lookup=skill_lookup()), parser["all"]))
    print(
        "each copy's labels scored against the other's with the rule of `shortlist eval parsing`; the parser's F1\n"
        "is scored by that command's rule on every copy"
    )
    return 0
