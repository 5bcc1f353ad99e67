"""Issue #14: what the launcher loads before it spawns the agent. The proxy stack, pydantic and
cryptography are loaded beside the agent, not before it (given a spare session CA)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from headroom_certs.session import make_spare
from headroom_mitm.launcher.paths import StateDir

# Heavy or not needed before the spawn: each was measured in the launcher's path at some point.
NOT_BEFORE_SPAWN = ("mitmproxy", "pydantic", "cryptography", "headroom_mitm.compress", "headroom_mitm.meter",
                    "headroom_mitm.audit", "headroom_mitm.policy", "yaml", "secrets", "certifi")

_AT_SPAWN = """
import json, os, sys
import headroom_mitm.launcher.child as child
def start_child(*args, **kwargs):
    print(json.dumps(sorted(sys.modules)), flush=True)
    os._exit(0)
child.start_child = start_child
from headroom_mitm.launcher.cli import main
main(["--opencode-bin", "/bin/true", "opencode", "--version"])
"""


def test_the_launch_path_to_the_spawn_loads_no_proxy_stack(tmp_path: Path):
    state = StateDir(tmp_path / "state").ensure()
    assert make_spare(state.spare_cas) is not None
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "OPENCODE", "HEADROOM_MITM_"))}
    env.update(HOME=str(tmp_path), TMPDIR=str(tmp_path), HEADROOM_MITM_STATE_DIR=str(state.root))
    done = subprocess.run([sys.executable, "-c", _AT_SPAWN], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    assert [m for m in loaded if m.split(".")[0] in NOT_BEFORE_SPAWN or m.startswith(NOT_BEFORE_SPAWN)] == []
    assert list(state.spare_cas.iterdir()) == []  # the spare was taken
