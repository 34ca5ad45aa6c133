"""Audit reports: Markdown, HTML (same content), JSON, and matplotlib plots (Agg backend).

The report is built once as a list of blocks (headings, paragraphs, tables, images, lists) and rendered to
Markdown and to HTML, so the two never disagree.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evaluation.audit.outcome import OutcomeAudit, clean_json

__all__ = ["Doc", "fmt", "ll144_tables", "plot_impact_ratios", "plot_rank_changes", "write_report"]

_CATEGORY_TITLES = {
    "sex": "Sex categories",
    "race": "Race/ethnicity categories",
    "sex_race": "Intersectional categories",
}


def fmt(x: Any, digits: int = 3) -> str:
    """A table cell: floats rounded, nan/None as an en dash."""
    if x is None:
        return "–"
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, float):
        if math.isnan(x):
            return "–"
        if math.isinf(x):
            return "-inf" if x < 0 else "inf"
        if x != 0 and abs(x) < 10 ** (-digits):
            return f"{x:.1e}"
        return f"{x:.{digits}f}"
    return str(x)


class Doc:
    """Blocks rendered to Markdown and HTML."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, Any]] = []

    def h(self, level: int, text: str) -> None:
        self.blocks.append(("h", (level, text)))

    def p(self, text: str) -> None:
        self.blocks.append(("p", text))

    def ul(self, items: Sequence[str]) -> None:
        self.blocks.append(("ul", list(items)))

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.blocks.append(("table", (list(headers), [[fmt(c) for c in r] for r in rows])))

    def img(self, path: str, alt: str) -> None:
        self.blocks.append(("img", (path, alt)))

    def markdown(self) -> str:
        out: list[str] = []
        for kind, data in self.blocks:
            if kind == "h":
                out.append(f"{'#' * data[0]} {data[1]}")
            elif kind == "p":
                out.append(data)
            elif kind == "ul":
                out.append("\n".join(f"- {x}" for x in data))
            elif kind == "table":
                headers, rows = data
                lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
                lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
                out.append("\n".join(lines))
            elif kind == "img":
                out.append(f"![{data[1]}]({data[0]})")
        return "\n\n".join(out) + "\n"

    def html(self, title: str) -> str:
        e = html.escape
        out = [
            "<!doctype html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{e(title)}</title>",
            "<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
            "color:#222}table{border-collapse:collapse;margin:1em 0;font-size:0.9em}"
            "th,td{border:1px solid #ccc;padding:0.3em 0.6em;text-align:right}th{background:#f3f3f3}"
            "td:first-child,th:first-child{text-align:left}img{max-width:100%}"
            ".pass{color:#0a7a2f;font-weight:bold}.fail{color:#b00020;font-weight:bold}</style>",
            "</head><body>",
        ]
        for kind, data in self.blocks:
            if kind == "h":
                out.append(f"<h{data[0]}>{e(data[1])}</h{data[0]}>")
            elif kind == "p":
                text = e(data).replace("**", "")
                css = (
                    ' class="pass"'
                    if data.startswith("**PASS")
                    else ' class="fail"'
                    if data.startswith("**FAIL")
                    else ""
                )
                out.append(f"<p{css}>{text}</p>")
            elif kind == "ul":
                out.append("<ul>" + "".join(f"<li>{e(x)}</li>" for x in data) + "</ul>")
            elif kind == "table":
                headers, rows = data
                out.append(
                    "<table><thead><tr>"
                    + "".join(f"<th>{e(h)}</th>" for h in headers)
                    + "</tr></thead><tbody>"
                    + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
                    + "</tbody></table>"
                )
            elif kind == "img":
                out.append(f'<p><img src="{e(data[0])}" alt="{e(data[1])}"></p>')
        out.append("</body></html>")
        return "\n".join(out) + "\n"


