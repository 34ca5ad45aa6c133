"""Duplicate detection: exact keys (contact, content hash) and near-identical text (MinHash over shingles).

Policy (used by `matcher.pool.Pool`):
- the same bytes uploaded again (same content hash) are not stored twice: the existing candidate is returned;
- a resume that shares a normalized email or phone with a stored candidate (and the same normalized name when
  both carry one, so an agency's shared phone or inbox does not merge different people), or whose blinded text
  has an estimated shingle Jaccard >= `NEAR_DUPLICATE_JACCARD` with one, is stored as its own candidate but
  flagged `duplicate_of` the canonical (oldest) candidate of that group. Flagged duplicates are left out of shortlists and
  search results, so a person is never ranked twice, and erasing a candidate erases its whole group.

Contact details only enter the store as unsalted SHA-256 digests of the normalized value, never in clear, so
the key table cannot be read back into addresses (the resume JSON itself still holds them).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

NEAR_DUPLICATE_JACCARD = 0.9
SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = (
    16  # 16 bands x 8 rows: a pair at Jaccard 0.9 shares a band with probability > 0.999, at 0.5 about 0.06
)
_MERSENNE = (1 << 31) - 1  # prime; a, b, x < 2**31 keep a*x + b inside uint64
_MAX_HASH = (1 << 32) - 1

_rng = np.random.default_rng(20240611)
_A = _rng.integers(1, _MERSENNE, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, _MERSENNE, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Fingerprint:
    """What the store keeps to find duplicates of a candidate: hashed exact keys and a MinHash signature."""

    keys: list[tuple[str, str]] = field(
        default_factory=list
    )  # (kind, hex digest) for kind in email/phone/content
    signature: np.ndarray | None = None  # uint32[NUM_PERM]

    def lsh_keys(self) -> list[tuple[str, str]]:
        """Band keys for the signature (kind 'lsh'), so candidate pairs are found by an indexed lookup."""
        return band_keys(self.signature) if self.signature is not None else []

    def all_keys(self) -> list[tuple[str, str]]:
        """Exact keys then band keys."""
        return [*self.keys, *self.lsh_keys()]


def _digest(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()


def normalize_email(email: str | None) -> str | None:
    """Lower-cased address without '+tag'; None when it is not an address."""
    if not email:
        return None
    email = email.strip().lower()
    if email.startswith("mailto:"):
        email = email[7:]
    if email.count("@") != 1:
        return None
    local, domain = email.split("@")
    local = local.split("+", 1)[0]
    if domain in ("gmail.com", "googlemail.com"):
        local = local.replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}" if local and "." in domain else None


def normalize_phone(phone: str | None) -> str | None:
    """Digits only, the last 9 kept so '+1 555 ...' and '(555) ...' and '0555 ...' meet; None below 7 digits."""
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 7:
        return None
    return digits[-9:]


def normalize_name(name: str | None) -> str | None:
    """Accent-free, case-folded name tokens in sorted order, initials dropped ('Doe, Jane A.' = 'jane doe')."""
    if not name:
        return None
    tokens = sorted(t for t in normalize_text(name) if len(t) > 1 and not t.isdigit())
    return " ".join(tokens) or None


def normalize_text(text: str) -> list[str]:
    """Case-folded, accent-stripped words."""
    text = unicodedata.normalize("NFKD", text)
    # the marks are looked up once per distinct character, not once per character of the text
    marks = {ord(ch): None for ch in set(text) if ch > "\x7f" and unicodedata.combining(ch)}
    return _WORD.findall((text.translate(marks) if marks else text).casefold())


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Word k-shingles of the normalized text (the whole text as one shingle when it is shorter than k)."""
    words = normalize_text(text)
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def minhash(items: Iterable[str]) -> np.ndarray:
    """MinHash signature (uint32[NUM_PERM]) of a set of strings; all-max for an empty set."""
    hashes = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") & _MAX_HASH
            for s in items
        ),
        dtype=np.uint64,
    )
    if hashes.size == 0:
        return np.full(NUM_PERM, _MERSENNE, dtype=np.uint32)
    x = hashes % np.uint64(_MERSENNE)
    values = (_A[:, None] * x[None, :] + _B[:, None]) % np.uint64(_MERSENNE)
    return values.min(axis=1).astype(np.uint32)


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Fraction of equal MinHash slots: an unbiased estimate of the Jaccard similarity."""
    return float(np.mean(np.asarray(sig_a) == np.asarray(sig_b)))


def band_keys(signature: np.ndarray, bands: int = BANDS) -> list[tuple[str, str]]:
    """LSH band keys ('lsh', 'band:digest') of a signature."""
    rows = len(signature) // bands
    out = []
    for i in range(bands):
        chunk = np.ascontiguousarray(signature[i * rows : (i + 1) * rows]).tobytes()
        out.append(("lsh", f"{i}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}"))
    return out


def fingerprint(
    *,
    name: str | None = None,
    email: str | None = None,
    phones: Sequence[str | None] = (),
    content_hash: str | None = None,
    blinded_text: str | None = None,
) -> Fingerprint:
    """Build the fingerprint of one candidate from its contact details, content hash and blinded profile text."""
    keys: list[tuple[str, str]] = []
    norm_email = normalize_email(email)
    if norm_email:
        keys.append(("email", _digest("email", norm_email)))
    for phone in phones:
        norm_phone = normalize_phone(phone)
        if norm_phone:
            keys.append(("phone", _digest("phone", norm_phone)))
    norm_name = normalize_name(name)
    if norm_name:
        keys.append(("name", _digest("name", norm_name)))
    if content_hash:
        keys.append(("content", content_hash))
    signature = None
    if blinded_text:
        grams = shingles(blinded_text)
        if grams:
            signature = minhash(grams)
    return Fingerprint(keys=keys, signature=signature)


def content_hash(data: bytes) -> str:
    """SHA-256 hex digest of the original bytes."""
    return hashlib.sha256(data).hexdigest()
