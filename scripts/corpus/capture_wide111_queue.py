"""Round 111's NATS server, beanstalkd and gearmand on loopback, and the extractors of their kinds (NEEDLES.md, "Round
111"): the `depot` freight yard's event bus (NATS: named subscribers, clients with wrong credentials or none, a
subscriber too slow for its publisher, a payload over the limit, a client speaking garbage; `nats-server -t` of configs
with mistakes; the monitoring endpoints), its job tubes (beanstalkd: ready, delayed, buried, reserved and timed-out
jobs, a paused tube) and its batch functions (gearmand: functions with queued jobs and no worker, workers whose
command fails). Clients are written here, speaking each protocol over a socket. Run through capture_wide111.py."""

from __future__ import annotations

import random
import re
import socket
import struct
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4, wait_port
from capture_wide111 import EXIT_RE, cap, exit_lines

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)


@cm.kind("nats-server-log", "log")
def n_nats_log(lines):
    """Rules 1+5: every [ERR] / [FTL] line, Slow Consumer Detected lines one {any} per client (cid), [WRN] lines one {any} per message shape, the Listening for client connections on line and the Server is ready line; EXIT=N."""
    out, slow, warns = [], [], []
    for ln in lines:
        if re.search(r"\[(ERR|FTL)\]", ln):
            out.append(ln)
        elif "Slow Consumer Detected" in ln:
            m = re.search(r"cid:(\d+)", ln)
            slow.append((m.group(1) if m else ln, ln))
        elif "[WRN]" in ln:
            warns.append((cm.mask(re.sub(r"^.*?\[WRN\]\s*", "", re.sub(r"cid:\d+", "cid:N", ln))), ln))
        elif re.search(r"Listening for client connections on|Server is ready", ln):
            out.append(ln)
    return out + cm.groups(slow) + cm.groups(warns) + exit_lines(lines)


@cm.kind("nats-server-config-test", "lint")
def n_nats_t(lines):
    """Rules 1+3: every line naming an error in the configuration (file:line:col and message, or nats-server: ... error), the closing configuration file ... test is successful / failure line; EXIT=N."""
    return [ln for ln in lines if re.search(r":\d+:\d+:|error|invalid|unknown|expected|test is successful|"
                                            r"not valid|failed|nats-server:", ln, re.I)
            and not EXIT_RE.match(ln.strip()) and not ln.startswith("==")] + exit_lines(lines)


VARZ = ("server_id", "version", "max_payload", "connections", "total_connections", "slow_consumers", "in_msgs",
        "out_msgs")


@cm.kind("nats-monitor-json", "json")
def n_nats_json(lines):
    """Rule 5: /varz: the server_id, version, max_payload, connections, total_connections, slow_consumers, in_msgs, out_msgs lines; /connz: num_connections, total, each connection's name line, every pending_bytes line not 0; /subsz: num_subscriptions, num_matches; EXIT=N."""
    out = []
    connz = any(re.match(r'^\s*"num_connections":', ln) for ln in lines)
    for ln in lines:
        m = re.match(r'^\s*"([a-z_]+)":\s*(.*?),?$', ln)
        if not m:
            continue
        k, v = m.group(1), m.group(2)
        top = len(ln) - len(ln.lstrip()) <= 2
        if top and k in VARZ and not connz:
            out.append(ln)
        elif connz and ((top and k in ("num_connections", "total")) or k == "name" or
                        (k == "pending_bytes" and v != "0")):
            out.append(ln)
        elif top and k in ("num_subscriptions", "num_matches"):
            out.append(ln)
    return out + exit_lines(lines)


BS_STATS = ("current-jobs-ready", "current-jobs-buried", "current-jobs-delayed", "current-jobs-reserved",
            "current-tubes", "current-connections", "current-workers", "job-timeouts", "total-jobs", "cmd-bury",
            "version", "uptime")
BS_ERR = re.compile(r"^(NOT_FOUND|UNKNOWN_COMMAND|BAD_FORMAT|OUT_OF_MEMORY|INTERNAL_ERROR|EXPECTED_CRLF|JOB_TOO_BIG)\b")