def ll144_tables(doc: Doc, audit: OutcomeAudit, *, heading_level: int = 3) -> None:
    """The LL144 summary layout: header facts, then per category a table of rates and impact ratios.

    Each category gets the LL144 table (applicants, then rate and impact ratio at every cutoff, with the 95%
    interval) and a detail table (label-shuffle null 5th percentile and Holm-adjusted p per cutoff).
    """
    doc.ul(
        [
            f"Audit date: {audit.audit_date}",
            f"Data source: {audit.data_source}",
            f"Number of individuals assessed: {audit.n}",
            "Cutoffs: " + "; ".join(f"{c.name} ({c.kind})" for c in audit.cutoffs),
        ]
    )
    for cat in ("sex", "race", "sex_race"):
        found = [(cut, next((c for c in cut.categories if c.category == cat), None)) for cut in audit.cutoffs]
        cut_cats = [(cut, c) for cut, c in found if c is not None and c.rows]
        if not cut_cats:
            continue
        first = cut_cats[0][1]
        assert first is not None
        doc.h(heading_level, _CATEGORY_TITLES[cat])
        headers = ["Group", "Applicants", "Share of sample"]
        detail_headers = ["Group"]
        for cut, _ in cut_cats:
            headers += [f"Rate, {cut.name}", f"Impact ratio [95% CI], {cut.name}"]
            detail_headers += [f"Null 5th pct, {cut.name}", f"p (adjusted), {cut.name}"]
        rows: list[list[Any]] = []
        detail: list[list[Any]] = []
        for gi, row0 in enumerate(first.rows):
            name = row0.group + (" (under 2%: not used as reference)" if row0.excluded_small else "")
            line: list[Any] = [name, row0.n, row0.share]
            dline: list[Any] = [row0.group]
            for _, c in cut_cats:
                assert c is not None
                r = c.rows[gi]
                line += [r.rate, f"{fmt(r.impact_ratio)} [{fmt(r.ci_low, 2)}–{fmt(r.ci_high, 2)}]"]
                dline += [r.null_low, r.p_adjusted]
            rows.append(line)
            detail.append(dline)
        doc.table(headers, rows)
        doc.table(detail_headers, detail)
        unknown = first.unknown
        text = f"Unknown category: {unknown} individuals."
        if unknown:
            bounds = ", ".join(
                f"{r.group}: {fmt(r.worst_case_ratio)}–{fmt(r.best_case_ratio)}" for r in first.rows
            )
            text += f" Worst–best case impact ratios at {cut_cats[0][0].name}: {bounds}."
        if first.excluded_small:
            text += f" Under 2% of the sample (not used as reference): {', '.join(first.excluded_small)}."
        doc.p(text)


def plot_impact_ratios(path: Path, series: dict[str, list[tuple[str, str, float, float, float]]]) -> None:
    """Impact ratios with 95% intervals: one panel per setting; points (label, group, ratio, lo, hi)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = list(series)
    fig, axes = plt.subplots(1, max(1, len(panels)), figsize=(6 * max(1, len(panels)), 4.5), squeeze=False)
    for ax, key in zip(axes[0], panels, strict=False):
        pts = series[key]
        groups = sorted({p[1] for p in pts})
        labels = list(dict.fromkeys(p[0] for p in pts))
        width = 0.8 / max(1, len(groups))
        for gi, g in enumerate(groups):
            xs, ys, lo, hi = [], [], [], []
            for li, lab in enumerate(labels):
                for p in pts:
                    if p[0] == lab and p[1] == g and not math.isnan(p[2]):
                        xs.append(li + gi * width - 0.4 + width / 2)
                        ys.append(p[2])
                        lo.append(max(0.0, p[2] - p[3]) if not math.isnan(p[3]) else 0.0)
                        hi.append(max(0.0, p[4] - p[2]) if not math.isnan(p[4]) else 0.0)
            ax.errorbar(xs, ys, yerr=[lo, hi], fmt="o", capsize=3, label=g)
        ax.axhline(0.8, color="#b00020", linestyle="--", linewidth=1, label="0.8 (four-fifths)")
        ax.axhline(0.9, color="#e69500", linestyle=":", linewidth=1, label="0.9 (pass threshold)")
        ax.set_xticks(range(len(labels)))
        ax.set_xticklabels(labels, rotation=30, ha="right", fontsize=8)
        ax.set_ylim(0, 1.15)
        ax.set_ylabel("impact ratio")
        ax.set_title(key, fontsize=10)
        ax.legend(fontsize=7, loc="lower left")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_rank_changes(path: Path, series: dict[str, dict[str, list[float]]]) -> None:
    """Distributions of rank changes per edit kind (box plots), one panel per setting."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = list(series)
    fig, axes = plt.subplots(1, max(1, len(panels)), figsize=(6 * max(1, len(panels)), 4), squeeze=False)
    for ax, key in zip(axes[0], panels, strict=False):
        kinds = [k for k, v in series[key].items() if v]
        ax.boxplot([series[key][k] for k in kinds], showfliers=True)
        ax.set_xticks(range(1, len(kinds) + 1))
        ax.set_xticklabels(kinds)
        ax.axhline(0, color="#888", linewidth=0.8)
        ax.set_ylabel("rank change (positive = lower in the list)")
        ax.set_title(key, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(out_dir: str | Path, doc: Doc, data: dict[str, Any], *, title: str) -> dict[str, Path]:
    """Write report.md, report.html and report.json into `out_dir` (plots are written by the caller)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"markdown": out / "report.md", "html": out / "report.html", "json": out / "report.json"}
    paths["markdown"].write_text(doc.markdown(), encoding="utf-8")
    paths["html"].write_text(doc.html(title), encoding="utf-8")
    paths["json"].write_text(json.dumps(clean_json(data), indent=2, sort_keys=False), encoding="utf-8")
    return paths
