"""The analysts' inbox folder as a source."""

from __future__ import annotations

import os
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from extract.documents import doc_id_for
from extract.folder import FolderError, folder_url, scan_folder

MTIME = datetime(2024, 3, 6, 1, 2, 3, tzinfo=UTC)


def _write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    os.utime(path, (MTIME.timestamp(), MTIME.timestamp()))
    return path


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    _write(tmp_path / "b-report.PDF", b"%PDF-1.7 b")
    _write(tmp_path / "a-note.html", b"<html>a</html>")
    _write(tmp_path / "sub" / "c.HTM", b"<html>c</html>")
    _write(tmp_path / "sub" / "deeper" / "d.pdf", b"%PDF-1.4 d")
    _write(tmp_path / "README.md", b"ignored")
    _write(tmp_path / "notes.txt", b"ignored")
    _write(tmp_path / "report.pdf.bak", b"ignored")
    _write(tmp_path / ".hidden.html", b"ignored")
    _write(tmp_path / "._b-report.PDF", b"macOS resource fork")
    _write(tmp_path / ".git" / "x.html", b"ignored")
    return tmp_path


def test_documents_sorted_with_stable_urls(inbox: Path) -> None:
    docs = list(scan_folder(inbox, source_id="analyst-inbox", doc_type="article"))
    assert [d.url for d in docs] == [
        "folder://analyst-inbox/a-note.html",
        "folder://analyst-inbox/b-report.PDF",
        "folder://analyst-inbox/sub/c.HTM",
        "folder://analyst-inbox/sub/deeper/d.pdf",
    ]
    assert [d.content_type for d in docs] == [
        "text/html",
        "application/pdf",
        "text/html",
        "application/pdf",
    ]
    assert docs[1].content == b"%PDF-1.7 b"
    assert all(d.fetched_at == MTIME for d in docs)
    assert all(d.source_id == "analyst-inbox" and d.doc_type == "article" for d in docs)
    assert docs[0].link_title == "a-note.html"


def test_urls_do_not_depend_on_where_the_folder_is(inbox: Path, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path_factory.mktemp("moved")
    _write(elsewhere / "a-note.html", b"<html>changed</html>")
    first = next(scan_folder(inbox, source_id="inbox", doc_type="review"))
    second = next(scan_folder(elsewhere, source_id="inbox", doc_type="review"))
    assert first.url == second.url
    assert first.doc_id == second.doc_id == doc_id_for("folder://inbox/a-note.html")
    assert first.sha256 != second.sha256


def test_unreadable_file_is_reported_and_the_rest_still_come(inbox: Path) -> None:
    (inbox / "broken.html").symlink_to(inbox / "gone.html")  # dangling link: cannot be read
    errors: list[FolderError] = []
    docs = list(scan_folder(inbox, source_id="inbox", doc_type="article", on_error=errors.append))
    assert len(docs) == 4
    assert [(e.url, e.reason) for e in errors] == [("folder://inbox/broken.html", "unreadable")]
    assert errors[0].path == inbox / "broken.html"


def test_permission_error_is_reported(inbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "a-note.html":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    errors: list[FolderError] = []
    docs = list(scan_folder(inbox, source_id="inbox", doc_type="article", on_error=errors.append))
    assert [d.url for d in docs][0] == "folder://inbox/b-report.PDF"
    assert errors[0].reason == "unreadable" and "Permission denied" in str(errors[0])


def test_without_callback_errors_are_logged(inbox: Path, caplog: pytest.LogCaptureFixture) -> None:
    (inbox / "broken.pdf").symlink_to(inbox / "gone.pdf")
    docs = list(scan_folder(inbox, source_id="inbox", doc_type="article"))
    assert len(docs) == 4
    assert "broken.pdf" in caplog.text


def test_oversized_files_are_reported(inbox: Path) -> None:
    errors: list[FolderError] = []
    docs = list(
        scan_folder(
            inbox, source_id="inbox", doc_type="article", on_error=errors.append, max_bytes=12
        )
    )
    assert [d.url for d in docs] == [
        "folder://inbox/b-report.PDF",
        "folder://inbox/sub/deeper/d.pdf",
    ]
    assert {e.reason for e in errors} == {"too_large"}


def test_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(FolderError) as err:
        list(scan_folder(tmp_path / "nope", source_id="inbox", doc_type="article"))
    assert err.value.reason == "folder_missing"
    file_path = _write(tmp_path / "file.html", b"x")
    with pytest.raises(FolderError, match="folder_not_a_directory"):
        list(scan_folder(file_path, source_id="inbox", doc_type="article"))


def test_url_escaping_and_normalisation() -> None:
    decomposed = unicodedata.normalize("NFD", "résumé 报告 #2?.pdf")
    assert folder_url("inbox", decomposed) == "folder://inbox/résumé%20报告%20%232%3F.pdf"
