"""Features of one (job, candidate) pair: pure functions, each a value in [0, 1] with a note and evidence.

None of them reads a protected attribute or a proxy for one: no name, contact detail, location, age,
graduation year, gendered word or institution enters a feature. Similarities between texts come in as
numbers (computed by the caller on blinded text), so these functions stay pure and cheap.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from rapidfuzz import fuzz

from matcher.profile import title_counts
from models.evidence import Span
from models.job import Job, JobSkill
from models.match import SkillMatch
from models.resume import EDUCATION_LEVELS, Education, PartialDate, Resume, SkillMention, WorkItem
from parsers.occupations import OccupationMatch, isco_level

__all__ = [
    "BASIC_FEATURES",
    "DEFAULT_TARGET_YEARS",
    "FEATURES",
    "OCCUPATION_CREDIT",
    "CandidateBasics",
    "FeatureResult",
    "JobFeatures",
    "OccupationFn",
    "RelatedFn",
    "candidate_titles",
    "education_fit",
    "lexical_match",
    "normalize_title",
    "occupation_match",
    "peer_support",
    "preferred_skill_coverage",
    "related_skill_credit",
    "relevant_experience",
    "required_skill_coverage",
    "rescale",
    "semantic_similarity",
    "skill_matches",
    "skill_recency",
    "title_match",
    "title_similarity",
    "unit_value",
]

RelatedFn = Callable[[str], dict[str, float]]
OccupationFn = Callable[[str], OccupationMatch | None]  # a job title -> its occupation (parsers.occupations)

# Every feature the scorer knows, in explanation order.
FEATURES: tuple[str, ...] = (
    "required_skill_coverage",
    "preferred_skill_coverage",
    "related_skill_credit",
    "semantic_similarity",
    "relevant_experience",
    "title_similarity",
    "occupation_match",
    "education_fit",
    "skill_recency",
    "lexical_match",
    "peer_support",
)

PEER_K = 10  # neighbours whose semantic match lends support (score regularization over the candidate set)
DEFAULT_TARGET_YEARS = 3.0  # relevant years that earn full credit when the job states no minimum
MAX_EVIDENCE = 3  # spans kept per item, enough to show why without flooding the explanation
REQUIRED_WEIGHT = 2.0  # a required skill counts twice a preferred one in related_skill_credit


class _FeatureFields(NamedTuple):
    value: float
    note: str = ""
    evidence: tuple[Span, ...] = ()
    applicable: bool = True


class FeatureResult(_FeatureFields):
    """A feature value in [0, 1] (clipped; NaN read as 0) with its note and evidence; `applicable` is False
    when the job gives nothing to measure. Immutable; a named tuple, since a ranking builds thousands (half
    the cost of a frozen dataclass, measured)."""

    __slots__ = ()

    def __new__(
        cls, value: float, note: str = "", evidence: tuple[Span, ...] = (), applicable: bool = True
    ) -> FeatureResult:
        return tuple.__new__(cls, (unit_value(value), note, evidence, applicable))


def unit_value(x: float) -> float:
    """A feature value as `FeatureResult` keeps it: clipped to [0, 1], NaN read as 0."""
    clipped = min(1.0, max(0.0, float(x)))
    return clipped if clipped == clipped else 0.0


def rescale(x: float, lo: float, hi: float) -> float:
    """Map x linearly from [lo, hi] onto [0, 1], clipped."""
    if hi <= lo:
        raise ValueError("hi must be above lo")
    return min(1.0, max(0.0, (float(x) - lo) / (hi - lo)))


def _spans(spans: Iterable[Span | None], limit: int = MAX_EVIDENCE) -> tuple[Span, ...]:
    out: list[Span] = []
    seen: set[tuple[int, int, str]] = set()  # a Span's fields: cheaper than pydantic equality per pair
    for s in spans:
        if s is not None and (key := (s.start, s.end, s.text)) not in seen:
            seen.add(key)
            out.append(s)
        if len(out) >= limit:
            break
    return tuple(out)


# ---------------------------------------------------------------- skills


def skill_matches(job: Job, resume: Resume, related: RelatedFn | None = None) -> list[SkillMatch]:
    """How the candidate covers each job skill: "exact", "related" (best partial credit) or "missing"."""
    have = {s.skill_id: s for s in resume.skills}
    job_skills = job.all_skills()
    return _skill_matches(job_skills, have, best_related([js.skill_id for js in job_skills], have, related))


def _skill_matches(
    job_skills: Sequence[JobSkill],
    have: Mapping[str, SkillMention],
    best: Mapping[str, tuple[str | None, float]],
) -> list[SkillMatch]:
    out: list[SkillMatch] = []
    for js in job_skills:
        mention = have.get(js.skill_id)
        if mention is not None:
            out.append(
                SkillMatch(
                    skill_id=js.skill_id,
                    name=js.name,
                    required=js.required,
                    kind="exact",
                    evidence=list(_spans(mention.evidence)),
                )
            )
            continue
        via, credit = best[js.skill_id]
        if via is not None and credit > 0:
            out.append(
                SkillMatch(
                    skill_id=js.skill_id,
                    name=js.name,
                    required=js.required,
                    kind="related",
                    via=have[via].name,
                    evidence=list(_spans(have[via].evidence)),
                )
            )
        else:
            out.append(SkillMatch(skill_id=js.skill_id, name=js.name, required=js.required, kind="missing"))
    return out


def best_related(
    skill_ids: Sequence[str], have: Mapping[str, SkillMention], related: RelatedFn | None
) -> dict[str, tuple[str | None, float]]:
    """For each id in `skill_ids` the candidate lacks: the candidate skill giving it the most credit through
    the taxonomy, in both directions, and that credit (at most 1); (None, 0.0) when none does.

    Forward credits (`related(skill_id)`) are read first; a reverse credit (`related(other)[skill_id]`)
    replaces them only when strictly larger, the first such candidate skill in id order winning ties.
    Each candidate skill's relations are read once for all the missing ids.
    """
    missing = [sid for sid in dict.fromkeys(skill_ids) if sid not in have]
    best: dict[str, tuple[str | None, float]] = {sid: (None, 0.0) for sid in missing}
    if related is None or not have or not missing:
        return best
    for sid in missing:
        for other, credit in _related(related, sid).items():
            if other in have and credit > best[sid][1]:
                best[sid] = (other, float(credit))
    reverse: dict[str, tuple[str, float]] = {}
    for other in sorted(have):
        rel = _related(related, other)
        if not rel:
            continue
        for sid in missing:
            got = rel.get(sid)
            if got is not None and (sid not in reverse or float(got) > reverse[sid][1]):
                reverse[sid] = (other, float(got))
    for sid, (other, rev_credit) in reverse.items():
        if rev_credit > best[sid][1]:
            best[sid] = (other, rev_credit)
    return {sid: (via, min(1.0, credit)) for sid, (via, credit) in best.items()}


def _related(related: RelatedFn, skill_id: str) -> dict[str, float]:
    try:
        return related(skill_id) or {}
    except (KeyError, LookupError):  # an id the taxonomy does not know has no relations
        return {}


def _coverage(skills: Sequence[JobSkill], resume: Resume, label: str) -> FeatureResult:
    return _coverage_of(skills, {s.skill_id: s for s in resume.skills}, label)


def _coverage_of(skills: Sequence[JobSkill], have: Mapping[str, SkillMention], label: str) -> FeatureResult:
    if not skills:
        return FeatureResult(0.0, f"the job lists no {label} skills", applicable=False)
    hits = _skill_hits(skills, have)
    names = ", ".join(m.name for m in hits[:5])
    note = f"{len(hits)} of {len(skills)} {label} skills" + (f": {names}" if names else "")
    evidence = _spans(span for m in hits for span in m.evidence[:1])
    return FeatureResult(len(hits) / len(skills), note, evidence)


def _coverage_value(skills: Sequence[JobSkill], have: Mapping[str, SkillMention]) -> float:
    """Share of the listed job skills the candidate holds (`_coverage_of(...).value`; skills not empty)."""
    return len(_skill_hits(skills, have)) / len(skills)


def _skill_hits(skills: Sequence[JobSkill], have: Mapping[str, SkillMention]) -> list[SkillMention]:
    """The candidate's mentions of the job skills listed, in the job's order."""
    return [have[s.skill_id] for s in skills if s.skill_id in have]


def required_skill_coverage(job: Job, resume: Resume) -> FeatureResult:
    """Share of the job's required skills found in the resume."""
    return _coverage(job.required_skills, resume, "required")


