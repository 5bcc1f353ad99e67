"""Round 119's etcd on loopback and the extractors of its kinds (NEEDLES.md, "Round 119"): `beacon`, a harbour's
registry of lights and buoys, kept in a 3-member cluster; a seeded writer fills hundreds of keys through the v3 JSON
gateway, a watch runs while a second writer puts and deletes, and one member is killed before the health checks. Run
through capture_wide119.py."""

from __future__ import annotations

import base64
import json
import random
import re
import time
import urllib.request
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, wait_port
from capture_wide119 import add, cap, client_errors, exit_lines

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

ETCD_JSON_KEYS = re.compile(r'^\s*"(Endpoint|endpoint|name|ID|member_id|leader|raft_term|dbSize)":')


@cm.kind("etcdctl-json", "json")
def n_etcdctl_json(lines):
    """Rule 5: every Endpoint/endpoint, name, ID/member_id, leader, raft_term and dbSize line; every line inside an errors array; every "health": false line with its entry's "error" line; client Error: lines; EXIT=N."""
    out, in_err = [], False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if ETCD_JSON_KEYS.match(ln):
            out.append(ln)
        if re.match(r'^"errors":\s*\[', s):
            in_err = not s.endswith("]") and not s.endswith("],")
            continue
        if in_err:
            if s.startswith("]"):
                in_err = False
            elif s:
                out.append(ln)
        if re.match(r'^"health":\s*false', s):
            out.append(ln)
            for j in range(max(0, i - 4), min(len(lines), i + 5)):
                if re.match(r'^\s*"error":', lines[j]):
                    out.append(lines[j])
    return out + client_errors(lines) + exit_lines(lines)


@cm.kind("etcdctl-endpoint-health", "table")
def n_etcdctl_health(lines):
    """Rule 5: every line saying an endpoint is unhealthy (with its reason) and every Error: line; the healthy lines one {any}; EXIT=N."""
    bad = [ln for ln in lines if "is unhealthy" in ln or ln.startswith("Error:")]
    good = [ln for ln in lines if "is healthy" in ln]
    return bad + ([cm.any_of(good)] if good else []) + client_errors(lines) + exit_lines(lines)


@cm.kind("etcdctl-watch", "log")
def n_etcdctl_watch(lines):
    """Rule 5: the key line after every DELETE, the key lines of the first and last event, every key line whose value line holds error/fail/down; EXIT=N."""
    events = [(i, ln.strip()) for i, ln in enumerate(lines) if ln.strip() in ("PUT", "DELETE")]
    out = []
    for n, (i, verb) in enumerate(events):
        key = lines[i + 1] if i + 1 < len(lines) else None
        val = lines[i + 2] if i + 2 < len(lines) else ""
        if key is None:
            continue
        if verb == "DELETE" or n in (0, len(events) - 1) or re.search(r"error|fail|down", val, re.I):
            out.append(key)
    return out + client_errors(lines) + exit_lines(lines)


@cm.kind("etcdctl-check-perf", "test")
def n_etcdctl_perf(lines):
    """Rule 5: every PASS: / FAIL: line and the closing PASS / FAIL verdict line; client Error: lines; EXIT=N."""
    out = []
    for ln in lines:
        m = re.search(r"\b(PASS|FAIL)(:|$)", ln)
        if m:
            out.append(ln[m.start():])
    return out + client_errors(lines) + exit_lines(lines)


# ------------------------------------------------------------------ the cluster

NAMES = ["harbour-a", "harbour-b", "harbour-c"]


