"""Round 79's MQTT broker, resolvers, caching proxy and packet capture on loopback, and the extractors of their kinds
(NEEDLES.md, "Round 79"): the `meteo` stations publish readings to mosquitto (some with wrong passwords), resolve
names through Unbound and dnsmasq (station names served locally, everything else forwarded to a resolver that is
down), fetch through Squid (some sites blocked, one origin down), and a pcap taken on loopback during that traffic is
read back with tshark; nstat reads the kernel's counters. Run through capture_wide79.py."""

from __future__ import annotations

import random
import re
import time
import urllib.request
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4, wait_port
from capture_wide79 import cap
from capture_wide79_web import INGEST, _json_line, _status, stations

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

MOSQ_BAD = re.compile(r"not authori[sz]ed|refused|Socket error|[Pp]rotocol error|exceeded timeout|Error|error", re.I)


@cm.kind("mosquitto-log", "log")
def n_mosq_log(lines):
    """Rules 1+4+5: the 'mosquitto version ... starting' and 'Opening ... listen socket' lines; every refused / not authorised / socket error / protocol error / timeout / Error line alone; rule 4 on 'New client connected' lines by client id prefix; the last line."""
    out, rows = [], []
    for ln in lines:
        if re.search(r"mosquitto version .* starting|Opening \S+ listen socket", ln) or MOSQ_BAD.search(ln):
            out.append(ln)
        m = re.search(r"New client connected from \S+ as (\S+)", ln)
        if m:
            cid = m.group(1)
            rows.append((ln, {"prefix": cid.rsplit("-", 1)[0] if "-" in cid else cid}))
    out += rule4(rows, cat=("prefix",))
    body = [ln for ln in lines if ln.strip()]
    return out + body[-1:] + _status(lines)


@cm.kind("mosquitto-sub-v", "log")
def n_mosq_sub(lines):
    """Rules 4+5: the first and last message line; rule 4 on the topic's parent; every message whose payload holds error, fault, alarm, fail or offline; client Error: / Connection error lines."""
    msgs = [ln for ln in lines if re.match(r"^[\w$][\w/+#.-]*\s", ln) and "/" in ln.split(" ", 1)[0]]
    out = [msgs[0], msgs[-1]] if msgs else []
    rows = [(ln, {"parent": ln.split(" ", 1)[0].rsplit("/", 1)[0]}) for ln in msgs]
    out += rule4(rows, cat=("parent",))
    for ln in msgs:
        payload = ln.split(" ", 1)[1] if " " in ln else ""
        if re.search(r"error|fault|alarm|fail|offline", payload, re.I):
            out.append(ln)
    out += [ln for ln in lines if re.search(r"Error:|Connection error", ln)]
    return out + _status(lines)


@cm.kind("unbound-checkconf", "lint")
def n_unbound_checkconf(lines):
    """Rule 5: every line holding error, fatal, syntax or not found alone, and the 'no errors in' verdict."""
    return [ln for ln in lines if re.search(r"error|fatal|syntax|not found|no errors in", ln, re.I)] + _status(lines)


@cm.kind("unbound-log", "log")
def n_unbound_log(lines):
    """Rules 1+4+5: every error: line alone, warning:/notice: one {any} per shape; rule 4 on reply: lines (rcode, qtype; time); query/reply lines of a name seen once that answered other than NOERROR."""
    out, warn, rows = [], [], []
    names: dict = {}
    for ln in lines:
        if re.search(r"\berror:", ln):
            out.append(ln)
        elif re.search(r"\b(warning|notice):", ln):
            warn.append((cm.mask(re.sub(r"^.*?\b(warning|notice):", r"\1:", ln)), ln))
        # Unbound 1.17's query and reply lines: `info: <client> <name> <type> IN [<rcode> <time> <cached> <size>]`
        m = re.search(r"\b(?:reply: |info: )\S+ (\S+) (\S+) IN (\S+) ([\d.]+) \d+ \d+\s*$", ln)
        if m:
            rows.append((ln, {"rcode": m.group(3), "qtype": m.group(2), "time": m.group(4)}))
            names.setdefault(m.group(1), []).append(ln)
        elif re.search(r"\b(?:query: |info: )\S+ (\S+) \S+ IN\s*$", ln):
            names.setdefault(re.search(r"\b(?:query: |info: )\S+ (\S+) ", ln).group(1), []).append(ln)
    out += rule4(rows, cat=("rcode", "qtype"), nums=("time",))
    for name, lns in names.items():
        reps = [ln for ln in lns if re.search(r" IN \S+ [\d.]+ \d+ \d+\s*$", ln)]
        if len(reps) == 1 and not re.search(r" IN NOERROR ", reps[0]):
            out += lns
    return out + cm.groups(warn) + _status(lines)


