"""Job titles to occupations: ESCO occupations (with their ISCO-08 unit groups) looked up by title.

Built from ESCO (CC BY 4.0) by `python -m parsers.occupations_build`; shipped as parsers/data/occupations.json.gz
and loaded once per process. `OccupationIndex.lookup("Sr. Java Developer")` gives the occupation a title names:
first an exact match of the normalized title (or of one of its parts: "Buyer/Planner", "Chef - Catering") against
the ESCO labels and alternative labels, then a token fallback over the labels that end in the title's head noun
("Aviation Engineer" -> the labels ending in "engineer", best word overlap). When several occupations fit equally,
the ISCO code is cut to the digits they share, so "consultant" alone names a broad group, not a guess.
`isco_level(a, b)` says how close two occupations are: the number of leading ISCO digits they share
(4 = same unit group, 3 = minor group, 2 = sub-major group, 1 = major group).
"""

from __future__ import annotations

import functools
import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.errors import ConfigError
from parsers.packaged import read_gzip_json

__all__ = [
    "OCCUPATIONS_PATH",
    "OccupationIndex",
    "OccupationMatch",
    "isco_level",
    "load_occupations",
    "normalize_title_key",
    "title_parts",
]

OCCUPATIONS_PATH = Path(__file__).resolve().parent / "data" / "occupations.json.gz"

_TOKEN_RE = re.compile(r"[a-z0-9+#]+")
# Seniority, grade and filler words: they say how senior, not what occupation.
_DROP = frozenset(
    """senior sr snr junior jr lead principal staff associate assistant i ii iii iv v vi entry level
    trainee interim acting deputy the a an of for to in at on with from by and or""".split()  # noqa: SIM905
)
# Seniority words that are also occupations when they end a title: "Sales Associate", "Medical Assistant".
_MAYBE_HEAD = frozenset({"associate", "assistant", "principal"})
# Common spellings the ESCO labels write another way (checked against the labels when the data is built).
_PHRASES: tuple[tuple[str, str], ...] = (
    ("information technology", "ict"),
    ("information systems", "ict"),
    ("it", "ict"),
    ("i t", "ict"),
    ("hr", "human resources"),
    ("qa", "quality assurance"),
    ("qc", "quality control"),
    ("cpa", "accountant"),
    ("rn", "registered nurse"),
    ("lpn", "licensed practical nurse"),
    ("ceo", "chief executive officer"),
    ("cfo", "chief financial officer"),
    ("cto", "chief technology officer"),
    ("vp", "vice president"),
)
_PHRASE_RE = [(re.compile(rf"\b{re.escape(a)}\b"), b) for a, b in _PHRASES]
# Where one title names two roles: "Buyer/Planner", "Chef & Owner", "Banker - Healthcare", "Designer, Footwear".
_PART_SPLIT_RE = re.compile(r"\s*(?:/|&|\||,|;|\s[-\u2013\u2014]\s|\(|\)|\band\b)\s*", re.IGNORECASE)
# PDF text sometimes loses the space after "of": "Director ofOperations".
_GLUED_OF_RE = re.compile(r"\bof(?=[A-Z][a-z])")
_MIN_TOKEN_SCORE = 0.5  # the token fallback needs more than the head noun to name a unit group


_GENERIC_HEAD = 4  # a one-word title that ends this many labels names a broad group, not one occupation


def _head(key: str) -> str:
    return key.rsplit(" ", 1)[-1]


def _singular(tok: str) -> str:
    if len(tok) > 4 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 4 and tok.endswith("s") and not tok.endswith(("ss", "us", "is")):
        return tok[:-1]
    return tok


@functools.lru_cache(maxsize=65536)
def normalize_title_key(title: str) -> str:
    """The matching key of a title: lower case, common abbreviations spelled as ESCO does, seniority and
    filler words dropped, plurals made singular ("Sr. IT Specialists" -> "ict specialist")."""
    text = _GLUED_OF_RE.sub("of ", title).lower().replace("&", " and ")
    for pattern, repl in _PHRASE_RE:
        text = pattern.sub(repl, text)
    raw = _TOKEN_RE.findall(text)
    toks = [
        _singular(t)
        for i, t in enumerate(raw)
        if not t.isdigit() and (t not in _DROP or (t in _MAYBE_HEAD and i == len(raw) - 1))
    ]
    return " ".join(toks)


def title_parts(title: str) -> list[str]:
    """The title, then its parts where it names several roles or qualifies one ("Chef - Catering")."""
    parts = [p.strip() for p in _PART_SPLIT_RE.split(title) if p and p.strip()]
    out = [title.strip()]
    for p in parts:
        if p not in out:
            out.append(p)
    return out


