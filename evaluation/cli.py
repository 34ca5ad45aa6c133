"""`shortlist eval|audit|bench` command functions; each imports its module lazily."""

from __future__ import annotations

import argparse
import importlib

_EVALS = {
    "agreement": "evaluation.label_agreement",
    "parsing": "evaluation.parsing_eval",
    "ranking": "evaluation.ranking_eval",
    "skills": "evaluation.skills_eval",
}


def cmd_eval(args: argparse.Namespace) -> int:
    """Dispatch `shortlist eval WHAT` to the evaluation module's run(args)."""
    module = importlib.import_module(_EVALS[args.what])
    return int(module.run(args))


def cmd_audit(args: argparse.Namespace) -> int:
    """`shortlist audit`: bias audit (demo pool, or a stored pool with demographics); 1 when a threshold fails."""
    from evaluation.audit.runner import run_cli

    return run_cli(args)


def cmd_bench(args: argparse.Namespace) -> int:
    """`shortlist bench`: speed and memory figures, each beside a baseline measured in the same run."""
    from evaluation.bench import run

    return run(args)
