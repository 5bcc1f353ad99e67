import pytest

from headroom_mitm.stub import StubServer, get_script
from tests.e2e.harness import OpenCodeRun, opencode_binary


@pytest.fixture(scope="session", autouse=True)
def _opencode_installed():
    opencode_binary()  # fails the suite loudly, never skips, when OpenCode is missing


@pytest.fixture()
def stub_for(tmp_path):
    servers = []

    def make(script):
        stub = StubServer(get_script(script) if isinstance(script, str) else script).start()
        servers.append(stub)
        return OpenCodeRun(tmp_path, stub)

    yield make
    for stub in servers:
        stub.stop()


@pytest.fixture()
def stub_for_agents(tmp_path):
    from tests.e2e.agent_harness import AgentRun

    servers, runs = [], []

    def make(script):
        stub = StubServer(script).start()
        servers.append(stub)
        runs.append(AgentRun(tmp_path, stub))
        return runs[-1]

    yield make
    for stub in servers:
        stub.stop()
    for run in runs:
        run.cleanup()