@cm.kind("dnsmasq-log", "log")
def n_dnsmasq_log(lines):
    """Rules 1+4+5: the 'started, version' line, every failed / error / refused / REFUSED / SERVFAIL line alone; rule 4 on query[TYPE] lines by type; NXDOMAIN lines one {any} per name."""
    out, rows, nx = [], [], []
    for ln in lines:
        if re.search(r"started, version|failed|error|refused|SERVFAIL", ln, re.I):
            out.append(ln)
        m = re.search(r"query\[(\w+)\] (\S+)", ln)
        if m:
            rows.append((ln, {"type": m.group(1)}))
        m = re.search(r" (\S+) is NXDOMAIN", ln)
        if m:
            nx.append((m.group(1), ln))
    return out + rule4(rows, cat=("type",)) + cm.groups(nx) + _status(lines)


def _squid_conf_needles(lines):
    out, warn = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\b(ERROR|FATAL)\b|assertion failed", ln):
            out.append(ln)
            for back in range(i - 1, max(-1, i - 7), -1):
                if "Processing: " in lines[back]:
                    out.append(lines[back])
                    break
        elif "WARNING" in ln:
            warn.append((cm.mask(ln.split("|", 1)[-1]), ln))
    return out, warn


@cm.kind("squid-parse", "lint")
def n_squid_parse(lines):
    """Rules 1+5: every ERROR / FATAL line alone with the 'Processing:' line just before it; WARNING lines one {any} per shape; the last line."""
    out, warn = _squid_conf_needles(lines)
    body = [ln for ln in lines if ln.strip()]
    return out + cm.groups(warn) + body[-1:] + _status(lines)


@cm.kind("squid-cache-log", "log")
def n_squid_cache(lines):
    """Rules 1+5: every ERROR / FATAL / assertion failed line alone, WARNING one {any} per shape, 'Starting Squid Cache version' and 'Accepting HTTP' lines."""
    out, warn = _squid_conf_needles(lines)
    out += [ln for ln in lines if re.search(r"Starting Squid Cache version|Accepting HTTP|Ready to serve requests", ln)]
    return out + cm.groups(warn) + _status(lines)


@cm.kind("squid-access-log", "log")
def n_squid_access(lines):
    """Rules 4+5: rule 4 on rows (categorical result code, method, hierarchy; numeric elapsed, bytes); 5xx / 000 / DENIED / ERROR / ABORTED rows one {any} per (code, host)."""
    rows, bad = [], []
    for ln in lines:
        f = ln.split()
        if len(f) >= 9 and re.match(r"^\d+\.\d+$", f[0]) and "/" in f[3]:
            code, status = f[3].split("/", 1)
            host = re.sub(r"^\w+://", "", f[6]).split("/", 1)[0]
            rows.append((ln, {"code": f[3], "method": f[5], "hier": f[8].split("/")[0], "elapsed": f[1],
                              "bytes": f[4]}))
            if re.match(r"^(5\d\d|000)$", status) or re.search(r"DENIED|ERROR|ABORTED", code):
                bad.append(((f[3], host), ln))
    return rule4(rows, cat=("code", "method", "hier"), nums=("elapsed", "bytes")) + cm.groups(bad) + _status(lines)


PKT = re.compile(r"^\s*(\d+)\s+[\d.]+\s+(\S+)\s+(?:→|->)\s+(\S+)\s+(\S+)\s+(\d+)\s")


