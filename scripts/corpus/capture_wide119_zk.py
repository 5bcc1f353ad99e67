"""Round 119's ZooKeeper on loopback and the extractors of its kinds (NEEDLES.md, "Round 119"): the `beacon` harbour's
coordination tree (marks, each with its status znode, two with an alarm; ephemeral pilot
sessions), written by clients here (kazoo, from PyPI, in a venv under the round's tools dir); one client frozen so its
session expires; the four-letter words over nc with one not whitelisted; zkCli's listings; the server's log. Run
through capture_wide119.py."""

from __future__ import annotations

import random
import re
import signal
import time
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4, wait_port
from capture_wide119 import add, cap, client_errors, exit_lines

KAZOO_VENV = Path("/tmp/hm-corpus-wide119-tools/venv")  # kazoo, installed once

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

MNTR = ("zk_version", "zk_server_state", "zk_znode_count", "zk_ephemerals_count", "zk_num_alive_connections",
        "zk_outstanding_requests", "zk_max_latency", "zk_avg_latency", "zk_approximate_data_size")
SRVR = ("Zookeeper version:", "Latency min/avg/max:", "Mode:", "Node count:", "Connections:", "Outstanding:")


@cm.kind("zookeeper-4lw", "table")
def n_zk_4lw(lines):
    """Rule 5: mntr -> zk_version, zk_server_state, zk_znode_count, zk_ephemerals_count, zk_num_alive_connections, zk_outstanding_requests, zk_max/avg_latency, zk_approximate_data_size; srvr/stat -> version, latency, mode, node count, connections, outstanding; cons -> rule 4 over the connection rows (recved, sent, maxlat extremes); not-whitelisted lines; EXIT=N."""
    out, rows = [], []
    for ln in lines:
        s = ln.strip()
        if s.split("\t")[0] in MNTR or s.split(" ")[0] in MNTR:
            out.append(ln)
        elif s.startswith(SRVR):
            out.append(ln)
        elif "not in the whitelist" in s or "not executed" in s:
            out.append(ln)
        elif re.match(r"^/[\d.:]+\[\d+\]\(", s):
            f = dict(re.findall(r"(\w+)=([^,)]*)", s))
            rows.append((ln, {"recved": f.get("recved"), "sent": f.get("sent"), "maxlat": f.get("maxlat")}))
    return out + rule4(rows, nums=("recved", "sent", "maxlat")) + client_errors(lines) + exit_lines(lines)


ZK_ERR = re.compile(r"Node does not exist|KeeperErrorCode|Exception|Node already exists|Insufficient permission|"
                    r"Authentication is not valid|Path must start")
STAT = ("cZxid", "mtime", "dataVersion", "ephemeralOwner", "numChildren")


@cm.kind("zkcli-listing", "listing")
def n_zkcli(lines):
    """Rule 1/4/5: every error line; ls -R -> the first and last path and rule 4 over each depth's paths (the last segment categorical); stat -> cZxid, mtime, dataVersion, ephemeralOwner, numChildren; EXIT=N."""
    out = [ln for ln in lines if ZK_ERR.search(ln)]
    paths = [ln for ln in lines if re.match(r"^/[\w./:-]*$", ln.strip())]
    if paths:
        out += [paths[0], paths[-1]]
    by_depth: dict = {}
    for ln in paths:
        p = ln.strip().rstrip("/")
        by_depth.setdefault(p.count("/"), []).append((ln, {"seg": p.rsplit("/", 1)[-1]}))
    for depth in sorted(by_depth):
        out += rule4(by_depth[depth], cat=("seg",))
    out += [ln for ln in lines if re.match(r"^(%s) = " % "|".join(STAT), ln.strip())]
    return out + client_errors(lines) + exit_lines(lines)


