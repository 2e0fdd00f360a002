"""The config loader: the shipped configs load, and each mistake is named precisely."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from extract.pipeline_fields import validate_cron
from extract.sources import ConfigError, check_folders, load_config

ROOT = Path(__file__).resolve().parents[2]

GOOD = """
[pipeline]
user_agent = "test-agent/1.0"
timezone = "Asia/Shanghai"
schedule = "30 1 * * MON-FRI"
data_dir = "store"

[sample_site]
root = "site"
port = 18999

[[sources]]
id = "reviews"
kind = "listing"
url = "{sample_site}/reviews/index.html"
doc_type = "review"
link_selector = "a.issue-pdf"
allow_private = true

[[sources]]
id = "news"
kind = "feed"
url = "https://news.example.org/rss.xml"
doc_type = "article"

[[sources]]
id = "inbox"
kind = "folder"
path = "../inbox"
doc_type = "article"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "conf" / "test.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as err:
        load_config(_write(tmp_path, text))
    return err.value.problems


# --------------------------------------------------------------------- shipped configs


def test_sample_config_loads() -> None:
    config = load_config(ROOT / "config" / "sample.toml")
    assert config.sample_site is not None
    assert config.sample_site.root == ROOT / "samples" / "site"
    assert config.sample_site.base_url == "http://127.0.0.1:18753"
    assert config.settings.data_dir == ROOT / "data"
    assert config.settings.max_bytes == 20_000_000
    assert [s.id for s in config.sources] == ["sample-reviews", "sample-news", "analyst-inbox"]
    news = config.source("sample-news")
    assert news.url == "http://127.0.0.1:18753/news/feed.xml"
    assert news.allowed_hosts == ("127.0.0.1",) and news.allow_private
    reviews = config.source("sample-reviews")
    assert (reviews.link_selector, reviews.next_selector, reviews.max_pages) == (
        "a.issue-pdf",
        "a.next-page",
        5,
    )
    inbox = config.source("analyst-inbox")
    assert inbox.path == ROOT / "samples" / "inbox"
    assert inbox.location == str(ROOT / "samples" / "inbox")


def test_production_config_loads() -> None:
    config = load_config(ROOT / "config" / "sources.toml")
    assert config.sample_site is None
    assert config.settings.data_dir == ROOT / "data"
    assert config.settings.per_host_delay == 2.0
    assert config.settings.tzinfo.key == config.settings.timezone
    assert {s.kind for s in config.sources} == {"feed", "listing", "folder"}
    for source in config.sources:
        if source.url:
            assert source.url.startswith("https://")
            assert source.host in source.allowed_hosts
            assert not source.allow_private


def test_loading_does_not_depend_on_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    shutil.copy(ROOT / "config" / "sample.toml", config_dir / "sample.toml")
    monkeypatch.chdir(ROOT)
    a = load_config(config_dir / "sample.toml")
    monkeypatch.chdir(tmp_path / "config")
    b = load_config("sample.toml")
    assert a == b
    assert a.settings.data_dir == tmp_path / "data"


def test_good_config_and_defaults(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, GOOD))
    conf_dir = tmp_path / "conf"
    assert config.path == conf_dir / "test.toml"
    assert config.settings.data_dir == conf_dir / "store"
    assert config.settings.schedule == "30 1 * * MON-FRI"
    assert config.settings.connect_timeout == 10.0  # default
    assert config.settings.retries == 3  # default
    assert config.sample_site is not None and config.sample_site.host == "127.0.0.1"
    reviews, news, inbox = config.sources
    assert reviews.url == "http://127.0.0.1:18999/reviews/index.html"
    assert reviews.next_selector is None and reviews.max_pages == 5
    assert news.allowed_hosts == ("news.example.org",)  # default: the URL's host
    assert news.allow_private is False
    assert inbox.path == tmp_path / "inbox"
    assert inbox.url is None and inbox.allowed_hosts == ()


def test_minimal_config_uses_default_settings(tmp_path: Path) -> None:
    config = load_config(
        _write(
            tmp_path,
            """
            [[sources]]
            id = "news"
            kind = "feed"
            url = "https://news.example.org/rss.xml"
            doc_type = "article"
            """,
        )
    )
    assert config.settings.timezone == "UTC"
    assert config.settings.data_dir == tmp_path / "conf" / "data"


# ------------------------------------------------------------------------- mistakes

