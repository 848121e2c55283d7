"""The wagtail-wellness benchmark: see docs/benchmarks.md. Entry point: ``python -m bench.run``."""