def preferred_skill_coverage(job: Job, resume: Resume) -> FeatureResult:
    """Share of the job's preferred skills found in the resume."""
    return _coverage(job.preferred_skills, resume, "preferred")


def related_skill_credit(job: Job, resume: Resume, related: RelatedFn | None = None) -> FeatureResult:
    """Skill coverage where a related skill earns partial credit (taxonomy `related()`), required counted 2x."""
    skills = job.all_skills()
    if not skills:
        return FeatureResult(0.0, "the job lists no skills", applicable=False)
    have = {s.skill_id: s for s in resume.skills}
    return _related_credit(skills, have, best_related([js.skill_id for js in skills], have, related))


def _related_credit(
    skills: Sequence[JobSkill],
    have: Mapping[str, SkillMention],
    best: Mapping[str, tuple[str | None, float]],
) -> FeatureResult:
    value, exact, vias = _related_parts(skills, have, best)
    partial = [f"{js.name} via {have[via].name}" for js, via in vias]
    evidence = [span for _, via in vias for span in have[via].evidence[:1]]
    held = f"{exact} of {len(skills)} job skills held"
    note = (
        f"{held}; no related skill adds credit"
        if not partial
        else f"{held}; partial credit: " + "; ".join(partial[:4])
    )
    return FeatureResult(value, note, _spans(evidence))


