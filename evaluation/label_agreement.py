"""How far the parsing labels agree with themselves (`shortlist eval agreement`).

The labelled resume set holds copies of one resume under different invented names (evaluation.near_duplicates),
labelled apart. Scoring one copy's gold values against the other's with the matching rule `shortlist eval parsing`
scores the parser by (evaluation.parsing_eval: normalization, token-Dice matching, one-to-one) measures the labels'
own consistency: a parser that reproduced one copy's labels exactly would score this F1 against the other's. It is
an estimate of the ceiling a field's F1 can reach on this set, from few pairs, so it comes with a bootstrap
interval that draws a group of copies as one resume.

What is compared, and what is not:
- Pairs whose 5-gram sets agree as a whole (Jaccard >= 0.8): a copy with a section added or cut differs in its
  text, and its extra labels are no disagreement. On the labelled set the pairs stand apart (the lowest kept holds
  0.86, the next 0.73).
- A field counts for a pair when both copies carry a label of its group (the eval's "annotation scope"): an
  annotator who labelled nothing of a group did not annotate it, which says nothing of how two annotators read the
  same text. Counting such pairs would only lower the agreement.
- The eval's two place-based rules for colleges and employers need a parser's evidence spans, so they are not
  applied between labels.
- Name, e-mail and phone are left out: the copies carry different invented ones by design.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from evaluation.datasets import DotinDoc, iter_dotin
from evaluation.near_duplicates import duplicate_groups, jaccard, near_duplicate_pairs
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

AGREEMENT_THRESHOLD = 0.8  # Jaccard of the two copies' 5-gram sets

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


def format_agreement(
    scores: dict[str, FieldScore],
    parser: dict[str, FieldScore] | None = None,
    groups: dict[str, str] | None = None,
) -> str:
    """The agreement table; with `parser`, the parser's F1 on the same copies beside it. `groups` names each
    pair ("a/b") by its group of copies, so that the interval draws a group as one resume."""
    head = (
        f"{'field':<22} | {'agreement F1':>12} | {'95% interval':^16} | {'pairs':>5} | {'values a / b':>12}"
    )
    if parser is not None:
        head += " | parser F1 on the copies"
    lines = [head, "-" * len(head)]
    for fld, fs in scores.items():
        clusters = [groups.get(r[0], r[0]) for r in fs.rows] if groups is not None else None
        lo, hi = f1_interval([r[1:] for r in fs.rows], groups=clusters)
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
    pairs = near_duplicate_pairs({d.doc_id: d.text for d in docs}, AGREEMENT_THRESHOLD, measure=jaccard)
    print(
        f"{len(pairs)} pairs of copies among {len(docs)} labelled resumes "
        f"(word 5-gram Jaccard >= {AGREEMENT_THRESHOLD})"
    )
    if not pairs:
        return 0
    group_of = {i: min(g) for g in duplicate_groups(pairs) for i in g}
    pair_groups = {f"{a}/{b}": group_of[a] for a, b, _ in pairs}
    copies = {i for a, b, _ in pairs for i in (a, b)}
    # only the "all" split is read here, so no split assignment is needed
    parser, _ = score_documents([d for d in docs if d.doc_id in copies], splits={})
    print(format_agreement(agreement(docs, pairs, lookup=skill_lookup()), parser["all"], pair_groups))
    print(
        "each copy's labels scored against the other's with the matching rule of `shortlist eval parsing`; the\n"
        "interval draws a group of copies as one; the parser's F1 is scored by that command's rule on every copy"
    )
    return 0
