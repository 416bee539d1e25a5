"""Benchmarks and their data generators (see bench/README.md)."""
