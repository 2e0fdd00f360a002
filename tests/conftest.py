"""Settings every test folder shares.

Property tests (Hypothesis) draw a fixed sequence of examples by default, so the suite is
reproducible: a commit passes or fails the same way in CI and on a laptop, and a rare
random example cannot fail one CI run and pass the next. `HYPOTHESIS_PROFILE=explore`
draws fresh random examples (1,000 where a test sets no number of its own) to search for
new failures; one found that way becomes a plain test of the module it breaks, and is fixed.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("reproducible", derandomize=True)
settings.register_profile("explore", derandomize=False, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "reproducible"))
