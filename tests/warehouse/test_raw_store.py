from __future__ import annotations

import hashlib
from pathlib import Path

from warehouse.raw_store import RawStore


def test_put_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    store = RawStore(tmp_path / "raw")
    sha = store.put(b"%PDF-1.4 hello")
    assert sha == hashlib.sha256(b"%PDF-1.4 hello").hexdigest()
    assert store.put(b"%PDF-1.4 hello") == sha
    assert store.get(sha) == b"%PDF-1.4 hello"
    assert sha in store and "0" * 64 not in store
    assert [p.name for p in (tmp_path / "raw").rglob("*") if p.is_file()] == [sha]
