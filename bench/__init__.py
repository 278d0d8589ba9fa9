"""Benchmarks (not tests): throughput, scaling and accuracy runs recorded in docs/benchmarks.md."""
