"""Round 111's RabbitMQ on loopback, and the extractors of its kinds (NEEDLES.md, "Round 111"): the `depot` freight
yard's broker (a vhost of manifest, customs and crane queues filled by a seeded publisher, consumers that stay, one
that acks a tag it never got, one that drops its socket, a client with a wrong password, a publish to an exchange that
is not there, a queue redeclared with other arguments), then memory and disk alarms set by lowering the limits, read
through rabbitmqctl's listings and report, rabbitmq-diagnostics status, rabbitmq-plugins list and the node's log. Run
through capture_wide111.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4, wait_port
from capture_wide111 import EXIT_RE, cap, exit_lines

ERR_LINE = re.compile(r"^(Error|error)\b|^Error:|\berror:", re.I)


def client_errors(lines):
    """Rule 1: the client's own `Error:` lines."""
    return [ln for ln in lines if ERR_LINE.search(ln.strip()) and not EXIT_RE.match(ln.strip())]


# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)


def _table(lines):
    """The tab-separated table rabbitmqctl prints: (header line, [(line, {col: value})])."""
    header, rows, cols = None, [], []
    for ln in lines:
        if "\t" not in ln:
            if header is not None and rows and ln.strip() and not ln.startswith(" "):
                pass
            continue
        f = ln.split("\t")
        if header is None:
            header, cols = ln, [c.strip() for c in f]
            continue
        rows.append((ln, {c: (f[k].strip() if k < len(f) else "") for k, c in enumerate(cols)}))
    return header, rows, cols


def _isnum(v: str) -> bool:
    return bool(re.fullmatch(r"-?\d+(\.\d+)?", v or ""))


@cm.kind("rabbitmqctl-list-queues", "table")
def n_list_queues(lines):
    """Rules 4+5: the column header row; every queue row whose consumers are 0 while its messages are not; each numeric column's minimum and maximum rows; Error: lines and EXIT=N."""
    header, rows, cols = _table(lines)
    out = [header] if header else []
    for ln, r in rows:
        m, c = r.get("messages", ""), r.get("consumers", "")
        if _isnum(m) and _isnum(c) and int(c) == 0 and int(m) > 0:
            out.append(ln)
    nums = [c for c in cols[1:] if rows and all(_isnum(r[c]) for _, r in rows)]
    return out + rule4(rows, nums=nums) + client_errors(lines) + exit_lines(lines)


@cm.kind("rabbitmqctl-list", "table")
def n_list(lines):
    """Rules 4+5: the column header row; rule 4 over every other column (a categorical value in at most 2 rows, each numeric column's extremes); for list_users every user row; Error: lines and EXIT=N."""
    header, rows, cols = _table(lines)
    out = [header] if header else []
    if cols[:2] == ["user", "tags"]:
        out += [ln for ln, _ in rows]
    nums = [c for c in cols[1:] if rows and all(_isnum(r[c]) for _, r in rows)]
    cats = [c for c in cols[1:] if c not in nums]
    return out + rule4(rows, cat=cats, nums=nums) + client_errors(lines) + exit_lines(lines)


def _section(lines, title: str) -> list[str]:
    """The lines under a status section's title (`Alarms`, `Listeners`), up to the next title."""
    out, inside = [], False
    for ln in lines:
        s = ln.strip()
        if s == title:
            inside = True
            continue
        if inside:
            if re.match(r"^[A-Z][A-Za-z ]+$", s) and not s.startswith("("):
                break
            if s:
                out.append(ln)
    return out


