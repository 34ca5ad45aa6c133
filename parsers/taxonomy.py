"""The skills taxonomy: canonical skills with aliases, types, parents and related skills.

Built from ESCO (CC BY 4.0) and O*NET Technology Skills (CC BY 4.0) plus hand curation by
`python -m parsers.taxonomy_build`; shipped as parsers/data/taxonomy.json.gz and loaded once per process.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parsers.packaged import read_gzip_json

logger = logging.getLogger(__name__)

TAXONOMY_PATH = Path(__file__).resolve().parent / "data" / "taxonomy.json.gz"

# Word runs (any script), plus the punctuation that is part of skill names: C++, C#, R&D, CI/CD, .NET, Node.js.
# A dot is a token only when a letter or digit follows it (".NET", "Node.js"), so a full stop never is.
# Hyphens and apostrophes are spacing: "front-end" == "front end".
TOKEN_RE = re.compile(r"[^\W_]+|[+#&/]|\.(?=[^\W_])")
# Characters that separate list items; a multi-word alias never spans one of these.
HARD_BREAK_RE = re.compile(r"[,;|:()\[\]{}•·▪●◦■\u2022\t]|\n\s*\n")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Lowercased tokens with their [start, end) offsets in `text`."""
    return [(m.group().lower(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def normalize(surface: str) -> str:
    """The matching key of a surface form: lowercased tokens joined by single spaces ("Node.JS" -> "node . js")."""
    return " ".join(tok for tok, _, _ in tokenize(surface))


@dataclass(frozen=True)
class SkillEntry:
    """One canonical skill."""

    id: str
    name: str
    type: str  # "technology", "knowledge", "skill", "language" or "soft"
    aliases: tuple[str, ...] = ()
    esco_uri: str | None = None
    parents: tuple[str, ...] = ()  # curated group, O*NET commodity title or ESCO skill group
    related: dict[str, float] = field(default_factory=dict)  # related id -> credit in [0, 1]
    source: str = "curated"  # "curated", "esco" or "onet"


class Taxonomy:
    """Skills by id and by alias; `related(a)` gives the credit each other skill earns toward `a`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.meta: dict[str, Any] = data.get("meta", {})
        self.guards: dict[str, dict[str, Any]] = data.get("guards", {})
        self._parent_names: list[str] = data.get("parents", [])
        # Rows stay as loaded (id, name, type, aliases, esco_uri, parent indices, related, source);
        # SkillEntry objects are made on first use so that loading stays fast.
        self._rows: dict[str, list[Any]] = {}
        self._entries: dict[str, SkillEntry] = {}
        self._by_alias: dict[str, str] = {}
        self.groups: dict[str, list[str]] = {}
        by_alias = self._by_alias
        for row in data["skills"]:
            skill_id = row[0]
            self._rows[skill_id] = row
            for alias in row[3]:
                if alias not in by_alias:
                    by_alias[alias] = skill_id
            for parent in row[5]:
                self.groups.setdefault(self._parent_names[parent], []).append(skill_id)

    def _entry(self, skill_id: str) -> SkillEntry | None:
        entry = self._entries.get(skill_id)
        if entry is None:
            row = self._rows.get(skill_id)
            if row is None:
                return None
            entry = SkillEntry(
                id=row[0],
                name=row[1],
                type=row[2],
                aliases=tuple(row[3]),
                esco_uri=row[4],
                parents=tuple(self._parent_names[i] for i in row[5]),
                related=dict(row[6] or {}),
                source=row[7],
            )
            self._entries[skill_id] = entry
        return entry

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[SkillEntry]:
        for skill_id in self._rows:
            entry = self._entry(skill_id)
            if entry is not None:
                yield entry

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._rows

    def get(self, skill_id: str) -> SkillEntry | None:
        """The skill with this id, or None."""
        return self._entry(skill_id)

    def kind(self, skill_id: str) -> tuple[str, str] | None:
        """(type, source) of a skill without building its entry; None when unknown."""
        row = self._rows.get(skill_id)
        return (row[2], row[7]) if row else None

    def alias_items(self) -> Iterator[tuple[str, str]]:
        """(normalized alias, skill id) pairs, every alias once."""
        return iter(self._by_alias.items())

    def lookup(self, surface: str) -> SkillEntry | None:
        """The skill a surface form names ("MS Excel", "ReactJS", "Oracle 10g"), or None.

        Tries the whole surface, then without a parenthesised part, then without trailing versions (one or a
        list: "Windows 98/2000/XP", "JBoss 4x", "SQL Server 2008 R2", "Excel 2003/2007"; also one written on to
        the name: "WebLogic8.1", "Oracle9i"), then without qualifier words ("Basic ...", "MS ...", "... scripting",
        "... frameworks", "JUnit tests", "Agile model", "Scrum methodology"); a kind of test names its testing ("Regression Test" -> Regression testing).
        Guards do not apply: the caller says this surface is a skill.
        """
        key = normalize(surface)
        if not key:
            return None
        candidates = [key]
        no_paren = normalize(re.sub(r"\([^)]*\)", " ", surface))
        candidates.append(no_paren)
        for cand in (key, no_paren):
            # "WebLogic8.1", "Oracle9i", "EJB1.1 / 2.0": the name before its version
            unglued = _unglue_versions(cand)
            if unglued != cand:
                candidates.append(unglued)
        for cand in list(candidates):
            toks = strip_versions(cand.split(" "))
            candidates.append(" ".join(toks))
            if len(toks) > 1 and toks[-1].endswith("s"):
                candidates.append(" ".join([*toks[:-1], toks[-1][:-1]]))
            if toks and toks[-1].endswith("s") and len(toks[-1]) > 4:
                candidates.append(" ".join([*toks[:-1], toks[-1][:-1]]))
            if len(toks) > 1 and toks[-1] in ("test", "tests"):
                candidates.append(" ".join([*toks[:-1], "testing"]))  # "Regression Test"
        for cand in candidates:
            skill_id = self._by_alias.get(cand)
            if skill_id:
                return self._entry(skill_id)
        for cand in _qualifier_variants(no_paren or key):
            entry = self.lookup(cand)
            if entry is not None:
                return entry
        return None

    def related(self, skill_id: str) -> dict[str, float]:
        """Related skill id -> credit (0..1) that having it earns toward `skill_id`."""
        row = self._rows.get(skill_id)
        return dict(row[6] or {}) if row else {}

    def parents(self, skill_id: str) -> tuple[str, ...]:
        """The groups (curated category, O*NET commodity, ESCO group) the skill sits under."""
        row = self._rows.get(skill_id)
        return tuple(self._parent_names[i] for i in row[5]) if row else ()


# A version or release after a product's name: "8.6", "2008", "4x", "11g", "R2", "v8", "SP1", Windows' "XP"
# (not "3D", "2D": "Swift 3D" is no release of Swift).
VERSION_TOKEN_RE = re.compile(r"(?!\d+d$)\d+[a-z]{0,2}|[vr]\d+|sp\d+|xp|vista|nt|x|v")
_VERSION_JOINERS = frozenset({".", "/", "&", "and"})  # "98/2000", "8.6", "2000 and XP"


# A name with its version written on ("weblogic8", "oracle9i", "sql2000", "linux64"): three letters or more, then
# a version. "x86", "mp3", "ec2", "db2", "log4j" do not match (too few letters, or no version at the end).
GLUED_VERSION_RE = re.compile(r"([a-z]{3,})([0-9]+[a-z]{0,2})")
# the cheap test for a version glued to a name, tried first: a digit after three letters
GLUED_DIGIT_RE = re.compile(r"[0-9](?<=[A-Za-z]{3}[0-9])")


def _unglue_versions(key: str) -> str:
    """A normalized key with each glued version set apart ("weblogic8 . 1" -> "weblogic 8 . 1"); the key itself
    when none is glued."""
    if GLUED_DIGIT_RE.search(key) is None:
        return key
    out = []
    for tok in key.split(" "):
        m = GLUED_VERSION_RE.fullmatch(tok)
        out.append(f"{m.group(1)} {m.group(2)}" if m and VERSION_TOKEN_RE.fullmatch(m.group(2)) else tok)
    return " ".join(out)


def strip_versions(toks: list[str]) -> list[str]:
    """The tokens without a trailing run of versions and the joiners between them; the name itself stays."""
    k = len(toks)
    while k > 1 and (VERSION_TOKEN_RE.fullmatch(toks[k - 1]) or toks[k - 1] in _VERSION_JOINERS):
        k -= 1
    if not any(VERSION_TOKEN_RE.fullmatch(t) for t in toks[k:]):
        return toks  # joiners alone ("Sales and") are no version
    return toks[:k]


# Words around a skill's name that do not change the skill: "Basic Debugging", "MS FrontPage", "PowerShell
# scripting", "MVC Frameworks", "Networking concepts". Vendor names other than Microsoft's stay: "Oracle BI" is
# not "BI" in general.
_LEADING_QUALIFIERS = (("knowledge", "of"), ("basic",), ("advanced",), ("microsoft",), ("ms",))
_TRAILING_QUALIFIERS = frozenset(
    {
        "scripting",
        "scripts",
        "script",
        "framework",
        "frameworks",
        "programming",
        "concepts",
        "skills",
        "tool",
        "tools",
        "tests",
        "test",
        "model",
        "methodology",
        "methodologies",
        "methods",
        "techniques",
    }
)


def _qualifier_variants(key: str) -> list[str]:
    """The key without a leading qualifier, without trailing qualifiers, and without both."""
    toks = key.split(" ")
    heads = [toks]
    for q in _LEADING_QUALIFIERS:
        if len(toks) > len(q) and tuple(toks[: len(q)]) == q:
            heads.append(toks[len(q) :])
            break
    out: list[str] = []
    for head in heads:
        t = head
        while len(t) > 1 and t[-1] in _TRAILING_QUALIFIERS:
            t = t[:-1]
        for v in (head, t):
            joined = " ".join(v)
            if joined != key and joined not in out:
                out.append(joined)
    return out


_lock = threading.Lock()
_cache: dict[Path, Taxonomy] = {}


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The shipped taxonomy, read once per process (thread-safe)."""
    target = path or TAXONOMY_PATH
    with _lock:
        cached = _cache.get(target)
        if cached is not None:
            return cached
        taxonomy = Taxonomy(read_gzip_json(target, "skills taxonomy"))
        _cache[target] = taxonomy
        logger.info("loaded skills taxonomy: %s skills", len(taxonomy))
        return taxonomy
