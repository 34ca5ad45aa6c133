"""Duplicate keys and near-duplicate MinHash, on hand-worked cases."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.dedupe import (
    NEAR_DUPLICATE_JACCARD,
    band_keys,
    estimate_jaccard,
    fingerprint,
    jaccard,
    minhash,
    normalize_email,
    normalize_name,
    normalize_phone,
    normalize_text,
    shingles,
)

TEXT = (
    "Senior backend engineer with eight years of Python and Go, building payment APIs on AWS, "
    "leading a team of five, designing event driven systems with Kafka and PostgreSQL, "
    "mentoring juniors and running incident reviews for a platform serving millions of requests a day. "
) + " ".join(
    f"Project {i}: migrated service number {i} to containers and cut its latency by {i + 10} percent."
    for i in range(12)
)


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("Jane.Doe+jobs@Example.COM", "jane.doe@example.com"),
        ("mailto:a@b.io", "a@b.io"),
        ("j.a.n.e@googlemail.com", "jane@gmail.com"),
        ("not-an-email", None),
        ("a@localhost", None),
        (None, None),
    ],
)
def test_normalize_email(raw: str | None, norm: str | None) -> None:
    assert normalize_email(raw) == norm


def test_normalize_phone() -> None:
    assert normalize_phone("+1 (555) 010-9999") == normalize_phone("555.010.9999") == "550109999"
    assert normalize_phone("+44 20 7946 0958") == normalize_phone("020 7946 0958")
    assert normalize_phone("12-34") is None and normalize_phone(None) is None


def test_normalize_name() -> None:
    assert normalize_name("Doe, Jane A.") == normalize_name("jane doe") == "doe jane"
    assert normalize_name("José Núñez") == "jose nunez"
    assert normalize_name("A.") is None and normalize_name(None) is None


def test_shingles_and_jaccard() -> None:
    assert shingles("A b c", k=2) == {"a b", "b c"}
    assert shingles("Über  café", k=5) == {"uber cafe"}
    assert shingles("", k=3) == set()
    assert jaccard({"a", "b"}, {"b", "c"}) == pytest.approx(1 / 3)
    assert jaccard(set(), set()) == 1.0


def test_minhash_estimates_jaccard() -> None:
    a = {f"s{i}" for i in range(400)}
    b = {f"s{i}" for i in range(40, 440)}  # 360 shared of 440: J = 0.818...
    est = estimate_jaccard(minhash(a), minhash(b))
    assert est == pytest.approx(jaccard(a, b), abs=0.1)
    assert estimate_jaccard(minhash(a), minhash(set(a))) == 1.0
    sig = minhash(a)
    assert sig.dtype == np.uint32 and sig.shape == (128,)
    assert len(band_keys(sig)) == 16


def test_near_duplicate_text_shares_a_band_and_different_text_does_not() -> None:
    near = TEXT.replace("five", "six")
    fa, fb = fingerprint(blinded_text=TEXT), fingerprint(blinded_text=near)
    fc = fingerprint(
        blinded_text="Pastry chef with a decade in French kitchens, laminated doughs and plated desserts."
    )
    assert fa.signature is not None and fb.signature is not None and fc.signature is not None
    assert jaccard(shingles(TEXT), shingles(near)) < 1.0
    assert set(fa.lsh_keys()) & set(fb.lsh_keys())
    assert not set(fa.lsh_keys()) & set(fc.lsh_keys())
    assert estimate_jaccard(fa.signature, fc.signature) < NEAR_DUPLICATE_JACCARD


def test_fingerprint_keys_hash_contact_details() -> None:
    fp = fingerprint(
        name="Xavier Young", email="x@example.com", phones=["+1 555 010 9999", None], content_hash="abc"
    )
    kinds = [k for k, _ in fp.keys]
    assert kinds == ["email", "phone", "name", "content"]
    assert all("example" not in v and "555" not in v for _, v in fp.keys)
    assert fp.signature is None and fp.all_keys() == fp.keys


def test_normalize_text_strips_accents_and_case() -> None:
    assert normalize_text("José ÁLVAREZ, naïve café") == ["jose", "alvarez", "naive", "cafe"]
    assert normalize_text("Jose ALVAREZ, C++ dev") == ["jose", "alvarez", "c", "dev"]