def _related_parts(
    skills: Sequence[JobSkill],
    have: Mapping[str, SkillMention],
    best: Mapping[str, tuple[str | None, float]],
) -> tuple[float, int, list[tuple[JobSkill, str]]]:
    """(related_skill_credit's value, job skills held, (job skill, candidate skill) of each partial credit):
    held skills earn full credit, missing ones their best related credit, required ones counted twice."""
    total = 0.0
    weight_sum = 0.0
    vias: list[tuple[JobSkill, str]] = []
    exact = 0
    for js in skills:
        w = REQUIRED_WEIGHT if js.required else 1.0
        weight_sum += w
        if js.skill_id in have:
            total += w
            exact += 1
            continue
        via, credit = best[js.skill_id]
        if via is not None and credit > 0:
            total += w * credit
            vias.append((js, via))
    return unit_value(total / weight_sum), exact, vias


def skill_recency(job: Job, resume: Resume, today: date | None = None) -> FeatureResult:
    """How recently the matched job skills were used: full credit within 2 years, fading to 0.2 at 10.

    A skill listed without any dated position counts 0.5 (known, but not when it was used).
    """
    skills = job.all_skills()
    if not skills:
        return FeatureResult(0.0, "the job lists no skills", applicable=False)
    return _recency(skills, {s.skill_id: s for s in resume.skills}, today or date.today())


def _recency(skills: Sequence[JobSkill], have: Mapping[str, SkillMention], today: date) -> FeatureResult:
    matched = _skill_hits(skills, have)
    if not matched:
        return FeatureResult(0.0, "no job skill found in the resume")
    credits = _recency_credits(matched, today)
    recent = sum(1 for c in credits if c == 1.0)
    note = f"{recent} of {len(matched)} matched skills used in the last 2 years"
    evidence = _spans(span for m in matched for span in m.evidence[:1])
    return FeatureResult(sum(credits) / len(credits), note, evidence)


def _recency_value(skills: Sequence[JobSkill], have: Mapping[str, SkillMention], today: date) -> float:
    """`_recency(...).value` without its note and evidence."""
    credits = _recency_credits(_skill_hits(skills, have), today)
    return unit_value(sum(credits) / len(credits)) if credits else 0.0


def _recency_credits(matched: Sequence[SkillMention], today: date) -> list[float]:
    """Per matched skill: 1.0 when last used within 2 years, fading by 0.1 a year to 0.2; 0.5 undated."""
    now = today.year * 12 + today.month - 1
    credits = []
    for m in matched:
        if m.last_used is None:
            credits.append(0.5)
            continue
        years = max(0.0, (now - m.last_used.ordinal()) / 12.0)
        credits.append(1.0 if years <= 2 else max(0.2, 1.0 - 0.1 * (years - 2)))
    return credits


# ---------------------------------------------------------------- titles and experience

_SENIORITY = frozenset(
    """senior sr junior jr lead principal staff chief head associate assistant i ii iii iv v entry level trainee
    intern interim acting deputy""".split()  # noqa: SIM905
)
_TITLE_STOP = frozenset("a an and the of for to in at on with from by or".split())  # noqa: SIM905
_TITLE_TOKEN_RE = re.compile(r"[a-z0-9+#]+")


def normalize_title(title: str) -> list[str]:
    """Content tokens of a job title: lower case, seniority and filler words dropped, light stemming."""
    return list(_title_tokens(title))


