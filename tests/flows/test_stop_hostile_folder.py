"""A hostile inbox neither stops nor swamps the run: each bad entry is a failed document with
its reason, the good files are published, and nothing outside the folder is.

A real folder holds two news pages, a named pipe called `stuck.html` (reading it the usual
way waits for a writer for ever), a link to a page outside the folder, a dangling link and a
file over the configured size limit. The run goes through the stages of `flows/nightly.py`
without Prefect (`run_stages`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from tests.flows.e2e_support import REPO, read_only, run_stages

NEWS = REPO / "samples" / "site" / "news"
MAX_BYTES = 200_000

CONFIG = """
[pipeline]
data_dir = "data"
max_bytes = {max_bytes}

[[sources]]
id = "inbox"
kind = "folder"
path = "inbox"
doc_type = "article"
"""


def test_a_hostile_folder_is_recorded_item_by_item(tmp_path: Path) -> None:
    inbox, outside = tmp_path / "inbox", tmp_path / "outside"
    inbox.mkdir()
    outside.mkdir()
    pages = sorted(NEWS.glob("*.html"))[:2]
    for page in pages:
        shutil.copy(page, inbox / page.name)
    shutil.copy(sorted(NEWS.glob("*.html"))[2], outside / "secret.html")
    os.mkfifo(inbox / "stuck.html")
    (inbox / "secret.html").symlink_to(outside / "secret.html")
    (inbox / "gone.html").symlink_to(inbox / "nothing-here.html")
    (inbox / "huge.html").write_bytes(b"<html><body>" + b"x" * MAX_BYTES + b"</body></html>")
    config = tmp_path / "inbox.toml"
    config.write_text(CONFIG.format(max_bytes=MAX_BYTES), encoding="utf-8")
    data = tmp_path / "data"

    result = run_stages(config, data)

    with read_only(data / "warehouse.duckdb") as con:
        rows = con.execute(
            "SELECT url, status, split_part(error, ':', 1) FROM documents ORDER BY url"
        ).fetchall()
    expected = {
        "folder://inbox/gone.html": ("failed", "dangling_symlink"),
        "folder://inbox/huge.html": ("failed", "too_large"),
        "folder://inbox/secret.html": ("failed", "symlink_outside_folder"),
        "folder://inbox/stuck.html": ("failed", "not_a_regular_file"),
        **{f"folder://inbox/{p.name}": ("parsed", None) for p in pages},
    }
    assert {url: (status, reason) for url, status, reason in rows} == expected
    with read_only(data / "published" / "current" / "analyst.duckdb") as analyst:
        texts = [t for (t,) in analyst.execute("SELECT text FROM documents").fetchall() if t]
    assert len(texts) == len(pages)
    # The linked page was not read at all: its bytes are nowhere in the raw store.
    secret = hashlib.sha256((outside / "secret.html").read_bytes()).hexdigest()
    assert not list((data / "raw").rglob(secret))
    assert any(
        "failures by reason:" in line and "not_a_regular_file 1" in line for line in result.lines
    )
