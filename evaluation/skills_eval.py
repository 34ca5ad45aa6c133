"""`shortlist eval skills`: precision, recall and F1 of parsers.skills against gold skill annotations.

Two gold sets from ../shared/data:
- dotin_train resumes (XML, label types "Tech Tools" and "Job Specific Skills"). Each gold span is mapped to a
  canonical skill with `Taxonomy.lookup`; per resume we compare sets of canonical ids (micro-averaged over
  resumes). A predicted skill whose every mention lies inside a gold skill span that has no canonical id is not
  counted (the gold names a skill the taxonomy lacks; its coverage is reported separately). Predicted spoken
  languages and soft skills are left out: the annotation labels those under other types, and so are the
  parser's "unlisted" skills (tool-list items the taxonomy does not name, ids outside it): this eval scores
  taxonomy ids, and `shortlist eval parsing` scores those items against every gold phrase. Span level:
  a predicted mention is right when it overlaps a gold skill span; a gold span is found when a mention overlaps it.
  Files are split by id parity: even ids are the development half, odd ids the held-out half.
  Resumes that carry no skill label at all were not annotated for skills (several list skills plainly), so they
  are left out by default, as in `shortlist eval parsing`; one variant scores all resumes for comparison.
- green2022_jobdesc_ner job-description sentences (CoNLL, "Skill" spans): span-level overlap only (its skills
  are long phrases such as "influence cross functional teams", which a taxonomy names only in part).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

GOLD_LABELS = ("Tech Tools", "Job Specific Skills")
# Skills the resume claims: every mention but the weak ones (parsers.skills.WEAK_CONFIDENCE, 0.3: a field or
# practice named once, in the work history only). Chosen on the dev half: any bar in (0.3, 0.4] scores the same.
CLAIMED_MIN_CONFIDENCE = 0.4
IGNORED_TYPES = {"language", "soft"}


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def set_counts(gold: set[str], pred: set[str]) -> Counts:
    """Counts for two sets of ids."""
    return Counts(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class SpanScore:
    """Span-level overlap: predictions right / predictions, gold found / gold."""

    pred_right: int = 0
    pred_total: int = 0
    gold_found: int = 0
    gold_total: int = 0

    def add(self, gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> None:
        self.pred_total += len(pred)
        self.pred_right += sum(1 for p in pred if any(_overlaps(g, p) for g in gold))
        self.gold_total += len(gold)
        self.gold_found += sum(1 for g in gold if any(_overlaps(g, p) for p in pred))

    @property
    def precision(self) -> float:
        return self.pred_right / self.pred_total if self.pred_total else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "pred": self.pred_total,
            "gold": self.gold_total,
        }


@dataclass
class DocResult:
    """Scores of one document."""

    doc_id: str
    ids: Counts
    gold_spans: int
    gold_mapped: int
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def _sections_of(text: str) -> list[Any] | None:
    try:
        from parsers.sections import split_sections
    except ImportError:  # the section splitter is another part of the parser; score without it
        return None
    return list(split_sections(text))


def score_resume(
    text: str,
    gold: Iterable[tuple[int, int, str]],
    doc_id: str = "",
    *,
    spans: SpanScore | None = None,
    with_sections: bool = False,
    min_confidence: float = 0.0,
) -> DocResult:
    """Score extract_skills on one text against gold (start, end, surface) skill spans."""
    from parsers.skills import UNLISTED_TYPE, extract_skills
    from parsers.taxonomy import load_taxonomy

    tx = load_taxonomy()
    gold_list = list(gold)
    gold_ids: set[str] = set()
    unmapped: list[tuple[int, int]] = []
    for start, end, surface in gold_list:
        entry = tx.lookup(surface)
        if entry is not None and entry.type not in IGNORED_TYPES:
            gold_ids.add(entry.id)
        else:
            unmapped.append((start, end))
    sections = _sections_of(text) if with_sections else None
    mentions = [
        m
        for m in extract_skills(text, sections)
        if (m.type or "") not in IGNORED_TYPES and m.type != UNLISTED_TYPE and m.confidence >= min_confidence
    ]
    pred_ids: set[str] = set()
    pred_spans: list[tuple[int, int]] = []
    for m in mentions:
        ev = [(e.start, e.end) for e in m.evidence]
        pred_spans.extend(ev)
        if m.skill_id not in gold_ids and all(any(_overlaps(u, e) for u in unmapped) for e in ev):
            continue  # inside a gold skill the taxonomy cannot name: neither right nor wrong
        pred_ids.add(m.skill_id)
    if spans is not None:
        spans.add([(s, e) for s, e, _ in gold_list], pred_spans)
    names = {m.skill_id: m.name for m in mentions}
    return DocResult(
        doc_id=doc_id,
        ids=set_counts(gold_ids, pred_ids),
        gold_spans=len(gold_list),
        gold_mapped=len(gold_list) - len(unmapped),
        missed=sorted(gold_ids - pred_ids),
        extra=sorted(names.get(i, i) for i in pred_ids - gold_ids),
    )


def evaluate_dotin(
    data_dir: str | None,
    limit: int | None = None,
    *,
    with_sections: bool = False,
    min_confidence: float = 0.0,
    annotated_only: bool = True,
) -> dict[str, Any]:
    """Per-half and overall id-set and span scores on dotin_train.

    with_sections: pass the parser's sections to extract_skills, as parse_resume does.
    min_confidence: keep only mentions at or above this confidence (an operating point, reported apart).
    annotated_only: skip resumes without any skill label (not annotated for skills).
    """
    from evaluation.datasets import iter_dotin

    halves: dict[str, Counts] = {"dev": Counts(), "heldout": Counts()}
    span_halves: dict[str, SpanScore] = {"dev": SpanScore(), "heldout": SpanScore()}
    gold_spans = mapped = docs = skipped = 0
    macro: dict[str, list[float]] = {"dev": [], "heldout": []}
    t0 = time.perf_counter()
    for doc in iter_dotin(data_dir, limit=limit):
        half = "dev" if doc.doc_id.isdigit() and int(doc.doc_id) % 2 == 0 else "heldout"
        gold = [(s.start, s.end, s.text) for s in doc.spans if s.label in GOLD_LABELS]
        if annotated_only and not gold:
            skipped += 1
            continue
        res = score_resume(
            doc.text,
            gold,
            doc.doc_id,
            spans=span_halves[half],
            with_sections=with_sections,
            min_confidence=min_confidence,
        )
        halves[half].add(res.ids)
        if res.ids.tp + res.ids.fn:
            macro[half].append(res.ids.f1)
        gold_spans += res.gold_spans
        mapped += res.gold_mapped
        docs += 1
    elapsed = time.perf_counter() - t0
    total = Counts()
    for c in halves.values():
        total.add(c)
    span_total = SpanScore()
    for s in span_halves.values():
        span_total.pred_right += s.pred_right
        span_total.pred_total += s.pred_total
        span_total.gold_found += s.gold_found
        span_total.gold_total += s.gold_total
    return {
        "docs": docs,
        "skipped_unannotated": skipped,
        "gold_spans": gold_spans,
        "gold_mapped_fraction": round(mapped / gold_spans, 4) if gold_spans else 0.0,
        "ids": {k: v.as_dict() for k, v in {**halves, "all": total}.items()},
        "ids_macro_f1": {k: round(sum(v) / len(v), 4) if v else 0.0 for k, v in macro.items()},
        "spans": {k: v.as_dict() for k, v in {**span_halves, "all": span_total}.items()},
        "ms_per_resume": round(1000 * elapsed / docs, 2) if docs else 0.0,
    }


def load_conll_sentences(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """(sentence text, gold Skill spans) from the green2022 CSV (sentence_id, word, pos, tag)."""
    sentences: dict[str, list[tuple[str, str]]] = {}
    with path.open(newline="", encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            sentences.setdefault(row["sentence_id"], []).append((row["word"], row["tag"]))
    out: list[tuple[str, list[tuple[int, int]]]] = []
    for words in sentences.values():
        text = ""
        spans: list[tuple[int, int]] = []
        open_span: list[int] | None = None
        for word, tag in words:
            if text:
                text += " "
            start = len(text)
            text += word
            if tag == "B-Skill" or (tag == "I-Skill" and open_span is None):
                if open_span is not None:
                    spans.append((open_span[0], open_span[1]))
                open_span = [start, len(text)]
            elif tag == "I-Skill" and open_span is not None:
                open_span[1] = len(text)
            else:
                if open_span is not None:
                    spans.append((open_span[0], open_span[1]))
                open_span = None
        if open_span is not None:
            spans.append((open_span[0], open_span[1]))
        out.append((text, spans))
    return out


def evaluate_green(data_dir: str | None) -> dict[str, Any] | None:
    """Span-level overlap scores on green2022 job-description sentences, or None when absent."""
    from evaluation.datasets import shared_data_dir
    from parsers.skills import find_skill_spans
    from parsers.taxonomy import load_taxonomy

    root = shared_data_dir(data_dir)
    path = root / "skills" / "green2022_jobdesc_ner" / "df_testset.csv" if root else None
    if path is None or not path.is_file():
        return None
    tx = load_taxonomy()
    score = SpanScore()
    n = 0
    for text, gold in load_conll_sentences(path):
        pred = [
            (sp.start, sp.end)
            for sid, sp in find_skill_spans(text)
            if (e := tx.get(sid)) is not None and e.type not in IGNORED_TYPES
        ]
        score.add(gold, pred)
        n += 1
    return {"sentences": n, "spans": score.as_dict()}


_DOTIN_VARIANTS = [
    ("dotin", "with sections (as parse_resume calls it)"),
    ("dotin_text_only", "text only, no sections"),
    (
        "dotin_claimed",
        f"with sections, mentions with confidence >= {CLAIMED_MIN_CONFIDENCE} (weak ones left out)",
    ),
    ("dotin_confident", "with sections, mentions with confidence >= 0.75"),
    ("dotin_all_docs", "with sections, all resumes (unannotated ones count every prediction as wrong)"),
]


def _table(report: dict[str, Any]) -> str:
    lines = ["skills eval"]
    first = report.get("dotin")
    if first:
        lines.append(
            f"dotin_train: {first['docs']} resumes (dev = even ids, heldout = odd ids), {first['gold_spans']} gold "
            f"skill spans, {first['gold_mapped_fraction']:.1%} mapped to the taxonomy, {first['ms_per_resume']} ms/resume"
        )
        lines.append(f"resumes without any skill label, left out: {first['skipped_unannotated']}")
    else:
        lines.append("dotin_train: not found (skipped)")
    for key, title in _DOTIN_VARIANTS:
        d = report.get(key)
        if not d:
            continue
        lines += ["", f"dotin_train, {title}", f"{'level':<22}{'half':<9}{'P':>7}{'R':>7}{'F1':>7}"]
        for half in ("dev", "heldout", "all"):
            c = d["ids"][half]
            lines.append(
                f"{'canonical ids (micro)':<22}{half:<9}{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}"
            )
        for half in ("dev", "heldout"):
            lines.append(f"{'canonical ids (macro)':<22}{half:<9}{'':>14}{d['ids_macro_f1'][half]:>7.3f}")
        for half in ("dev", "heldout", "all"):
            c = d["spans"][half]
            lines.append(
                f"{'span overlap':<22}{half:<9}{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}"
            )
    g = report.get("green2022")
    lines.append("")
    if g:
        c = g["spans"]
        lines.append(f"green2022 job-description sentences: {g['sentences']}")
        lines.append(
            f"{'span overlap':<22}{'all':<9}{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}"
        )
    else:
        lines.append("green2022_jobdesc_ner: not found (skipped)")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Evaluate skill extraction; print a table (and write JSON when --json is given)."""
    from evaluation.datasets import dotin_dir

    data = getattr(args, "data", None)
    limit = getattr(args, "limit", None)
    report: dict[str, Any] = {}
    if dotin_dir(data) is not None:
        report["dotin"] = evaluate_dotin(data, limit, with_sections=True)
        report["dotin_text_only"] = evaluate_dotin(data, limit)
        report["dotin_claimed"] = evaluate_dotin(
            data, limit, with_sections=True, min_confidence=CLAIMED_MIN_CONFIDENCE
        )
        report["dotin_confident"] = evaluate_dotin(data, limit, with_sections=True, min_confidence=0.75)
        report["dotin_all_docs"] = evaluate_dotin(data, limit, with_sections=True, annotated_only=False)
    green = evaluate_green(data)
    if green is not None:
        report["green2022"] = green
    if not report:
        import sys

        print("shortlist: error: no evaluation data found (../shared/data)", file=sys.stderr)
        return 2
    print(_table(report))
    out = getattr(args, "json_out", None)
    if out:
        Path(out).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0