@cm.kind("rabbitmq-diagnostics-status", "log")
def n_status(lines):
    """Rule 5: the Status of node line, the RabbitMQ version: and Erlang configuration: lines, every line under Alarms and under Listeners, the Total memory used / Memory high watermark setting, Free bytes / Low free disk space watermark lines, the Total / Limit lines under File Descriptors; Error: lines and EXIT=N."""
    keys = re.compile(r"^(Status of node |RabbitMQ version:|Erlang configuration:|Total memory used:|"
                      r"Memory high watermark setting:|Free bytes:|Low free disk space watermark:)")
    out = [ln for ln in lines if keys.match(ln.strip())]
    out += _section(lines, "Alarms") + _section(lines, "Listeners")
    out += [ln for ln in _section(lines, "File Descriptors") if re.match(r"^(Total|Limit):", ln.strip())]
    return out + client_errors(lines) + exit_lines(lines)


@cm.kind("rabbitmqctl-report", "log")
def n_report(lines):
    """Rule 5: every section header line (Status of node, Listing ... for vhost ..., Reporting server status, Cluster status of node), the RabbitMQ version: line, every line under Alarms, and in the queues sections every row whose consumers are 0 while its messages are not; Error: lines and EXIT=N."""
    out = [ln for ln in lines if re.match(r"^(Status of node |Listing .* \.\.\.$|Reporting server status|"
                                          r"Cluster status of node |RabbitMQ version:)", ln.strip())]
    out += _section(lines, "Alarms")
    cols, inq = [], False
    for ln in lines:
        if re.match(r"^Listing queues for vhost ", ln.strip()):
            inq, cols = True, []
            continue
        if inq:
            if "\t" not in ln:
                if cols:
                    inq = False
                continue
            f = [x.strip() for x in ln.split("\t")]
            if not cols:
                cols = f
                continue
            r = dict(zip(cols, f))
            m, c = r.get("messages", ""), r.get("consumers", "")
            if _isnum(m) and _isnum(c) and int(c) == 0 and int(m) > 0:
                out.append(ln)
    return out + client_errors(lines) + exit_lines(lines)


