"""make serve's preview: a busy port is said, and the next free one is used."""

import importlib.util
import socket

from .conftest import ROOT


def load_preview():
    spec = importlib.util.spec_from_file_location("preview", ROOT / "tools" / "preview.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_busy_port_is_named_and_the_next_free_one_used(capsys):
    preview = load_preview()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        server = preview.bind(busy)
        try:
            assert server.server_address[1] != busy
            said = capsys.readouterr().out
            assert f"Port {busy} is busy" in said and "make serve PORT=" in said
        finally:
            server.server_close()
