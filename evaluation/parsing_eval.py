"""Field-level parsing evaluation against the dotin resume NER set (`shortlist eval parsing`).

Gold: the inline ``<label type=...>`` spans of ../shared/data/parsing/dotin_train (310 resumes), read by
evaluation.datasets (flattened files get their line breaks back first). Each resume is parsed with
`parse_resume_text` from its plain text alone; the labels are never shown to the parser.

Fields and what is compared, per resume, as sets of values:
  Name, Email Address            contact.name / contact.email
  Designation                    titles of the positions (WorkItem.title) plus the resume headline title,
                                 the referees' titles (Resume.referees) and the roles an objective seeks
                                 (Resume.target_titles); positions include the undated
                                 ones the parser reads from labelled lines and prose (low confidence, no
                                 dates), since dotin labels titles wherever the text states them, a
                                 referee's included
  Companies worked at            employers of the positions (the same positions), less those dotin files as
                                 College Name (see "Employers labelled as colleges")
  Degree, College Name           Education.degree (as written), plus the credentials named "... Certified ..."
                                 in a certifications or education section (see "Credentials" below) /
                                 Education.institution
  Graduation Year                the year of each Education end date (gold: the last year in the label)
  skills (surface)               SkillMention (canonical name and every surface) vs the raw Tech Tools + Job
                                 Specific Skills phrases (the historical row; every predicted skill counts)
  skills (canonical)             the rule of evaluation/skills_eval.py: see "Skills, canonical" below; the
                                 skills the resume claims (see "Skills, claimed")
  skills (all mentions)          the same rule with every mention, weak ones included
  ... (all docs)                 the same rows on all 310 resumes (see "Annotation scope")
  Phone                          dotin has no Phone labels; phones are scored on generated resumes whose
                                 true number is known (evaluation.synthetic), when that module is present.

Matching rule. Values are normalized: Unicode folded to ASCII, lower case, "&" -> "and", punctuation
removed (except "+" and "#" inside skills such as C++ / C#), whitespace collapsed; for companies the legal
suffixes (ltd, pvt, inc, llc, limited, private, corp, co) are also dropped, since "Oracle India Pvt Ltd" and
"Oracle India" name the same employer. A predicted value matches a gold value when the normalized strings
are equal, or when their token sets overlap with Dice coefficient 2|P∩G|/(|P|+|G|) >= 0.8. The 0.8 bar
accepts one extra or missing modifier on a 4-5 token value ("Associate Software Engineer" vs
"Software Engineer" = 0.8) but rejects a different head word ("Java Developer" vs "Developer" = 0.67,
"Software Engineer" vs "Software Developer" = 0.5). A skill also matches when the taxonomy maps the gold
surface to the same canonical skill. Within one resume, duplicate values count once and predictions are
matched one-to-one to gold values (greedy by score), so one prediction can never claim two gold values.
Precision, recall and F1 are micro-averaged over resumes (sums of TP, predictions and gold).

A prediction may carry more than one surface, and matches a gold value through any of them (still one gold
value per prediction): a skill's canonical name and every text it was found as; a title and its pieces
("Sales and Marketing Manager", "Sales"); a degree with and without its field ("B.Tech in Computer Science"
and "B.Tech"), since the annotators labelled the field sometimes and sometimes not. A compound of full titles
("Project Manager / Technology Lead", each part two words or more) is two titles held at once, and dotin labels
each part as its own Designation: each part is then its own prediction (the first also matching the compound
as written), so it counts twice on both sides. Annotation scope: dotin labels degrees and colleges, not school
certificates or schools, so entries the parser itself rates "secondary" (HSC, SSC, high school) are left out
of Degree, College Name and Graduation Year; the institution of such an entry (and its year) still counts as a
College Name (Graduation Year) when it names itself a college, university, institute, polytechnic or academy and
not a school or board (junior colleges for the 12th year, further-education colleges for A-levels: dotin labels
those). A gold College span that runs over a blank line ("Applied Physics", blank line, "Riverside University":
23 dev and 25 holdout spans) is read from its part after
the last blank line: an institution's name never spans one, the part before it is the degree's field (labelled
as Degree), and no institution the parser could read would match the whole span. A gold Companies span is read
the same way (dev 10 and holdout 7 spans): in 8 of the 10 dev spans the part before the blank line is the title or
a unit, labelled with the employer in the job-board export layout (a title, a blank line, the employer); the other
two are a name a PDF split over blank lines and a business description. Companies dev 0.714 -> 0.728, holdout
unchanged (no holdout match changes), all 0.605 -> 0.612, on the parser of f286d49; proposed by helper B.
Designation is not read so: of its 6 dev spans, 4 are titles a PDF wrapped over a blank line, where the part after
it is no title.

Skills, canonical. dotin labels technical skills ("Tech Tools", "Job Specific Skills") and files soft skills and
spoken languages under other types (or not at all), while the parser reports all of them. This row compares
like with like: a gold phrase the taxonomy maps (`Taxonomy.lookup`) becomes its canonical id and is matched by id
only; a gold phrase the taxonomy cannot name stays a surface and is matched by the surface rule above, so it still
counts against recall when missed. Predicted skills of type "soft" or "language" are left out, and so are gold
phrases that map to those types, as in `shortlist eval skills`. One difference from that eval: gold phrases the
taxonomy lacks stay in the gold set here (the skills eval leaves them out and reports coverage apart), so this
row is the stricter of the two. The surface row above is kept for comparison with earlier figures.

Skills, claimed. The parser reports every skill it finds, and rates as weak (confidence 0.3,
`parsers.skills.WEAK_CONFIDENCE`) a field, practice or soft skill named once, and only in the work history
("... improved customer service ..."): evidence that the work touched it, not that the candidate claims it.
dotin labels claimed skills. The "skills (canonical)" row therefore scores mentions with confidence >= 0.4
(`evaluation.skills_eval.CLAIMED_MIN_CONFIDENCE`, chosen on the dev half only, as `shortlist eval skills` does);
"skills (all mentions)" scores them all, so the effect of the bar stays visible. Ranking reads every mention.

Credentials. dotin labels credentials named "... Certified ..." ("Microsoft Certified Professional", "Oracle
Certified Associate") as Degree: 21 of the 23 lines of certifications sections that hold the word carry a Degree
label. A parsed certification so named, standing in a certifications or education section, is one more Degree
prediction; other certifications, licences and certificates are not (measured: each of those classes lowers the
Degree F1 on both halves).

Annotation scope. dotin was not annotated field by field for every resume: some resumes carry no label at all of
a field group, although the text plainly holds it. 37 resumes carry no skill label ("Tech Tools", "Job Specific
Skills") while most list skills plainly (a "Skills" section with Java, Unix, Photoshop); 16 carry neither a
Designation nor a Companies label, and 24 no Degree, College Name or Graduation Year label. These are long CVs
(8,200-10,800 characters on average against 4,900 for the set), not students' resumes: the annotators left the
group unlabelled, which is not the same as having none. Each field is therefore scored on the resumes that carry
at least one label of its group (work history: Designation, Companies; education: Degree, College Name,
Graduation Year; skills: the two skill labels); a resume with titles labelled and no employer labelled (or the
reverse) stays in both rows. The "(all docs)" rows apply the same rules to all 310 resumes, counting every
prediction in an unannotated resume as a false positive, and are kept beside them so the choice stays visible: a
resume that truly lacks a group would hide an invented entry in the main rows, never in these. Name and Email
Address are scored on every resume.

Employers labelled as colleges. dotin files a university or college under College Name wherever it appears,
also where the candidate worked there (a lecturer's or research assistant's employer). A predicted employer that
matches no gold employer of the resume but matches one of its gold College Names (the same rule, with the
company normalization) is left out of the Companies rows, neither right nor wrong: the labels cannot tell work
from study there. Read on dev, 33 of the 40 such employers were real employment (professor, lecturer, admissions
advisor at the university), 7 student roles or misreads.

Colleges read as employers. The mirror case: where a resume names a university as the candidate's employer
("Associate Professor, University of X" in the work history), dotin labels it College Name, and a parser that
reads it (rightly) as the employer misses a College. A gold College Name is left out of the College rows (neither
found nor missed) when no predicted institution matches it and, at every place it is labelled, the parser read an
employer there: a work item's employer evidence overlaps the labelled span and matches it (company
normalization). A college named anywhere else too (an education entry the parser missed) stays a miss, and a
parser cannot drop gold by listing colleges as employers elsewhere. Applied where the parser's text is the
document's text (280 of the 286 resumes annotated for education), since evidence offsets index the former; the
open-source baselines (evaluation/parsing_baselines.py) give no evidence spans, so it never applies to them.
Dev 18 and holdout 7 gold colleges are left out (College F1 dev 0.820 -> 0.850, holdout 0.698 -> 0.708, on the
parser of 8b3ed43); matching by value alone, without the place, would leave out 22 and 11, some of them education
entries the parser missed (a university under a degree, also named as an employer elsewhere).

Split: to keep the parser honest, development looks at even-numbered files only ("dev"); odd-numbered files
("holdout") are reported but not inspected. The table shows dev, holdout and all. The set holds copies of one
resume under different invented names (evaluation.near_duplicates: 13 groups of 2-3 files at 5-gram containment
>= 0.8). A copy of a dev file is no unseen resume, so every copy of a dev file counts as dev: 8 odd-numbered files
move to dev, which holds 163 files, and holdout 147. The intervals of `--ci` and `--against` draw a group of copies
as one resume.

Uncertainty: with about 150 resumes a split, a field's F1 moves by a few hundredths with the sample of resumes.
`--ci` prints each F1 with a 95% bootstrap interval that resamples whole resumes (evaluation.resampling). To judge a
parser change, write a run with `--json FILE` (it stores each resume's counts), change the parser, and run again
with `--against FILE`: the paired bootstrap draws the same resumes for both runs and prints the change, its
interval, the share of resamples in which the new run is better and how many resumes changed.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluation.datasets import DotinDoc, iter_dotin
from evaluation.skills_eval import CLAIMED_MIN_CONFIDENCE

__all__ = [
    "ALL_DOCS_ROWS",
    "FIELDS",
    "FieldScore",
    "annotated_for",
    "assign_splits",
    "copy_groups",
    "gold_values",
    "match_sets",
    "normalize",
    "run",
    "score_documents",
    "skill_lookup",
    "split_of",
    "token_dice",
]

log = logging.getLogger(__name__)

FIELDS: tuple[str, ...] = (
    "Name",
    "Email Address",
    "Phone",
    "Designation",
    "Companies worked at",
    "Degree",
    "College Name",
    "Graduation Year",
    "skills (surface)",
    "skills (canonical)",
    "skills (all mentions)",
    # the same rules on every resume, annotated for the field or not (see "Annotation scope")
    "Designation (all docs)",
    "Companies (all docs)",
    "Degree (all docs)",
    "College Name (all docs)",
    "Graduation Year (all docs)",
    "skills (canonical, all docs)",
)
_SKILL_FIELDS = {"skills (surface)", "skills (canonical)", "skills (all mentions)"}
# an "(all docs)" row -> the field it scores
ALL_DOCS_ROWS = {
    "Designation (all docs)": "Designation",
    "Companies (all docs)": "Companies worked at",
    "Degree (all docs)": "Degree",
    "College Name (all docs)": "College Name",
    "Graduation Year (all docs)": "Graduation Year",
    "skills (canonical, all docs)": "skills (canonical)",
}
# field -> the labels of its group: a resume carrying none of them was not annotated for the field
_WORK_LABELS = ("Designation", "Companies worked at")
_EDUCATION_LABELS = ("Degree", "College Name", "Graduation Year")
_SKILL_LABELS = ("Tech Tools", "Job Specific Skills")
_SCOPE: dict[str, tuple[str, ...]] = {
    "Designation": _WORK_LABELS,
    "Companies worked at": _WORK_LABELS,
    "Degree": _EDUCATION_LABELS,
    "College Name": _EDUCATION_LABELS,
    "Graduation Year": _EDUCATION_LABELS,
    **{f: _SKILL_LABELS for f in _SKILL_FIELDS},
}
# skill types dotin does not label as Tech Tools / Job Specific Skills (see the module docstring)
IGNORED_SKILL_TYPES = frozenset({"soft", "language"})
MATCH_THRESHOLD = 0.8
_COMPANY_SUFFIXES = {
    "ltd",
    "pvt",
    "inc",
    "llc",
    "limited",
    "private",
    "corp",
    "co",
    "corporation",
    "plc",
    "llp",
}
_PUNCT = re.compile(r"[^\w\s+#]|_")
_PUNCT_PLAIN = re.compile(r"[^\w\s]|_")
_WS = re.compile(r"\s+")


def normalize(value: str, *, kind: str = "") -> str:
    """Normalize a value for comparison (see the module docstring)."""
    v = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii").lower()
    v = v.replace("&", " and ")
    v = (_PUNCT if kind in _SKILL_FIELDS or kind == "skills" else _PUNCT_PLAIN).sub(" ", v)
    toks = v.split()
    if kind == "Companies worked at":
        toks = [t for t in toks if t not in _COMPANY_SUFFIXES] or toks
    return " ".join(toks)


def token_dice(a: str, b: str) -> float:
    """Dice coefficient of the token sets of two normalized strings."""
    ta, tb = set(a.split()), set(b.split())
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def _similarity(p: str, g: str) -> float:
    if p == g:
        return 1.0
    d = token_dice(p, g)
    return d if d >= MATCH_THRESHOLD else 0.0


def match_sets(
    pred: Sequence[Iterable[str]], gold: Sequence[str], *, extra: Callable[[int, int], bool] | None = None
) -> int:
    """Number of one-to-one matches between predicted items (each a set of normalized surfaces) and gold
    values (normalized), greedy by similarity. `extra(i, j)` may declare additional matches (score 0.9)."""
    pairs: list[tuple[float, int, int]] = []
    for i, surfaces in enumerate(pred):
        surf = list(surfaces)
        for j, g in enumerate(gold):
            s = max((_similarity(p, g) for p in surf), default=0.0)
            if s == 0.0 and extra is not None and extra(i, j):
                s = 0.9
            if s > 0:
                pairs.append((s, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    tp = 0
    for _s, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        tp += 1
    return tp


@dataclass
class FieldScore:
    """Counts for one field: true positives, predictions, gold values."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    # (document id, tp, n_pred, n_gold) per scored document, for bootstrap intervals (evaluation.resampling)
    rows: list[tuple[str, int, int, int]] = field(default_factory=list)

    @property
    def docs(self) -> int:
        """How many documents were scored."""
        return len(self.rows)

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, n_pred: int, n_gold: int, doc_id: str = "") -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold
        self.rows.append((doc_id, tp, n_pred, n_gold))

    def counts(self) -> dict[str, tuple[int, int, int]]:
        """Per-document (tp, n_pred, n_gold), by document id."""
        return {doc: (tp, n_pred, n_gold) for doc, tp, n_pred, n_gold in self.rows}

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.n_pred,
            "support": self.n_gold,
        }


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _gold_year(v: str) -> str | None:
    ys = _YEAR_RE.findall(v)
    return ys[-1] if ys else None


