"""Lexical scoring: a tokenizer, BM25 and TF-IDF cosine over a small corpus, pure numpy/scipy.

The corpus is whatever candidate set is being ranked, so IDF is computed over it; callers pass texts that
were already blinded (see `matcher.profile.blind_text`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if (
    TYPE_CHECKING
):  # scipy is imported where a matrix is built: the tokenizer alone (parser workers) needs none
    from scipy import sparse

__all__ = ["BM25", "STOPWORDS", "TfidfIndex", "bm25_query_scores", "bm25_scores", "scale_to_unit", "tokenize"]

STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be been before being below between both but
    by can could did do does doing down during each etc few for from further had has have having here how i if in
    into is it its itself just me more most my no nor not now of off on once only or other our ours out over own
    per same should so some such than that the their theirs them then there these they this those through to too
    under until up very via was we were what when where which while who whom why will with within without would
    you your yours""".split()  # noqa: SIM905
)

_TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9]+)*[+#]*")


def tokenize(text: str, *, stopwords: frozenset[str] = STOPWORDS) -> list[str]:
    """Lower-case word tokens, keeping c++, c#, .net-like forms; stop words and 1-letter tokens dropped."""
    out = []
    for tok in _TOKEN_RE.findall(text.lower()):
        tok = tok.rstrip(".")
        if len(tok) > 1 and tok not in stopwords and not tok.isdigit():
            out.append(tok)
    return out


def _count_matrix(docs: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, doc in enumerate(docs):
        for tok, n in Counter(doc).items():
            col = vocab.setdefault(tok, len(vocab))
            rows.append(r)
            cols.append(col)
            vals.append(float(n))
    mat = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(vocab)), dtype=np.float64)
    return mat, vocab


class BM25:
    """Okapi BM25 over pre-tokenized documents.

    Args:
        docs: tokenized documents.
        k1: term-frequency saturation.
        b: length normalization.
    """

    def __init__(self, docs: Sequence[Sequence[str]], *, k1: float = 1.5, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.n_docs = len(docs)
        counts, self.vocab = _count_matrix(docs)
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        avg = lengths.mean() if self.n_docs and lengths.mean() > 0 else 1.0
        df = np.asarray((counts > 0).sum(axis=0)).ravel()
        # the "plus one" IDF of Lucene: never negative, so very common terms cannot lower a score
        self.idf = np.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))
        coo = counts.tocoo()
        norm = k1 * (1.0 - b + b * lengths[coo.row] / avg)
        weighted = coo.data * (k1 + 1.0) / (coo.data + norm)
        from scipy import sparse

        self._tf = sparse.csc_matrix((weighted, (coo.row, coo.col)), shape=counts.shape)

    def scores(self, query: Sequence[str], *, query_tf: bool = False) -> np.ndarray:
        """BM25 score of every document for `query` tokens (unique terms unless `query_tf`)."""
        weights = np.zeros(len(self.vocab))
        terms = Counter(query) if query_tf else Counter(set(query))
        for tok, n in terms.items():
            col = self.vocab.get(tok)
            if col is not None:
                weights[col] += self.idf[col] * n
        if not self.n_docs:
            return np.zeros(0)
        return np.asarray(self._tf @ weights).ravel()


def bm25_query_scores(
    docs: Sequence[Sequence[str]],
    query: Sequence[str],
    *,
    k1: float = 1.5,
    b: float = 0.75,
    query_tf: bool = False,
) -> np.ndarray:
    """`BM25(docs, k1=k1, b=b).scores(query, query_tf=query_tf)` computed on the query's terms alone.

    Scoring one query against a set ranked once (a shortlist's candidates) needs only the lengths of the
    documents and the counts of the query's terms, not a vocabulary of every term of every document.
    """
    n = len(docs)
    if not n:
        return np.zeros(0)
    terms = Counter(query) if query_tf else Counter(set(query))
    lengths = np.fromiter((len(d) for d in docs), dtype=np.float64, count=n)
    if not terms:
        return np.zeros(n)
    col = {t: j for j, t in enumerate(terms)}
    counts = np.zeros((n, len(col)))
    for r, doc in enumerate(docs):
        have = Counter(doc)  # counted in C; only the query's terms are read back
        for tok, j in col.items():
            c = have.get(tok)
            if c:
                counts[r, j] = c
    avg = lengths.mean() if lengths.mean() > 0 else 1.0
    df = (counts > 0).sum(axis=0)
    idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
    norm = k1 * (1.0 - b + b * lengths / avg)
    with np.errstate(divide="ignore", invalid="ignore"):
        weighted = np.where(counts > 0, counts * (k1 + 1.0) / (counts + norm[:, None]), 0.0)
    return np.asarray(weighted @ (idf * np.fromiter(terms.values(), dtype=np.float64, count=len(terms))))


def bm25_scores(query: str, docs: Sequence[str], *, k1: float = 1.5, b: float = 0.75) -> np.ndarray:
    """BM25 of the text `query` against every text in `docs` (corpus statistics from `docs`)."""
    return BM25([tokenize(d) for d in docs], k1=k1, b=b).scores(tokenize(query))


class TfidfIndex:
    """TF-IDF vectors (sublinear tf, smoothed idf, L2-normalized rows) and cosine queries."""

    def __init__(self, docs: Sequence[Sequence[str]]) -> None:
        counts, self.vocab = _count_matrix(docs)
        n = counts.shape[0]
        df = np.asarray((counts > 0).sum(axis=0)).ravel()
        self.idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        self.matrix = self._weigh(counts)

    def _weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        from scipy import sparse

        m = counts.tocsr(copy=True).astype(np.float64)
        m.data = 1.0 + np.log(m.data)
        m = sparse.csr_matrix(m.multiply(self.idf[None, :]))
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)

    def vector(self, tokens: Sequence[str]) -> sparse.csr_matrix:
        """The TF-IDF row of a tokenized query (unknown words ignored)."""
        counts = Counter(t for t in tokens if t in self.vocab)
        cols = [self.vocab[t] for t in counts]
        vals = [float(v) for v in counts.values()]
        from scipy import sparse

        row = sparse.csr_matrix((vals, ([0] * len(cols), cols)), shape=(1, len(self.vocab)))
        return self._weigh(row)

    def cosine(self, query: Sequence[str]) -> np.ndarray:
        """Cosine similarity of the query with every document."""
        if self.matrix.shape[0] == 0:
            return np.zeros(0)
        return np.asarray((self.matrix @ self.vector(query).T).todense()).ravel()


def scale_to_unit(scores: np.ndarray) -> np.ndarray:
    """Divide by the maximum so the best document gets 1.0 and a zero stays zero (all zeros stay zeros)."""
    x = np.asarray(scores, dtype=np.float64)
    if x.size == 0:
        return x
    top = float(x.max())
    if top <= 0 or not math.isfinite(top):
        return np.zeros_like(x)
    return np.clip(x / top, 0.0, 1.0)
