"""The `shortlist` command line. Heavy imports happen inside each command, never at import time."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

# command name -> "module:function"; each function takes the parsed argparse Namespace and returns an exit code.
COMMANDS: dict[str, str] = {
    "parse": "service.commands:cmd_parse",
    "rank": "service.commands:cmd_rank",
    "ingest": "service.commands:cmd_ingest",
    "shortlist": "service.commands:cmd_shortlist",
    "search": "service.commands:cmd_search",
    "serve": "service.commands:cmd_serve",
    "keys": "service.commands:cmd_keys",
    "eval": "evaluation.cli:cmd_eval",
    "audit": "evaluation.cli:cmd_audit",
    "bench": "evaluation.cli:cmd_bench",
}


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="DIR", help="data directory (default: $SHORTLIST_DATA_DIR or ./data)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="shortlist", description="Resume parsing and explainable candidate ranking."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress at INFO level")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse one resume file and print it as JSON")
    p.add_argument("file")
    p.add_argument("--format", choices=["native", "jsonresume"], default="native")

    p = sub.add_parser("rank", help="rank resumes (files or folders) for a job, with no stored state")
    p.add_argument("job_file")
    p.add_argument("resumes", nargs="+", metavar="RESUME_PATH")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--format", choices=["json", "table"], default="table")
    p.add_argument("--weights", help="JSON object of feature weight overrides")
    p.add_argument("--no-blind", action="store_true", help="turn blind screening off (for audits only)")

    p = sub.add_parser("ingest", help="parse resumes into the talent pool")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _add_db(p)

    p = sub.add_parser("shortlist", help="rank the stored talent pool for a job")
    p.add_argument("job_file")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--format", choices=["json", "table"], default="table")
    _add_db(p)

    p = sub.add_parser("search", help="search the talent pool by skills and free text")
    p.add_argument("--skills", default="", help="comma-separated skills the candidate must all have")
    p.add_argument("--any", default="", help="comma-separated skills of which at least one is needed")
    p.add_argument("--min-years", action="append", default=[], metavar="SKILL=YEARS")
    p.add_argument("--query", default="")
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--format", choices=["json", "table"], default="table")
    _add_db(p)

    p = sub.add_parser("serve", help="serve the HTTP API and the web page")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)
    p.add_argument(
        "--demo", action="store_true", help="load the demo talent pool first and print a demo API key"
    )
    _add_db(p)

    p = sub.add_parser("keys", help="manage API keys")
    p.add_argument("action", choices=["create", "list", "revoke"])
    p.add_argument("--name", default="default")
    p.add_argument("--id", default=None)
    _add_db(p)

    p = sub.add_parser("eval", help="evaluate parsing or ranking on ../shared/data")
    p.add_argument("what", choices=["parsing", "ranking", "skills", "agreement"])
    p.add_argument("--data", default=None, help="data folder (default: ../shared/data)")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", dest="json_out", default=None, help="also write the figures to this JSON file")
    p.add_argument(
        "--ci", action="store_true", help="parsing: also print F1 with 95%% bootstrap intervals over resumes"
    )
    p.add_argument(
        "--against",
        metavar="JSON",
        default=None,
        help="parsing: compare with an earlier run's --json file (paired bootstrap over the same resumes)",
    )

    p = sub.add_parser(
        "audit", help="bias audit: impact ratios, counterfactual tests, blind screening on/off"
    )
    p.add_argument("--demo", action="store_true", help="run on the demo pool and the dev job posts")
    p.add_argument("--db", metavar="DIR", default=None)
    p.add_argument("--job", default=None, help="job file")
    p.add_argument("--demographics", default=None, help="CSV of candidate_id,sex,race")
    p.add_argument("--out", default="audit-report", help="folder for the report")
    p.add_argument("--quick", action="store_true", help="fewer names and jobs, for a fast check")

    p = sub.add_parser("bench", help="speed and memory benchmarks, each against a baseline in the same run")
    p.add_argument(
        "--only", default=None, help="comma-separated parts: parse,embed,ingest,shortlist,memory,startup"
    )
    p.add_argument("--quick", action="store_true")
    p.add_argument("--json", dest="json_out", default="bench.json")
    return parser


def _resolve(target: str) -> Callable[[argparse.Namespace], int]:
    module_name, func_name = target.split(":")
    func: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module_name), func_name)
    return func


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; bad input ends with one line on stderr and a non-zero code."""
    from models.errors import ShortlistError

    args = build_parser().parse_args(argv)
    if args.verbose:
        import logging

        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        return _resolve(COMMANDS[args.command])(args)
    except ShortlistError as exc:
        print(f"shortlist: error: {exc.code}: {exc.message}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"shortlist: error: no such file: {exc.filename}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