@cm.kind("tshark-summary", "table")
def n_tshark_summary(lines):
    """Rules 4+5: first and last packet line; rule 4 on packet lines (protocol; frame length); RST / Retransmission / Dup ACK / Malformed / unreachable / Zero window / HTTP >= 400 lines alone."""
    pk = [(ln, PKT.match(ln)) for ln in lines]
    pk = [(ln, m) for ln, m in pk if m]
    out = [pk[0][0], pk[-1][0]] if pk else []
    out += rule4([(ln, {"proto": m.group(4), "len": m.group(5)}) for ln, m in pk], cat=("proto",), nums=("len",))
    for ln, _ in pk:
        if re.search(r"RST|Retransmission|Dup ACK|Malformed|unreachable|Zero ?window|HTTP/1\.[01] [45]\d\d", ln, re.I):
            out.append(ln)
    return out + _status(lines)


@cm.kind("tshark-verbose", "table")
def n_tshark_verbose(lines):
    """Rule 5: every 'Frame N:' line; every HTTP request line and response status line; every Expert Info (Warning / (Error line alone; TCP flag summaries holding RST."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^Frame \d+:", s) or re.match(r"^(GET|POST|PUT|DELETE|HEAD) \S+ HTTP/1\.[01]\\r\\n", s) or \
                re.match(r"^HTTP/1\.[01] \d{3}", s) or re.search(r"\[Expert Info \((Warning|Error)", s) or \
                (re.match(r"^\[TCP Flags: ", s) and "R" in s.split(":", 1)[1].replace("Reserved", "")):
            out.append(ln)
    return out + _status(lines)


def _stat_rows(lines):
    rows = []
    for ln in lines:
        nums = re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", ln.replace("<>", " "))
        if ln.startswith("|") and re.search(r"\d+\.?\d*\s*<>\s*\d", ln):
            rows.append((ln, nums))
    return rows


@cm.kind("tshark-io-stat", "table")
def n_tshark_io(lines):
    """Rules 4+5: the Duration: and Interval: lines, the column header row, the min and max rows by frames and bytes."""
    out = [ln for ln in lines if re.search(r"Duration:|Interval:", ln)]
    out += [ln for ln in lines if re.search(r"\|\s*Interval\s*\|", ln) or re.search(r"Frames\s*\|\s*Bytes", ln)]
    rows = []
    for ln in lines:
        m = re.match(r"^\|\s*[\d.]+\s*<>\s*(?:[\d.]+|Dur)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|", ln)
        if m:
            rows.append((ln, {"frames": m.group(1), "bytes": m.group(2)}))
    return out + rule4(rows, nums=("frames", "bytes")) + _status(lines)


@cm.kind("tshark-conv", "table")
def n_tshark_conv(lines):
    """Rules 4+5: the title line, the header row(s), the first data row, min and max rows by total frames and bytes."""
    out = [ln for ln in lines if re.search(r"(TCP|UDP|IPv4) Conversations", ln)]
    out += [ln for ln in lines if re.search(r"\|\s+<-\s+\|\|\s+->|Frames\s+Bytes", ln)]
    rows = []
    for ln in lines:
        m = re.match(r"^\S+\s+<->\s+\S+\s+(\d+)\s+(\d+\s*\w*)\s+(\d+)\s+(\d+\s*\w*)\s+(\d+)\s+(\d+)\s*(\w*)", ln)
        if m:
            mult = {"": 1, "bytes": 1, "kB": 1000, "MB": 1_000_000}.get(m.group(7), 1)
            rows.append((ln, {"frames": m.group(5), "bytes": str(int(m.group(6)) * mult)}))
    if rows:
        out.append(rows[0][0])
    return out + rule4(rows, nums=("frames", "bytes")) + _status(lines)


@cm.kind("nstat", "table")
def n_nstat(lines):
    """Rule 5: the #kernel line and every counter whose name holds Err, Fail, Drop, Retrans, Overflow, Reset, Timeout, Abort or Refused with a non-zero value."""
    out = [ln for ln in lines if ln.startswith("#kernel")]
    for ln in lines:
        f = ln.split()
        if len(f) >= 2 and re.search(r"Err|Fail|Drop|Retrans|Overflow|Reset|Timeout|Abort|Refused", f[0]) and \
                f[1].isdigit() and int(f[1]) > 0:
            out.append(ln)
    return out + _status(lines)


