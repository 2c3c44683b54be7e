"""pytest-lsp end-to-end tests of `disarm lsp` (run by LSPClientTests through `python3 -m pytest Tests/lsp`).

DISARM_BINARY names the binary (default .build/debug/disarm); DISARM_LSP_KB the knowledge base to copy for each test
(default data/). The server runs in a fresh copy so that edits never reach the repository. `client` opens the copy
itself as the workspace; `report_client` opens the folder holding it (the copy as `kb/`, beside a `reports/` folder),
so that a report outside the knowledge base is part of the workspace."""
import atexit
import os
import pathlib
import shutil
import sys
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("DISARM_BINARY", str(ROOT / ".build" / "debug" / "disarm"))
SOURCE = pathlib.Path(os.environ.get("DISARM_LSP_KB", str(ROOT / "data")))
WORKSPACE = pathlib.Path(tempfile.mkdtemp(prefix="disarm-lsp-")) / "kb"
shutil.copytree(SOURCE, WORKSPACE)
atexit.register(shutil.rmtree, WORKSPACE.parent, True)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=WORKSPACE.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=WORKSPACE.as_uri(), name="kb")],
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def workspace():
    return WORKSPACE


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp"]))
async def report_client(lsp_client: LanguageClient):
    root = WORKSPACE.parent
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="repository")],
        )
    )
    yield
    await lsp_client.shutdown_session()
