"""Coverage-guided, hypothesis-driven fuzz harness (``python -m tests.fuzz --minutes 1``)."""
