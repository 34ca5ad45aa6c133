"""Matching: taxonomy use, embeddings, vector index, store, features, scoring, explanations, the talent pool."""
