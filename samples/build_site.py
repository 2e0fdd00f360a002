"""Rebuild the bundled sample site from the seed documents in `samples/seeds/`.

The output under `samples/site/` is committed so that the sample run needs no build step;
rerun this after changing a generator, and commit what changed. The output is
deterministic: running it twice gives byte-identical files.

    python samples/build_site.py            # writes samples/site/
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_news  # noqa: E402
import make_reviews  # noqa: E402


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else HERE / "site"
    site.mkdir(parents=True, exist_ok=True)
    make_reviews.build(site)
    make_news.build(site)
    print(f"sample site written to {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
