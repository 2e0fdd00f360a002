"""An S3-compatible server for the object-storage tests: moto in server mode on 127.0.0.1.

Not a test module. Fake credentials come from the environment (set by the caller through
`monkeypatch`, see `fake_aws_credentials`), so nothing is read from `~/.aws` and nothing
reaches the internet.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow.fs as pafs
import pytest
from moto.server import ThreadedMotoServer

from warehouse.object_store import s3_filesystem


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fake_aws_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",
    }.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)


@dataclass
class S3Server:
    """moto on `port`; `stop` and `start` again keep its buckets (moto's state lives in this
    process, not in the server thread)."""

    port: int
    server: ThreadedMotoServer | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def filesystem(self) -> pafs.S3FileSystem:
        """The client the pipeline uses, pointed at this server."""
        return s3_filesystem(self.endpoint)


@contextlib.contextmanager
def s3_server(bucket: str) -> Iterator[S3Server]:
    """A running server with `bucket` made; emptied of every bucket when done."""
    server = S3Server(port=free_port())
    server.start()
    try:
        admin = pafs.S3FileSystem(
            endpoint_override=f"127.0.0.1:{server.port}", scheme="http", allow_bucket_creation=True
        )
        admin.create_dir(bucket)
        yield server
    finally:
        server.stop()
        # moto's backends outlive the server: leave no bucket to the next test.
        from moto.backends import get_backend

        for backend in get_backend("s3").values():
            for region in backend.values():
                region.reset()