@functools.lru_cache(maxsize=65536)
def _title_tokens(title: str) -> tuple[str, ...]:
    # cached: the same titles come back for every candidate and every job in a shortlist
    out = []
    for tok in _TITLE_TOKEN_RE.findall(title.lower()):
        if tok in _SENIORITY or tok in _TITLE_STOP or tok.isdigit():
            continue
        if len(tok) > 4 and tok.endswith("s") and not tok.endswith("ss"):
            tok = tok[:-1]
        out.append(tok)
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def title_match(a: str, b: str) -> float:
    """Similarity of two job titles in [0, 1]: token overlap (Dice) blended with fuzzy token-set ratio."""
    ta, tb = normalize_title(a), normalize_title(b)
    if not ta or not tb:
        return 0.0
    sa, sb = set(ta), set(tb)
    dice = 2 * len(sa & sb) / (len(sa) + len(sb))
    fuzzy = fuzz.token_set_ratio(" ".join(ta), " ".join(tb)) / 100.0
    return 0.5 * dice + 0.5 * fuzzy


_HEADLINE_MAX = 70


def candidate_titles(resume: Resume, *, headline: str | None = None) -> list[tuple[str, Span | None]]:
    """Titles the candidate held (most recent first), plus their headline when one is given.

    The headline (first line of the resume, blinded by the caller) often states the current role.
    """
    out: list[tuple[str, Span | None]] = []
    if headline and 0 < len(headline) <= _HEADLINE_MAX:
        out.append((headline, None))
    for w in _recent_first(resume.work):
        if w.title and title_counts(w):
            out.append((w.title, w.title_evidence))
    return out


def _recent_first(work: Sequence[WorkItem]) -> list[WorkItem]:
    def key(iw: tuple[int, WorkItem]) -> tuple[int, int, int]:
        i, w = iw
        end = w.end or w.start
        return (0 if w.current else 1, -(end.ordinal() if end else -(10**6)), i)

    return [w for _, w in sorted(enumerate(work), key=key)]


def title_similarity(
    job: Job, resume: Resume, *, headline: str | None = None, embedding_cosine: float | None = None
) -> FeatureResult:
    """Best match of the job title against the candidate's titles (token/fuzzy), blended 50/50 with the
    rescaled embedding cosine of the titles when the caller computed it."""
    job_title = (job.title or "").strip()
    if not job_title:
        return FeatureResult(0.0, "the job has no title", applicable=False)
    return _title_similarity(job_title, candidate_titles(resume, headline=headline), embedding_cosine)


def _title_similarity(
    job_title: str, titles: Sequence[tuple[str, Span | None]], embedding_cosine: float | None
) -> FeatureResult:
    best, best_title, best_span = _best_title(job_title, titles)
    value = best
    if embedding_cosine is not None:
        value = 0.5 * best + 0.5 * rescale(embedding_cosine, 0.2, 0.8)
    note = f'closest title: "{best_title}"' if best_title else "no title found"
    return FeatureResult(value, note, _spans([best_span]))


def _best_title(job_title: str, titles: Sequence[tuple[str, Span | None]]) -> tuple[float, str, Span | None]:
    """(similarity, title, evidence) of the candidate title closest to the job title; (0.0, "", None) when
    none is alike. Titles after the third count 0.8."""
    best, best_title, best_span = 0.0, "", None
    for i, (t, span) in enumerate(titles):
        s = title_match(job_title, t) * (1.0 if i < 3 else 0.8)  # older titles count a little less
        if s > best:
            best, best_title, best_span = s, t, span
    return best, best_title, best_span


# Credit by the ISCO-08 digits two occupations share: same unit group, minor group, sub-major group.
# A shared major group alone (all professionals, all managers) says too little to earn credit. The steep fall
# was chosen on posts 1-2 of the livecareer dev set (0.6 / 0.3 for the lower levels ranked worse there: a
# neighbouring unit group, say graphic for garment designers, is often another line of work).
OCCUPATION_CREDIT: dict[int, float] = {4: 1.0, 3: 0.3, 2: 0.1}
_ISCO_LEVEL_NAMES = {4: "same occupation group", 3: "same minor group", 2: "same sub-major group"}


