"""BM25 and TF-IDF on hand-worked cases and against brute-force formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest

from matcher.lexical import BM25, TfidfIndex, bm25_query_scores, bm25_scores, scale_to_unit, tokenize


def test_tokenize() -> None:
    assert tokenize("The C++ and C# developer, .NET and Node.js; 2019 a") == [
        "c++",
        "c#",
        "developer",
        "net",
        "node.js",
    ]


def test_bm25_hand_worked() -> None:
    docs = [["python", "python", "java"], ["java"], ["chef"]]
    bm = BM25(docs, k1=1.5, b=0.75)
    avg = 5 / 3
    idf_py = math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))
    tf = 2 * 2.5 / (2 + 1.5 * (1 - 0.75 + 0.75 * 3 / avg))
    assert bm.scores(["python"])[0] == pytest.approx(idf_py * tf)
    assert bm.scores(["python"])[1:] == pytest.approx([0.0, 0.0])
    # unique query terms unless query_tf
    assert bm.scores(["python", "python"]) == pytest.approx(bm.scores(["python"]))
    assert bm.scores(["python", "python"], query_tf=True)[0] == pytest.approx(2 * idf_py * tf)
    assert bm.scores(["unknown"]) == pytest.approx([0, 0, 0])


def test_bm25_against_brute_force() -> None:
    rng = np.random.default_rng(3)
    vocab = [f"w{i}" for i in range(12)]
    docs = [list(rng.choice(vocab, size=rng.integers(1, 15))) for _ in range(9)]
    query = list(rng.choice(vocab, size=4))
    k1, b = 1.2, 0.6
    avg = sum(map(len, docs)) / len(docs)
    expected = []
    for d in docs:
        s = 0.0
        for t in set(query):
            df = sum(1 for x in docs if t in x)
            idf = math.log(1 + (len(docs) - df + 0.5) / (df + 0.5))
            f = d.count(t)
            s += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len(d) / avg))
        expected.append(s)
    assert BM25(docs, k1=k1, b=b).scores(query) == pytest.approx(expected)


@pytest.mark.parametrize("query_tf", [False, True])
def test_bm25_query_scores_equal_the_full_model(query_tf: bool) -> None:
    rng = np.random.default_rng(5)
    vocab = [f"w{i}" for i in range(30)]
    for trial in range(20):
        docs = [list(rng.choice(vocab, size=rng.integers(0, 25))) for _ in range(rng.integers(1, 12))]
        query = [*rng.choice(vocab, size=rng.integers(0, 8)), "unseen"]
        k1, b = (1.5, 0.75) if trial % 2 else (1.2, 1.0)  # b=1 with an empty document: no 0/0
        expected = BM25(docs, k1=k1, b=b).scores(query, query_tf=query_tf)
        got = bm25_query_scores(docs, query, k1=k1, b=b, query_tf=query_tf)
        assert got == pytest.approx(expected, abs=1e-12) and np.isfinite(got).all()
    assert bm25_query_scores([], ["x"]).shape == (0,)
    assert bm25_query_scores([["x"], []], []) == pytest.approx([0.0, 0.0])


def test_bm25_scores_text_and_empty() -> None:
    s = bm25_scores("python developer", ["senior python developer", "pastry chef"])
    assert s[0] > 0 == s[1]
    assert BM25([]).scores(["x"]).shape == (0,)


def test_tfidf_cosine() -> None:
    idx = TfidfIndex([["python", "developer"], ["chef", "kitchen"], ["python", "chef"]])
    s = idx.cosine(["python", "developer"])
    assert s[0] == pytest.approx(1.0)
    assert s[1] == pytest.approx(0.0)
    assert 0 < s[2] < 1
    assert idx.cosine(["unknown"]) == pytest.approx([0, 0, 0])


def test_scale_to_unit() -> None:
    assert scale_to_unit(np.array([0.0, 2.0, 1.0])) == pytest.approx([0, 1, 0.5])
    assert scale_to_unit(np.array([0.0, 0.0])) == pytest.approx([0, 0])
    assert scale_to_unit(np.array([])).shape == (0,)