@cm.kind("beanstalkd-stats", "table")
def n_bs_stats(lines):
    """Rule 5: the OK <bytes> line and the current-jobs-ready/-buried/-delayed/-reserved, current-tubes, current-connections, current-workers, job-timeouts, total-jobs, cmd-bury, version and uptime lines; NOT_FOUND / UNKNOWN_COMMAND / BAD_FORMAT reply lines; EXIT=N."""
    return [ln for ln in lines if re.match(r"^OK \d+$", ln.strip()) or BS_ERR.match(ln.strip()) or
            (re.match(r"^([a-z-]+):", ln) and ln.split(":")[0] in BS_STATS)] + exit_lines(lines)


BS_TUBE = ("name", "current-jobs-ready", "current-jobs-buried", "current-jobs-delayed", "current-jobs-reserved",
           "current-waiting", "total-jobs", "pause")


@cm.kind("beanstalkd-stats-tube", "table")
def n_bs_tube(lines):
    """Rule 5: for every tube printed, its name line and its current-jobs-ready/-buried/-delayed/-reserved, current-waiting, total-jobs and pause lines; every NOT_FOUND reply line; EXIT=N."""
    return [ln for ln in lines if BS_ERR.match(ln.strip()) or
            (re.match(r"^([a-z-]+):", ln) and ln.split(":")[0] in BS_TUBE)] + exit_lines(lines)


@cm.kind("gearadmin-status", "table")
def n_gearadmin(lines):
    """Rules 4+5: status: every function row whose workers are 0 while jobs are queued, the rows holding the extremes of the queued and running columns; workers: every worker line naming a function; Error lines and EXIT=N."""
    out, rows = [], []
    for ln in lines:
        f = ln.split("\t")
        if len(f) == 4 and all(x.strip().isdigit() for x in f[1:]):
            q, r, w = (int(x) for x in f[1:])
            rows.append((ln, {"queued": q, "running": r}))
            if w == 0 and q > 0:
                out.append(ln)
        elif re.match(r"^\d+ \S+ \S+ :\s*\S", ln):
            out.append(ln)
        elif re.search(r"error|failed|refused", ln, re.I) and not EXIT_RE.match(ln.strip()):
            out.append(ln)
    return out + rule4(rows, nums=("queued", "running")) + exit_lines(lines)


