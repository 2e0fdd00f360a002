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


def _scan(folder: Path, **kwargs: object) -> tuple[list[str], list[tuple[str, str]]]:
    errors: list[FolderError] = []
    docs = list(
        scan_folder(folder, source_id="inbox", doc_type="article", on_error=errors.append, **kwargs)
    )
    return [d.url for d in docs], [(e.url, e.reason) for e in errors]


INBOX_URLS = [
    "folder://inbox/a-note.html",
    "folder://inbox/b-report.PDF",
    "folder://inbox/sub/c.HTM",
    "folder://inbox/sub/deeper/d.pdf",
]


def test_dangling_link_is_reported_and_the_rest_still_come(inbox: Path) -> None:
    (inbox / "broken.html").symlink_to(inbox / "gone.html")
    (inbox / "loop.pdf").symlink_to(inbox / "loop.pdf")
    urls, errors = _scan(inbox)
    assert urls == INBOX_URLS
    assert errors == [
        ("folder://inbox/broken.html", "dangling_symlink"),
        ("folder://inbox/loop.pdf", "dangling_symlink"),
    ]


def test_a_named_pipe_is_reported_not_read(inbox: Path) -> None:
    """A FIFO nobody writes to: opening it for reading the usual way waits for ever."""
    os.mkfifo(inbox / "stuck.html")
    urls, errors = _scan(inbox)
    assert urls == INBOX_URLS
    assert errors == [("folder://inbox/stuck.html", "not_a_regular_file")]


def test_links_out_of_the_folder_are_reported_not_followed(inbox: Path, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path_factory.mktemp("outside")
    _write(outside / "secret.html", b"<html>not for the inbox</html>")
    _write(outside / "more" / "e.html", b"<html>e</html>")
    (inbox / "secret.html").symlink_to(outside / "secret.html")
    (inbox / "elsewhere.html").symlink_to(outside / "more")  # a linked folder
    (inbox / "sub" / "up.html").symlink_to(Path("..") / ".." / outside.name / "secret.html")
    (inbox / "same.html").symlink_to(inbox / "a-note.html")  # stays inside: read
    urls, errors = _scan(inbox)
    assert urls == [*INBOX_URLS[:2], "folder://inbox/same.html", *INBOX_URLS[2:]]
    assert errors == [
        ("folder://inbox/elsewhere.html", "symlink_outside_folder"),
        ("folder://inbox/secret.html", "symlink_outside_folder"),
        ("folder://inbox/sub/up.html", "symlink_outside_folder"),
    ]


def test_permission_error_is_reported(inbox: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads a file whatever its permissions")
    (inbox / "a-note.html").chmod(0)
    urls, errors = _scan(inbox)
    assert urls == INBOX_URLS[1:]
    assert errors == [("folder://inbox/a-note.html", "unreadable")]


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