def isco_level(a: str, b: str) -> int:
    """How many leading ISCO digits two codes share (0-4); a code cut short (a broad group) shares at most its
    own length."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _consensus(codes: Sequence[str], share: float = 0.6) -> str:
    """The longest ISCO prefix that at least `share` of the codes agree on ("" when they share nothing)."""
    if not codes:
        return ""
    best = ""
    for length in range(1, 5):
        counts = Counter(c[:length] for c in codes if len(c) >= length)
        if not counts:
            break
        prefix, n = counts.most_common(1)[0]
        if n < share * len(codes) or not prefix.startswith(best):
            break
        best = prefix
    return best


@dataclass(frozen=True)
class OccupationMatch:
    """The occupation a title names.

    Attributes:
        isco: ISCO-08 code, 4 digits for a unit group, fewer when only a broader group is clear.
        label: the ESCO occupation (preferred label) matched, or the head noun for a broad group.
        title: the title (or the part of it) that matched.
        method: "exact" (a label or alternative label) or "tokens" (head noun and word overlap).
    """

    isco: str
    label: str
    title: str
    method: str


class OccupationIndex:
    """ESCO occupations by normalized label; `lookup(title)` gives the best `OccupationMatch` or None."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.meta: dict[str, Any] = data.get("meta", {})
        self._occupations: list[tuple[str, str]] = [(str(o[0]), str(o[1])) for o in data["occupations"]]
        self._by_key: dict[str, list[int]] = {str(k): list(v) for k, v in data["labels"].items()}
        self._by_head: dict[str, list[str]] = {}
        # per head noun: word -> the labels ending in that head that hold the word besides the head, so the
        # token fallback scores a few labels, not every label ending in "manager"
        self._head_words: dict[str, dict[str, list[str]]] = {}
        self._label_words: dict[str, frozenset[str]] = {}
        self._head_code: dict[str, str] = {}
        df: Counter[str] = Counter()
        for key in self._by_key:
            toks = key.split(" ")
            head = toks[-1]
            self._by_head.setdefault(head, []).append(key)
            words = frozenset(toks)
            self._label_words[key] = words
            by_word = self._head_words.setdefault(head, {})
            for t in words:
                if t != head or len(words) == 1:
                    by_word.setdefault(t, []).append(key)
            df.update(words)
        n = max(1, len(self._by_key))
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self._label_weight = {k: sum(self._idf[t] for t in w) for k, w in self._label_words.items()}
        self._lock = threading.Lock()
        self._cache: dict[str, OccupationMatch | None] = {}

    def __len__(self) -> int:
        return len(self._occupations)

    def labels(self) -> Iterable[str]:
        """Every normalized label key."""
        return self._by_key.keys()

    def words(self) -> frozenset[str]:
        """Every word of the normalized labels (singular, lower case)."""
        return frozenset(self._idf)

    def occupations_for(self, key: str) -> list[tuple[str, str]]:
        """(preferred label, ISCO code) of each occupation a normalized label names."""
        return [self._occupations[i] for i in self._by_key.get(key, [])]

    def forget(self) -> None:
        """Drop the looked-up titles kept between calls (they come from resumes)."""
        with self._lock:
            self._cache.clear()

    def lookup(self, title: str) -> OccupationMatch | None:
        """The occupation a job title names, or None when neither the title nor its head noun is known."""
        if not title or not title.strip():
            return None
        with self._lock:
            if title in self._cache:
                return self._cache[title]
        found = self._lookup(title)
        with self._lock:
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[title] = found
        return found

    def _lookup(self, title: str) -> OccupationMatch | None:
        best: tuple[tuple[int, int, int], OccupationMatch] | None = None
        parts = title_parts(title)
        for rank, part in enumerate(parts):
            key = normalize_title_key(part)
            if not key or key in _MAYBE_HEAD:  # "Banker - Associate": the grade is not the role
                continue
            match = self._exact(key, part)
            if match is None and (rank > 0 or len(parts) == 1):
                # a title with parts is read whole only when it is a label ("Buyer/Planner"): its qualifiers
                # ("Analyst (Financials Sector)") would otherwise pick the head noun
                match = self._tokens(key, part)
            if match is None:
                continue
            # prefer exact matches, then word overlap, then the head noun alone; then the earlier part (titles
            # name the role first: "Consultant - Healthcare Analytics"), then the more specific code
            strength = 2 if match.method == "exact" else 1 if match.label != _head(key) else 0
            order = (strength, -rank, len(match.isco))
            if best is None or order > best[0]:
                best = (order, match)
        if (
            best is None and len(parts) > 1
        ):  # no part is known ("Fitness, Somatics Trainer"): the words of all
            key = normalize_title_key(title)
            return self._tokens(key, title) if key else None
        return best[1] if best else None

    def _exact(self, key: str, part: str) -> OccupationMatch | None:
        occs = self.occupations_for(key)
        if not occs:
            return None
        if " " not in key and len(self._by_head.get(key, ())) >= _GENERIC_HEAD:
            # "manager", "consultant": an alternative label of one occupation, the head of many: the broad group
            # the labels ending in it share, unless they share nothing
            broad = self._head_only(key, part)
            if broad is not None:
                return broad
        if len(occs) > 1:  # a label that is one occupation's own name and another's alternative: the first
            own = [o for o in occs if normalize_title_key(o[0]) == key]
            occs = own or occs
        code = _consensus([c for _, c in occs], share=1.0) if len(occs) > 1 else occs[0][1]
        if not code:
            return None
        label = occs[0][0] if len(code) == 4 else key
        return OccupationMatch(code, label, part.strip(), "exact")

    def _idf_of(self, word: str) -> float:
        return self._idf.get(
            word, 0.0
        )  # a word no label holds ("Softlines") says nothing about the occupation

    def _tokens(self, key: str, part: str) -> OccupationMatch | None:
        toks = key.split(" ")
        head = toks[-1]
        by_word = self._head_words.get(head)
        if by_word is None:
            return None
        want = set(toks)
        generic = len(self._by_head.get(head, ())) >= _GENERIC_HEAD
        # labels ending in the head that share another word with the title, or (for a head that is not
        # generic) the head alone; in a stable order
        pool = sorted({lab for t in want if t != head or not generic for lab in by_word.get(t, ())})
        w_want = sum(self._idf_of(t) for t in want)
        scored: list[tuple[float, str]] = []
        for lab in pool:
            inter = sum(self._idf_of(t) for t in want & self._label_words[lab])
            union = w_want + self._label_weight[lab] - inter
            scored.append((inter / union if union else 0.0, lab))
        top = max((sc for sc, _ in scored), default=0.0)
        if len(want) > 1 and top >= _MIN_TOKEN_SCORE:
            chosen = [lab for sc, lab in scored if sc >= top - 1e-9]
            codes = [c for lab in chosen for _, c in self.occupations_for(lab)]
            code = _consensus(codes)
            if code:
                label = self.occupations_for(chosen[0])[0][0] if len(code) == 4 else head
                return OccupationMatch(code, label, part.strip(), "tokens")
        return self._head_only(head, part)

    def _head_only(self, head: str, part: str) -> OccupationMatch | None:
        """The broad group most labels ending in the head noun share (computed once per head)."""
        with self._lock:
            code = self._head_code.get(head)
        if code is None:
            labels = self._by_head.get(head, [])
            code = _consensus([c for lab in labels for _, c in self.occupations_for(lab)])
            with self._lock:
                self._head_code[head] = code
        if not code:
            return None
        return OccupationMatch(code, head, part.strip(), "tokens")


