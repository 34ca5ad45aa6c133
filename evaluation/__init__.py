"""Evaluation: metrics, dataset loaders, parsing and ranking evaluations, bias audits, benchmarks."""