@cm.kind("rabbitmq-log", "log")
def n_rabbit_log(lines):
    """Rules 1+5: every [error] line, each crash report's reason: / ** Reason for termination line, every closing AMQP connection line naming an error, [warning] lines one {any} per message shape, the Server startup complete line; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        if "[error]" in ln or re.search(r"\breason: |\*\* Reason for termination", ln):
            out.append(ln)
        elif "closing AMQP connection" in ln and re.search(r"\(.* - .*\)|error|exception", ln, re.I):
            out.append(ln)
        elif "[warning]" in ln:
            msg = re.sub(r"^.*?\[warning\]\s+<[^>]*>\s*", "", ln)
            warns.append((cm.mask(msg), ln))
        elif "Server startup complete" in ln:
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("rabbitmq-plugins-list", "listing")
def n_plugins(lines):
    """Rule 5: the legend line ( Configured: E = explicitly enabled; ...), every plugin row marked enabled ([E*] / [e*]); Error: lines and EXIT=N."""
    return [ln for ln in lines if re.match(r"^\s*Configured: E = ", ln) or re.match(r"^\s*\[[Ee]\*?\]", ln)] + \
        client_errors(lines) + exit_lines(lines)


# ------------------------------------------------------------------ the broker and its clients

KINDS = ["manifests", "customs", "cranes", "reefer", "gate", "rail", "billing", "tally", "hazmat", "berth"]
YARDS = ["north", "south", "east", "west", "inland", "quay"]

CLIENT = r'''
import random, socket, sys, threading, time
import pika

port, vhost, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rnd = random.Random(seed)
KINDS = %r
YARDS = %r
cred = pika.PlainCredentials("depot-app", "s3cret")
params = pika.ConnectionParameters("127.0.0.1", port, vhost, cred, client_properties={"connection_name": "publisher"})
conn = pika.BlockingConnection(params)
ch = conn.channel()
exchanges = []
for k in KINDS:
    ex = f"depot.{k}"
    ch.exchange_declare(ex, rnd.choice(["topic", "topic", "direct", "fanout"]), durable=True)
    exchanges.append(ex)
ch.exchange_declare("depot.dlx", "fanout", durable=True)
queues = []
for i in range(int(sys.argv[4])):
    k, y = KINDS[i %% len(KINDS)], rnd.choice(YARDS)
    q = f"{k}.{y}.{i:03d}"
    args = {"x-dead-letter-exchange": "depot.dlx"} if i %% 7 == 0 else {}
    if i %% 23 == 5:
        args["x-max-length"] = 50
    ch.queue_declare(q, durable=(i %% 5 != 0), arguments=args)
    ch.queue_bind(q, f"depot.{k}", routing_key=f"{k}.{y}.#")
    queues.append(q)
ch.queue_declare("dead.letters", durable=True)
ch.queue_bind("dead.letters", "depot.dlx")
for q in queues:
    r = rnd.random()
    n = 0 if r < 0.3 else rnd.randint(1, 40) if r < 0.85 else rnd.randint(200, 900)
    for j in range(n):
        ch.basic_publish("", q, f"manifest {q} #{j} container MSKU{rnd.randint(1000000, 9999999)}".encode())
print("published", flush=True)

# consumers that stay (prefetch 10, never ack: the messages sit unacked)
stay = []
for q in rnd.sample(queues, len(queues) // 4):
    c = pika.BlockingConnection(pika.ConnectionParameters("127.0.0.1", port, vhost, cred,
                                client_properties={"connection_name": f"worker-{q}"}))
    cc = c.channel()
    cc.basic_qos(prefetch_count=10)
    cc.basic_consume(q, lambda *a: None)
    stay.append(c)
for c in stay:
    c.process_data_events(0.2)

# a consumer that acks a delivery tag it never got (channel error), one that redeclares a queue with other
# arguments, one that publishes to an exchange that is not there, one that drops its socket mid-stream
def bad(kind):
    c = pika.BlockingConnection(pika.ConnectionParameters("127.0.0.1", port, vhost, cred,
                                client_properties={"connection_name": f"bad-{kind}"}))
    cc = c.channel()
    try:
        if kind == "ack":
            cc.basic_ack(delivery_tag=4242)
            c.process_data_events(0.5)
            cc.basic_get(queues[1])
        elif kind == "redeclare":
            cc.queue_declare(queues[7], durable=True, arguments={"x-message-ttl": 60000})
        elif kind == "noexchange":
            cc.basic_publish("depot.customs-legacy", "customs.north", b"x")
            c.process_data_events(0.5)
            cc.basic_publish("depot.customs-legacy", "customs.north", b"x")
        elif kind == "crash":
            cc.basic_consume(queues[3], lambda *a: 1 / 0)
            c.process_data_events(1)
    except Exception as e:
        print("client", kind, type(e).__name__, e, flush=True)
    if kind == "crash":
        try:
            c._impl._transport._sock.shutdown(socket.SHUT_RDWR)
        except Exception as e:
            print("client crash", type(e).__name__, e, flush=True)
for kind in ("ack", "redeclare", "noexchange", "crash", "ack"):
    try:
        bad(kind)
    except Exception as e:
        print("client", kind, type(e).__name__, e, flush=True)

# a client with the wrong password, three times
for k in range(3):
    try:
        pika.BlockingConnection(pika.ConnectionParameters("127.0.0.1", port, vhost,
                                pika.PlainCredentials("gate-scanner", "wrong"), connection_attempts=1))
    except Exception as e:
        print("auth", type(e).__name__, flush=True)
# a client that opens a socket and sends garbage
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"GET / HTTP/1.1\r\nHost: depot\r\n\r\n")
time.sleep(0.5)
s.close()
# one consumer dies without closing: its socket is shut under it
c = pika.BlockingConnection(pika.ConnectionParameters("127.0.0.1", port, vhost, cred,
                            client_properties={"connection_name": "crane-telemetry"}))
cc = c.channel()
cc.basic_consume(queues[2], lambda *a: None)
c.process_data_events(0.5)
try:
    c._impl._transport._sock.shutdown(socket.SHUT_RDWR)
except Exception as e:
    print("client telemetry", type(e).__name__, e, flush=True)
print("ready", flush=True)
while True:
    for c in stay:
        try:
            c.process_data_events(1)
        except Exception:
            pass
    time.sleep(1)
'''


def amqp_steps(tmp: Path) -> None:
    d = tmp / "depot" / "rabbitmq"
    d.mkdir(parents=True, exist_ok=True)
    venv = tmp / "pika-venv"
    cm.install_venv(venv, "pika-installed", ["pika"])
    run(f"test -x {venv}/bin/python && {venv}/bin/python -c 'import pika' && touch {venv}/bin/pika-installed")
    port, dist = free_port(), free_port()
    node = "depot@localhost"
    (d / "enabled_plugins").write_text("[rabbitmq_shovel,rabbitmq_consistent_hash_exchange].\n")
    (d / "rabbitmq.conf").write_text(f"listeners.tcp.1 = 127.0.0.1:{port}\nlog.file.level = info\nlog.console = false\n"
                                     "vm_memory_high_watermark.relative = 0.4\nloopback_users.guest = true\n")
    env = {"RABBITMQ_NODENAME": node, "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1", "RABBITMQ_NODE_PORT": str(port),
           "RABBITMQ_DIST_PORT": str(dist), "RABBITMQ_MNESIA_BASE": str(d / "mnesia"),
           "RABBITMQ_LOG_BASE": str(d / "log"), "ERL_EPMD_ADDRESS": "127.0.0.1",
           "RABBITMQ_ENABLED_PLUGINS_FILE": str(d / "enabled_plugins"), "RABBITMQ_CONFIG_FILE": str(d / "rabbitmq"),
           "RABBITMQ_PID_FILE": str(d / "rabbit.pid"), "RABBITMQ_LOGS": str(d / "log" / "depot.log"),
           "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS": "-kernel inet_dist_use_interface {127,0,0,1}",
           "HOME": "/root", "PATH": "/usr/lib/rabbitmq/bin:" + cm.BASE_ENV.get("PATH", "")}
    p = cm.start(["nice", "/usr/lib/rabbitmq/bin/rabbitmq-server"], cwd=d, log=open(d / "server.out", "wb"), env=env)
    client = None
    try:
        out = run(f"rabbitmqctl -n {node} await_startup --timeout 120", cwd=d, env=env, timeout=150)
        if not wait_port(port, 10):
            raise RuntimeError("rabbitmq did not start: " + out[-300:] + (d / "server.out").read_text()[-400:])
        ctl = f"rabbitmqctl -n {node}"
        run(f"{ctl} add_vhost /depot && {ctl} add_user depot-app s3cret && {ctl} set_permissions -p /depot depot-app "
            f"'.*' '.*' '.*' && {ctl} set_user_tags depot-app monitoring && {ctl} add_user gate-scanner right && "
            f"{ctl} set_permissions -p /depot gate-scanner '^gate\\..*' '^gate\\..*' '^gate\\..*' && "
            f"{ctl} add_user ops-admin ops && {ctl} set_user_tags ops-admin administrator && "
            f"{ctl} add_user billing-ro ro && {ctl} set_permissions -p /depot billing-ro '' '' '^billing\\..*' && "
            f"{ctl} add_vhost /depot-archive", cwd=d, env=env, timeout=200)
        (d / "client.py").write_text(CLIENT % (KINDS, YARDS))
        client = cm.start([str(venv / "bin" / "python"), "client.py", str(port), "/depot", "1111", "150"], cwd=d,
                          log=open(d / "client.out", "wb"))
        for _ in range(240):
            time.sleep(1)
            if "ready" in (d / "client.out").read_text(errors="replace") or client.poll() is not None:
                break
        time.sleep(3)
        def c(*a, **k):
            cap(*a, env=env, **k)
        cmd = "rabbitmqctl"  # as typed: the node name and the vhost on the command line
        c("rabbitmq-list-queues-depot", f"{cmd} -n {node} list_queues -p /depot name messages consumers", d,
            n_list_queues)
        c("rabbitmq-list-queues-sorted-head", f"{cmd} -n {node} list_queues -p /depot name messages consumers | "
            "sort -k2 -n -r | head -n 40", d, n_list_queues)
        c("rabbitmq-list-queues-wide", f"{cmd} -n {node} list_queues -p /depot name durable messages_ready "
            "messages_unacknowledged consumers memory 2>&1", d, n_list_queues)
        c("rabbitmq-list-queues-missing-vhost", f"{cmd} -n {node} list_queues -p /depot name messages consumers | "
            f"head -n 30; {cmd} -n {node} list_queues -p /depot-old name messages consumers; echo EXIT=$?; "
            f"{cmd} -n {node} list_queues -p /depot-archive name messages consumers; echo EXIT=$?", d, n_list_queues)
        c("rabbitmq-list-queues-awk-idle", f"{cmd} -n {node} list_queues -p /depot name messages consumers | "
            "awk 'NR <= 3 || ($3 == 0 && $2 > 0)'", d, n_list_queues)
        c("rabbitmq-list-exchanges", f"{cmd} -n {node} list_exchanges -p /depot name type durable auto_delete", d, n_list)
        c("rabbitmq-list-bindings", f"{cmd} -n {node} list_bindings -p /depot source_name source_kind destination_name "
            "destination_kind routing_key", d, n_list)
        c("rabbitmq-list-connections", f"{cmd} -n {node} list_connections name user vhost state channels recv_oct "
            "send_oct client_properties", d, n_list)
        c("rabbitmq-list-consumers", f"{cmd} -n {node} list_consumers -p /depot queue_name channel_pid consumer_tag "
            "ack_required prefetch_count active arguments", d, n_list)
        c("rabbitmq-list-users-perms", f"{cmd} -n {node} list_users; {cmd} -n {node} list_permissions -p /depot; "
            f"{cmd} -n {node} list_permissions -p /depot-archive; {cmd} -n {node} list_user_permissions gate-scanner; "
            f"{cmd} -n {node} list_user_permissions yard-bot; echo EXIT=$?", d, n_list)
        c("rabbitmq-plugins-list-v", f"rabbitmq-plugins -n {node} list -v", d, n_plugins)
        c("rabbitmq-plugins-list-enabled-echo", f"rabbitmq-plugins -n {node} list -v -e; echo EXIT=$?", d, n_plugins)
        c("rabbitmq-diagnostics-status", f"rabbitmq-diagnostics -n {node} status", d, n_status)
        run(f"{ctl} set_vm_memory_high_watermark 0.0005 && {ctl} set_disk_free_limit 900GB", cwd=d, env=env)
        time.sleep(4)
        c("rabbitmq-diagnostics-status-alarms-tail", f"rabbitmq-diagnostics -n {node} status 2>&1 | tail -n 80", d,
            n_status)
        c("rabbitmq-report", f"rabbitmqctl -n {node} report", d, n_report, timeout=300)
        c("rabbitmq-report-grep-listing", f"rabbitmqctl -n {node} report 2>&1 | grep -v -E '^\\s*$' | head -n 400", d,
            n_report, timeout=300)
        log = d / "log" / "depot.log"
        run(f"cp {log} {d}/depot.log")
        c("rabbitmq-log", "cat depot.log", d, n_rabbit_log)
        c("rabbitmq-log-grep-error", "grep -i -E 'error|warning|crash|reason' depot.log | head -n 200; echo EXIT=$?", d,
            n_rabbit_log)
        c("rabbitmq-log-tail", "tail -n 80 depot.log", d, n_rabbit_log)
    finally:
        if client:
            cm.stop(client)
        run(f"rabbitmqctl -n {node} stop", cwd=d, env=env, timeout=120)
        cm.stop(p)


STEPS = [amqp_steps]
