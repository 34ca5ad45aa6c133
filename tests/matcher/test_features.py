"""Features on hand-built jobs and resumes, worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import features as F
from models import Education, Job, JobSkill, PartialDate, Resume, SkillMention, Span, WorkItem
from parsers.occupations import OccupationMatch

TODAY = date(2024, 6, 1)
TEXT = "Backend Developer at Acme. Python, SQL and Docker. B.Sc. Computer Science."


def _job(**kw: object) -> Job:
    base: dict[str, object] = {
        "id": "j",
        "title": "Senior Backend Engineer",
        "text": "Senior Backend Engineer\nPython, SQL, Kubernetes required; Go and AWS preferred.",
        "required_skills": [
            JobSkill(skill_id="python", name="Python"),
            JobSkill(skill_id="sql", name="SQL"),
            JobSkill(skill_id="k8s", name="Kubernetes"),
        ],
        "preferred_skills": [
            JobSkill(skill_id="go", name="Go", required=False),
            JobSkill(skill_id="aws", name="AWS", required=False),
        ],
        "min_years": 4,
        "degree_level": "bachelor",
    }
    base.update(kw)
    return Job.model_validate(base)


def _resume() -> Resume:
    return Resume(
        text=TEXT,
        work=[
            WorkItem(
                title="Backend Developer",
                title_evidence=Span.of(TEXT, 0, 17),
                start=PartialDate(year=2021, month=6),
                current=True,
                skill_ids=["python", "sql"],
            ),
            WorkItem(
                title="Line Cook", start=PartialDate(year=2015, month=1), end=PartialDate(year=2018, month=12)
            ),
            WorkItem(
                title="Software Engineer",
                start=PartialDate(year=2020, month=1),
                end=PartialDate(year=2021, month=12),  # overlaps the current job by 7 months
            ),
        ],
        skills=[
            SkillMention(
                skill_id="python",
                name="Python",
                evidence=[Span.of(TEXT, 27, 33)],
                last_used=PartialDate(year=2024, month=5),
            ),
            SkillMention(
                skill_id="sql",
                name="SQL",
                evidence=[Span.of(TEXT, 35, 38)],
                last_used=PartialDate(year=2016, month=6),
            ),
            SkillMention(skill_id="docker", name="Docker", evidence=[Span.of(TEXT, 43, 49)]),
            SkillMention(skill_id="aws", name="AWS"),
        ],
        education=[Education(degree="B.Sc.", level="bachelor", degree_evidence=Span.of(TEXT, 51, 56))],
    )


def related(skill_id: str) -> dict[str, float]:
    return {"k8s": {"docker": 0.5}, "go": {}}.get(skill_id, {})


def test_required_coverage() -> None:
    f = F.required_skill_coverage(_job(), _resume())
    assert f.value == pytest.approx(2 / 3)
    assert f.note.startswith("2 of 3 required skills")
    assert [s.text for s in f.evidence] == ["Python", "SQL"]


def test_preferred_coverage() -> None:
    assert F.preferred_skill_coverage(_job(), _resume()).value == pytest.approx(0.5)


def test_coverage_not_applicable_without_skills() -> None:
    f = F.required_skill_coverage(_job(required_skills=[]), _resume())
    assert not f.applicable and f.value == 0.0


def test_related_skill_credit() -> None:
    # required (x2): python 1, sql 1, k8s 0.5 via docker; preferred (x1): go 0, aws 1
    f = F.related_skill_credit(_job(), _resume(), related)
    assert f.value == pytest.approx((2 + 2 + 2 * 0.5 + 0 + 1) / (2 * 3 + 2))
    assert "Kubernetes via Docker" in f.note
    assert f.evidence[0].text == "Docker"
    assert f.note.startswith("3 of 5 job skills held; partial credit")
    plain = F.related_skill_credit(_job(), _resume(), None)
    assert plain.value == pytest.approx(5 / 8)
    assert plain.note == "3 of 5 job skills held; no related skill adds credit"


def test_related_works_in_reverse_direction() -> None:
    def rev(skill_id: str) -> dict[str, float]:
        return {"docker": {"k8s": 0.4}}.get(skill_id, {})

    assert F.related_skill_credit(_job(), _resume(), rev).value == pytest.approx((4 + 0.8 + 1) / 8)


def test_skill_matches() -> None:
    m = F.skill_matches(_job(), _resume(), related)
    kinds = {s.name: s.kind for s in m}
    assert kinds == {
        "Python": "exact",
        "SQL": "exact",
        "Kubernetes": "related",
        "Go": "missing",
        "AWS": "exact",
    }
    assert next(s for s in m if s.kind == "related").via == "Docker"


def test_skill_recency() -> None:
    # python used 1 month ago -> 1.0; sql 8 years ago -> 0.4; aws undated -> 0.5
    f = F.skill_recency(_job(), _resume(), today=TODAY)
    assert f.value == pytest.approx((1.0 + 0.4 + 0.5) / 3)
    assert f.note == "1 of 3 matched skills used in the last 2 years"


def test_relevant_experience_merges_overlaps() -> None:
    # Backend Developer (skills) 2021-06..2024-06 = 37 months; Software Engineer 2020-01..2021-12 (title match)
    # union 2020-01 .. 2024-06 = 54 months = 4.5 years >= 4 -> 1.0; the line cook job is not relevant
    f = F.relevant_experience(_job(), _resume(), today=TODAY)
    assert f.value == pytest.approx(1.0)
    assert f.note.startswith("4.5 relevant years of 4")
    f2 = F.relevant_experience(_job(min_years=9), _resume(), today=TODAY)
    assert f2.value == pytest.approx(4.5 / 9)


def test_relevant_experience_default_target() -> None:
    r = Resume(text="x", work=[WorkItem(title="Backend Engineer", months=18)])
    f = F.relevant_experience(_job(min_years=None, required_skills=[], preferred_skills=[]), r, today=TODAY)
    assert f.value == pytest.approx(1.5 / 3)
    assert "3 assumed" in f.note


def test_title_similarity() -> None:
    f = F.title_similarity(_job(), _resume())
    assert 0.5 < f.value <= 1.0
    assert "Backend Developer" in f.note or "Software Engineer" in f.note
    exact = F.title_similarity(_job(title="Backend Developer"), _resume())
    assert exact.value == pytest.approx(1.0)
    assert exact.evidence[0].text == "Backend Developer"
    assert F.title_similarity(_job(title="Pastry Chef"), _resume()).value < 0.3
    assert not F.title_similarity(_job(title=None), _resume()).applicable


def test_title_similarity_uses_headline_and_embedding() -> None:
    r = Resume(text="DATA SCIENTIST\n...")
    assert F.title_similarity(
        _job(title="Data Scientist"), r, headline="DATA SCIENTIST"
    ).value == pytest.approx(1.0)
    blended = F.title_similarity(
        _job(title="Data Scientist"), r, headline="DATA SCIENTIST", embedding_cosine=0.2
    )
    assert blended.value == pytest.approx(0.5)


def test_title_match_and_normalize() -> None:
    assert F.normalize_title("Sr. Software Engineers II") == ["software", "engineer"]
    assert F.title_match("Senior Accountant", "Accountant") == pytest.approx(1.0)
    assert F.title_match("", "Accountant") == 0.0


def test_education_fit() -> None:
    assert F.education_fit(_job(), _resume()).value == 1.0
    assert F.education_fit(_job(degree_level="master"), _resume()).value == 0.5
    assert F.education_fit(_job(degree_level="doctorate"), _resume()).value == 0.2
    assert F.education_fit(_job(), Resume(text="x")).value == 0.3
    assert not F.education_fit(_job(degree_level=None), _resume()).applicable


def test_semantic_and_lexical() -> None:
    assert F.semantic_similarity(0.4, lo=0.2, hi=0.6).value == pytest.approx(0.5)
    assert F.semantic_similarity(-0.3).value == 0.0
    assert F.semantic_similarity(0.99).value == 1.0
    assert F.lexical_match(0.25).value == pytest.approx(0.25)


def test_values_always_in_unit_interval() -> None:
    assert F.FeatureResult(1.7).value == 1.0
    assert F.FeatureResult(-2).value == 0.0
    assert F.FeatureResult(float("nan")).value == 0.0
    with pytest.raises(ValueError):
        F.rescale(0.5, 1.0, 1.0)


# ---------------------------------------------------------------- occupation match (a fake taxonomy lookup)

_OCCUPATIONS = {
    "senior backend engineer": ("2512", "software developer"),
    "backend developer": ("2512", "software developer"),
    "software engineer": ("2512", "software developer"),
    "web developer": ("2513", "web developer"),
    "data analyst": ("2511", "data analyst"),
    "ict technician": ("3512", "ICT technician"),
    "line cook": ("5120", "cook"),
    "developer": ("2", "developer"),  # a broad group only
}


def occupation(title: str) -> OccupationMatch | None:
    found = _OCCUPATIONS.get(title.strip().lower())
    return OccupationMatch(found[0], found[1], title, "exact") if found else None


def test_occupation_match_same_unit_group_with_evidence() -> None:
    f = F.occupation_match(_job(), _resume(), occupation)
    assert f.value == pytest.approx(F.OCCUPATION_CREDIT[4])
    assert f.evidence[0].text == "Backend Developer"  # the most recent title of that occupation
    assert "ISCO 2512" in f.note and "same occupation group" in f.note


def test_occupation_match_by_hierarchy() -> None:
    def resume_with(title: str) -> Resume:
        return Resume(text=title, work=[WorkItem(title=title, title_evidence=Span.of(title, 0, len(title)))])

    job = _job(title="Web Developer")
    same_minor = F.OCCUPATION_CREDIT[3]
    assert F.occupation_match(job, resume_with("Software Engineer"), occupation).value == pytest.approx(
        same_minor
    )
    assert F.occupation_match(job, resume_with("Data Analyst"), occupation).value == pytest.approx(same_minor)
    assert 0 < F.OCCUPATION_CREDIT[2] < same_minor < F.OCCUPATION_CREDIT[4] == 1.0
    assert F.occupation_match(job, resume_with("ICT Technician"), occupation).value == 0.0  # major group only
    none = F.occupation_match(job, resume_with("Line Cook"), occupation)
    assert none.value == 0.0 and none.applicable and not none.evidence
    broad_job = _job(title="Developer")  # known only as major group 2: no title can share more than that
    assert F.occupation_match(broad_job, resume_with("Web Developer"), occupation).value == 0.0


def test_occupation_match_older_titles_count_less() -> None:
    text = "a"
    work = [WorkItem(title=t) for t in ("Line Cook", "Line Cook", "Line Cook", "Web Developer")]
    f = F.occupation_match(_job(title="Web Developer"), Resume(text=text, work=work), occupation)
    assert f.value == pytest.approx(0.8)


def test_occupation_match_headline_gets_a_span() -> None:
    text = "WEB DEVELOPER\nSummary ..."
    f = F.occupation_match(
        _job(title="Web Developer"), Resume(text=text), occupation, headline="WEB DEVELOPER"
    )
    assert f.value == 1.0 and f.evidence[0] == Span.of(text, 0, 13)


def test_occupation_match_not_applicable() -> None:
    assert not F.occupation_match(_job(title="Astronaut"), _resume(), occupation).applicable
    assert not F.occupation_match(_job(title=None), _resume(), occupation).applicable
    assert not F.occupation_match(_job(), _resume(), None).applicable


def test_occupation_match_with_shipped_index() -> None:
    from parsers.occupations import load_occupations

    lookup = load_occupations().lookup
    f = F.occupation_match(_job(title="Senior Software Engineer"), _resume(), lookup)
    assert f.value == 1.0 and '"Software Engineer"' in f.note  # not in TEXT, so no span to show
    assert F.occupation_match(_job(title="Pastry Chef"), _resume(), lookup).value == 0.0


def _best_related_one_by_one(
    skill_id: str, have: dict[str, SkillMention], related: F.RelatedFn
) -> tuple[str | None, float]:
    """The rule stated in best_related's docstring, read literally for one skill: forward credits, then
    each candidate skill in id order replacing the best when its reverse credit is strictly larger."""
    best: tuple[str | None, float] = (None, 0.0)
    for other, credit in related(skill_id).items():
        if other in have and credit > best[1]:
            best = (other, float(credit))
    for other in sorted(have):
        credit = float(related(other).get(skill_id, 0.0))
        if credit > best[1]:
            best = (other, credit)
    return best[0], min(1.0, best[1])


def test_best_related_agrees_with_the_rule_read_one_skill_at_a_time() -> None:
    import random

    rng = random.Random(5)
    ids = [f"s{i}" for i in range(12)]
    for _ in range(200):
        table = {
            a: {
                b: rng.choice([0.3, 0.5, 0.5, 0.8, 1.2]) for b in rng.sample(ids, rng.randint(0, 4)) if b != a
            }
            for a in ids
        }

        def related(skill_id: str, table: dict[str, dict[str, float]] = table) -> dict[str, float]:
            return table.get(skill_id, {})

        have = {
            sid: SkillMention(skill_id=sid, name=sid, evidence=[])
            for sid in rng.sample(ids, rng.randint(0, 6))
        }
        wanted = rng.sample(ids, rng.randint(1, 6))
        got = F.best_related(wanted, have, related)
        for sid in wanted:
            if sid in have:
                assert sid not in got
            else:
                assert got[sid] == _best_related_one_by_one(sid, have, related), sid
    assert F.best_related(["a"], {}, None) == {"a": (None, 0.0)}


def _random_case(rng: object, ids: list[str]) -> tuple[Job, Resume, dict[str, dict[str, float]]]:
    """A random job, candidate and related-skill table (credits with ties, zeros, NaN and values above 1)."""
    import random

    assert isinstance(rng, random.Random)
    credits = [0.3, 0.5, 0.5, 0.8, 1.2, 0.0, -0.1, float("nan")]
    table = {a: {b: rng.choice(credits) for b in rng.sample(ids, rng.randint(0, 9)) if b != a} for a in ids}
    titles = ["Data Engineer", "Senior Data Engineer", "Pastry Chef", "Registered Nurse", "ETL Developer", ""]
    text = "Data Engineer. Built pipelines in python. Pastry Chef before that."
    skills = [
        SkillMention(
            skill_id=sid,
            name=sid.upper(),
            evidence=[Span.of(text, i, i + 4)] * rng.randint(0, 2),
            last_used=rng.choice([None, PartialDate(year=rng.randint(2010, 2024), month=rng.randint(1, 12))]),
        )
        for i, sid in enumerate(rng.sample(ids, rng.randint(0, 12)))
    ]
    work = [
        WorkItem(
            title=rng.choice(titles) or None,
            start=PartialDate(year=rng.randint(2005, 2023)),
            current=rng.random() < 0.3,
            months=rng.choice([None, rng.randint(1, 60)]),
            skill_ids=rng.sample(ids, rng.randint(0, 3)),
        )
        for _ in range(rng.randint(0, 4))
    ]
    resume = Resume(
        text=text,
        work=work,
        skills=skills,
        education=[Education(level=rng.choice(["bachelor", "master", "secondary"]))] * rng.randint(0, 1),
    )
    wanted = rng.sample(ids, rng.randint(0, 7))
    cut = rng.randint(0, len(wanted))
    job = Job(
        id="j",
        title=rng.choice(titles) or None,
        text="a job",
        required_skills=[JobSkill(skill_id=s, name=s) for s in wanted[:cut]],
        preferred_skills=[JobSkill(skill_id=s, name=s, required=False) for s in wanted[cut:]],
        min_years=rng.choice([None, 2, 5]),
        degree_level=rng.choice([None, "bachelor", "master"]),
    )
    return job, resume, table


@pytest.mark.parametrize("seed", range(4))
def test_job_features_equal_the_per_pair_functions(seed: int) -> None:
    """JobFeatures (the job's side worked out once) gives every feature and skill match exactly as the
    per-pair functions do: values, notes and evidence, for related tables with ties, NaN and zero credits;
    its stages (`basics`, `finish_values`) give the same values."""
    import random

    from matcher.ranking import compute_features
    from parsers.occupations import load_occupations

    rng = random.Random(seed)
    ids = [f"s{i}" for i in range(15)]
    occupation = load_occupations().lookup if seed % 2 else None
    for _ in range(150):
        job, resume, table = _random_case(rng, ids)

        def rel(skill_id: str, table: dict[str, dict[str, float]] = table) -> dict[str, float]:
            if skill_id == "s14":
                raise KeyError(skill_id)  # an id the taxonomy does not know
            return table.get(skill_id, {})

        use = rel if rng.random() < 0.8 else None
        ctx = F.JobFeatures(job, related=use, occupation=occupation, today=TODAY)
        head = rng.choice([None, "Data Engineer", "x" * 80])
        for resume_ in (resume, resume):  # the second read comes from the per-candidate cache
            kw = {"cosine": rng.uniform(-0.2, 0.9), "lexical": rng.random(), "peer": rng.random()}
            got = ctx.of(resume_, headline=head, **kw)
            want = compute_features(
                job, resume_, headline=head, related=use, today=TODAY, occupation=occupation, **kw
            )
            assert got == want
            assert list(got) == list(want)
            assert ctx.skill_matches(resume_) == F.skill_matches(job, resume_, use)
            # the first stage's values (no notes or evidence) are the values of the same features, and it
            # gives one for each basic feature that applies to the job, and none for the others
            basics = ctx.basics(resume_, headline=head)
            applies = {k: got[k].value for k in F.BASIC_FEATURES if got[k].applicable}
            assert basics.values == applies
            last = {k: f.value for k, f in got.items() if f.applicable and k not in F.BASIC_FEATURES}
            assert ctx.finish_values(resume_, basics) == {
                k: v for k, v in last.items() if k in ("related_skill_credit", "occupation_match")
            }
        have = {s.skill_id: s for s in resume.skills}
        assert ctx.best_related(have) == F.best_related([s.skill_id for s in job.all_skills()], have, use)


def test_candidate_titles_leave_out_weak_undated_roles() -> None:
    from matcher.profile import UNDATED_TITLE_MIN_CONFIDENCE, profile_text

    weak = UNDATED_TITLE_MIN_CONFIDENCE - 0.05
    resume = _resume().model_copy(
        update={
            "work": [
                *_resume().work,
                WorkItem(title="Adjunct Professor", confidence=weak),  # a role line inside another block
                WorkItem(title="Volunteer Tutor", confidence=UNDATED_TITLE_MIN_CONFIDENCE),
                WorkItem(title="Night Porter", start=PartialDate(year=2012), confidence=weak),
            ]
        }
    )
    titles = [t for t, _ in F.candidate_titles(resume)]
    assert titles[:3] == ["Backend Developer", "Software Engineer", "Line Cook"]
    assert "Adjunct Professor" not in titles  # undated and weak
    assert {"Volunteer Tutor", "Night Porter"} <= set(
        titles
    )  # undated but confident; dated at any confidence
    assert "Adjunct Professor" not in profile_text(resume)