# ------------------------------------------------------------------ mosquitto

PUBGEN = r'''
import random, sys, time
rnd = random.Random(sys.argv[1]); n = int(sys.argv[2]); kind = sys.argv[3]
for i in range(n):
    if kind == "temp":
        print(f"{rnd.uniform(-8, 31):.1f}")
    elif kind == "humidity":
        print(f"{rnd.randint(30, 99)}")
    else:
        print(rnd.choice(["online"] * 14 + ["offline: uplink lost", "error: wind sensor fault E42"]))
    sys.stdout.flush(); time.sleep(float(sys.argv[4]))
'''


def _mqtt_connect(cid: str, user: str, pw: str, keepalive: int) -> bytes:
    def s(x: str) -> bytes:
        return len(x).to_bytes(2, "big") + x.encode()
    rest = s("MQTT") + bytes([4, 0xC2]) + keepalive.to_bytes(2, "big") + s(cid) + s(user) + s(pw)
    return bytes([0x10, len(rest)]) + rest


def raw_clients(port: int) -> None:
    """Clients the log should name: one that goes silent past its keepalive, one that sends garbage, a logger
    retrying with last year's password."""
    import socket
    import threading

    def silent():
        with socket.create_connection(("127.0.0.1", port)) as c:
            c.sendall(_mqtt_connect("wx-faro07uplink", "station", "st-pass-2026", 2))
            time.sleep(5)

    def garbage():
        with socket.create_connection(("127.0.0.1", port)) as c:
            c.sendall(b"GET /metrics HTTP/1.1\r\nHost: mqtt.meteo.test\r\n\r\n")
            time.sleep(0.5)

    def retry():
        for _ in range(4):
            with socket.create_connection(("127.0.0.1", port)) as c:
                c.sendall(_mqtt_connect("datalogger-lyon", "station", "st-pass-2025", 30))
                time.sleep(0.3)
            time.sleep(0.7)
    for fn in (silent, garbage, retry):
        threading.Thread(target=fn, daemon=True).start()


def mosquitto_steps(tmp: Path) -> None:
    d = tmp / "meteo" / "mosquitto"
    d.mkdir(parents=True, exist_ok=True)
    port = free_port()
    run("mosquitto_passwd -b -c passwd station st-pass-2026 && mosquitto_passwd -b passwd ops ops-pass-2026 && "
        "chmod 644 passwd", cwd=d)
    (d / "acl").write_text("user station\ntopic write meteo/#\nuser ops\ntopic read meteo/#\ntopic read $SYS/#\n")
    (d / "mosquitto.conf").write_text(
        f"listener {port} 127.0.0.1\nallow_anonymous false\npassword_file {d}/passwd\nacl_file {d}/acl\n"
        f"log_dest file {d}/mosquitto.log\nlog_type all\nconnection_messages true\n"
        "log_timestamp_format %Y-%m-%dT%H:%M:%S\npersistence false\nmax_keepalive 60\n")
    run(f"chmod 755 {d} && touch mosquitto.log && chmod 666 mosquitto.log", cwd=d)
    p = cm.start(["mosquitto", "-c", "mosquitto.conf"], cwd=d)
    if not wait_port(port, 10):
        raise RuntimeError("mosquitto did not start")
    (d / "pubgen.py").write_text(PUBGEN)
    auth = f"-h 127.0.0.1 -p {port}"
    sts = stations(7930, 18)
    pubs = []
    for k, st in enumerate(sts):
        for kind, n, gap in (("temp", 40, 0.15), ("humidity", 20, 0.3), ("status", 14, 1.0)):
            pw = "st-pass-2026" if (k, kind) not in ((5, "humidity"), (11, "temp")) else "st-pass-2025"
            pubs.append(cm.start(f"python3 pubgen.py {k}{kind} {n} {kind} {gap} | mosquitto_pub {auth} -u station "
                                 f"-P {pw} -i wx-{st.replace('-', '')}{kind} -l -t meteo/{st}/{kind}", cwd=d))
    cm.start(f"sleep 2; python3 pubgen.py gw 8 status 0.5 | mosquitto_pub {auth} -u station -P st-pass-2026 "
             f"-i gateway-north-1 -l -t meteo/gateway/north/status", cwd=d)
    cm.start(f"sleep 3; echo 'alarm: gust 31 m/s at tromso-03' | mosquitto_pub {auth} -u station -P st-pass-2026 "
             f"-i alarm-tromso-03 -l -t meteo/alarms/wind", cwd=d)
    cm.start(f"sleep 1; mosquitto_sub {auth} -u grafana -P nope -i grafana-bridge-1 -t 'meteo/#' -C 1", cwd=d)
    raw_clients(port)
    sub = f"mosquitto_sub {auth} -u ops -P ops-pass-2026"
    cap("mosquitto-sub-v-grep-i-error", f"{sub} -i ops-cli-2 -v -t 'meteo/#' -C 500 | grep -i -E 'error|offline|"
        f"alarm'; {sub.replace('ops-pass-2026', 'wrong')} -t 'meteo/#' -C 1; echo EXIT=$?", d, n_mosq_sub)
    cap("mosquitto-sub-v-meteo-all", f"{sub} -v -t 'meteo/#' -C 700 -W 20", d, n_mosq_sub)
    cap("mosquitto-sub-v-status-echo", f"{sub} -v -t 'meteo/+/status' -t 'meteo/alarms/#' -W 5; echo EXIT=$?", d,
        n_mosq_sub)
    for q in pubs:
        q.wait(timeout=30) if q.poll() is None else None
    time.sleep(1)
    cm.stop(p)
    cap("mosquitto-log-head-900", "head -n 900 mosquitto.log", d, n_mosq_log)
    cap("mosquitto-log-grep-v-publish", "grep -v -E 'PUBLISH|PUBACK|PINGREQ|PINGRESP' mosquitto.log", d, n_mosq_log)
    cap("mosquitto-log-grep-i-error", "grep -n -i -E 'error|refused|not authori' mosquitto.log; echo EXIT=$?", d,
        n_mosq_log)


