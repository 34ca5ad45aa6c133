"""`shortlist eval|audit|bench` command functions; each imports its module lazily."""

from __future__ import annotations

import argparse
import importlib

_EVALS = {
    "parsing": "evaluation.parsing_eval",
    "ranking": "evaluation.ranking_eval",
    "skills": "evaluation.skills_eval",
}


def cmd_eval(args: argparse.Namespace) -> int:
    """Dispatch `shortlist eval WHAT` to the evaluation module's run(args)."""
    module = importlib.import_module(_EVALS[args.what])
    return int(module.run(args))