def occupation_match(
    job: Job, resume: Resume, occupation: OccupationFn | None, *, headline: str | None = None
) -> FeatureResult:
    """How close the candidate's occupations are to the job's: the job title and each candidate title
    (headline and positions, most recent first) are looked up in the occupation taxonomy and compared by
    their ISCO-08 codes (`OCCUPATION_CREDIT`); titles after the third count 0.8. The best title is the
    evidence. Not applicable when the job title names no known occupation."""
    job_title = (job.title or "").strip()
    if occupation is None or not job_title:
        return FeatureResult(0.0, "the job title names no known occupation", applicable=False)
    want = occupation(job_title)
    if want is None:
        return FeatureResult(0.0, "the job title names no known occupation", applicable=False)
    return _occupation_match(want, candidate_titles(resume, headline=headline), occupation, resume.text)


def _occupation_match(
    want: OccupationMatch, titles: Sequence[tuple[str, Span | None]], occupation: OccupationFn, text: str
) -> FeatureResult:
    best, best_title, best_span, best_occ, best_level = _best_occupation(want, titles, occupation)
    job_part = f"job: {want.label} (ISCO {want.isco})"
    if best_occ is None or best <= 0:
        return FeatureResult(0.0, f"{job_part}; no title of the candidate in a related occupation group")
    note = f'{job_part}; "{best_title}": {best_occ.label} (ISCO {best_occ.isco}), {_ISCO_LEVEL_NAMES[best_level]}'
    if best_span is None:  # the headline: point at it in the text when it is there as written
        at = text.find(best_title)
        best_span = Span.of(text, at, at + len(best_title)) if at >= 0 else None
    return FeatureResult(best, note, _spans([best_span]))


def _best_occupation(
    want: OccupationMatch, titles: Sequence[tuple[str, Span | None]], occupation: OccupationFn
) -> tuple[float, str, Span | None, OccupationMatch | None, int]:
    """(credit, title, evidence, occupation, shared ISCO digits) of the candidate title whose occupation is
    closest to the job's; credit 0 and no occupation when none shares a group that earns credit."""
    best, best_title, best_span, best_occ, best_level = 0.0, "", None, None, 0
    for i, (title, span) in enumerate(titles):
        have = occupation(title)
        if have is None:
            continue
        level = isco_level(want.isco, have.isco)
        credit = OCCUPATION_CREDIT.get(level, 0.0) * (1.0 if i < 3 else 0.8)
        if credit > best:
            best, best_title, best_span, best_occ, best_level = credit, title, span, have, level
    return best, best_title, best_span, best_occ, best_level


def _months(w: WorkItem, today: date) -> int:
    if w.months is not None:
        return max(0, w.months)
    if w.start is None:
        return 0
    end = w.end
    if end is None and w.current:
        end = PartialDate(year=today.year, month=today.month)
    if end is None:
        return 0
    return max(0, end.ordinal() - w.start.ordinal() + 1)


def _merged_months(items: Sequence[WorkItem], today: date) -> int:
    """Months covered by the positions, overlaps merged; undated positions add their stated months."""
    spans: list[tuple[int, int]] = []
    loose = 0
    for w in items:
        m = _months(w, today)
        if w.start is not None and m > 0:
            spans.append((w.start.ordinal(), w.start.ordinal() + m))
        else:
            loose += m
    spans.sort()
    total, cur_s, cur_e = 0, None, None
    for s, e in spans:
        if cur_e is None or s > cur_e:
            if cur_e is not None and cur_s is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None and cur_s is not None:
        total += cur_e - cur_s
    return total + loose


def relevant_experience(
    job: Job, resume: Resume, *, today: date | None = None, title_threshold: float = 0.5
) -> FeatureResult:
    """Years in positions relevant to the job (title close to the job title, or using a job skill) over the
    job's minimum years (3 when it states none), capped at 1."""
    job_skills = {s.skill_id for s in job.all_skills()}
    return _relevant_experience(job, job_skills, resume.work, today or date.today(), title_threshold)


def _relevant_experience(
    job: Job, job_skills: set[str], work: Sequence[WorkItem], today: date, title_threshold: float
) -> FeatureResult:
    relevant = _relevant_items(job, job_skills, work, title_threshold)
    years = _merged_months(relevant, today) / 12.0
    target = _target_years(job)
    note = f"{years:.1f} relevant years of {target:g} asked" + (
        "" if job.min_years is not None else " (no minimum stated; 3 assumed)"
    )
    evidence = _spans(w.title_evidence or w.dates_evidence for w in relevant)
    return FeatureResult(years / target, note, evidence)