SOURCE = """
[[sources]]
id = "first"
kind = "feed"
url = "https://a.example.org/rss.xml"
doc_type = "article"

[[sources]]
id = "sample-news"
{body}
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'kind = "rss"\nurl = "https://b.example.org/rss.xml"\ndoc_type = "article"',
            "sources[2] (id 'sample-news'): field 'kind' must be one of feed, listing, folder, "
            "got 'rss'",
        ),
        (
            'url = "https://b.example.org/rss.xml"\ndoc_type = "article"',
            "sources[2] (id 'sample-news'): field 'kind' is required",
        ),
        (
            'kind = "feed"\nurl = "https://b.example.org/rss.xml"\ndoc_type = "news"',
            "sources[2] (id 'sample-news'): field 'doc_type' must be one of review, article, "
            "got 'news'",
        ),
        (
            'kind = "feed"\ndoc_type = "article"',
            "sources[2] (id 'sample-news'): field 'url' is required",
        ),
        (
            'kind = "feed"\nurl = "ftp://b.example.org/rss.xml"\ndoc_type = "article"',
            "sources[2] (id 'sample-news'): field 'url' must be an absolute http:// or https:// "
            "URL, got 'ftp://b.example.org/rss.xml'",
        ),
        (
            'kind = "feed"\nurl = "/rss.xml"\ndoc_type = "article"',
            "field 'url' must be an absolute http:// or https:// URL",
        ),
        (
            'kind = "feed"\nurll = "https://b.example.org/rss.xml"\ndoc_type = "article"',
            "sources[2] (id 'sample-news'): unknown field 'urll' (did you mean 'url'?)",
        ),
        (
            'kind = "feed"\nurl = "https://b.example.org/rss.xml"\ndoc_type = "article"\n'
            'link_selector = "a"',
            "sources[2] (id 'sample-news'): field 'link_selector' does not apply to kind 'feed' "
            "(it is for listing sources)",
        ),
        (
            'kind = "listing"\nurl = "https://b.example.org/"\ndoc_type = "review"',
            "sources[2] (id 'sample-news'): field 'link_selector' is required",
        ),
        (
            'kind = "listing"\nurl = "https://b.example.org/"\ndoc_type = "review"\n'
            'link_selector = "a[href$="',
            "sources[2] (id 'sample-news'): field 'link_selector' is not a valid CSS selector",
        ),
        (
            'kind = "listing"\nurl = "https://b.example.org/"\ndoc_type = "review"\n'
            'link_selector = "a"\nmax_pages = 0',
            "sources[2] (id 'sample-news'): field 'max_pages' must be between 1 and 1000, got 0",
        ),
        (
            'kind = "listing"\nurl = "https://b.example.org/"\ndoc_type = "review"\n'
            'link_selector = "a"\nmax_pages = "5"',
            "sources[2] (id 'sample-news'): field 'max_pages' must be an integer, got string '5'",
        ),
        (
            'kind = "feed"\nurl = "https://b.example.org/rss.xml"\ndoc_type = "article"\n'
            'allowed_hosts = "b.example.org"',
            "sources[2] (id 'sample-news'): field 'allowed_hosts' must be an array of non-empty "
            "strings, got string 'b.example.org'",
        ),
        (
            'kind = "feed"\nurl = "https://b.example.org/rss.xml"\ndoc_type = "article"\n'
            'allowed_hosts = ["c.example.org"]',
            "sources[2] (id 'sample-news'): field 'allowed_hosts' does not include the host of "
            "url ('b.example.org')",
        ),
        (
            'kind = "feed"\nurl = "https://b.example.org/rss.xml"\ndoc_type = "article"\n'
            'allowed_hosts = ["https://b.example.org/"]',
            "field 'allowed_hosts' must list host names",
        ),
        (
            'kind = "feed"\nurl = "https://b.example.org/rss.xml"\ndoc_type = "article"\n'
            'allow_private = "yes"',
            "sources[2] (id 'sample-news'): field 'allow_private' must be true or false, "
            "got string 'yes'",
        ),
        (
            'kind = "feed"\nurl = "http://127.0.0.1:8000/rss.xml"\ndoc_type = "article"',
            "sources[2] (id 'sample-news'): field 'url' points at a private address "
            "('127.0.0.1'); set allow_private = true",
        ),
        (
            'kind = "feed"\nurl = "{sample_site}/news/feed.xml"\ndoc_type = "article"',
            "sources[2] (id 'sample-news'): field 'url' uses {sample_site} but the "
            "[sample_site] table is missing",
        ),
        (
            'kind = "feed"\nurl = "{site}/news/feed.xml"\ndoc_type = "article"',
            "field 'url' uses unknown placeholder {site}",
        ),
        (
            'kind = "folder"\ndoc_type = "article"',
            "sources[2] (id 'sample-news'): field 'path' is required",
        ),
        (
            'kind = "folder"\npath = "inbox"\ndoc_type = "article"\nurl = "https://x.org/"',
            "sources[2] (id 'sample-news'): field 'url' does not apply to kind 'folder' "
            "(it is for feed and listing sources)",
        ),
        (
            'kind = "folder"\npath = ""\ndoc_type = "article"',
            "sources[2] (id 'sample-news'): field 'path' must be a non-empty string, got string ''",
        ),
    ],
)
def test_source_mistakes_name_entry_and_field(tmp_path: Path, body: str, expected: str) -> None:
    problems = _problems(tmp_path, SOURCE.format(body=body))
    path = str(tmp_path / "conf" / "test.toml")
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(f"{path}: ") for p in problems)


def test_example_message_from_the_brief(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config").mkdir()
    text = (ROOT / "config" / "sample.toml").read_text(encoding="utf-8")
    broken = text.replace('kind = "feed"', 'kind = "rss"')
    (tmp_path / "config" / "sample.toml").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as err:
        load_config("config/sample.toml")
    assert str(err.value) == (
        "config/sample.toml: sources[2] (id 'sample-news'): field 'kind' must be one of "
        "feed, listing, folder, got 'rss'"
    )


def test_id_problems(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        """
        [[sources]]
        id = "news"
        kind = "feed"
        url = "https://a.example.org/rss.xml"
        doc_type = "article"

        [[sources]]
        id = "news"
        kind = "feed"
        url = "https://b.example.org/rss.xml"
        doc_type = "article"

        [[sources]]
        id = "my source"
        kind = "folder"
        path = "x"
        doc_type = "article"

        [[sources]]
        kind = "folder"
        path = "y"
        doc_type = "article"
        """,
    )
    text = "\n".join(problems)
    assert "sources[2] (id 'news'): field 'id' duplicates sources[1]" in text
    assert "sources[3] (id 'my source'): field 'id' must be letters, digits" in text
    assert "sources[4]: field 'id' is required" in text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('timezone = "Asia/Beijing"', "[pipeline]: field 'timezone' must be an IANA time zone"),
        ('schedule = "0 2 * *"', "[pipeline]: field 'schedule' must be a 5-field cron expression"),
        ('schedule = "0 25 * * *"', "[pipeline]: field 'schedule' is not a valid cron expression"),
        ('schedule = "@daily"', "[pipeline]: field 'schedule' must be a 5-field cron expression"),
        (
            "connect_timeout = 0",
            "[pipeline]: field 'connect_timeout' must be greater than 0, got 0",
        ),
        ("read_timeout = true", "[pipeline]: field 'read_timeout' must be a number, got boolean"),
        ("max_bytes = 2e7", "[pipeline]: field 'max_bytes' must be an integer, got float"),
        ("per_host_delay = -1", "[pipeline]: field 'per_host_delay' must be at least 0, got -1"),
        (
            "max_in_flight_per_host = 0",
            "[pipeline]: field 'max_in_flight_per_host' must be at least 1, got 0",
        ),
        ("retries = -1", "[pipeline]: field 'retries' must be between 0 and 20, got -1"),
        ('user_agent = ""', "[pipeline]: field 'user_agent' must be a non-empty string"),
        ("data_dir = 3", "[pipeline]: field 'data_dir' must be a non-empty string, got integer 3"),
        ("timeout = 5", "[pipeline]: unknown field 'timeout'"),
        (
            'publish_url = "/srv/published"',
            "[pipeline]: field 'publish_url' must be an object-store URL such as 's3://",
        ),
        (
            's3_endpoint_url = "127.0.0.1:9000"',
            "[pipeline]: field 's3_endpoint_url' must be an http(s) URL",
        ),
        (
            'dask_scheduler = "10.0.0.5:8786"',
            "[pipeline]: field 'dask_scheduler' must be 'local' or a scheduler address",
        ),
        ("dask_workers = 0", "[pipeline]: field 'dask_workers' must be between 1 and 256, got 0"),
        ("workers = -2", "[pipeline]: field 'workers' must be between 0 and 256, got -2"),
    ],
)
def test_pipeline_mistakes(tmp_path: Path, line: str, expected: str) -> None:
    text = f"[pipeline]\n{line}\n" + SOURCE.format(
        body='kind = "feed"\nurl = "https://b.example.org/rss.xml"\ndoc_type = "article"'
    )
    problems = _problems(tmp_path, text)
    assert any(expected in p for p in problems), problems


def test_scale_settings_are_read(tmp_path: Path) -> None:
    text = (
        '[pipeline]\npublish_url = "s3://chinasci-extracts/nightly"\n'
        's3_endpoint_url = "http://127.0.0.1:9000"\ndask_scheduler = "local"\n'
        "dask_workers = 3\nworkers = 1\n"
    ) + SOURCE.format(
        body='kind = "feed"\nurl = "https://b.example.org/rss.xml"\ndoc_type = "article"'
    )
    settings = load_config(_write(tmp_path, text)).settings
    assert settings.publish_url == "s3://chinasci-extracts/nightly"
    assert settings.s3_endpoint_url == "http://127.0.0.1:9000"
    assert (settings.dask_scheduler, settings.dask_workers, settings.workers) == ("local", 3, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[sample_site]\nhost = '127.0.0.1'\n", "[sample_site]: field 'root' is required"),
        (
            "[sample_site]\nroot = 'site'\nport = 70000\n",
            "field 'port' must be between 1 and 65535",
        ),
        ("[sample_site]\nroot = 'site'\nbase = 'x'\n", "[sample_site]: unknown field 'base'"),
        ("[sampel_site]\nroot = 'site'\n", "unknown top-level key 'sampel_site' (did you mean"),
        (
            "[sources]\nid = 'x'\n",
            "'sources' must be an array of tables: write each as [[sources]]",
        ),
        ("[pipeline]\nretries = 1\n", "no sources: add at least one [[sources]] entry"),
        ("[pipeline\n", "not valid TOML"),
    ],
)
def test_file_level_mistakes(tmp_path: Path, text: str, expected: str) -> None:
    assert any(expected in p for p in _problems(tmp_path, text))


def test_sample_site_placeholder_with_broken_table(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        """
        [sample_site]
        port = 8080

        [[sources]]
        id = "s"
        kind = "feed"
        url = "{sample_site}/feed.xml"
        doc_type = "article"
        allow_private = true
        """,
    )
    assert any("[sample_site]: field 'root' is required" in p for p in problems)
    assert any("uses {sample_site} but the [sample_site] table is invalid" in p for p in problems)


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        """
        [pipeline]
        timezone = "Mars/Olympus"

        [[sources]]
        id = "a"
        kind = "rss"
        doc_type = "article"

        [[sources]]
        id = "b"
        kind = "folder"
        doc_type = "memo"
        path = "x"
        """,
    )
    assert len(problems) == 3


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    "expression",
    ["0 2 * * *", "*/15 * * * *", "0 0-6/2 1,15 JAN-MAR mon-fri", "59 23 31 12 7"],
)
def test_valid_cron(expression: str) -> None:
    assert validate_cron(expression) is None


@pytest.mark.parametrize(
    "expression",
    [
        "",
        "* * * *",
        "60 * * * *",
        "* * 0 * *",
        "* * * 13 *",
        "5-1 * * * *",
        "*/0 * * * *",
        "a b c d e",
    ],
)
def test_invalid_cron(expression: str) -> None:
    assert validate_cron(expression) is not None


def test_a_folder_source_must_name_an_existing_folder(tmp_path: Path) -> None:
    text = """
        [[sources]]
        id = "inbox"
        kind = "folder"
        path = "inbox"
        doc_type = "article"

        [[sources]]
        id = "drop"
        kind = "folder"
        path = "drop.html"
        doc_type = "article"
        """
    config = load_config(_write(tmp_path, text))  # the file itself is valid
    (tmp_path / "conf" / "drop.html").write_text("not a folder")
    with pytest.raises(ConfigError) as err:
        check_folders(config)
    where = tmp_path / "conf"
    assert err.value.problems == [
        f"{where / 'test.toml'}: sources[1] (id 'inbox'): field 'path' names a folder that "
        f"does not exist: {where / 'inbox'}",
        f"{where / 'test.toml'}: sources[2] (id 'drop'): field 'path' names a file, not a "
        f"folder: {where / 'drop.html'}",
    ]
    (where / "inbox").mkdir()
    (where / "drop.html").unlink()
    (where / "drop.html").mkdir()
    check_folders(config)
