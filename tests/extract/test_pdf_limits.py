"""PDFs that inflate far past their size are refused before PDFium parses them.

A content stream of repeated drawing operators compresses about 500:1; PDFium keeps every
operator as an object (about 20 bytes of memory per inflated byte), so a 2 MB file took
19 GiB. The check must refuse such files with `pdf_too_large`, in bounded memory, and let
ordinary PDFs through untouched.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest

from extract.documents import ParseError
from extract.pdf_limits import MAX_CONTENT_BYTES, MAX_STREAM_BYTES, check_inflation
from extract.pdf_text import parse_pdf

REPO = Path(__file__).resolve().parents[2]
_OPERATORS = b"0 0 m 1 1 l S\n" * 4096


def _flate(inflated: int) -> bytes:
    """Text operators, then line drawing up to `inflated` bytes, deflated in pieces."""
    comp = zlib.compressobj(9)
    parts = [comp.compress(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n")]
    done = 0
    while done < inflated:
        parts.append(comp.compress(_OPERATORS))
        done += len(_OPERATORS)
    parts.append(comp.flush())
    return b"".join(parts)


def bomb_pdf(stream_sizes: list[int]) -> bytes:
    """A one-page PDF whose page content is streams inflating to `stream_sizes` bytes."""
    first_stream = 5
    refs = " ".join(f"{first_stream + i} 0 R" for i in range(len(stream_sizes)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [{refs}] "
        "/Resources << /Font << /F1 4 0 R >> >> >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for size in stream_sizes:
        data = _flate(size)
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        )
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def _reason(content: bytes) -> str:
    with pytest.raises(ParseError) as info:
        parse_pdf(content)
    return info.value.reason


def test_a_small_pdf_within_the_limits_is_read() -> None:
    doc = parse_pdf(bomb_pdf([100_000]))
    assert doc.text == "Hello"


def test_one_stream_inflating_past_its_limit_is_refused() -> None:
    content = bomb_pdf([MAX_STREAM_BYTES + (2 << 20)])
    assert len(content) < MAX_STREAM_BYTES // 200
    assert _reason(content) == "pdf_too_large"


def test_many_streams_inflating_past_the_document_limit_are_refused() -> None:
    each = MAX_STREAM_BYTES - (1 << 20)
    content = bomb_pdf([each] * (MAX_CONTENT_BYTES // each + 1))
    with pytest.raises(ParseError) as info:
        check_inflation(content)
    assert info.value.reason == "pdf_too_large"
    assert "MiB" in str(info.value)


def test_refused_in_bounded_memory(tmp_path: Path) -> None:
    """A child process limited to 256 MiB of address space beyond what it holds after its
    imports reads a PDF whose content inflates to 256 MiB: PDFium alone would need several
    GiB for it, so getting the reason back at all shows the bytes were never inflated whole.
    """
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb_pdf([256 << 20]))
    child = textwrap.dedent(
        f"""
        import resource, sys
        sys.path.insert(0, {str(REPO)!r})
        from extract.documents import ParseError
        from extract.pdf_text import parse_pdf
        content = open({str(path)!r}, "rb").read()
        with open("/proc/self/status") as status:
            vm = next(int(ln.split()[1]) for ln in status if ln.startswith("VmSize:")) * 1024
        resource.setrlimit(resource.RLIMIT_AS, (vm + (256 << 20), vm + (256 << 20)))
        try:
            parse_pdf(content)
        except ParseError as exc:
            print(exc.reason)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "pdf_too_large"


def test_the_seed_fixtures_pass_the_check() -> None:
    for path in sorted((REPO / "tests" / "fixtures" / "pdf").glob("*.pdf")):
        check_inflation(path.read_bytes())