class Cluster:
    def __init__(self, tmp: Path) -> None:
        self.dir = tmp / "etcd"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.cport = [free_port() for _ in NAMES]
        self.pport = [free_port() for _ in NAMES]
        init = ",".join(f"{n}=http://127.0.0.1:{p}" for n, p in zip(NAMES, self.pport))
        self.procs = []
        for n, c, p in zip(NAMES, self.cport, self.pport):
            log = open(self.dir / f"{n}.log", "wb")
            self.procs.append(cm.start(
                ["etcd", "--name", n, "--data-dir", str(self.dir / n), "--listen-client-urls", f"http://127.0.0.1:{c}",
                 "--advertise-client-urls", f"http://127.0.0.1:{c}", "--listen-peer-urls", f"http://127.0.0.1:{p}",
                 "--initial-advertise-peer-urls", f"http://127.0.0.1:{p}", "--initial-cluster", init,
                 "--initial-cluster-state", "new", "--initial-cluster-token", "beacon-1",
                 "--quota-backend-bytes", str(64 * 1024 * 1024), "--logger", "zap"], log=log))
        for c in self.cport:
            wait_port(c, 20)
        time.sleep(3)
        self.eps = ",".join(f"127.0.0.1:{c}" for c in self.cport)

    def put(self, key: str, value: str, port: int | None = None) -> None:
        body = json.dumps({"key": base64.b64encode(key.encode()).decode(),
                           "value": base64.b64encode(value.encode()).decode()}).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{port or self.cport[0]}/v3/kv/put", data=body,
                                     headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=10).read()

    def delete(self, key: str) -> None:
        body = json.dumps({"key": base64.b64encode(key.encode()).decode()}).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.cport[0]}/v3/kv/deleterange", data=body,
                                     headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=10).read()


KINDS_OF_MARK = ["light", "buoy", "beacon", "horn", "racon"]
COLOURS = ["red", "green", "white", "yellow"]


def fill(cl: Cluster, rng: random.Random) -> list[str]:
    keys = []
    for i in range(360):
        kind = rng.choice(KINDS_OF_MARK)
        key = f"/beacon/marks/{kind}/{kind[:2].upper()}{i:04d}"
        val = json.dumps({"lat": round(rng.uniform(53.4, 53.9), 5), "lon": round(rng.uniform(8.1, 8.9), 5),
                          "colour": rng.choice(COLOURS), "period_s": rng.choice([2, 3, 4, 5, 6, 10, 15]),
                          "status": "ok" if rng.random() > 0.04 else "DOWN: lamp failure"})
        cl.put(key, val)
        keys.append(key)
    return keys


def etcd_steps(tmp: Path) -> None:
    rng = random.Random(119)
    cl = Cluster(tmp)
    e1 = f"127.0.0.1:{cl.cport[0]}"
    keys = fill(cl, rng)
    d = cl.dir
    cap("etcd-status-json", f"etcdctl --endpoints={cl.eps} endpoint status -w json | jq .", d, n_etcdctl_json)
    cap("etcd-health-ok", f"etcdctl --endpoints={cl.eps} endpoint health; echo EXIT=$?", d, n_etcdctl_health)
    # a watch while a second writer changes lamps, switches some off and removes buoys
    wlog = d / "watch.out"
    watcher = cm.start(f"timeout 25 etcdctl --endpoints={e1} watch --prefix /beacon/marks/ > {wlog} 2>&1", cwd=d)
    time.sleep(1.5)
    for n in range(260):
        k = rng.choice(keys)
        if n % 23 == 7:
            cl.delete(k)
        else:
            st = "ok" if rng.random() > 0.08 else rng.choice(["DOWN: lamp failure", "error: battery 9.1V",
                                                               "fail: no fix"])
            cl.put(k, json.dumps({"colour": rng.choice(COLOURS), "status": st, "rev": n}))
    watcher.wait(timeout=40)
    watched = wlog.read_text()
    add("etcd-watch", f"timeout 25 etcdctl --endpoints={e1} watch --prefix /beacon/marks/", watched, n_etcdctl_watch)
    w2 = "\n".join(watched.splitlines()[:300]) + "\n"
    add("etcd-watch-head", f"timeout 25 etcdctl --endpoints={e1} watch --prefix /beacon/marks/ | head -n 300", w2,
        n_etcdctl_watch)
    cap("etcd-check-perf", f"etcdctl --endpoints={cl.eps} check perf --load=s; echo EXIT=$?", d, n_etcdctl_perf,
        timeout=150)
    # a member killed
    cl.procs[2].kill()
    cl.procs[2].wait()
    time.sleep(2)
    cap("etcd-status-json-down", f"etcdctl --endpoints={cl.eps} endpoint status -w json | jq .", d, n_etcdctl_json)
    cap("etcd-health-down", f"etcdctl --endpoints={cl.eps} endpoint health; echo EXIT=$?", d, n_etcdctl_health,
        timeout=60)
    cap("etcd-health-cluster", f"etcdctl --endpoints={e1} endpoint health --cluster -w json | jq .",
        d, n_etcdctl_json, timeout=60)


STEPS = [etcd_steps]