@cm.kind("gearmand-log", "log")
def n_gearmand_log(lines):
    """Rules 1+5: every ERROR / CRITICAL / FATAL line, WARNING lines one {any} per message shape, the line naming the address and port it listens on; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        if re.search(r"\b(ERROR|CRITICAL|FATAL|ALERT)\b", ln):
            out.append(ln)
        elif re.search(r"\bWARNING\b", ln):
            warns.append((cm.mask(re.sub(r"^.*?WARNING\s*", "", ln)), ln))
        elif re.search(r"[Ll]istening on|Listening to", ln):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


# ------------------------------------------------------------------ NATS

NATS_CONF = """# the depot's event bus
server_name: depot-bus
listen: 127.0.0.1:{port}
http: 127.0.0.1:{mport}
max_payload: 8192
max_pending: 65536
write_deadline: "300ms"
max_connections: 200
ping_interval: "2m"
authorization {{
  users = [
    {{user: "yard-app", password: "s3cret"}}
    {{user: "gate", password: "gatepw", permissions: {{publish: "gate.>", subscribe: ["gate.>", "_INBOX.>"]}}}}
    {{user: "monitor", password: "mon", permissions: {{publish: {{deny: ">"}}, subscribe: ">"}}}}
  ]
}}
"""

NATS_BAD = {
    "bus-typo.conf": 'server_name: depot-bus\nlisten: 127.0.0.1:4333\nmax_payloads: 8192\nmax_pending: "64KB"\n'
                     'write_deadline: 300ms\nauthorization {\n  users = [\n    {user: "gate" password: "x"}\n  ]\n'
                     '  timeout: "soon"\n}\n',
    "bus-brace.conf": 'listen: 127.0.0.1:4334\nhttp: 127.0.0.1:8334\nauthorization {\n  user: yard\n  pass: s3cret\n'
                      'cluster {\n  listen: 127.0.0.1:6334\n  routes = [nats://127.0.0.1:6335\n}\n',
    "bus-accounts.conf": 'listen: 127.0.0.1:4335\naccounts {\n  YARD {\n    users = [{user: a, password: b}]\n'
                         '    exports = [{stream: "yard.>", accounts: [GATES]}]\n  }\n  CUSTOMS {\n'
                         '    imports = [{stream: {account: NOPE, subject: "yard.>"}}]\n  }\n}\n'
                         'system_account: AUDIT\nmax_connections: -5\nlame_duck_duration: "2x"\n',
}

NATS_CLIENT = r'''
import json, random, socket, sys, threading, time
port, seed = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(seed)
keep = []

def conn(user, pw, name, read=True):
    s = socket.socket()
    if not read:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
    s.connect(("127.0.0.1", port))
    s.recv(4096)
    opts = {"verbose": False, "pedantic": False, "name": name, "lang": "python3", "version": "0.1.0", "protocol": 1}
    if user:
        opts.update(user=user, **{"pass": pw})
    s.sendall(b"CONNECT " + json.dumps(opts).encode() + b"\r\nPING\r\n")
    time.sleep(0.05)
    if read:
        def drain():
            try:
                while True:
                    b = s.recv(65536)
                    if not b:
                        break
                    if b"PING\r\n" in b:
                        s.sendall(b"PONG\r\n")
            except OSError:
                pass
        threading.Thread(target=drain, daemon=True).start()
    return s

YARDS = ["north", "south", "east", "west", "inland", "quay"]
# named subscribers that keep up
for i in range(24):
    y = YARDS[i % 6]
    s = conn("yard-app", "s3cret", f"berth-watch-{y}-{i:02d}")
    s.sendall(f"SUB yard.berth.{y}.> {i + 1}\r\nSUB yard.cranes.{i % 9} {i + 100}\r\n".encode())
    keep.append(s)
m = conn("monitor", "mon", "depot-dashboard")
m.sendall(b"SUB yard.> 1\r\nSUB gate.> 2\r\n")
keep.append(m)
# subscribers that never read: slow consumers
slow = []
for i in range(3):
    s = conn("yard-app", "s3cret", f"reefer-archiver-{i}", read=False)
    s.sendall(b"SUB yard.reefer.> 1\r\n")
    slow.append(s)
# wrong passwords, unknown users, no credentials
for k in range(rnd.randint(5, 8)):
    try:
        conn("gate", "gatepw-old", f"gate-scanner-{k}").sendall(b"PUB gate.in.7 2\r\nok\r\n")
    except OSError:
        pass
for k in range(2):
    try:
        conn("crane-telemetry", "x", f"crane-telemetry-{k}")
        conn(None, None, "anonymous-probe")
    except OSError:
        pass
# the gate publishes where it may not, and subscribes where it may not
g = conn("gate", "gatepw", "gate-lane-3")
g.sendall(b"PUB yard.cranes.1 5\r\nhello\r\nSUB yard.> 9\r\nPUB gate.out.3 2\r\nok\r\n")
keep.append(g)
# the monitor publishes although denied
m.sendall(b"PUB yard.berth.north.1 4\r\ntest\r\n")
# a payload over max_payload, a client speaking garbage, a half CONNECT
p = conn("yard-app", "s3cret", "manifest-uploader")
p.sendall(b"PUB yard.manifests.big 20000\r\n" + b"x" * 20000 + b"\r\n")
q = conn("yard-app", "s3cret", "legacy-bridge")
q.sendall(b"HELLO depot\r\n")
r = socket.create_connection(("127.0.0.1", port))
r.sendall(b"GET /varz HTTP/1.1\r\nHost: x\r\n\r\n")
# short-lived publishers and a flood onto the slow subscribers' subjects
pub = conn("yard-app", "s3cret", "ais-feed")
for j in range(12000):
    y = YARDS[j % 6]
    pub.sendall(f"PUB yard.reefer.{y}.{j % 40} 1500\r\n".encode() + bytes([97 + j % 26]) * 1500 + b"\r\n"
                + f"PUB yard.berth.{y}.{j % 12} 60\r\n".encode() + b"b" * 60 + b"\r\n")
for k in range(30):
    s = conn("yard-app", "s3cret", f"tally-batch-{k:02d}")
    s.sendall(f"PUB yard.tally.{k} 20\r\n".encode() + b"t" * 20 + b"\r\n")
    time.sleep(0.02)
    s.close()
keep.append(pub)
print("ready", flush=True)
while True:
    time.sleep(1)
'''


def nats_steps(tmp: Path) -> None:
    d = tmp / "depot" / "nats"
    d.mkdir(parents=True, exist_ok=True)
    port, mport = free_port(), free_port()
    (d / "bus.conf").write_text(NATS_CONF.format(port=port, mport=mport))
    for name, body in NATS_BAD.items():
        (d / name).write_text(body)
    cap("nats-t-each-echo", "nats-server -t -c bus-accounts.conf; nats-server -t -c bus-typo.conf; "
        "nats-server -t -c bus-brace.conf; nats-server -t -c bus.conf; echo EXIT=$?", d, n_nats_t)
    cap("nats-t-loop", "for f in bus*.conf; do echo \"== $f\"; nats-server -t -c $f 2>&1; done; echo EXIT=$?", d, n_nats_t)
    p = cm.start(["nice", "nats-server", "-c", "bus.conf", "-D", "-l", "nats.log"], cwd=d)
    client = None
    try:
        if not wait_port(port, 15):
            raise RuntimeError("nats-server did not start")
        (d / "client.py").write_text(NATS_CLIENT)
        client = cm.start(["python3", "client.py", str(port), "1112"], cwd=d, log=open(d / "client.out", "wb"))
        for _ in range(120):
            time.sleep(1)
            if "ready" in (d / "client.out").read_text(errors="replace") or client.poll() is not None:
                break
        time.sleep(3)
        cap("nats-varz", f"curl -s http://127.0.0.1:{mport}/varz", d, n_nats_json)
        cap("nats-connz-subs", f"curl -s 'http://127.0.0.1:{mport}/connz?subs=1&limit=60'", d, n_nats_json)
        cap("nats-connz-sort-pending", f"curl -s 'http://127.0.0.1:{mport}/connz?sort=pending&limit=20'; echo EXIT=$?", d,
            n_nats_json)
        cap("nats-subsz", f"curl -s 'http://127.0.0.1:{mport}/subsz?subs=1&limit=200'", d, n_nats_json)
    finally:
        if client:
            cm.stop(client)
        time.sleep(1)
        cm.stop(p)
    run("cp nats.log depot-bus.log", cwd=d)
    cap("nats-log", "cat depot-bus.log", d, n_nats_log)
    cap("nats-log-grep", "grep -E '\\[(ERR|WRN)\\]|Slow Consumer' depot-bus.log; echo EXIT=$?", d, n_nats_log)
    cap("nats-log-grep-v-dbg-tail", "grep -v '\\[DBG\\]' depot-bus.log 2>&1 | tail -n 80", d, n_nats_log)
    cap("nats-log-grep-i-error-head", "grep -i error depot-bus.log | head -n 60", d, n_nats_log)


# ------------------------------------------------------------------ beanstalkd

TUBE_KINDS = ["manifests", "customs-holds", "reefer-alarms", "gate-in", "gate-out", "invoices", "crane-moves",
              "rail-slots", "hazmat-checks", "tally"]


def bs(sock: socket.socket, cmd: bytes) -> bytes:
    sock.sendall(cmd)
    time.sleep(0.001)
    buf = b""
    while not buf.endswith(b"\r\n"):
        buf += sock.recv(65536)
    return buf


def beanstalk_fill(port: int, seed: int) -> list[socket.socket]:
    rnd = random.Random(seed)
    tubes = [f"{k}-{y}" for k in TUBE_KINDS for y in ("north", "south", "quay")]
    s = socket.create_connection(("127.0.0.1", port))
    for t in tubes:
        bs(s, f"use {t}\r\n".encode())
        for j in range(rnd.choice([0, 3, 20, 60, 150])):
            body = f"{t} job {j} container MSKU{rnd.randint(1000000, 9999999)}".encode()
            delay = 3600 if rnd.random() < 0.15 else 0
            bs(s, f"put {rnd.choice([0, 100, 1024, 4096])} {delay} 60 {len(body)}\r\n".encode() + body + b"\r\n")
    held = []
    # workers: one buries what it reserves from three tubes, one reserves with TTR 1 and lets jobs time out,
    # one holds reserved jobs
    w = socket.create_connection(("127.0.0.1", port))
    for t in (tubes[3], tubes[11], tubes[17]):
        bs(w, f"watch {t}\r\n".encode())
    for _ in range(40):
        r = bs(w, b"reserve-with-timeout 0\r\n")
        m = re.match(rb"RESERVED (\d+) (\d+)\r\n", r)
        if not m:
            break
        need = int(m.group(2)) + 2 - (len(r) - m.end())
        while need > 0:
            need -= len(w.recv(65536))
        bs(w, f"bury {m.group(1).decode()} 10\r\n".encode())
    held.append(w)
    u = socket.create_connection(("127.0.0.1", port))
    bs(u, b"use tally-quay\r\n")
    for j in range(12):
        bs(u, f"put 5 0 1 4\r\nt{j:03d}\r\n".encode())
    bs(u, b"watch tally-quay\r\nignore default\r\n")
    for _ in range(12):
        r = u.recv(65536) if False else bs(u, b"reserve-with-timeout 0\r\n")
        if not r.startswith(b"RESERVED"):
            break
    held.append(u)
    h = socket.create_connection(("127.0.0.1", port))
    bs(h, f"watch {tubes[0]}\r\n".encode())
    for _ in range(8):
        r = bs(h, b"reserve-with-timeout 0\r\n")
        if not r.startswith(b"RESERVED"):
            break
    held.append(h)
    bs(s, b"pause-tube rail-slots-north 3600\r\n")
    waiter = socket.create_connection(("127.0.0.1", port))
    waiter.sendall(b"watch reefer-alarms-east\r\nignore default\r\nreserve\r\n")
    held.append(waiter)
    held.append(s)
    return held


def beanstalk_steps(tmp: Path) -> None:
    d = tmp / "depot" / "beanstalkd"
    d.mkdir(parents=True, exist_ok=True)
    port = free_port()
    p = cm.start(["beanstalkd", "-l", "127.0.0.1", "-p", str(port), "-b", str(d)], cwd=d)
    held = []
    try:
        if not wait_port(port, 10):
            raise RuntimeError("beanstalkd did not start")
        held = beanstalk_fill(port, 1113)
        time.sleep(4)  # the TTR-1 jobs time out
        sc = f"socat - TCP:127.0.0.1:{port}"
        cap("beanstalkd-stats", f"printf 'stats\\r\\nquit\\r\\n' | {sc}", d, n_bs_stats)
        cap("beanstalkd-stats-job-echo", f"printf 'stats\\r\\nstats-job 999999\\r\\nkick-job 999999\\r\\nstats-jobs\\r\\n' | "
            f"{sc}; echo EXIT=$?", d, n_bs_stats)
        cap("beanstalkd-stats-tube-loop", f"for t in $(printf 'list-tubes\\r\\n' | {sc} | sed -n 's/^- //p' | tr -d '\\r'); do "
            f"printf \"stats-tube $t\\r\\n\" | {sc}; done", d, n_bs_tube)
        cap("beanstalkd-stats-tube-grep", f"for t in $(printf 'list-tubes\\r\\n' | {sc} | sed -n 's/^- //p' | "
            f"tr -d '\\r') invoices-old; do printf \"stats-tube $t\\r\\n\" | {sc}; done | "
            "grep -E 'NOT_FOUND|name|ready|buried|delayed|reserved|pause'; echo EXIT=$?", d, n_bs_tube)
        cap("beanstalkd-stats-tube-few", f"printf 'stats-tube customs-holds-south\\r\\nstats-tube tally-quay\\r\\n"
            f"stats-tube crane-moves\\r\\n' | {sc}", d, n_bs_tube)
    finally:
        for s in held:
            s.close()
        cm.stop(p)


# ------------------------------------------------------------------ gearmand

FUNCS = ["resize", "thumbnail", "ocr", "manifest.print", "manifest.pdf", "customs.file", "invoice.render",
         "invoice.mail", "eta.predict", "berth.plan", "crane.sequence", "reefer.report", "tally.close",
         "rail.slot", "gate.photo"]


def gear_packet(kind: int, *args: str) -> bytes:
    data = b"\0".join(a.encode() for a in args)
    return b"\0REQ" + struct.pack(">II", kind, len(data)) + data


def gearman_fill(port: int, seed: int) -> None:
    rnd = random.Random(seed)
    s = socket.create_connection(("127.0.0.1", port))
    funcs = [f"{f}.{y}" for f in FUNCS for y in ("north", "south", "east", "west", "quay", "inland", "rail",
                                                   "gate", "berth1", "berth2", "berth3", "berth4", "reefer",
                                                   "customs", "depot2", "barge", "feeder", "hub", "yard9", "annex")]
    for k, fn in enumerate(funcs):
        for j in range(rnd.choice([0, 0, 0, 1, 2, 4, 8])):
            s.sendall(gear_packet(18, fn, f"{fn}-{j}", f"job {j} for {fn}"))  # SUBMIT_JOB_BG
            s.recv(4096)
    s.close()


def gearman_steps(tmp: Path) -> None:
    d = tmp / "depot" / "gearmand"
    d.mkdir(parents=True, exist_ok=True)
    port = free_port()
    p = cm.start(["gearmand", "-L", "127.0.0.1", "-p", str(port), "--log-file", str(d / "gearmand.log"),
                  "--verbose", "INFO", "--threads", "1"], cwd=d)
    workers = []
    try:
        if not wait_port(port, 10):
            raise RuntimeError("gearmand did not start")
        gearman_fill(port, 1114)
        g = f"-h 127.0.0.1 -p {port}"
        for fn, cmd in (("resize.north", "cat"), ("ocr.quay", "false"), ("manifest.print.north", "sh -c 'exit 3'"),
                        ("invoice.render.south", "cat"), ("eta.predict.rail", "sleep 600"),
                        ("berth.plan.quay", "sleep 600")):
            workers.append(cm.start(f"gearman {g} -w -f {fn} -f {fn}.retry -- {cmd}", cwd=d))
        workers.append(cm.start(f"gearman {g} -w -c 3 -f tally.close.gate -- cat", cwd=d))
        time.sleep(4)
        # a worker killed while it holds a job
        cm.stop(workers[4])
        run(f"gearman {g} -f customs.file.north -t 500 'x'; gearman -h 127.0.0.1 -p 1 -f ocr.quay x", cwd=d)
        time.sleep(2)
        cap("gearman-status", f"gearadmin {g} --status", d, n_gearadmin)
        cap("gearman-status-sort-head", f"gearadmin {g} --status | sort -k2 -n -r | head -n 40", d, n_gearadmin)
        cap("gearman-workers-status-echo", f"gearadmin {g} --workers; gearadmin {g} --status | awk '$2 > 0'; "
            "echo EXIT=$?", d, n_gearadmin)
    finally:
        for w in workers:
            cm.stop(w)
        time.sleep(1)
        cm.stop(p)
    cap("gearman-log", "cat gearmand.log", d, n_gearmand_log)
    cap("gearman-log-grep-v-tail", "grep -v accepted, gearmand.log | tail -n 80; echo EXIT=$?", d,
        n_gearmand_log)


STEPS = [nats_steps, beanstalk_steps, gearman_steps]
