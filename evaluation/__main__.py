"""`python -m evaluation [--json] [--details] [GOLD_DIR]`."""

from evaluation.report import main

raise SystemExit(main())
