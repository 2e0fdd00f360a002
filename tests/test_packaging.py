"""Every data file the code reads at run time is shipped with the package.

An editable install finds the files in the checkout whatever `package-data` says; a built
wheel (a deployment image, a Dask worker) only holds what `package-data` lists. This keeps
the two in step: a new migration, rule table or suite that the list misses fails here,
not at a customer's first run.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_SUFFIXES = {".sql", ".toml", ".csv", ".json", ".yaml", ".yml", ".txt"}


def test_package_data_lists_every_data_file() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    patterns = setuptools.get("package-data", {})
    missing = []
    for package in setuptools["packages"]:
        base = ROOT / package
        for path in sorted(base.rglob("*")):
            if path.suffix not in DATA_SUFFIXES or "__pycache__" in path.parts:
                continue
            rel = path.relative_to(base).as_posix()
            if not any(fnmatch.fnmatch(rel, p) for p in patterns.get(package, [])):
                missing.append(f"{package}/{rel}")
    assert missing == [], f"add to [tool.setuptools.package-data]: {missing}"