# ------------------------------------------------------------------ Unbound and dnsmasq

UNBOUND_BAD = {
    "conf.d/10-base.conf": "server:\n  interface: 127.0.0.1\n  port: 5353\n  verbosity: 9x\n  do-ip6: maybe\n",
    "conf.d/20-cache.conf": "server:\n  msg-cache-size: 4q\n  rrset-cache-size: 64m\n  cache-max-ttl: forever\n"
                            "  num-threads: two\n",
    "conf.d/30-access.conf": "server:\n  access-control: 127.0.0.0/33 allow\n  access-control: 10.0.0.0/8 permit\n",
    "conf.d/40-local.conf": "server:\n  local-zone: \"meteo.test.\" static\n  local-data: \"oslo-01.meteo.test. A\"\n"
                            "  local-data: \"bergen-02.meteo.test. IN A 10.20.0.2\"\n  local-zone: \"ads.test.\" blackhole\n",
    "conf.d/50-forward.conf": "forward-zone:\n  name: \".\"\n  forward-addr: 127.0.0.1@5300\n  forward-tls-upstream: sure\n",
    "conf.d/60-ok.conf": "server:\n  interface: 127.0.0.1\n  port: 5353\n  use-syslog: no\n  chroot: \"\"\n"
                         "  username: \"\"\n  module-config: \"iterator\"\n",
    "conf.d/70-include.conf": "server:\n  include: \"/etc/unbound/meteo-zones.conf\"\n  tls-cert-bundle: /nonexistent/ca.pem\n",
}


def dns_queries(seed: int, n: int, sts: list[str]) -> str:
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        r = rnd.random()
        if r < 0.6:
            out.append(f"{rnd.choice(sts)}.meteo.test {rnd.choice(['A', 'A', 'A', 'AAAA', 'TXT'])}")
        elif r < 0.8:
            out.append(f"{rnd.choice(['ingest', 'mqtt', 'grafana', 'prom'])}.meteo.test A")
        elif r < 0.9:
            out.append(f"nosuch{rnd.randint(1, 9)}.meteo.test A")
        else:
            out.append(f"{rnd.choice(['tracker.ads.test', 'api.openweather.example'])} A")
        if k in (40, 133):
            out.append(f"{rnd.choice(['updates.firmware.example', 'ntp.pool.example'])} A")
    return "\n".join(out) + "\n"


