"""A plain mitmdump standing in for a corporate TLS-inspecting proxy, on loopback.

It requires proxy credentials, re-signs TLS with its own CA (the "corporate CA"), notes every
CONNECT and request it sees, and delivers every request to one local plain-HTTP server (the stub):
that is how names such as api.deepinfra.com reach a local upstream without DNS or /etc/hosts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ADDON = r'''
import json, os
LOG = os.environ["CORP_LOG"]
TARGET = int(os.environ["CORP_TARGET_PORT"])

def _note(kind, host, auth):
    with open(LOG, "a") as f:
        f.write(json.dumps({"kind": kind, "host": host, "auth": auth}) + "\n")

def http_connect(flow):
    _note("CONNECT", flow.request.host, flow.request.headers.get("proxy-authorization"))

def request(flow):
    _note(flow.request.method, flow.request.pretty_host, None)
    flow.request.scheme, flow.request.host, flow.request.port = "http", "127.0.0.1", TARGET
'''


class CorpProxy:
    def __init__(self, tmp: Path, target_port: int, auth: str = "corp:corp-PW-4711") -> None:
        self.dir = tmp / "corp"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.log = self.dir / "seen.jsonl"
        self.log.touch()
        addon = self.dir / "corp_addon.py"
        addon.write_text(ADDON)
        self.auth = auth
        mitmdump = str(Path(sys.executable).parent / "mitmdump")
        env = {**os.environ, "CORP_LOG": str(self.log), "CORP_TARGET_PORT": str(target_port)}
        for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
            env.pop(name, None)
        self.proc = subprocess.Popen(
            [mitmdump, "--listen-host", "127.0.0.1", "--listen-port", "0", "-s", str(addon),
             "--set", f"confdir={self.dir}", "--set", "connection_strategy=lazy",
             "--set", f"proxyauth={auth}", "--set", "termlog_verbosity=info", "--set", "flow_detail=0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
        )
        self.port = self._read_port()
        self.ca = self.dir / "mitmproxy-ca-cert.pem"

    def _read_port(self) -> int:
        deadline = time.monotonic() + 30
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            found = re.search(r"proxy listening at .*:(\d+)", line)
            if found:
                return int(found.group(1))
        self.proc.kill()
        raise AssertionError("the corporate mitmdump did not start")

    @property
    def url(self) -> str:
        return f"http://{self.auth}@127.0.0.1:{self.port}"

    def seen(self) -> list[dict]:
        return [json.loads(line) for line in self.log.read_text().splitlines() if line.strip()]

    def connects(self) -> set[str]:
        return {e["host"] for e in self.seen() if e["kind"] == "CONNECT"}

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
