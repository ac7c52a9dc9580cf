"""``python -m tests.fuzz``: see :mod:`tests.fuzz.run`."""

from __future__ import annotations

from tests.fuzz.run import main

raise SystemExit(main())