def _dedup(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


_TITLE_SPLIT = re.compile(r"\s*/\s*|\s+&\s+|\s+and\s+|,\s*")
_SLASH_SPLIT = re.compile(r"\s*/\s*")


def _title_items(title: str) -> list[set[str]]:
    """Predicted items for one title. A compound of full titles ("Project Manager / Technology Lead", every
    part two words or more) is two titles held at once: each part is its own item, the first also matching
    the compound as written. Otherwise one item whose surfaces are the title and its pieces
    ("Sales and Marketing Manager" stays one title). Single words joined by slashes alone ("Owner/Trainer",
    "Volunteer/Intern") are also several titles, dotin labelling each; joined by "and", "&" or commas they stay
    one ("Sales and Marketing")."""
    whole = normalize(title, kind="Designation")
    parts = [normalize(p, kind="Designation") for p in _TITLE_SPLIT.split(title) if p.strip()]
    parts = [p for p in parts if p]
    slashed_words = len(parts) == len(_SLASH_SPLIT.split(title.strip())) and all(
        len(p.split()) == 1 for p in parts
    )
    if len(parts) >= 2 and (all(len(p.split()) >= 2 for p in parts) or slashed_words):
        return [{whole, parts[0]}, *({p} for p in parts[1:])]
    return [{whole, *parts}] if whole else []


def _dedup_items(items: Iterable[set[str]]) -> list[set[str]]:
    out: list[set[str]] = []
    for it in items:
        if it and it not in out:
            out.append(it)
    return out


_ID_PREFIX = "id:"  # canonical ids keep a prefix no normalized surface can have (":" is removed there)


def gold_values(doc: DotinDoc, fld: str, lookup: Callable[[str], Any] | None = None) -> list[str]:
    if fld in _SKILL_FIELDS:
        raw = [*doc.values("Tech Tools"), *doc.values("Job Specific Skills")]
        if fld == "skills (surface)" or lookup is None:
            return _dedup(normalize(v, kind="skills") for v in raw)
        out: list[str] = []
        for v in raw:
            entry = lookup(v)
            if entry is None:
                out.append(normalize(v, kind="skills"))
            elif entry.type not in IGNORED_SKILL_TYPES:
                out.append(_ID_PREFIX + entry.id)
        return _dedup(out)
    if fld == "Graduation Year":
        return _dedup(y for y in (_gold_year(v) for v in doc.values(fld)) if y)
    if fld in _BLANK_LINE_FIELDS:
        return _dedup(normalize(_after_blank_line(v), kind=fld) for v in doc.values(fld))
    return _dedup(normalize(v, kind=fld) for v in doc.values(fld))


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BLANK_LINE_FIELDS = frozenset({"College Name", "Companies worked at"})  # names that never span a blank line


def _after_blank_line(value: str) -> str:
    """A gold College or Companies span that runs over a blank line, read from its part after the last one."""
    parts = [p for p in _BLANK_LINE.split(value) if p.strip()]
    return parts[-1] if parts else value


# An institution that names itself a college, whatever level the entry is; a school or board is not one.
_COLLEGE_NAME_RE = re.compile(
    r"^(?!.*\b(?:school|vidyalaya|board)\b).*\b(?:college|university|institute|polytechnic|academy)\b",
    re.IGNORECASE,
)


def _college_named(institution: str | None) -> bool:
    return bool(institution and _COLLEGE_NAME_RE.search(institution))


# "Microsoft Certified Professional", "Oracle Certified Associate": dotin labels such credentials as Degree (21 of
# the 23 lines of certifications sections that hold "certified" carry a Degree label).
_CERTIFIED_RE = re.compile(r"\bcertified\b", re.IGNORECASE)
_CREDENTIAL_SECTIONS = frozenset({"certifications", "education"})


def _certified_credentials(resume: Any) -> list[Any]:
    """Certifications named "... Certified ..." that stand in a certifications or education section."""
    sections = getattr(resume, "sections", [])
    out = []
    for c in getattr(resume, "certifications", []):
        if not _CERTIFIED_RE.search(c.name) or c.evidence is None:
            continue
        pos = c.evidence.start
        if any(sec.kind in _CREDENTIAL_SECTIONS and sec.start <= pos < sec.end for sec in sections):
            out.append(c)
    return out


def _pred_values(resume: Any, fld: str) -> list[set[str]]:
    """Predicted items for a field, each as its set of normalized surfaces."""
    vals: list[str] = []
    if fld == "Name":
        vals = [resume.contact.name.value] if resume.contact.name else []
    elif fld == "Email Address":
        vals = [resume.contact.email.value] if resume.contact.email else []
    elif fld == "Designation":
        vals = [w.title for w in resume.work if w.title]
        headline = getattr(resume, "headline", None)
        if headline is not None:
            vals.append(headline.value)
        vals += [r.title.value for r in getattr(resume, "referees", []) if r.title]
        vals += [t.value for t in getattr(resume, "target_titles", [])]
    elif fld == "Companies worked at":
        vals = [w.employer for w in resume.work if w.employer]
    elif fld == "Degree":
        vals = [e.degree for e in resume.education if e.degree]
    elif fld == "College Name":
        # dotin labels colleges, never schools: school-level entries (the parser's own level) are left out,
        # unless the institution calls itself a college (a junior college for the 12th year, an FE college)
        vals = [
            e.institution
            for e in resume.education
            if e.institution and (e.level != "secondary" or _college_named(e.institution))
        ]
    elif fld == "Graduation Year":
        vals = [
            str((e.end or e.start).year)
            for e in resume.education
            if (e.end or e.start) and (e.level != "secondary" or _college_named(e.institution))
        ]
    elif fld in _SKILL_FIELDS:
        canonical = fld != "skills (surface)"
        items: list[set[str]] = []
        claimed_only = fld == "skills (canonical)"
        for s in _unique_skills(resume):
            if canonical and (s.type or "") in IGNORED_SKILL_TYPES:
                continue
            if claimed_only and getattr(s, "confidence", 1.0) < CLAIMED_MIN_CONFIDENCE:  # none: a claim
                continue
            surf = {normalize(s.name, kind="skills")} | {normalize(e.text, kind="skills") for e in s.evidence}
            if canonical:
                surf.add(_ID_PREFIX + s.skill_id)
            items.append({x for x in surf if x})
        return items
    if fld == "Designation":
        return _dedup_items(item for v in vals for item in _title_items(v))
    if fld == "Degree":
        items2: list[set[str]] = []
        for e in resume.education:
            if not e.degree or e.level == "secondary":
                continue
            surf = {normalize(e.degree, kind=fld)}
            if e.field and e.degree.endswith(e.field):
                bare = e.degree[: -len(e.field)].rstrip(" ,;:-–(").removesuffix(" in").removesuffix(" of")
                if bare.strip():
                    surf.add(normalize(bare, kind=fld))
            items2.append(surf)
        items2 += [{normalize(c.name, kind=fld)} for c in _certified_credentials(resume)]
        return _dedup_items(items2)
    normed = _dedup(normalize(v, kind=fld) if fld != "Graduation Year" else v for v in vals)
    return [{v} for v in normed]


def skill_lookup() -> Callable[[str], Any] | None:
    try:
        from parsers.taxonomy import load_taxonomy
    except ImportError:
        return None
    try:
        tax = load_taxonomy()
    except Exception:  # the taxonomy file may be missing in a partial checkout
        log.warning("taxonomy could not be loaded; skills matched on surfaces only")
        return None

    return tax.lookup


def score_documents(
    docs: Iterable[DotinDoc],
    *,
    parse: Callable[[str], Any] | None = None,
    splits: Mapping[str, str] | None = None,
) -> tuple[dict[str, dict[str, FieldScore]], dict[str, float]]:
    """Scores per split ("dev", "holdout", "all") and field, plus timing figures. `splits` maps document ids to
    "dev" or "holdout" (default: `assign_splits` over the documents given)."""
    from parsers.resume import parse_resume_text

    if splits is None:
        docs = list(docs)
        splits = assign_splits(docs)
    parse_fn = parse or (lambda t: parse_resume_text(t))
    lookup = skill_lookup()
    scores: dict[str, dict[str, FieldScore]] = {
        split: {f: FieldScore() for f in FIELDS if f != "Phone"} for split in ("dev", "holdout", "all")
    }
    total_ms = 0.0
    n = 0
    for doc in docs:
        t0 = time.perf_counter()
        resume = parse_fn(doc.text)
        total_ms += (time.perf_counter() - t0) * 1000
        n += 1
        split = splits.get(doc.doc_id) or split_of(doc.doc_id)
        for fld in FIELDS:
            if fld == "Phone":
                continue
            if fld in _SCOPE and not annotated_for(doc, fld):
                continue
            base = ALL_DOCS_ROWS.get(fld, fld)
            gold = gold_values(doc, base, lookup)
            pred = _pred_values(resume, base)
            if base == "Companies worked at":
                pred = _without_labelled_colleges(pred, gold, gold_values(doc, "College Name"))
            elif base == "College Name":
                gold = _without_employer_colleges(doc, resume, gold, pred)
            extra = None
            if fld == "skills (surface)" and lookup is not None:
                ids = [s.skill_id for s in _unique_skills(resume)]
                gold_ids = [getattr(lookup(g), "id", None) for g in gold]

                def extra(
                    i: int, j: int, ids: list[str] = ids, gold_ids: list[str | None] = gold_ids
                ) -> bool:
                    return gold_ids[j] is not None and gold_ids[j] == ids[i]

            tp = match_sets(pred, gold, extra=extra)
            for s in (split, "all"):
                scores[s][fld].add(tp, len(pred), len(gold), doc.doc_id)
    timing = {"resumes": n, "parse_ms_mean": round(total_ms / n, 3) if n else 0.0}
    return scores, timing


def split_of(doc_id: str) -> str:
    """ "dev" for even-numbered files, "holdout" for the rest (see "Split"), before near-copies are moved."""
    return "dev" if doc_id.isdigit() and int(doc_id) % 2 == 0 else "holdout"


def copy_groups(docs: Sequence[DotinDoc]) -> dict[str, str]:
    """Each document's group of copies, named by its lowest id (a document without copies is its own group);
    see evaluation.near_duplicates."""
    from evaluation.near_duplicates import duplicate_groups, near_duplicate_pairs

    out = {d.doc_id: d.doc_id for d in docs}
    for group in duplicate_groups(near_duplicate_pairs({d.doc_id: d.text for d in docs})):
        name = min(group, key=lambda i: (int(i) if i.isdigit() else 10**9, i))
        out.update(dict.fromkeys(group, name))
    return out


def assign_splits(docs: Sequence[DotinDoc], groups: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each document's split: by `split_of`, except that every near-copy of a dev document is dev too (a copy of
    a resume that was inspected is not unseen; see "Split"). `groups` as `copy_groups` gives them."""
    groups = groups if groups is not None else copy_groups(docs)
    out = {d.doc_id: split_of(d.doc_id) for d in docs}
    dev_groups = {groups[i] for i, split in out.items() if split == "dev"}
    return {i: "dev" if groups[i] in dev_groups else split for i, split in out.items()}


def annotated_for(doc: DotinDoc, fld: str) -> bool:
    """Whether the annotators labelled anything of the field's group in this resume (see "Annotation scope");
    fields outside the groups (Name, Email Address) are annotated in every resume."""
    return any(doc.values(label) for label in _SCOPE.get(fld, ())) or fld not in _SCOPE


def _without_labelled_colleges(pred: list[set[str]], gold: list[str], colleges: list[str]) -> list[set[str]]:
    """Predicted employers less those that match no gold employer but a gold College Name of the resume
    (see "Employers labelled as colleges")."""
    colleges = [normalize(c, kind="Companies worked at") for c in colleges]
    if not colleges:
        return pred
    return [
        item
        for item in pred
        if any(_similarity(p, g) > 0 for p in item for g in gold)
        or not any(_similarity(p, c) > 0 for p in item for c in colleges)
    ]


def _without_employer_colleges(
    doc: DotinDoc, resume: Any, gold: list[str], pred: list[set[str]]
) -> list[str]:
    """Gold College Names less those the parser read as an employer at every place they are labelled and
    matched by no predicted institution (see "Colleges read as employers")."""
    # evidence offsets index the parser's text: compare them only when it is the document's
    if getattr(resume, "text", None) != doc.text:
        return gold
    employers = [
        (normalize(w.employer, kind="Companies worked at"), w.employer_evidence)
        for w in resume.work
        if w.employer and getattr(w, "employer_evidence", None) is not None
    ]
    if not employers:
        return gold
    spans = [s for s in doc.spans if s.label == "College Name"]

    def read_as_employer(value: str) -> bool:
        if any(_similarity(p, value) > 0 for item in pred for p in item):
            return False
        where = [s for s in spans if normalize(_after_blank_line(s.text), kind="College Name") == value]
        as_company = normalize(value, kind="Companies worked at")
        return bool(where) and all(
            any(
                ev.start < s.end and s.start < ev.end and _similarity(e, as_company) > 0
                for e, ev in employers
            )
            for s in where
        )

    return [g for g in gold if not read_as_employer(g)]


def _unique_skills(resume: Any) -> list[Any]:
    seen: set[str] = set()
    out = []
    for s in resume.skills:
        if s.skill_id not in seen:
            seen.add(s.skill_id)
            out.append(s)
    return out


def score_phones_synthetic(n: int = 200, seed: int = 7) -> FieldScore | None:
    """Phone P/R/F1 on generated resumes (text rendering) whose true number is known; None without
    evaluation.synthetic. A prediction matches when its digits end with the true number's national digits."""
    try:
        from evaluation.synthetic import generate_specs, render_text
    except ImportError:
        return None
    from parsers.resume import parse_resume_text

    score = FieldScore()
    for spec in generate_specs(n, seed):
        truth = getattr(spec, "phone", None)
        resume = parse_resume_text(render_text(spec))
        pred = resume.contact.phone.value if resume.contact.phone else None
        gold_digits = re.sub(r"\D", "", truth or "")
        pred_digits = re.sub(r"\D", "", pred or "")
        ok = bool(pred_digits and gold_digits) and (
            pred_digits.endswith(gold_digits[-10:]) or gold_digits.endswith(pred_digits[-10:])
        )
        score.add(int(ok), int(pred is not None), int(bool(truth)))
    return score


def format_table(scores: dict[str, dict[str, FieldScore]], phone: FieldScore | None = None) -> str:
    """A plain-text table: field, then P, R, F1 and support for each split."""
    splits = [s for s in ("dev", "holdout", "all") if s in scores]
    head = f"{'field':<28}" + "".join(f" | {s:^29}" for s in splits)
    sub = f"{'':<28}" + "".join(f" | {'P':>6} {'R':>6} {'F1':>6} {'supp':>6} " for _ in splits)
    lines = [head, sub, "-" * len(sub)]
    for fld in FIELDS:
        if fld == "Phone":
            if phone is None:
                lines.append(f"{'Phone':<28} | no Phone labels in dotin; synthetic phone check unavailable")
            else:
                lines.append(
                    f"{'Phone (synthetic)':<28} | {phone.precision:6.3f} {phone.recall:6.3f} {phone.f1:6.3f} "
                    f"{phone.n_gold:6d}  (generated resumes; dotin has no Phone labels)"
                )
            continue
        row = f"{fld:<28}"
        for s in splits:
            fs = scores[s][fld]
            row += f" | {fs.precision:6.3f} {fs.recall:6.3f} {fs.f1:6.3f} {fs.n_gold:6d} "
        lines.append(row)
    return "\n".join(lines)


_SPLITS = ("dev", "holdout", "all")


def _scored_fields(scores: dict[str, dict[str, FieldScore]]) -> list[str]:
    return [f for f in FIELDS if f in scores.get("all", {})]


def format_intervals(
    scores: dict[str, dict[str, FieldScore]], *, groups: Mapping[str, str] | None = None, seed: int = 0
) -> str:
    """F1 with its 95% bootstrap interval for each split and field, resampling resumes (copies of one resume
    together, given `groups` as `copy_groups` gives them)."""
    from evaluation.resampling import f1_interval

    head = f"{'field (F1, 95% interval)':<28}" + "".join(f" | {s:^22}" for s in _SPLITS)
    lines = [head, "-" * len(head)]
    for fld in _scored_fields(scores):
        row = f"{fld:<28}"
        for s in _SPLITS:
            fs = scores[s][fld]
            clusters = [groups.get(r[0], r[0]) for r in fs.rows] if groups is not None else None
            lo, hi = f1_interval([r[1:] for r in fs.rows], groups=clusters, seed=seed)
            row += f" | {fs.f1:.3f} [{lo:.3f}, {hi:.3f}]"
        lines.append(row)
    return "\n".join(lines)


def documents_payload(scores: dict[str, dict[str, FieldScore]]) -> dict[str, dict[str, list[int]]]:
    """Per field, each resume's [tp, n_pred, n_gold] by document id: what `--against` compares with."""
    return {
        fld: {doc: list(c) for doc, c in scores["all"][fld].counts().items()}
        for fld in _scored_fields(scores)
    }


def format_comparison(
    baseline: dict[str, dict[str, Sequence[int]]],
    scores: dict[str, dict[str, FieldScore]],
    *,
    groups: Mapping[str, str] | None = None,
    seed: int = 0,
) -> str:
    """This run's F1 minus a stored run's, with a paired bootstrap interval (copies of one resume drawn together,
    given `groups`) and the share of resamples where this run is better (see evaluation.resampling).

    Raises ValueError when the stored run did not score the same resumes for every field this run scores, or
    holds a row that is no (tp, n_pred, n_gold) triple: a comparison over part of the resumes would read as "no
    change" where nothing was compared."""
    from evaluation.resampling import paired_f1_delta

    for fld in _scored_fields(scores):
        now_docs = set(scores["all"][fld].counts())
        before_docs = set(baseline.get(fld, {}))
        if before_docs != now_docs:
            raise ValueError(
                f"{fld}: the stored run scored {len(before_docs)} resumes, this run {len(now_docs)} "
                f"({len(now_docs - before_docs)} missing there, {len(before_docs - now_docs)} missing here)"
            )
        if any(len(row) != 3 for row in baseline[fld].values()):
            raise ValueError(f"{fld}: a stored row is no (tp, n_pred, n_gold) triple")

    head = f"{'field (change of F1)':<28}" + "".join(f" | {s:^31}" for s in _SPLITS)
    lines = [head, "-" * len(head)]
    for fld in _scored_fields(scores):
        before = baseline[fld]
        row = f"{fld:<28}"
        for s in _SPLITS:
            now = scores[s][fld].counts()
            docs = sorted(now.keys() & before.keys())
            a = [(int(before[d][0]), int(before[d][1]), int(before[d][2])) for d in docs]
            clusters = [groups.get(x, x) for x in docs] if groups is not None else None
            d = paired_f1_delta(a, [now[x] for x in docs], groups=clusters, seed=seed)
            row += (
                f" | {d.delta:+.3f} [{d.low:+.3f}, {d.high:+.3f}] {d.share_better:4.2f} {d.docs_changed:3d}"
            )
        lines.append(row)
    n = max((scores["all"][f].docs for f in _scored_fields(scores)), default=0)
    lines.append(
        f"{n} resumes compared; each split: change, 95% paired bootstrap interval, share of resamples better, "
        "resumes whose counts changed"
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """`shortlist eval parsing`: score the parser on dotin and print the table; 0 on success, 2 without data."""
    import sys

    against = getattr(args, "against", None)
    baseline = None
    if against:
        try:
            baseline = json.loads(Path(against).read_text(encoding="utf-8"))["documents"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(
                f"shortlist: error: {against} is no `--json` output with documents ({exc})", file=sys.stderr
            )
            return 2
    data = getattr(args, "data", None)
    limit = getattr(args, "limit", None)
    try:
        docs = list(iter_dotin(data, limit=limit))
    except FileNotFoundError:
        print(
            "shortlist: error: dotin data not found (expected ../shared/data/parsing/dotin_train "
            "or --data / $SHORTLIST_SHARED_DATA)",
            file=sys.stderr,
        )
        return 2
    groups = copy_groups(docs)
    scores, timing = score_documents(_progress(docs), splits=assign_splits(docs, groups))
    phone = score_phones_synthetic()
    print(format_table(scores, phone))
    print(f"\nresumes: {timing['resumes']}  mean parse time: {timing['parse_ms_mean']:.2f} ms (text, no PDF)")
    if getattr(args, "ci", False):
        print("\n" + format_intervals(scores, groups=groups))
    if baseline is not None:
        try:
            print(f"\nagainst {against}:\n" + format_comparison(baseline, scores, groups=groups))
        except ValueError as exc:
            print(f"shortlist: error: cannot compare with {against}: {exc}", file=sys.stderr)
            return 2
    json_out = getattr(args, "json_out", None)
    if json_out:
        payload: dict[str, Any] = {
            "dataset": "dotin_train",
            "splits": {s: {f: fs.as_dict() for f, fs in per.items()} for s, per in scores.items()},
            "phone_synthetic": phone.as_dict() if phone else None,
            "timing": timing,
            "match_threshold": MATCH_THRESHOLD,
            "documents": documents_payload(scores),
        }
        Path(json_out).write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 0


def _progress(docs: list[DotinDoc]) -> Iterable[DotinDoc]:
    try:
        from tqdm import tqdm
    except ImportError:
        return docs
    return tqdm(docs, desc="parsing", unit="resume", leave=False)
