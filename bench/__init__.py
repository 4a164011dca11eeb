"""Benchmarks: a synthetic data generator and timed scenarios (run by `prasan bench`, never by the tests)."""