def dns_steps(tmp: Path) -> None:
    d = tmp / "meteo" / "dns"
    (d / "conf.d").mkdir(parents=True, exist_ok=True)
    for rel, body in UNBOUND_BAD.items():
        (d / rel).write_text(body)
    cap("unbound-checkconf-loop-echo", "for f in conf.d/*.conf; do echo \"== $f\"; unbound-checkconf $f; done 2>&1; "
        "echo EXIT=$?", d, n_unbound_checkconf)
    sts = stations(7940, 40)
    uport, dead = free_port(), free_port()
    local = "".join(f'  local-data: "{st}.meteo.test. 300 IN A 10.20.{k // 200}.{k % 200 + 1}"\n'
                    for k, st in enumerate(sts))
    local += "".join(f'  local-data: "{n}.meteo.test. 300 IN A 10.20.9.{k + 1}"\n'
                     for k, n in enumerate(["ingest", "mqtt", "grafana", "prom"]))
    (d / "unbound.conf").write_text(
        f"server:\n  interface: 127.0.0.1\n  port: {uport}\n  do-ip6: no\n  do-daemonize: no\n  use-syslog: no\n"
        f"  chroot: \"\"\n  username: \"\"\n  pidfile: \"\"\n  directory: \"{d}\"\n  logfile: \"{d}/unbound.log\"\n"
        "  verbosity: 1\n  log-queries: yes\n  log-replies: yes\n  log-servfail: yes\n  module-config: \"iterator\"\n"
        "  access-control: 127.0.0.0/8 allow\n  local-zone: \"meteo.test.\" static\n"
        "  local-zone: \"ads.test.\" refuse\n" + local +
        f"remote-control:\n  control-enable: no\nforward-zone:\n  name: \".\"\n  forward-addr: 127.0.0.1@{dead}\n")
    p = cm.start(["unbound", "-d", "-c", "unbound.conf"], cwd=d)
    time.sleep(1.5)
    (d / "queries.txt").write_text(dns_queries(7941, 900, sts))
    run(f"dig @127.0.0.1 -p {uport} +tries=1 +time=2 -f queries.txt > dig.out", cwd=d, timeout=200)
    time.sleep(0.5)
    cm.stop(p)
    cap("unbound-log-tail-300", "tail -n 300 unbound.log", d, n_unbound_log)
    cap("unbound-log-grep-v-noerror", "grep -v ' NOERROR ' unbound.log | head -n 200", d, n_unbound_log)
    mport = free_port()
    hosts = "".join(f"10.30.0.{k + 1} {st}.meteo.test {st}\n" for k, st in enumerate(sts[:30]))
    (d / "meteo.hosts").write_text(hosts)
    p = cm.start(["dnsmasq", "-k", "--conf-file=/dev/null", f"--port={mport}", "--listen-address=127.0.0.1",
                  "--bind-interfaces", "--no-resolv", "--no-hosts", f"--addn-hosts={d}/meteo.hosts",
                  f"--server=127.0.0.1#{dead}", "--log-queries", f"--log-facility={d}/dnsmasq.log",
                  "--address=/ads.test/", "--local=/meteo.test/", "--user=root"], cwd=d)
    time.sleep(1)
    (d / "queries2.txt").write_text(dns_queries(7942, 500, sts))
    run(f"dig @127.0.0.1 -p {mport} +tries=1 +time=1 -f queries2.txt > dig2.out", cwd=d, timeout=200)
    cm.stop(p)
    cap("dnsmasq-log-cat", "cat dnsmasq.log", d, n_dnsmasq_log)


# ------------------------------------------------------------------ Squid in front of the stations' web

