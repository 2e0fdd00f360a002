"""Speed, memory and scale of a whole nightly run, against the libraries' floor.

For each corpus size N (default 200 and 2,000), this builds the deterministic corpus of
`benchmarks/corpus.py`, serves it on 127.0.0.1 with conditional GET (ETag and
Last-Modified, answered 304), and measures:

1. a first full `chinasci run --config <corpus TOML> --data-dir <empty dir>`: wall time,
   documents/s, CPU seconds and CPU/wall of the process tree, peak RSS of the process tree
   (the `chinasci` process and its children, e.g. Prefect's temporary server) and of the
   `chinasci` process alone, and the time per stage, read from the run's log lines
   (Prefect's "Beginning flow run", the flow's "run ...: N sources" line and each task's
   "Finished in state" line);
2. a second run on the same data directory, with nothing new (every document answered 304);
3. the floor, in one plain process: an HTTP GET of every document, a BeautifulSoup parse of
   every HTML page, pdfplumber's words of every PDF page (the floor is their sum), and
   pypdfium2's text of every PDF page as the physical reference; the first run's ratio to
   both;
4. Prefect's overhead: the same stage functions of `flows/steps.py` called in order in a
   plain process (no Prefect), on an empty data directory, against the first run.

CPU seconds are the process tree's (getrusage of the reaped children, or the sum of the
per-process times polled every 0.1 s when that is larger, for children never reaped); the
machine's load average is printed beside the figures, because other work on a shared
machine slows wall time down. A size whose run crashes is reported with the end of its log,
and the other sizes still run.

    .venv/bin/python benchmarks/scale.py [--sizes 200,2000] [--articles-only] [--json]
        [--corpus-dir DIR] [--keep DIR] [--skip plain,floor,second]
        [--workers N] [--dask local|tcp://host:port]

`--sizes 10000 --articles-only` is the large run (PDF rendering and pdfplumber make a
10,000-document corpus with PDFs slow to build and to measure).
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import hashlib
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

MiB = 1024 * 1024
LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT"
STAGES = (
    ("start-up", "process start to the flow's first line"),
    ("open run", "warehouse, references, fetch states"),
    ("collect", "feeds, listings and documents over HTTP"),
    ("store and parse", ""),
    ("extract facts", "extraction and consolidation"),
    ("quality gate", ""),
    ("publish", ""),
    ("finish and exit", "run record, Prefect's shutdown"),
)


def chinasci_command() -> list[str]:
    exe = Path(sys.executable).with_name("chinasci")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "flows.cli"]


# ------------------------------------------------------------------------------ server


class CorpusServer:
    """The corpus on 127.0.0.1: 200 with ETag and Last-Modified, 304 to a matching
    If-None-Match or a not older If-Modified-Since; counts what it answered."""

    def __init__(self, site: Path, host: str = "127.0.0.1", port: int = 0) -> None:
        self.files: dict[str, tuple[Path, str, int, str]] = {}
        for path in sorted(site.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                etag = '"' + hashlib.sha256(data).hexdigest()[:20] + '"'
                self.files["/" + path.relative_to(site).as_posix()] = (
                    path,
                    etag,
                    len(data),
                    _content_type(path.name),
                )
        self.lock = threading.Lock()
        self.counts: dict[int, int] = {}
        self.first_request: float | None = None
        self.last_request: float | None = None
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body are two writes: with Nagle's algorithm on, a keep-alive
            # client's delayed ACK would hold every response's body back about 40 ms.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_HEAD(self) -> None:  # noqa: N802
                self._answer(body=False)

            def do_GET(self) -> None:  # noqa: N802
                self._answer(body=True)

            def _answer(self, body: bool) -> None:
                now = time.time()
                path = self.path.split("?", 1)[0]
                entry = server.files.get(path)
                if entry is None:
                    status = 404
                elif _not_modified(self.headers, entry[1]):
                    status = 304
                else:
                    status = 200
                with server.lock:
                    server.counts[status] = server.counts.get(status, 0) + 1
                    if server.first_request is None:
                        server.first_request = now
                    server.last_request = now
                if entry is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                file_path, etag, size, ctype = entry
                self.send_response(status)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
                if status == 304:
                    self.end_headers()
                    return
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(size))
                self.end_headers()
                if body:
                    self.wfile.write(file_path.read_bytes())

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> CorpusServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {
                "counts": dict(self.counts),
                "first": self.first_request,
                "last": self.last_request,
            }

    def reset(self) -> None:
        with self.lock:
            self.counts = {}
            self.first_request = self.last_request = None


def _content_type(name: str) -> str:
    if name.endswith(".pdf"):
        return "application/pdf"
    if name.endswith(".xml"):
        return "application/rss+xml; charset=utf-8"
    if name.endswith(".html"):
        return "text/html; charset=utf-8"
    return "text/plain; charset=utf-8"


def _not_modified(headers: Any, etag: str) -> bool:
    inm = headers.get("If-None-Match")
    if inm is not None:
        tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
        return etag in tags or "*" in tags
    ims = headers.get("If-Modified-Since")
    if ims:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            since = email.utils.parsedate_to_datetime(ims)
            return email.utils.parsedate_to_datetime(LAST_MODIFIED) <= since
    return False


# ------------------------------------------------------------------------------ measuring


def _tree(pid: int) -> list[Any]:
    import psutil

    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def measure(cmd: list[str], log_path: Path, timeout: float, env: dict[str, str]) -> dict[str, Any]:
    """Run `cmd` to the end; wall, CPU and peak RSS of its process tree, its exit code."""
    import psutil

    load_before = os.getloadavg()
    usage0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(log_path, "wb") as log:
        start = time.time()
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, env=env, start_new_session=True
        )
        peak_tree = peak_main = 0
        cpu_seen: dict[int, float] = {}
        timed_out = False
        while proc.poll() is None:
            rss_total = 0
            for p in _tree(proc.pid):
                try:
                    rss = p.memory_info().rss
                    t = p.cpu_times()
                except psutil.Error:
                    continue
                rss_total += rss
                if p.pid == proc.pid:
                    peak_main = max(peak_main, rss)
                cpu_seen[p.pid] = t.user + t.system
            peak_tree = max(peak_tree, rss_total)
            if time.time() - start > timeout:
                timed_out = True
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, 15)
                proc.wait(30)
                break
            time.sleep(0.1)
        end = time.time()
    usage1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    reaped = (usage1.ru_utime - usage0.ru_utime) + (usage1.ru_stime - usage0.ru_stime)
    cpu = max(reaped, sum(cpu_seen.values()))
    wall = end - start
    return {
        "start": start,
        "end": end,
        "wall_s": wall,
        "cpu_s": cpu,
        "cpu_per_wall": cpu / wall if wall else None,
        "peak_rss_tree_mb": peak_tree / MiB,
        "peak_rss_main_mb": peak_main / MiB,
        "exit_code": proc.returncode,
        "timed_out": timed_out,
        "processes": len(cpu_seen),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }


_LOG_LINE = re.compile(
    r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) \| \w+\s*\| (Flow run|Task run) '([^']+)' - (.*)$"
)


def stage_times(log_text: str, start: float, end: float) -> dict[str, float]:
    """Seconds per stage, from the run's log lines (Prefect's local-time HH:MM:SS.mmm)."""
    day = datetime.fromtimestamp(start).replace(hour=0, minute=0, second=0, microsecond=0)
    marks: dict[str, float] = {}
    for line in log_text.splitlines():
        m = _LOG_LINE.match(line.strip())
        if not m:
            continue
        hh, mm, ss, ms, what, name, message = m.groups()
        stamp = day + timedelta(hours=int(hh), minutes=int(mm), seconds=int(ss) + int(ms) / 1e3)
        t = stamp.timestamp()
        if t < start - 3600:  # the run went past midnight
            t += 86400
        if what == "Flow run" and message.startswith("Beginning flow run"):
            marks.setdefault("flow", t)
        elif what == "Flow run" and re.match(r"run \S+: \d+ sources", message):
            marks.setdefault("opened", t)
        elif what == "Task run" and message.startswith("Finished in state"):
            marks[name.rsplit("-", 1)[0]] = t
    order = [
        ("start-up", "flow"),
        ("open run", "opened"),
        ("collect", "collect-sources"),
        ("store and parse", "store-and-parse"),
        ("extract facts", "extract-facts"),
        ("quality gate", "quality-gate"),
        ("publish", "publish"),
    ]
    out: dict[str, float] = {}
    previous = start
    for stage, mark in order:
        if mark in marks:
            out[stage] = marks[mark] - previous
            previous = marks[mark]
    out["finish and exit"] = end - previous
    return out


def _summary_lines(log_text: str) -> dict[str, str]:
    out = {}
    for key in ("documents", "requests", "facts", "published rows", "quality"):
        m = re.search(rf"^{key}: (.*)$", log_text, re.M)
        if m:
            out[key] = m.group(1)
    last = [ln for ln in log_text.strip().splitlines() if ln.strip()]
    out["last_line"] = last[-1] if last else ""
    return out


def _crash_excerpt(log_text: str) -> str:
    """The first traceback of the log (or its last 40 lines)."""
    lines = log_text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last)"):
            return "\n".join(lines[max(0, i - 2) : i + 60])
    return "\n".join(lines[-40:])


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("GX_ANALYTICS_ENABLED", "False")
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def run_pipeline(
    config: Path, data_dir: Path, log_path: Path, server: CorpusServer, timeout: float, docs: int
) -> dict[str, Any]:
    server.reset()
    cmd = [*chinasci_command(), "run", "--config", str(config), "--data-dir", str(data_dir)]
    result = measure(cmd, log_path, timeout, _env())
    text = log_path.read_text("utf-8", errors="replace")
    seen = server.snapshot()
    result["stages_s"] = stage_times(text, result["start"], result["end"])
    result["http"] = {str(k): v for k, v in sorted(seen["counts"].items())}
    result["first_request_s"] = seen["first"] - result["start"] if seen["first"] else None
    result["docs_per_s"] = docs / result["wall_s"]
    result["summary"] = _summary_lines(text)
    if result["exit_code"] != 0:
        result["crash"] = _crash_excerpt(text)
    return result


# ------------------------------------------------------------------------------ workers


def floor_worker(base_url: str, manifest_path: Path, plumber_every: int = 1) -> dict[str, Any]:
    """GET every document, parse each page with BeautifulSoup, read each PDF page's words
    with pdfplumber and its text with pypdfium2; seconds of each, summed over documents.

    With `plumber_every` K > 1, pdfplumber reads only every K-th PDF and its time is scaled
    to all the pages (pdfplumber's cost is per page and documents are independent)."""
    t_import = time.perf_counter()
    import pdfplumber
    import pypdfium2
    import requests
    from bs4 import BeautifulSoup

    imports = time.perf_counter() - t_import
    manifest = json.loads(manifest_path.read_text("utf-8"))
    totals = {"get_s": 0.0, "beautifulsoup_s": 0.0, "pdfplumber_words_s": 0.0, "pdfium_s": 0.0}
    cpu = dict.fromkeys(totals, 0.0)  # the same in CPU seconds: far steadier on a busy machine
    pages = words = chars = plumber_pages = reviews = 0
    session = requests.Session()
    for entry in manifest["files"]:
        t0, c0 = time.perf_counter(), time.process_time()
        response = session.get(base_url + entry["path"], timeout=60)
        response.raise_for_status()
        data = response.content
        t1, c1 = time.perf_counter(), time.process_time()
        totals["get_s"] += t1 - t0
        cpu["get_s"] += c1 - c0
        if entry["kind"] == "article":
            soup = BeautifulSoup(data, "lxml")
            chars += len(soup.get_text())
            totals["beautifulsoup_s"] += time.perf_counter() - t1
            cpu["beautifulsoup_s"] += time.process_time() - c1
            continue
        reviews += 1
        if (reviews - 1) % plumber_every == 0:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    words += len(page.extract_words())
                    page.close()
                    plumber_pages += 1
        t2, c2 = time.perf_counter(), time.process_time()
        totals["pdfplumber_words_s"] += t2 - t1
        cpu["pdfplumber_words_s"] += c2 - c1
        doc = pypdfium2.PdfDocument(data)
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
            pages += 1
        doc.close()
        totals["pdfium_s"] += time.perf_counter() - t2
        cpu["pdfium_s"] += time.process_time() - c2
    if plumber_pages and plumber_pages < pages:
        totals["pdfplumber_words_s"] *= pages / plumber_pages
        cpu["pdfplumber_words_s"] *= pages / plumber_pages
    totals["floor_s"] = totals["get_s"] + totals["beautifulsoup_s"] + totals["pdfplumber_words_s"]
    totals["physical_floor_s"] = totals["get_s"] + totals["beautifulsoup_s"] + totals["pdfium_s"]
    return {
        **totals,
        "floor_cpu_s": cpu["get_s"] + cpu["beautifulsoup_s"] + cpu["pdfplumber_words_s"],
        "physical_floor_cpu_s": cpu["get_s"] + cpu["beautifulsoup_s"] + cpu["pdfium_s"],
        "cpu_by_part_s": cpu,
        "imports_s": imports,
        "pdf_pages": pages,
        "pdfplumber_pages": plumber_pages,
        "words": words,
        "chars": chars,
    }


def plain_worker(config_path: Path, data_dir: Path) -> dict[str, Any]:
    """The stages of `flows/steps.py` in order, without Prefect; seconds of each."""
    import logging
    from concurrent.futures import ThreadPoolExecutor

    import psutil

    logging.basicConfig(level=logging.WARNING)
    process_start = psutil.Process().create_time()
    stages: dict[str, float] = {}
    mark = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        stages[name] = stages.get(name, 0.0) + now - mark
        mark = now

    from extract.sources import load_config
    from flows import publish_steps, steps

    config = load_config(config_path)
    stages["start-up"] = time.time() - process_start
    mark = time.perf_counter()
    data_dir.mkdir(parents=True, exist_ok=True)
    ctx = steps.open_run(config, data_dir)
    lap("open run")
    fetcher = steps.make_fetcher(config)
    with ThreadPoolExecutor(max_workers=max(1, min(4, len(config.sources)))) as pool:
        collected = list(pool.map(lambda s: steps.collect(ctx, s, fetcher), config.sources))
    lap("collect")
    to_parse = steps.store_collected(ctx, collected)
    steps.parse_and_store(ctx, to_parse)
    lap("store and parse")
    steps.extract_facts(ctx)
    publish_steps.consolidate_facts(ctx)
    lap("extract facts")
    gate = publish_steps.validate(ctx)
    lap("quality gate")
    if gate.publishable:
        publish_steps.publish_run(ctx, gate.excluded)
    lap("publish")
    summary = steps.finish(ctx, "published" if gate.publishable else "failed", gate.reason)
    ctx.con.close()
    lap("finish and exit")
    return {
        "stages_s": stages,
        "documents": dict(summary.documents),
        "facts": summary.facts,
        "publishable": gate.publishable,
        "prefect_imported": "prefect" in sys.modules,
    }


def run_worker(kind: str, args: list[str], log_path: Path, timeout: float) -> dict[str, Any]:
    """Run a worker of this script in a fresh interpreter, measured like the pipeline."""
    out_path = log_path.with_suffix(".json")
    cmd = [sys.executable, str(Path(__file__).resolve()), f"--{kind}-worker", *args]
    cmd += ["--worker-out", str(out_path)]
    result = measure(cmd, log_path, timeout, _env())
    if result["exit_code"] == 0 and out_path.exists():
        result.update(json.loads(out_path.read_text("utf-8")))
    else:
        result["crash"] = _crash_excerpt(log_path.read_text("utf-8", errors="replace"))
    return result


# ------------------------------------------------------------------------------ one size


@contextlib.contextmanager
def _workdir(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    path = Path(tempfile.mkdtemp(prefix="chinasci-scale-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def ensure_corpus(root: Path, n: int, seed: int, articles_only: bool) -> tuple[Path, dict]:
    folder = root / f"corpus-n{n}-s{seed}{'-articles' if articles_only else ''}"
    manifest_path = folder / corpus.MANIFEST
    if manifest_path.exists():
        return folder, json.loads(manifest_path.read_text("utf-8"))
    if folder.exists():
        shutil.rmtree(folder)
    t = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done % 250 == 0 or done == total:
            say(f"  corpus {done}/{total} documents ({time.perf_counter() - t:.0f} s)")

    manifest = corpus.build(folder, n, seed, articles_only, progress=progress)
    return folder, manifest


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def code_version() -> dict[str, Any]:
    """The commit measured and the pipeline files changed in the checkout beside it."""

    def git(*argv: str) -> str:
        try:
            return subprocess.run(
                ["git", *argv], cwd=REPO, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    packages = ["flows", "extract", "transform", "warehouse", "expectations"]
    changed = git("status", "--porcelain", "--", *packages).splitlines()
    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted": len(changed)}


def bench_size(n: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    corpus_root = args.corpus_dir or work
    folder, manifest = ensure_corpus(corpus_root, n, args.seed, args.articles_only)
    result: dict[str, Any] = {
        "n": n,
        "corpus": {k: v for k, v in manifest.items() if k != "files"},
        "cores": os.cpu_count(),
        "code": code_version(),
    }
    skip = set(args.skip)
    size_dir = work / f"n{n}"
    if size_dir.exists():
        shutil.rmtree(size_dir)
    size_dir.mkdir(parents=True)
    with CorpusServer(folder / "site") as server:
        config = size_dir / "sources.toml"
        docs = corpus.plan(n, args.seed, args.articles_only)
        config.write_text(
            with_parallelism(corpus.sources_toml(server.base_url, docs), args.workers, args.dask),
            encoding="utf-8",
        )
        result["parallelism"] = parallelism_label(args.workers, args.dask)
        data = size_dir / "data"
        if "first" not in skip:
            say(f"N={n}: first run")
            result["first"] = run_pipeline(
                config, data, size_dir / "first.log", server, args.timeout, n
            )
        if "second" not in skip and result.get("first", {}).get("exit_code") == 0:
            say(f"N={n}: run with nothing new")
            result["second"] = run_pipeline(
                config, data, size_dir / "second.log", server, args.timeout, n
            )
        if "floor" not in skip:
            say(f"N={n}: floor")
            server.reset()
            result["floor"] = run_worker(
                "floor",
                [
                    *("--base-url", server.base_url),
                    *("--manifest", str(folder / corpus.MANIFEST)),
                    *("--plumber-every", str(args.plumber_every)),
                ],
                size_dir / "floor.log",
                args.timeout,
            )
        if "plain" not in skip:
            say(f"N={n}: stage functions in a plain loop")
            server.reset()
            result["plain"] = run_worker(
                "plain",
                ["--config", str(config), "--data-dir", str(size_dir / "plain-data")],
                size_dir / "plain.log",
                args.timeout,
            )
            result["plain"]["docs_per_s"] = n / result["plain"]["wall_s"]
    return derive(result)


def with_parallelism(toml: str, workers: int | None, dask: str | None) -> str:
    """The corpus's configuration with `workers` (parse and extract processes; None: the
    pipeline's default, one per core) and `dask` (a scheduler address or `local`) set."""
    lines = []
    if workers is not None:
        lines.append(f"workers = {workers}")
    if dask is not None:
        lines.append(f"dask_scheduler = {json.dumps(dask)}")
    if not lines:
        return toml
    assert "[pipeline]\n" in toml
    return toml.replace("[pipeline]\n", "[pipeline]\n" + "\n".join(lines) + "\n", 1)


def parallelism_label(workers: int | None, dask: str | None) -> str:
    if dask is not None:
        return f"Dask {dask}"
    if workers is None or workers == 0:
        return f"workers: one per core ({len(os.sched_getaffinity(0))})"
    return f"workers: {workers}"


def derive(result: dict[str, Any]) -> dict[str, Any]:
    """The ratios to the floor and Prefect's overhead, from the measured parts present."""
    first, floor, plain = result.get("first"), result.get("floor"), result.get("plain")
    if first and first["exit_code"] == 0 and floor and "floor_s" in floor:
        result["ratio_to_floor"] = first["wall_s"] / floor["floor_s"]
        result["ratio_to_physical_floor"] = first["wall_s"] / floor["physical_floor_s"]
        if "floor_cpu_s" in floor:
            result["cpu_ratio_to_floor"] = first["cpu_s"] / floor["floor_cpu_s"]
            result["cpu_ratio_to_physical_floor"] = first["cpu_s"] / floor["physical_floor_cpu_s"]
        elif floor.get("pdfplumber_pages", floor["pdf_pages"]) == floor["pdf_pages"]:
            result["cpu_ratio_to_floor"] = first["cpu_s"] / floor["cpu_s"]
    if first and first["exit_code"] == 0 and plain and "stages_s" in plain:
        result["prefect_overhead_s"] = first["wall_s"] - plain["wall_s"]
        result["prefect_overhead_cpu_s"] = first["cpu_s"] - plain["cpu_s"]
    return result


def merge(paths: list[Path]) -> list[dict[str, Any]]:
    """Results of several --json outputs, parts of the same size combined (first wins)."""
    by_n: dict[int, dict[str, Any]] = {}
    for path in paths:
        for r in json.loads(path.read_text("utf-8"))["results"]:
            merged = by_n.setdefault(r["n"], {})
            for key, value in r.items():
                merged.setdefault(key, value)
    return [derive(by_n[n]) for n in sorted(by_n)]


# ------------------------------------------------------------------------------ output


def _f(value: Any, fmt: str = "{:.1f}") -> str:
    return "-" if value is None else fmt.format(value)


def format_table(r: dict[str, Any]) -> str:
    c = r["corpus"]
    lines = [
        f"N = {r['n']}: {c['articles']} HTML articles, {c['reviews']} PDF reviews "
        f"({c['pdf_pages']} PDF pages), {c['bytes'] / MiB:.1f} MiB; {r['cores']} cores",
    ]
    if r.get("code"):
        lines[0] += (
            f"; commit {r['code']['commit']}"
            f" + {r['code']['uncommitted']} uncommitted pipeline files"
        )
    if r.get("parallelism"):
        lines[0] += f"; parse and extract: {r['parallelism']}"
    rows = [("first run", r.get("first")), ("nothing new", r.get("second"))]
    rows += [("plain loop", r.get("plain")), ("floor process", r.get("floor"))]
    head = (
        f"{'':<14}{'wall s':>8}{'docs/s':>8}{'CPU s':>8}{'CPU/wall':>9}"
        f"{'RSS tree':>10}{'RSS main':>10}  load average (1, 5, 15 min) before -> after"
    )
    lines += [head]
    for name, m in rows:
        if not m:
            continue
        docs_per_s = m.get("docs_per_s")
        lines.append(
            f"{name:<14}{m['wall_s']:>8.1f}{_f(docs_per_s):>8}{m['cpu_s']:>8.1f}"
            f"{_f(m['cpu_per_wall'], '{:.2f}'):>9}{m['peak_rss_tree_mb']:>7.0f} MB"
            f"{m['peak_rss_main_mb']:>7.0f} MB  "
            f"{' '.join(f'{x:.2f}' for x in m['load_before'])} -> "
            f"{' '.join(f'{x:.2f}' for x in m['load_after'])}"
            + ("  EXIT " + str(m["exit_code"]) if m["exit_code"] else "")
        )
    stage_cols = [("first run", r.get("first")), ("nothing new", r.get("second"))]
    stage_cols.append(("plain loop", r.get("plain")))
    stage_cols = [(n, m) for n, m in stage_cols if m and m.get("stages_s")]
    if stage_cols:
        lines.append("")
        lines.append(f"{'stage (s)':<18}" + "".join(f"{n:>13}" for n, _ in stage_cols))
        for stage, _note in STAGES:
            cells = "".join(f"{_f(m['stages_s'].get(stage)):>13}" for _, m in stage_cols)
            lines.append(f"{stage:<18}{cells}")
    for name, m in (("first run", r.get("first")), ("nothing new", r.get("second"))):
        if not m:
            continue
        http = ", ".join(f"{k}: {v}" for k, v in m["http"].items()) or "none"
        s = m["summary"]
        lines.append(
            f"{name}: HTTP answers {http}; first request at {_f(m['first_request_s'])} s; "
            f"documents: {s.get('documents', '-')}; facts: {s.get('facts', '-')}"
        )
    fl = r.get("floor")
    if fl and "floor_s" in fl:
        lines.append(
            f"floor: GET {fl['get_s']:.1f} s + BeautifulSoup {fl['beautifulsoup_s']:.1f} s + "
            f"pdfplumber words {fl['pdfplumber_words_s']:.1f} s ({fl['pdf_pages']} pages"
            + (
                f", estimated from {fl['pdfplumber_pages']} pages read"
                if fl.get("pdfplumber_pages", fl["pdf_pages"]) < fl["pdf_pages"]
                else ""
            )
            + f") = "
            f"{fl['floor_s']:.1f} s; pypdfium2 text {fl['pdfium_s']:.2f} s "
            f"(physical floor {fl['physical_floor_s']:.1f} s)"
        )
    if "ratio_to_floor" in r:
        lines.append(
            f"first run / floor = {r['ratio_to_floor']:.1f}x; "
            f"/ physical floor = {r['ratio_to_physical_floor']:.1f}x"
            + (
                f"; in CPU seconds: {r['cpu_ratio_to_floor']:.2f}x the floor"
                if "cpu_ratio_to_floor" in r
                else ""
            )
            + (
                f", {r['cpu_ratio_to_physical_floor']:.1f}x the physical floor"
                if "cpu_ratio_to_physical_floor" in r
                else ""
            )
        )
    if "prefect_overhead_s" in r:
        p = r["plain"]
        lines.append(
            f"Prefect: flow {r['first']['wall_s']:.1f} s vs the same stages in a plain loop "
            f"{p['wall_s']:.1f} s: {r['prefect_overhead_s']:+.1f} s "
            f"({r['prefect_overhead_cpu_s']:+.1f} CPU s; "
            f"plain loop imported Prefect: {p.get('prefect_imported')})"
        )
    for name in ("first", "second", "floor", "plain"):
        m = r.get(name)
        if m and m.get("crash"):
            lines.append(f"{name} FAILED (exit {m['exit_code']}):")
            lines += ["    " + ln for ln in m["crash"].splitlines()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200,2000", help="corpus sizes (default: %(default)s)")
    parser.add_argument("--articles-only", action="store_true", help="no PDF reviews")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--corpus-dir", type=Path, help="build corpora here and reuse them")
    parser.add_argument("--keep", type=Path, help="keep data and logs here (default: removed)")
    parser.add_argument(
        "--skip",
        type=lambda s: [x for x in s.split(",") if x],
        default=[],
        help="leave out any of: first (and second), second, floor, plain",
    )
    parser.add_argument("--timeout", type=float, default=7200.0, help="seconds per measured run")
    parser.add_argument(
        "--from-json", type=Path, nargs="+", help="print the tables of saved --json outputs"
    )
    parser.add_argument(
        "--plumber-every",
        type=int,
        default=1,
        help="floor: pdfplumber on every K-th PDF only, scaled to all pages (default: all)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        help="the runs' `workers` setting: processes that parse and extract "
        "(1: in the run's process; default: the pipeline's, one per core)",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="the runs' `dask_scheduler` setting: `local` or tcp://host:port (default: none)",
    )
    parser.add_argument("--floor-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--plain-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--manifest", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--config", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.floor_worker or args.plain_worker:
        if args.floor_worker:
            out = floor_worker(args.base_url, args.manifest, args.plumber_every)
        else:
            out = plain_worker(args.config, args.data_dir)
        args.worker_out.write_text(json.dumps(out), encoding="utf-8")
        return 0

    if args.from_json:
        for r in merge(args.from_json):
            print(format_table(r) if "error" not in r else f"N = {r['n']}: {r['error']}")
            print()
        return 0

    sizes = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
    results = []
    with _workdir(args.keep) as work:
        for n in sizes:
            try:
                r = bench_size(n, args, work)
            except Exception as exc:  # one size's failure must not stop the others
                r = {"n": n, "error": f"{type(exc).__name__}: {exc}"}
                say(f"N={n}: benchmark failed: {r['error']}")
            results.append(r)
            if not args.json:
                print(format_table(r) if "error" not in r else f"N = {n}: {r['error']}")
                print(flush=True)
    if args.json:
        print(json.dumps({"results": results}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