@cm.kind("zookeeper-log", "log")
def n_zk_log(lines):
    """Rules 1+5: every ERROR line, WARN lines one {any} per message shape, Expiring session / session expired lines one {any} per session id, the binding to port line; EXIT=N."""
    out, warns, sess = [], [], []
    for ln in lines:
        if re.search(r"Expiring session|expired", ln, re.I):
            m = re.search(r"0x[0-9a-f]+", ln)
            sess.append((m.group(0) if m else ln, ln))
        elif re.search(r"\bERROR\b", ln):
            out.append(ln)
        elif re.search(r"\bWARN\b", ln):
            msg = re.sub(r"^.*?\bWARN\b\s*", "", ln)
            msg = re.sub(r"^\[[^\]]*\]\s*-?\s*", "", msg)
            warns.append((cm.mask(re.sub(r"0x[0-9a-f]+", "0xN", msg)), ln))
        elif re.search(r"binding to port", ln):
            out.append(ln)
    return out + cm.groups(warns) + cm.groups(sess) + exit_lines(lines)


# ------------------------------------------------------------------ the server and its clients

def zk_home() -> Path | None:
    for h in ("/usr/share/zookeeper", "/opt/zookeeper"):
        if Path(h, "bin", "zkCli.sh").exists():
            return Path(h)
    return None


FILL = r'''
import json, random, sys
from kazoo.client import KazooClient
rng = random.Random(119)
zk = KazooClient(hosts=sys.argv[1], timeout=10); zk.start()
zk.ensure_path("/beacon/marks"); zk.ensure_path("/beacon/pilots"); zk.ensure_path("/beacon/locks")
zk.ensure_path("/beacon/config")
for k in ("tide-source", "radar-primary", "notice-feed", "quota"):
    zk.create(f"/beacon/config/{k}", json.dumps({"v": rng.randint(1, 9)}).encode())
for i in range(int(sys.argv[2])):
    base = f"/beacon/marks/M{i:04d}"
    zk.create(base, json.dumps({"colour": rng.choice(["red", "green", "white"]), "period": rng.choice([2, 4, 6]),
                                "owner": rng.choice(["harbour-a", "harbour-b", "harbour-c"])}).encode())
    zk.create(base + "/status", b"ok" if rng.random() > 0.03 else b"DOWN")
    if i in (17, 203):
        zk.create(base + "/alarm", b"lamp failure")
zk.stop()
'''

PILOT = r'''
import sys, time
from kazoo.client import KazooClient
zk = KazooClient(hosts=sys.argv[1], timeout=float(sys.argv[3])); zk.start()
zk.create(f"/beacon/pilots/{sys.argv[2]}", b"on duty", ephemeral=True)
for n in range(400):
    zk.get("/beacon/config/tide-source"); zk.exists(f"/beacon/marks/M{n % 50:04d}/status")
    time.sleep(0.05)
time.sleep(3600)
'''