def _relevant_items(
    job: Job, job_skills: set[str], work: Sequence[WorkItem], title_threshold: float
) -> list[WorkItem]:
    """Positions relevant to the job: a title close to the job title, or a job skill used there."""
    return [
        w
        for w in work
        if (job.title and w.title and title_match(job.title, w.title) >= title_threshold)
        or (job_skills and job_skills.intersection(w.skill_ids))
    ]


def _target_years(job: Job) -> float:
    return max(1.0, job.min_years if job.min_years is not None else DEFAULT_TARGET_YEARS)


def _relevant_value(job: Job, job_skills: set[str], work: Sequence[WorkItem], today: date) -> float:
    """`_relevant_experience(..., title_threshold=0.5).value` without its note and evidence."""
    months = _merged_months(_relevant_items(job, job_skills, work, 0.5), today)
    return unit_value(months / 12.0 / _target_years(job))


# ---------------------------------------------------------------- education


def education_fit(job: Job, resume: Resume) -> FeatureResult:
    """1.0 at or above the job's degree level, 0.5 one level below, 0.2 lower; 0.3 when none was found."""
    if job.degree_level is None:
        return FeatureResult(0.0, "the job asks for no degree", applicable=False)
    value, top = _education_value(job.degree_level, resume)
    if top is None:
        return FeatureResult(value, f"no degree found; the job asks for {job.degree_level}")
    note = f"{top.level} for {job.degree_level} asked"
    return FeatureResult(value, note, _spans([top.degree_evidence]))


def _education_value(asked: str, resume: Resume) -> tuple[float, Education | None]:
    """(education_fit's value, the highest degree found or None) for the level asked."""
    want = EDUCATION_LEVELS.index(asked)
    levels = [(EDUCATION_LEVELS.index(e.level), e) for e in resume.education if e.level]
    if not levels:
        return 0.3, None
    have, edu = max(levels, key=lambda x: x[0])
    gap = want - have
    return (1.0 if gap <= 0 else 0.5 if gap == 1 else 0.2), edu


# ---------------------------------------------------------------- similarities computed by the caller

SEMANTIC_LO = 0.15  # MiniLM cosines of unrelated job/resume pairs sit around here
SEMANTIC_HI = 0.65  # and of close matches around here


def semantic_similarity(cosine: float, *, lo: float = SEMANTIC_LO, hi: float = SEMANTIC_HI) -> FeatureResult:
    """The embedding cosine of job and (blinded) resume profile, rescaled from [lo, hi] to [0, 1]."""
    return FeatureResult(rescale(cosine, lo, hi), f"embedding cosine {cosine:.2f}")


def lexical_match(scaled_bm25: float) -> FeatureResult:
    """BM25 of the job text against the blinded resume text, divided by the best in the candidate set."""
    return FeatureResult(scaled_bm25, f"{scaled_bm25:.0%} of the best keyword match in this set")


def peer_support(mean_neighbour_semantic: float, k: int = PEER_K) -> FeatureResult:
    """Cluster-hypothesis support: the mean semantic match of the `k` candidates whose resumes are most
    like this one (by embedding), so a candidate among many close matches gains and an outlier that only
    happens to share words with the job loses. The caller finds the neighbours in the candidate set."""
    return FeatureResult(
        mean_neighbour_semantic,
        f"the {k} most similar candidates in this set match the job at {mean_neighbour_semantic:.0%} on average",
    )


# ---------------------------------------------------------------- one job against many candidates


# The features `JobFeatures.basics` works out: they read the candidate's skills, positions, titles and
# education, but neither the taxonomy's related skills nor the occupation index.
BASIC_FEATURES: tuple[str, ...] = (
    "required_skill_coverage",
    "preferred_skill_coverage",
    "relevant_experience",
    "title_similarity",
    "education_fit",
    "skill_recency",
)


@dataclass(frozen=True)
class CandidateBasics:
    """What `JobFeatures.basics` read of one candidate: skills by id, titles (headline first, then positions
    most recent first) and the values of the `BASIC_FEATURES` that apply to the job."""

    have: dict[str, SkillMention]
    titles: list[tuple[str, Span | None]]
    values: dict[str, float]


