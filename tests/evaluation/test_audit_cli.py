"""`shortlist audit` exit codes: 0 when blind screening passes, 1 when a threshold fails, 2 on bad input."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from evaluation.audit import runner
from evaluation.audit.names import names_by_group
from evaluation.audit.runner import AuditSettings, counterfactual_audit, run_demo_audit, write_audit_report
from matcher.embedder import HashingEmbedder
from matcher.ranking import rank_resumes
from models.job import Job
from service.cli import main

TINY = AuditSettings(
    n_resumes=3,
    n_jobs=1,
    names_per_group=1,
    n_boot=20,
    n_perm=20,
    order_shuffles=1,
    tie_orders=1,
    kinds=("name",),
)
FAVOURED = {n.first_name for n in names_by_group()["white_male"]}


def _biased_rank(job: Any, pool: Any, **kw: Any) -> Any:
    """A ranker that leaks names: candidates with a favoured first name get a bonus."""
    kw.pop("resume_vectors", None)
    kw.pop("lexical_tokens", None)
    matches = rank_resumes(job, pool, **kw)
    by_id = dict(pool)
    for m in matches:
        name = by_id[m.candidate_id].contact.name
        if name is not None and name.value.split()[0] in FAVOURED:
            m.score += 0.2
    return sorted(matches, key=lambda m: -m.score)


def _args(tmp_path: Path, **kw: Any) -> argparse.Namespace:
    base = {
        "demo": True,
        "db": None,
        "job": None,
        "demographics": None,
        "out": str(tmp_path / "report"),
        "quick": True,
    }
    return argparse.Namespace(**(base | kw))


def test_demo_audit_end_to_end_with_hashing_embedder(tmp_path: Path) -> None:
    result = run_demo_audit(tmp_path, embedder=HashingEmbedder(), settings=TINY)
    assert result.n_resumes == 3 and len(result.jobs) == 1
    # whether the demo pool passes is the product's business (the audit reports it); the run must be complete
    assert {c["mode"] for c in result.checks} == {"blind_on", "blind_off"}
    assert result.modes["blind_on"].jobs[0].summary["name"]["variants"] == 3 * 4  # every first name found
    assert (tmp_path / "report.html").exists() and (tmp_path / "impact_ratios.png").exists()


@pytest.mark.parametrize(("biased", "code"), [(False, 0), (True, 1)])
def test_exit_code_follows_the_pass_thresholds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, biased: bool, code: int
) -> None:
    from evaluation.synthetic import generate_specs, render_text

    texts = [(f"c{i}", render_text(s)) for i, s in enumerate(generate_specs(3, 11))]
    job = Job(id="j", title="Software Engineer", text="Software Engineer. Python, SQL, Docker, AWS, Excel.")

    def fake_demo(out_dir: Any, *, quick: bool = False, **_: Any) -> Any:
        result = counterfactual_audit(
            [job],
            texts,
            embedder=HashingEmbedder(),
            settings=TINY,
            blind_modes=(True,),
            rank=_biased_rank if biased else None,
        )
        write_audit_report(result, out_dir)
        return result

    monkeypatch.setattr(runner, "run_demo_audit", fake_demo)
    assert main(["audit", "--demo", "--quick", "--out", str(tmp_path / "r")]) == code
    assert (tmp_path / "r" / "report.md").exists()


def test_bad_input_is_one_line_and_code_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--demo" in err[0]