_lock = threading.Lock()
_loaded: dict[Path, OccupationIndex] = {}


def load_occupations(path: Path | None = None) -> OccupationIndex:
    """The shipped occupation index, read once per process (thread-safe).

    Raises:
        ConfigError: the file is missing or unreadable.
    """
    target = path or OCCUPATIONS_PATH
    with _lock:
        cached = _loaded.get(target)
        if cached is not None:
            return cached
        index = OccupationIndex(read_gzip_json(target, "occupation index"))
        _loaded[target] = index
        return index


def clear_lookup_caches() -> None:
    """Drop the titles every loaded index keeps from its lookups."""
    with _lock:
        indexes = list(_loaded.values())
    for index in indexes:
        index.forget()


@functools.lru_cache(maxsize=1)
def occupation_words() -> frozenset[str]:
    """Every word of the shipped occupation names, or none when the index cannot be read (the parsers use it
    to tell a title word from a name or a skill, and parse on without it)."""
    with _lock:
        loaded = _loaded.get(OCCUPATIONS_PATH)
    try:
        if loaded is not None:
            return loaded.words()
        # the labels' words without building the index (0.06 against 0.25 s): parser worker processes need no more
        data = read_gzip_json(OCCUPATIONS_PATH, "occupation index")
        return frozenset(word for key in data["labels"] for word in str(key).split(" "))
    except ConfigError:
        return frozenset()