class JobFeatures:
    """The job's side of every feature, worked out once for a ranking call: its skill lists, its title's
    occupation, and each related skill's credits cut down to the job's skills. `of` then gives one candidate
    exactly what the per-pair functions give (`matcher.ranking.compute_features`), reading the candidate's
    skills and titles once for all features, and `skill_matches` what `skill_matches` gives.

    Args:
        related: taxonomy `related(skill_id)` (callers pass a memoized one; None: no related credit).
        occupation: occupation lookup of a title (None: occupation_match does not apply).
        today: reference date for durations and recency (default: today).
    """

    def __init__(
        self,
        job: Job,
        *,
        related: RelatedFn | None = None,
        occupation: OccupationFn | None = None,
        today: date | None = None,
    ) -> None:
        self.job = job
        self.related = related
        self.occupation = occupation
        self.today = today or date.today()
        self.skills = job.all_skills()
        self.skill_ids = [js.skill_id for js in self.skills]
        self.skill_set = set(self.skill_ids)
        self.title = (job.title or "").strip()
        self.want = occupation(self.title) if occupation is not None and self.title else None
        # forward credits of each job skill, as {candidate skill: (credit, position)} for credits above 0:
        # the first of equal credits in `related`'s order wins, as in best_related's loop
        self._forward: dict[str, dict[str, tuple[float, int]]] = {}
        self._forward_items: dict[str, list[tuple[str, float]]] = {}
        # reverse credits: candidate skill -> {job skill: credit} for the job's skills it relates to
        self._reverse: dict[str, dict[str, float]] = {}
        # each candidate's best_related, kept for its explanation (keyed by the resume object, held alive)
        self._best: dict[int, tuple[Resume, dict[str, tuple[str | None, float]]]] = {}

    # -- skills ----------------------------------------------------------------------------------------------

    def _forward_of(self, sid: str) -> dict[str, tuple[float, int]]:
        got = self._forward.get(sid)
        if got is None:
            items = list(_related(self.related, sid).items()) if self.related is not None else []
            self._forward_items[sid] = items
            # NaN and non-positive credits never win
            got = {other: (float(credit), pos) for pos, (other, credit) in enumerate(items) if credit > 0}
            self._forward[sid] = got
        return got

    def _reverse_of(self, other: str) -> dict[str, float]:
        got = self._reverse.get(other)
        if got is None:
            rel = _related(self.related, other) if self.related is not None else {}
            got = {sid: rel[sid] for sid in self.skill_set if sid in rel} if rel else {}
            self._reverse[other] = got
        return got

    def best_related(self, have: Mapping[str, SkillMention]) -> dict[str, tuple[str | None, float]]:
        """`best_related(self.skill_ids, have, related)`, from the per-job tables."""
        missing = [sid for sid in dict.fromkeys(self.skill_ids) if sid not in have]
        best: dict[str, tuple[str | None, float]] = {sid: (None, 0.0) for sid in missing}
        if self.related is None or not have or not missing:
            return best
        for sid in missing:
            forward = self._forward_of(sid)
            if len(forward) <= len(have):
                # the loop of best_related over the related skills in their order: strictly larger wins
                for other, credit in self._forward_items[sid]:
                    if other in have and credit > best[sid][1]:
                        best[sid] = (other, float(credit))
            else:  # fewer candidate skills: the largest credit, the earliest position among equals
                top: tuple[float, int] | None = None
                via = None
                for other in have:
                    hit = forward.get(other)
                    if hit is not None and (top is None or (-hit[0], hit[1]) < (-top[0], top[1])):
                        top, via = hit, other
                if top is not None:
                    best[sid] = (via, top[0])
        wanted = set(missing)
        reverse: dict[str, tuple[str, float]] = {}
        for other in sorted(o for o in have if self._reverse_of(o)):
            for sid, got in self._reverse[other].items():
                if sid in wanted and (sid not in reverse or float(got) > reverse[sid][1]):
                    reverse[sid] = (other, float(got))
        for sid, (other, rev_credit) in reverse.items():
            if rev_credit > best[sid][1]:
                best[sid] = (other, rev_credit)
        return {sid: (via, min(1.0, credit)) for sid, (via, credit) in best.items()}

    def _best_of(
        self, resume: Resume, have: Mapping[str, SkillMention]
    ) -> dict[str, tuple[str | None, float]]:
        kept = self._best.get(id(resume))
        if kept is not None and kept[0] is resume:
            return kept[1]
        best = self.best_related(have)
        self._best[id(resume)] = (resume, best)
        return best

    def skill_matches(self, resume: Resume) -> list[SkillMatch]:
        """`skill_matches(job, resume, related)`."""
        have = {s.skill_id: s for s in resume.skills}
        return _skill_matches(self.skills, have, self._best_of(resume, have))

    # -- every feature ---------------------------------------------------------------------------------------

    def basics(self, resume: Resume, *, headline: str | None = None) -> CandidateBasics:
        """A ranking's first look at a candidate: its skills and titles read once, and the values of the
        `BASIC_FEATURES` that apply to the job (those that read them, without the taxonomy's related skills
        or the occupation index), without notes or evidence.

        A ranking works these out for every recalled candidate and finishes (`complete`) only those that can
        still reach the shortlist; each value equals the one `of` gives."""
        job = self.job
        have, titles = self._read(resume, headline)
        values = {"relevant_experience": _relevant_value(job, self.skill_set, resume.work, self.today)}
        if job.required_skills:
            values["required_skill_coverage"] = _coverage_value(job.required_skills, have)
        if job.preferred_skills:
            values["preferred_skill_coverage"] = _coverage_value(job.preferred_skills, have)
        if self.title:
            values["title_similarity"] = unit_value(_best_title(self.title, titles)[0])
        if job.degree_level is not None:
            values["education_fit"] = _education_value(job.degree_level, resume)[0]
        if self.skills:
            values["skill_recency"] = _recency_value(self.skills, have, self.today)
        return CandidateBasics(have, titles, values)

    def _read(
        self, resume: Resume, headline: str | None
    ) -> tuple[dict[str, SkillMention], list[tuple[str, Span | None]]]:
        """The candidate's skills by id and the titles the title features read (none when the job has none)."""
        titles = candidate_titles(resume, headline=headline) if self.title else []
        return {s.skill_id: s for s in resume.skills}, titles

    def finish_values(self, resume: Resume, basics: CandidateBasics) -> dict[str, float]:
        """The values of the features that `basics` leaves out and that apply to the job (related skill
        credit, occupation match), without notes or evidence: with `basics.values` and the similarities
        computed by the caller they give the candidate's exact score."""
        values = {}
        if self.skills:
            values["related_skill_credit"] = _related_parts(
                self.skills, basics.have, self._best_of(resume, basics.have)
            )[0]
        if self.want is not None and self.occupation is not None:
            values["occupation_match"] = unit_value(
                _best_occupation(self.want, basics.titles, self.occupation)[0]
            )
        return values

    def complete(
        self,
        resume: Resume,
        have: Mapping[str, SkillMention],
        titles: Sequence[tuple[str, Span | None]],
        *,
        cosine: float,
        lexical: float | None = None,
        peer: float | None = None,
    ) -> dict[str, FeatureResult]:
        """Every feature of the candidate whose skills by id and titles are given (`basics` read them), with
        notes and evidence, keyed by name (FEATURES order)."""
        job = self.job
        if self.skills:
            related = _related_credit(self.skills, have, self._best_of(resume, have))
            recency = _recency(self.skills, have, self.today)
        else:
            related = FeatureResult(0.0, "the job lists no skills", applicable=False)
            recency = related
        if not self.title:
            title = FeatureResult(0.0, "the job has no title", applicable=False)
        else:
            title = _title_similarity(self.title, titles, None)
        if self.want is None or self.occupation is None:
            occupation = FeatureResult(0.0, "the job title names no known occupation", applicable=False)
        else:
            occupation = _occupation_match(self.want, titles, self.occupation, resume.text)
        out = {
            "required_skill_coverage": _coverage_of(job.required_skills, have, "required"),
            "preferred_skill_coverage": _coverage_of(job.preferred_skills, have, "preferred"),
            "related_skill_credit": related,
            "semantic_similarity": semantic_similarity(cosine),
            "relevant_experience": _relevant_experience(job, self.skill_set, resume.work, self.today, 0.5),
            "title_similarity": title,
            "occupation_match": occupation,
            "education_fit": education_fit(job, resume),
            "skill_recency": recency,
        }
        if lexical is not None:
            out["lexical_match"] = lexical_match(lexical)
        if peer is not None:
            out["peer_support"] = peer_support(peer)
        return out

    def of(
        self,
        resume: Resume,
        *,
        cosine: float,
        lexical: float | None = None,
        peer: float | None = None,
        headline: str | None = None,
    ) -> dict[str, FeatureResult]:
        """Every feature of the job against one candidate, keyed by name (FEATURES order)."""
        have, titles = self._read(resume, headline)
        return self.complete(resume, have, titles, cosine=cosine, lexical=lexical, peer=peer)