def squid_parse_conf(seed: int, port: int) -> str:
    rnd = random.Random(seed)
    out = [f"http_port 127.0.0.1:{port}", "cache_mem 64 MB", "maximum_object_size 8 MB"]
    for k in range(40):
        a, b = rnd.randint(10, 12), rnd.randint(0, 40)
        out.append(f"acl stations_{k % 9} src 10.{a}.{b}.0/24")
        if k % 6 == 0:
            out.append(f"acl stations_{k % 9} src 10.{a}.0.0/16")  # a subnet of an earlier line: a WARNING
    out += ["acl ads dstdomain .ads.test ads.test", "acl ads dstdomain tracker.ads.test",
            "acl api dstdomain .meteo.test", "acl api dstdomain ingest.meteo.test",
            "acl SSL_ports port 443", "acl Safe_ports port 80 443 1025-65535",
            "http_access deny !Safe_ports", "http_access deny ads",
            "http_access allow localhost", "http_access deny all",
            "refresh_pattern -i \\.(png|css|js)$ 1440 50% 10080",
            "refresh_pattern . 0 20% 4320",
            "dns_v4_first on",
            "cache_peer 127.0.0.1 parent 3128 0 no-query default name=upstream",
            "cache_peer_access upstream deny all",
            "acl radar urlpath_regex ^/radar/(.*\\.png",
            "cache_mem 64 XB"]
    return "\n".join(out) + "\n"


def squid_steps(tmp: Path) -> None:
    d = tmp / "meteo" / "squid"
    d.mkdir(parents=True, exist_ok=True)
    run(f"chmod 777 {d}", cwd=d)
    sport = free_port()
    (d / "squid-bad.conf").write_text(squid_parse_conf(7950, sport))
    cap("squid-k-parse", "squid -k parse -f squid-bad.conf", d, n_squid_parse)
    cap("squid-k-parse-tail-40-echo", "squid -k parse -f squid-bad.conf 2>&1 | tail -n 40; echo EXIT=$?", d,
        n_squid_parse)
    up, down = free_port(), free_port()
    (d / "ingest.py").write_text(INGEST)
    cm.start(["python3", "ingest.py", str(up)], cwd=d)
    wait_port(up, 10)
    (d / "squid.conf").write_text(
        f"http_port 127.0.0.1:{sport}\npid_filename {d}/squid.pid\ncache_log {d}/cache.log\n"
        f"access_log stdio:{d}/access.log squid\ncache_store_log none\ncoredump_dir {d}\ncache_mem 16 MB\n"
        "acl ads dstdomain .ads.test\nacl Safe_ports port 80 1025-65535\nacl CONNECT method CONNECT\n"
        "http_access deny !Safe_ports\nhttp_access deny CONNECT\nhttp_access deny ads\n"
        "http_access allow localhost\nhttp_access deny all\nforward_timeout 5 seconds\nconnect_timeout 2 seconds\n"
        "shutdown_lifetime 1 seconds\nrefresh_pattern . 1 20% 60\nhosts_file /etc/hosts\n"
        "dns_nameservers 127.0.0.1\n")
    run("touch access.log cache.log && chmod 666 access.log cache.log", cwd=d)
    p = cm.start(["squid", "-N", "-f", "squid.conf"], cwd=d)
    if not wait_port(sport, 20):
        raise RuntimeError("squid did not start")
    junk = free_port()
    (d / "junk.py").write_text("import socket\ns = socket.socket(); s.setsockopt(socket.SOL_SOCKET, "
                               "socket.SO_REUSEADDR, 1)\ns.bind(('127.0.0.1', int(__import__('sys').argv[1])))\n"
                               "s.listen(50)\nwhile True:\n    c, _ = s.accept(); c.recv(4096)\n"
                               "    c.sendall(b'HELLO METEO\\x00\\x01\\r\\n\\r\\n'); c.close()\n")
    cm.start(["python3", "junk.py", str(junk)], cwd=d)
    wait_port(junk, 10)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": f"http://127.0.0.1:{sport}"}))
    rnd = random.Random(7951)
    sts = stations(7952, 30)
    for k in range(1300):
        r = rnd.random()
        if r < 0.7:
            url = f"http://127.0.0.1:{up}/api/readings?station={rnd.choice(sts)}"
        elif r < 0.8:
            url = f"http://127.0.0.1:{up}/api/stations/{rnd.choice(sts)}"
        elif r < 0.9:
            url = f"http://127.0.0.1:{up}/radar/latest.png"
        elif r < 0.96:
            url = f"http://127.0.0.1:{up}/api/readings?station=gent-0{rnd.randint(0, 3)}"
        else:
            url = rnd.choice([f"http://127.0.0.1:{down}/metrics", "http://tracker.ads.test/pixel.gif",
                              f"http://127.0.0.1:{up}/api/readings?station=porto-01"])
        if k == 640:
            url = "http://127.0.0.1:25/relay"
        if k in (300, 301, 900, 1250):
            url = f"http://127.0.0.1:{junk}/feed/{k}"
        if k in (500, 1100):
            url = "http://radar-feed.meteo.test/latest.png"
        try:
            opener.open(url, timeout=8).read()
        except Exception:  # noqa: BLE001  the errors are what the log shows
            pass
    time.sleep(1)
    cap("squid-access-log-tail-250", "tail -n 250 access.log", d, n_squid_access)
    cap("squid-access-log-grep-v-200", "grep -v '/200 ' access.log | tail -n 150", d, n_squid_access)
    cm.stop(p)
    time.sleep(1)
    cap("squid-cache-log", "cat cache.log", d, n_squid_cache)