def zk_steps(tmp: Path) -> None:
    home = zk_home()
    if home is None:
        cm.note("skip zookeeper: zkCli.sh not found")
        return
    if "kazoo" not in run(f"{KAZOO_VENV}/bin/python -c 'import kazoo; print(kazoo.__name__)'"):
        run(f"python3 -m venv {KAZOO_VENV} && {KAZOO_VENV}/bin/pip install -q kazoo", env=cm.PIP_ENV, timeout=600)
    d = tmp / "zk"
    (d / "data").mkdir(parents=True, exist_ok=True)
    port, aport = free_port(), free_port()
    (d / "zoo.cfg").write_text(
        f"tickTime=1000\ninitLimit=5\nsyncLimit=2\ndataDir={d / 'data'}\nclientPort={port}\n"
        f"clientPortAddress=127.0.0.1\nminSessionTimeout=2000\nmaxSessionTimeout=60000\n"
        f"4lw.commands.whitelist=mntr,srvr,stat,cons,ruok,conf,envi\nadmin.enableServer=true\n"
        f"admin.serverAddress=127.0.0.1\nadmin.serverPort={aport}\n")
    # Debian's zkEnv.sh classpath (the server's with this round's log4j.properties and the log4j binding)
    cli_cp = "/etc/zookeeper/conf:/usr/share/java/zookeeper.jar"
    cp = f"{d}:/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-log4j12.jar:/usr/share/java/log4j-1.2.jar"
    log = d / "zookeeper.log"
    (d / "log4j.properties").write_text(
        "log4j.rootLogger=INFO, F\nlog4j.appender.F=org.apache.log4j.FileAppender\n"
        f"log4j.appender.F.File={log}\nlog4j.appender.F.layout=org.apache.log4j.PatternLayout\n"
        "log4j.appender.F.layout.ConversionPattern=%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n\n")
    (d / "logback.xml").write_text(
        f'<configuration><appender name="F" class="ch.qos.logback.core.FileAppender"><file>{log}</file><encoder>'
        '<pattern>%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n</pattern></encoder></appender>'
        '<root level="INFO"><appender-ref ref="F"/></root></configuration>\n')
    cm.start(["java", f"-Dlogback.configurationFile={d / 'logback.xml'}",
              f"-Dlog4j.configuration=file:{d / 'log4j.properties'}", "-Xmx256m", "-cp", cp,
              "org.apache.zookeeper.server.quorum.QuorumPeerMain", str(d / "zoo.cfg")], cwd=d,
             log=open(d / "stdout.log", "wb"))
    if not wait_port(port, 60):
        cm.note("skip zookeeper: server did not start: " + (d / "stdout.log").read_text()[-600:])
        return
    hp = f"127.0.0.1:{port}"
    (d / "fill.py").write_text(FILL)
    (d / "pilot.py").write_text(PILOT)
    cm.note(run(f"{KAZOO_VENV}/bin/python fill.py {hp} 320", cwd=d, timeout=300)[-400:])
    pilots = [cm.start([str(KAZOO_VENV / "bin" / "python"), str(d / "pilot.py"), hp, f"pilot-{n:02d}",
                        "4" if n in (3, 8) else "30"]) for n in range(14)]
    time.sleep(6)
    nc = f"nc -q 10 127.0.0.1 {port}"
    cap("zk-mntr", f"echo mntr | {nc}", d, n_zk_4lw)
    cap("zk-cons", f"echo cons | {nc}", d, n_zk_4lw)
    cap("zk-stat", f"echo stat | {nc}; echo EXIT=$?", d, n_zk_4lw)
    for n in (3, 8):  # two pilots frozen: their sessions expire
        pilots[n].send_signal(signal.SIGSTOP)
    time.sleep(9)
    cap("zk-words", f"for w in ruok srvr mntr wchs dump; do echo \"== $w\"; echo $w | {nc}; echo; done", d, n_zk_4lw)
    cli = f"{home}/bin/zkCli.sh -server {hp}"
    env = {"CLASSPATH": cli_cp, "ZOO_LOG4J_PROP": "WARN,CONSOLE", "JVMFLAGS": "-Xmx128m"}
    cap("zkcli-ls-r", f"{cli} ls -R /beacon 2>&1 | grep -v '^$'", d, n_zkcli, env=env, timeout=120,
        typed=f"zkCli.sh -server {hp} ls -R /beacon")
    cap("zkcli-ls-r-head", f"{cli} ls -R / 2>/dev/null | head -n 120", d, n_zkcli, env=env, timeout=120,
        typed=f"zkCli.sh -server {hp} ls -R / 2>/dev/null | head -n 120")
    cap("zkcli-stat", f"{cli} stat /beacon/marks 2>&1; {cli} get -s /beacon/marks/M0017/alarm 2>&1; "
        f"{cli} get -s /beacon/marks/M9999/status 2>&1; echo EXIT=$?", d, n_zkcli, env=env, timeout=120,
        typed=f"zkCli.sh -server {hp} stat /beacon/marks; zkCli.sh -server {hp} get -s /beacon/marks/M0017/alarm; "
        f"zkCli.sh -server {hp} get -s /beacon/marks/M9999/status; echo EXIT=$?")
    for n in (3, 8):
        pilots[n].send_signal(signal.SIGCONT)
    time.sleep(3)
    for p in pilots[:6]:
        p.kill()
    time.sleep(2)
    text = log.read_text() if log.exists() else ""
    add("zk-log", "cat zookeeper.log", text, n_zk_log)
    warned = [ln for ln in text.splitlines(True) if re.search(r"WARN|ERROR|xpir", ln)]
    add("zk-log-warn", "grep -E 'WARN|ERROR|xpir' zookeeper.log | tail -n 80", "".join(warned[-80:]), n_zk_log)

STEPS = [zk_steps]