# ------------------------------------------------------------------ a pcap of loopback traffic, read by tshark

def pcap_steps(tmp: Path) -> None:
    d = tmp / "meteo" / "pcap"
    d.mkdir(parents=True, exist_ok=True)
    up, down, dns = free_port(), free_port(), free_port()
    (d / "ingest.py").write_text(INGEST)
    cm.start(["python3", "ingest.py", str(up)], cwd=d)
    wait_port(up, 10)
    cap_p = cm.start(["dumpcap", "-q", "-i", "lo", "-P", "-f", f"port {up} or port {down} or port {dns}", "-w",
                      str(d / "meteo.pcap")], cwd=d)
    time.sleep(2)
    rnd = random.Random(7960)
    sts = stations(7961, 20)
    for k in range(110):
        r = rnd.random()
        if r < 0.8:
            url, data = f"http://127.0.0.1:{up}/api/readings?station={rnd.choice(sts + ['gent-00'])}", None
        elif r < 0.9:
            url, data = f"http://127.0.0.1:{up}/api/readings", b'{"station": "oslo-01", "temp_c": null}'
        else:
            url, data = f"http://127.0.0.1:{up}/api/stations/{rnd.choice(sts)}", None
        try:
            urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=5).read()
        except Exception:  # noqa: BLE001
            pass
        if k % 30 == 7:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{down}/metrics", timeout=2)
            except Exception:  # noqa: BLE001
                pass
        time.sleep(0.03)
    run(f"dig @127.0.0.1 -p {dns} +tries=1 +time=1 oslo-01.meteo.test", cwd=d, timeout=20)
    time.sleep(1.5)
    cm.stop(cap_p)
    time.sleep(0.5)
    cap("tshark-r-head-300", "tshark -r meteo.pcap 2>&1 | head -n 300", d, n_tshark_summary)
    cap("tshark-r-filter-errors", "tshark -r meteo.pcap -Y 'http.response.code >= 400 or tcp.flags.reset == 1 or icmp'",
        d, n_tshark_summary)
    cap("tshark-V-http-404", "tshark -r meteo.pcap -V -Y 'http.response.code == 404'", d, n_tshark_verbose)
    cap("tshark-z-io-stat", "tshark -r meteo.pcap -q -z io,stat,0.5", d, n_tshark_io)
    cap("tshark-z-io-stat-errors", "tshark -r meteo.pcap -q -z 'io,stat,1,tcp.flags.reset==1,http.response.code>=500'",
        d, n_tshark_io)
    cap("tshark-z-conv-tcp", "tshark -r meteo.pcap -q -z conv,tcp", d, n_tshark_conv)


def nstat_steps(tmp: Path) -> None:
    d = tmp / "meteo"
    d.mkdir(parents=True, exist_ok=True)
    cap("nstat-az", "nstat -az", d, n_nstat)
    cap("nstat-az-grep-err", "nstat -az | grep -i -E 'err|fail|drop|retrans|reset|overflow'; echo EXIT=$?", d, n_nstat)


STEPS = [mosquitto_steps, dns_steps, squid_steps, pcap_steps, nstat_steps]
